/** A new lecture (a draft) on a community the caller runs lectures in; published separately. */
import type { Lecture } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/lectures';
import { audit } from '../common';
import { personAction, type FunctionDef } from '../define';
import { managedCommunity } from './access';
import { checkedFields } from './fields';
import { newVenueSecret } from './tokens';
import { staffViewOf } from './views';

export const create: FunctionDef = {
  create: personAction(schemas.lectures.create, async (ctx, input) => {
    const { deps } = ctx;
    const { communityId, ...given } = input;
    const community = await managedCommunity(ctx, communityId);
    const fields = await checkedFields(ctx, community, given, null);
    const now = deps.clock.now();
    const lecture: Lecture = {
      id: deps.ids.next('lec'),
      communityId: community.id,
      communityPath: community.path,
      ...fields,
      status: 'draft',
      confirmedSeats: 0,
      waiting: 0,
      nextSeq: 1,
      venueSecret: newVenueSecret(),
      createdBy: ctx.caller.person.id,
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
      cancelledAt: null,
      cancelledBy: null,
      cancelReason: null,
      version: 1,
    };
    await deps.store.lectures.insert(lecture);
    await audit(ctx, 'lectures.create', 'lecture', lecture.id, { title: lecture.title, startsAt: lecture.startsAt, capacity: lecture.capacity }, community.path);
    return staffViewOf(deps, ctx.caller, lecture);
  }),
};
