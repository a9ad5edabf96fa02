/**
 * Pairing a member with a household, changing its kinds, and ending it: by the branch secretary,
 * community staff, or a grid's lead within their grid (PAIRS_MEMBERS). Kinds are written only by
 * those who read them (the secretary and staff); the member must be one of the household's compound.
 */
import {
  DomainError,
  isMemberOf,
  mayPair,
  mayWriteKinds,
  normaliseKinds,
  pairingId,
  householdKey,
  unknownKinds,
  type Pairing,
  type Unit,
} from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/pairings';
import { audit, bindingsOf } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { kindsOf } from './kinds';
import { communityOf, loadPairing, outsideRefusal } from './scope';
import { pairingNames, pairingView } from './views';

const KINDS_REFUSAL = '户类别只有小区党支部书记和社区工作人员能填写和查看：请不填户类别直接结对，由他们补上';

/** Refused unless every kind is on the community's list; the kinds as kept. */
async function checkedKinds(ctx: AuthedContext, communityId: string, kinds: readonly string[]): Promise<string[]> {
  const list = normaliseKinds(kinds);
  const unknown = unknownKinds(list, await kindsOf(ctx.deps, communityId));
  if (unknown.length) throw new DomainError('PAIRING.KIND_UNKNOWN', `没有“${unknown.join('、')}”这个户类别，请从社区设定的类别中选择`, 'kinds');
  return list;
}

async function answer(ctx: AuthedContext, p: Pairing) {
  return pairingView(p, await pairingNames(ctx.deps, [p]), { personId: ctx.caller.person.id, bindings: ctx.caller.bindings });
}

/** The pairing's building, where it is now (where it was, if gone). */
async function placeOf(ctx: AuthedContext, p: Pairing): Promise<Pick<Unit, 'path' | 'name'>> {
  return (await ctx.deps.store.units.get(p.buildingId)) ?? { path: p.unitPath, name: '这栋楼' };
}

/** Refused unless the caller may move the pairing and it is still on, at the version read. */
async function movable(ctx: AuthedContext, id: string, version: number): Promise<Pairing> {
  const p = await loadPairing(ctx, id);
  const place = await placeOf(ctx, p);
  if (!mayPair(ctx.caller.bindings, place)) throw outsideRefusal(ctx.caller.bindings, place);
  if (p.status === 'ended') throw new DomainError('PAIRING.ENDED');
  if (p.version !== version) throw new DomainError('CONFLICT.VERSION');
  return p;
}

export const pair: FunctionDef = {
  pair: personAction(schemas.pairings.pair, async (ctx, input) => {
    const { deps, caller } = ctx;
    const now = deps.clock.now();
    const building = await deps.store.units.get(input.buildingId);
    if (!building || building.archived || building.kind !== 'building') throw new DomainError('UNIT.NOT_FOUND', '请选择住户所在的楼栋', 'buildingId');
    if (!mayPair(caller.bindings, building)) throw outsideRefusal(caller.bindings, building, 'buildingId');
    const community = await communityOf(ctx, building);
    if (!community) throw new DomainError('UNIT.NOT_FOUND', '这栋楼不在任何社区里', 'buildingId');
    const wantsKinds = (input.kinds ?? []).length > 0;
    if (wantsKinds && !mayWriteKinds(caller.bindings, building)) throw new DomainError('AUTH.FORBIDDEN', KINDS_REFUSAL, 'kinds');
    const kinds = wantsKinds ? await checkedKinds(ctx, community.id, input.kinds!) : [];
    // Someone who is no member here is as unknown as someone who does not exist: ids cannot be probed.
    const member = await deps.store.people.get(input.memberId);
    if (!member || !isMemberOf(await bindingsOf(deps, member.id), building)) throw new DomainError('PAIRING.NOT_MEMBER_HERE', undefined, 'memberId');

    const household = { buildingId: building.id, door: input.door };
    const p: Pairing = {
      id: pairingId(member.id, household),
      memberId: member.id,
      buildingId: building.id,
      door: input.door,
      householdKey: householdKey(household),
      unitPath: building.path,
      communityId: community.id,
      kinds,
      contactName: input.contactName ?? null,
      contactPhone: input.contactPhone ?? null,
      status: 'active',
      visits: 0,
      lastVisitOn: null,
      createdAt: now,
      createdBy: caller.person.id,
      endedAt: null,
      endedBy: null,
      endReason: null,
      updatedAt: now,
      version: 1,
    };
    const res = await deps.store.pairings.insert(p);
    let saved: Pairing;
    let created = true;
    if (res.ok) saved = res.pairing;
    else if (res.existing.status === 'active') throw new DomainError('PAIRING.ALREADY_PAIRED', `${member.name}已经和这一户结对了，不用再结对`, 'door');
    else {
      // Ended before: the same record is taken up again, its visits with it. A reader who writes no kinds keeps the old ones.
      const was = res.existing;
      const again: Pairing = {
        ...was,
        kinds: wantsKinds ? kinds : was.kinds,
        contactName: input.contactName ?? was.contactName,
        contactPhone: input.contactPhone ?? was.contactPhone,
        status: 'active',
        endedAt: null,
        endedBy: null,
        endReason: null,
        updatedAt: now,
        version: was.version + 1,
      };
      const updated = await deps.store.pairings.update(again, was.version);
      if (!updated) throw new DomainError('CONFLICT.VERSION');
      saved = updated;
      created = false;
    }
    await audit(ctx, 'pairings.pair', 'pairing', saved.id, { memberId: member.id, buildingId: building.id, again: !created }, building.path);
    return { pairing: await answer(ctx, saved), created };
  }),

  setKinds: personAction(schemas.pairings.setKinds, async (ctx, input) => {
    const p = await loadPairing(ctx, input.id);
    const place = await placeOf(ctx, p);
    if (!mayWriteKinds(ctx.caller.bindings, place)) throw new DomainError('AUTH.FORBIDDEN', '户类别只有小区党支部书记和社区工作人员能修改', 'kinds');
    if (p.status === 'ended') throw new DomainError('PAIRING.ENDED');
    if (p.version !== input.version) throw new DomainError('CONFLICT.VERSION');
    const kinds = await checkedKinds(ctx, p.communityId, input.kinds);
    const saved = await ctx.deps.store.pairings.update({ ...p, kinds, updatedAt: ctx.deps.clock.now(), version: p.version + 1 }, p.version);
    if (!saved) throw new DomainError('CONFLICT.VERSION');
    await audit(ctx, 'pairings.setKinds', 'pairing', p.id, { memberId: p.memberId }, place.path);
    return answer(ctx, saved);
  }),

  end: personAction(schemas.pairings.end, async (ctx, input) => {
    const p = await movable(ctx, input.id, input.version);
    const now = ctx.deps.clock.now();
    const next: Pairing = { ...p, status: 'ended', endedAt: now, endedBy: ctx.caller.person.id, endReason: input.reason, updatedAt: now, version: p.version + 1 };
    const saved = await ctx.deps.store.pairings.update(next, p.version);
    if (!saved) throw new DomainError('CONFLICT.VERSION');
    await audit(ctx, 'pairings.end', 'pairing', p.id, { memberId: p.memberId, reason: input.reason }, p.unitPath);
    return answer(ctx, saved);
  }),
};
