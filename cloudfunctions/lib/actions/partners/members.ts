/**
 * In-service members linked to their workplace (在职党员 ↔ 共建单位): staff link a member who checked in
 * (an approved check-in, memberType in_service) with a compound of one of the partner's communities they
 * manage, so the partner counts its members and they act for it in the mini-program. One partner a
 * person, under any concurrency (the store's link): a member linked elsewhere is refused.
 */
import { DomainError, type Checkin, type Unit } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/partners';
import { audit } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { detailOf } from './rows';
import { staffPartner } from './scope';

/** The person's approved in-service check-in in one of `communities`, or PARTNER.NOT_IN_SERVICE. */
async function inServiceCheckin(ctx: AuthedContext, personId: string, communities: readonly Unit[]): Promise<Checkin> {
  const person = await ctx.deps.store.people.get(personId);
  if (!person) throw new DomainError('PERSON.NOT_FOUND', undefined, 'personId');
  const checkins = await ctx.deps.store.checkins.listForPerson(personId);
  const found = checkins.find(
    (c) => c.status === 'approved' && c.personId === personId && c.memberType === 'in_service' && communities.some((u) => c.unitPath.startsWith(u.path)),
  );
  if (!found) throw new DomainError('PARTNER.NOT_IN_SERVICE', undefined, 'personId');
  return found;
}

export const members: FunctionDef = {
  linkMember: personAction(schemas.partners.linkMember, async (ctx, input) => {
    const { deps, caller } = ctx;
    const { partner, communities } = await staffPartner(ctx, input.partnerId, 'partnerId');
    if (partner.archived) throw new DomainError('PARTNER.ARCHIVED', undefined, 'partnerId');
    const checkin = await inServiceCheckin(ctx, input.personId, communities);
    const r = await deps.store.partners.linkMember({ partnerId: partner.id, personId: input.personId, checkinId: checkin.id, linkedBy: caller.person.id, linkedAt: deps.clock.now() });
    if (!r.ok) throw new DomainError('PARTNER.MEMBER_ELSEWHERE', undefined, 'personId');
    if (r.link.partnerId !== partner.id) throw new DomainError('PARTNER.MEMBER_ELSEWHERE', undefined, 'personId');
    await audit(ctx, 'partners.linkMember', 'partner', partner.id, { personId: input.personId, checkinId: checkin.id }, communities[0].path);
    return detailOf(ctx, partner);
  }),

  unlinkMember: personAction(schemas.partners.unlinkMember, async (ctx, input) => {
    const { partner, communities } = await staffPartner(ctx, input.partnerId, 'partnerId');
    // Unlinking someone who is not linked (a retry) leaves the partner as it is.
    if (await ctx.deps.store.partners.unlinkMember(partner.id, input.personId))
      await audit(ctx, 'partners.unlinkMember', 'partner', partner.id, { personId: input.personId }, communities[0].path);
    return detailOf(ctx, partner);
  }),
};
