/**
 * Posting a wish: a resident for their own home (the building and door of their resident binding),
 * or a building or grid lead for a household of theirs (postedVia 'lead', the lead named on it).
 * A self-posted wish names the building's lead, else its grid's lead, as the way the claimer reaches
 * the wisher. Every wish waits for staff to approve it. A retried post (same clientRequestId) is the
 * same wish, and tells nobody twice.
 */
import {
  DomainError,
  POSTS_OWN_WISHES,
  WISH_DAYS_AHEAD_MAX,
  WISH_LEAD_ROLES,
  ancestorIds,
  dayKey,
  dayStart,
  mayPostFor,
  postsForHouseholds,
  type Door,
  type Person,
  type Unit,
  type ActionInput,
  type Wish,
} from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/wishes';
import { audit } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { readerOf } from './access';
import { wishNames, wishPhotos, wishView } from './views';

type ForHousehold = NonNullable<ActionInput<'wishes', 'post'>['forHousehold']>;

const DAY = 24 * 3600_000;

/** From today to WISH_DAYS_AHEAD_MAX days ahead, China days; a date that does not exist (2月30日) is refused too. */
export function checkByDate(day: string, now: number): void {
  const real = dayKey(dayStart(day)) === day;
  if (!real || day < dayKey(now) || day > dayKey(now + WISH_DAYS_AHEAD_MAX * DAY)) throw new DomainError('WISH.BAD_DATE', undefined, 'byDate');
}

interface Household {
  building: Unit;
  door: Door;
  wisher: Person | null;
  /** The contact phone, if any: kept only when the wisher shares it. */
  phone: string | null;
  postedVia: Wish['postedVia'];
}

/** The caller's own home: a resident binding with a door. */
function ownHome(ctx: AuthedContext): Household {
  const homes = ctx.caller.bindings.filter((b) => POSTS_OWN_WISHES.includes(b.role) && b.unit.kind === 'building' && !b.unit.archived);
  if (homes.length === 0) throw new DomainError('WISH.NOT_RESIDENT', postsForHouseholds(ctx.caller.bindings) ? '请选择为哪一户许愿：您不是登记的居民，只能为住户代许' : undefined);
  const home = homes.find((b) => b.binding.door);
  if (!home) throw new DomainError('WISH.NO_DOOR');
  return { building: home.unit, door: home.binding.door!, wisher: ctx.caller.person, phone: ctx.caller.person.phone, postedVia: 'self' };
}

/** A household of a building the caller leads (their building, or one of their grid). */
async function leadsHousehold(ctx: AuthedContext, h: ForHousehold): Promise<Household> {
  const { deps, caller } = ctx;
  const building = await deps.store.units.get(h.buildingId);
  if (!building || building.archived || building.kind !== 'building') throw new DomainError('UNIT.NOT_FOUND', '请选择住户所在的楼栋', 'forHousehold.buildingId');
  if (!mayPostFor(caller.bindings, building)) {
    const why = postsForHouseholds(caller.bindings)
      ? `${building.name} 不在您负责的楼栋或网格里：只能为自己楼栋或网格的住户代许心愿`
      : '只有楼栋长和网格长可以为住户代许心愿；您可以为自己许愿';
    throw new DomainError('AUTH.FORBIDDEN', why, 'forHousehold.buildingId');
  }
  let wisher: Person | null = null;
  if (h.personId) {
    // Someone who is no resident of the building is as unknown as someone who does not exist.
    const lives = (await deps.store.bindings.listWithRoles([building.id], POSTS_OWN_WISHES)).some((b) => b.personId === h.personId);
    wisher = lives ? await deps.store.people.get(h.personId) : null;
    if (!wisher) throw new DomainError('WISH.NOT_RESIDENT', '这个人不是这栋楼登记的居民：可以不选人，只填门牌', 'forHousehold.personId');
  }
  return { building, door: h.door, wisher, phone: h.phone ?? wisher?.phone ?? null, postedVia: 'lead' };
}

/** The lead a self-posted wish names: the building's lead, else its grid's lead; never the wisher. */
async function leadFor(ctx: AuthedContext, building: Unit, wisherId: string): Promise<string | null> {
  const above = await ctx.deps.store.units.getMany(ancestorIds(building.path));
  const grids = above.filter((u) => u.kind === 'grid' && !u.archived).map((u) => u.id);
  const bindings = await ctx.deps.store.bindings.listWithRoles([building.id, ...grids], WISH_LEAD_ROLES);
  for (const role of WISH_LEAD_ROLES) {
    const lead = bindings.find((b) => b.role === role && b.personId !== wisherId);
    if (lead) return lead.personId;
  }
  return null;
}

async function communityOf(ctx: AuthedContext, building: Unit): Promise<Unit> {
  const community = (await ctx.deps.store.units.getMany(ancestorIds(building.path))).find((u) => u.kind === 'community');
  if (!community) throw new DomainError('UNIT.NOT_FOUND', '这栋楼不在任何社区里', 'forHousehold.buildingId');
  return community;
}

export const post: FunctionDef = {
  post: personAction(schemas.wishes.post, async (ctx, input) => {
    const { deps, caller } = ctx;
    const now = deps.clock.now();
    checkByDate(input.byDate, now);
    const h = input.forHousehold ? await leadsHousehold(ctx, input.forHousehold) : ownHome(ctx);
    const community = await communityOf(ctx, h.building);
    const shared = input.phoneShared ?? false;
    const w: Wish = {
      id: deps.ids.next('wsh'),
      communityId: community.id,
      buildingId: h.building.id,
      unitPath: h.building.path,
      door: h.door,
      wisherId: h.wisher?.id ?? null,
      what: input.what,
      forWhom: input.forWhom,
      byDate: input.byDate,
      postedBy: caller.person.id,
      postedVia: h.postedVia,
      leadId: h.postedVia === 'lead' ? caller.person.id : await leadFor(ctx, h.building, caller.person.id),
      phoneShared: shared,
      // A phone the wisher does not share is not kept at all.
      phone: shared ? h.phone : null,
      status: 'pending',
      approvedBy: null,
      approvedAt: null,
      rejectReason: null,
      claimerId: null,
      claimedAt: null,
      fulfilNote: null,
      fulfilPhotos: [],
      fulfilledAt: null,
      confirmedAt: null,
      confirmedBy: null,
      points: null,
      clientRequestId: input.clientRequestId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const { wish, created } = await deps.store.wishes.insert(w);
    if (created) await audit(ctx, 'wishes.post', 'wish', wish.id, { postedVia: wish.postedVia, buildingId: wish.buildingId }, wish.unitPath);
    const reader = await readerOf(deps, caller.person.id, caller.bindings, wish);
    return { wish: await wishView(deps, wish, await wishNames(deps, [wish]), reader, await wishPhotos(deps, caller, [wish])), created };
  }),
};
