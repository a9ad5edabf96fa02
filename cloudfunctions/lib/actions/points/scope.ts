/**
 * Whose points a caller reads and runs (src/core/points-access.ts): the community a request is about,
 * the units a staff list covers, and finding a person, record, goods or order the caller may touch —
 * another community's answer not found, as one that does not exist.
 */
import {
  DomainError,
  EARNS_POINTS,
  maySeeCommunityPoints,
  mayRunPoints,
  pointsRootsOf,
  type Goods,
  type Person,
  type Redemption,
  type ServiceRecord,
  type Unit,
} from '../../../../src/core';
import type { Deps } from '../../deps';
import type { AuthedContext } from '../define';

/** The community a unit lies in (the unit itself if it is one); null above it (a street). */
export async function communityOfUnit(deps: Deps, unit: Unit): Promise<Unit | null> {
  if (unit.kind === 'community') return unit;
  const above = await deps.store.units.getMany(unit.path.split('/').filter(Boolean));
  return above.find((u) => u.kind === 'community') ?? null;
}

/** The community of the caller's first live binding inside one (a street officer has none). */
export async function callerCommunity(ctx: AuthedContext): Promise<Unit | null> {
  const b = ctx.caller.bindings.find((x) => !x.unit.archived && x.unit.kind !== 'street');
  return b ? communityOfUnit(ctx.deps, b.unit) : null;
}

/** The community asked about (`communityId`, else the caller's), which the caller is bound in or above. */
export async function readableCommunity(ctx: AuthedContext, communityId: string | undefined, field = 'communityId'): Promise<Unit> {
  const community = communityId ? await ctx.deps.store.units.get(communityId) : await callerCommunity(ctx);
  if (!community || community.kind !== 'community') throw new DomainError('UNIT.NOT_FOUND', communityId ? '请选择一个社区：积分是每个社区自己管的' : '请选择一个社区', field);
  if (!maySeeCommunityPoints(ctx.caller.bindings, community)) throw new DomainError('AUTH.FORBIDDEN', `您不在${community.name}，看不到它的积分`, field);
  return community;
}

export const runsRefusal = (field?: string) => new DomainError('AUTH.FORBIDDEN', '积分、服务记录和积分超市由社区工作人员管理，您没有这个权限', field);

/** The community `communityId` (else the caller's), whose points the caller runs. */
export async function runCommunity(ctx: AuthedContext, communityId: string | undefined, field = 'communityId'): Promise<Unit> {
  let community: Unit | null;
  if (communityId) community = await ctx.deps.store.units.get(communityId);
  else {
    const roots = pointsRootsOf(ctx.caller.bindings);
    if (roots.length === 0) throw runsRefusal();
    // A street officer runs many communities: they name one.
    community = roots.length === 1 && roots[0].kind === 'community' ? await ctx.deps.store.units.get(roots[0].id) : null;
    if (!community) throw new DomainError('INPUT.INVALID', '请选择一个社区', field);
  }
  if (!community || community.kind !== 'community') throw new DomainError('UNIT.NOT_FOUND', '请选择一个社区：积分是每个社区自己管的', field);
  if (!mayRunPoints(ctx.caller.bindings, community)) throw runsRefusal(field);
  return community;
}

/** The units a staff list covers: `unitId` alone when given, else every top unit the caller runs points on. */
export async function runUnits(ctx: AuthedContext, unitId: string | undefined): Promise<Unit[]> {
  const roots = pointsRootsOf(ctx.caller.bindings);
  if (roots.length === 0) throw runsRefusal();
  if (!unitId) return (await ctx.deps.store.units.getMany(roots.map((u) => u.id))).sort((a, b) => (a.path < b.path ? -1 : 1));
  const unit = await ctx.deps.store.units.get(unitId);
  if (!unit) throw new DomainError('UNIT.NOT_FOUND', undefined, 'unitId');
  if (!mayRunPoints(ctx.caller.bindings, unit)) throw new DomainError('AUTH.FORBIDDEN', `${unit.name} 不在您负责的范围内`, 'unitId');
  return [unit];
}

