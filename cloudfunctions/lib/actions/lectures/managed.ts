/** A community's lectures as its staff manage them, latest start first (drafts and cancelled ones too). */
import * as schemas from '../../../../src/core/schemas/lectures';
import { unitRef } from '../codes/views';
import { personAction, type FunctionDef } from '../define';
import { managedCommunity } from './access';
import { lectureNames, staffView } from './views';

/** More than a community holds in a few years; the oldest beyond it are left off. */
export const MANAGED_LIMIT = 300;

export const managed: FunctionDef = {
  managed: personAction(schemas.lectures.managed, async (ctx, input) => {
    const { deps } = ctx;
    const community = await managedCommunity(ctx, input.communityId);
    const lectures = await deps.store.lectures.listForCommunity(community.id, { limit: MANAGED_LIMIT });
    const names = await lectureNames(deps, ctx.caller, lectures);
    return { community: unitRef(community), lectures: lectures.map((l) => staffView(l, names)) };
  }),
};
