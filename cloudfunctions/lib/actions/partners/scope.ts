/**
 * Who stands where with partners (src/core/partner-access.ts): staff of a community (the community's
 * side) and the people who act for a partner — its contact and its linked in-service members (the
 * partner's side). Each refusal says what to do; a partner's side reading another partner's things is
 * told they are not theirs (PARTNER.NOT_YOURS), a community it does not partner with is named as such
 * (PARTNER.NOT_PARTNERING).
 */
import {
  DomainError,
  MANAGES_PARTNERS,
  ancestorIds,
  managesPartnersOf,
  partnersWith,
  sideOf,
  type Partner,
  type PartnerSide,
  type Unit,
} from '../../../../src/core';
import type { Deps } from '../../deps';
import type { AuthedContext } from '../define';

export const STAFF_ONLY = '共建单位由社区工作人员管理；共建单位的联络人和在职党员请在小程序“我的共建单位”里操作';

/** The community a unit lies in (the unit itself if it is one); null above it. */
export async function communityOf(deps: Deps, unit: Unit): Promise<Unit | null> {
  if (unit.kind === 'community') return unit;
  const above = await deps.store.units.getMany(ancestorIds(unit.path));
  return above.find((u) => u.kind === 'community') ?? null;
}

/** The communities the caller manages partners for, directly or under a street they serve. */
export async function managedCommunities(ctx: AuthedContext): Promise<Unit[]> {
  const roots = ctx.caller.bindings.filter((b) => !b.unit.archived && MANAGES_PARTNERS.includes(b.role)).map((b) => b.unit);
  const out = new Map<string, Unit>();
  for (const root of roots) {
    if (root.kind === 'community') out.set(root.id, root);
    else if (root.kind === 'street') for (const c of await ctx.deps.store.units.listSubtree(root.path)) if (c.kind === 'community' && !c.archived) out.set(c.id, c);
  }
  return [...out.values()];
}

/** The caller manages partners for this community. */
export const manages = (ctx: AuthedContext, community: Pick<Unit, 'path'>): boolean => managesPartnersOf(ctx.caller.bindings, community.path);

/** The community a staff caller works on: `communityId`, else their own (the first they manage). */
export async function staffCommunity(ctx: AuthedContext, communityId: string | undefined, field = 'communityId'): Promise<Unit> {
  if (!ctx.caller.bindings.some((b) => !b.unit.archived && MANAGES_PARTNERS.includes(b.role))) throw new DomainError('AUTH.FORBIDDEN', STAFF_ONLY, field);
  let community: Unit | null;
  if (communityId) {
    community = await ctx.deps.store.units.get(communityId);
    if (!community || community.kind !== 'community') throw new DomainError('UNIT.NOT_FOUND', '请选择一个社区：共建单位按社区管理', field);
  } else {
    community = (await managedCommunities(ctx))[0] ?? null;
    if (!community) throw new DomainError('UNIT.NOT_FOUND', '请选择一个社区：共建单位按社区管理', field);
  }
  if (!manages(ctx, community)) throw new DomainError('AUTH.FORBIDDEN', `${community.name} 不在您负责的范围内`, field);
  return community;
}

/** The communities (as units) of the ids, those that exist. */
export async function communitiesOf(deps: Deps, ids: readonly string[]): Promise<Unit[]> {
  return (await deps.store.units.getMany([...new Set(ids)])).filter((u) => u.kind === 'community');
}

/** Staff of any of the partner's communities: they read it and manage it for their community. */
export async function staffOver(ctx: AuthedContext, p: Partner): Promise<Unit[]> {
  return (await communitiesOf(ctx.deps, p.communityIds)).filter((c) => manages(ctx, c));
}

/** Where the audit log keeps what staff did to a partner: the first of its communities the caller manages. */
export async function partnerAuditPath(ctx: AuthedContext, p: Partner): Promise<string | null> {
  return (await staffOver(ctx, p))[0]?.path ?? null;
}

/** A partner staff manage (one of its communities is theirs); PARTNER.NOT_FOUND otherwise (ids cannot be probed). */
export async function staffPartner(ctx: AuthedContext, id: string, field = 'id'): Promise<{ partner: Partner; communities: Unit[] }> {
  const partner = await ctx.deps.store.partners.get(id);
  if (!partner) throw new DomainError('PARTNER.NOT_FOUND', undefined, field);
  const communities = await staffOver(ctx, partner);
  if (communities.length === 0) throw new DomainError('PARTNER.NOT_FOUND', undefined, field);
  return { partner, communities };
}

/** The partner the person is linked to as a member, if any. */
async function linkedPartnerId(deps: Deps, personId: string): Promise<string | null> {
  return (await deps.store.partners.memberLink(personId))?.partnerId ?? null;
}

export interface Acting {
  partner: Partner;
  side: PartnerSide;
}

/** Every partner the person acts for (as its contact, or as its linked member), not archived. */
export async function partnersActedFor(deps: Deps, personId: string): Promise<Acting[]> {
  const [contactOf, link] = await Promise.all([deps.store.partners.contactOf(personId), deps.store.partners.memberLink(personId)]);
  const out = new Map<string, Acting>();
  for (const p of contactOf) if (!p.archived) out.set(p.id, { partner: p, side: 'contact' });
  if (link && !out.has(link.partnerId)) {
    const p = await deps.store.partners.get(link.partnerId);
    if (p && !p.archived) out.set(p.id, { partner: p, side: 'member' });
  }
  return [...out.values()];
}

/** How the person acts for this partner, or null. */
export async function sideFor(deps: Deps, partner: Partner, personId: string): Promise<PartnerSide | null> {
  if (partner.archived) return null;
  if (partner.contact.personId === personId) return 'contact';
  return sideOf(partner, personId, await linkedPartnerId(deps, personId), partner.id);
}

/**
 * The partner the caller acts for: its contact or a linked member. PARTNER.NOT_FOUND when there is
 * none, PARTNER.ARCHIVED when it has stopped, PARTNER.NOT_YOURS when the caller does not act for it.
 */
export async function actingFor(ctx: AuthedContext, partnerId: string, field = 'partnerId'): Promise<Acting> {
  const partner = await ctx.deps.store.partners.get(partnerId);
  if (!partner) throw new DomainError('PARTNER.NOT_FOUND', undefined, field);
  if (partner.archived) throw new DomainError('PARTNER.ARCHIVED', undefined, field);
  const side = await sideFor(ctx.deps, partner, ctx.caller.person.id);
  if (!side) throw new DomainError('PARTNER.NOT_YOURS', undefined, field);
  return { partner, side };
}

/** Refused unless the partner partners with the community. */
export function demandPartnering(partner: Partner, communityId: string, field = 'communityId'): void {
  if (!partnersWith(partner, communityId)) throw new DomainError('PARTNER.NOT_PARTNERING', undefined, field);
}

/** Refused unless the thing is still at the version the caller read. */
export function atVersion(thing: { version: number }, version: number): void {
  if (thing.version !== version) throw new DomainError('CONFLICT.VERSION');
}