/**
 * A person whose points the caller runs: someone who earns (or earned: their entries stay) in a
 * community the caller runs. Anyone else is not found, whether or not they exist.
 */
export async function runPerson(ctx: AuthedContext, personId: string): Promise<{ person: Person; community: Unit; earnUnit: Unit | null }> {
  const { deps } = ctx;
  if (pointsRootsOf(ctx.caller.bindings).length === 0) throw runsRefusal('personId');
  const person = await deps.store.people.get(personId);
  if (person) {
    const bindings = await deps.store.bindings.listForPerson(person.id);
    const units = await deps.store.units.getMany([...new Set(bindings.map((b) => b.unitId))]);
    const byId = new Map(units.map((u) => [u.id, u]));
    const earning = bindings
      .filter((b) => EARNS_POINTS.includes(b.role))
      .map((b) => byId.get(b.unitId))
      .filter((u): u is Unit => !!u && !u.archived && mayRunPoints(ctx.caller.bindings, u))
      .sort((a, b) => b.path.length - a.path.length);
    if (earning[0]) {
      const community = await communityOfUnit(deps, earning[0]);
      if (community) return { person, community, earnUnit: earning[0] };
    }
    // No longer a member or volunteer here, but with entries in a community the caller runs: still correctable.
    const last = (await deps.store.points.list({ personId: person.id }, 1, 0)).entries[0];
    const community = last ? await deps.store.units.get(last.communityId) : null;
    if (community && mayRunPoints(ctx.caller.bindings, community)) return { person, community, earnUnit: null };
    // Bound here in some other role (a resident): found, but earns nothing.
    if (units.some((u) => !u.archived && mayRunPoints(ctx.caller.bindings, u)))
      throw new DomainError('POINTS.NOT_EARNER', `${person.name}不是本社区已报到的党员或志愿者，不能获得积分`, 'personId');
  }
  throw new DomainError('PERSON.NOT_FOUND', '找不到这个人，或他不在您管理的社区里', 'personId');
}

/** A service record the caller runs (staff over its unit), else not found. */
export async function runRecord(ctx: AuthedContext, id: string): Promise<ServiceRecord> {
  const r = await ctx.deps.store.serviceRecords.get(id);
  if (!r || !mayRunPoints(ctx.caller.bindings, { path: r.unitPath })) throw new DomainError('SERVICE.NOT_FOUND', undefined, 'id');
  return r;
}

/** Goods of a community the caller may see (bound there), else not found. */
export async function visibleGoods(ctx: AuthedContext, id: string, field = 'goodsId'): Promise<{ goods: Goods; community: Unit }> {
  const g = await ctx.deps.store.shop.getGoods(id);
  const community = g ? await ctx.deps.store.units.get(g.communityId) : null;
  if (!g || !community || !maySeeCommunityPoints(ctx.caller.bindings, community)) throw new DomainError('SHOP.NOT_FOUND', undefined, field);
  return { goods: g, community };
}

/** Goods the caller runs (staff of its community), else not found. */
export async function runGoods(ctx: AuthedContext, id: string, field = 'id'): Promise<{ goods: Goods; community: Unit }> {
  const found = await visibleGoods(ctx, id, field);
  if (!mayRunPoints(ctx.caller.bindings, found.community)) throw new DomainError('SHOP.NOT_FOUND', undefined, field);
  return found;
}

/** An order the caller may act on: their own, or one of a community they run; else not found. */
export async function reachableOrder(ctx: AuthedContext, id: string, ownAllowed: boolean): Promise<{ redemption: Redemption; community: Unit }> {
  const r = await ctx.deps.store.shop.getRedemption(id);
  const community = r ? await ctx.deps.store.units.get(r.communityId) : null;
  const reachable = !!r && !!community && ((ownAllowed && r.personId === ctx.caller.person.id) || mayRunPoints(ctx.caller.bindings, community));
  if (!reachable) throw new DomainError('SHOP.ORDER_NOT_FOUND', undefined, 'id');
  return { redemption: r!, community: community! };
}
