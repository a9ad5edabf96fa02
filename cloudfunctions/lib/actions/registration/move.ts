/**
 * 更正门牌: a resident asks to move from their home to another door, in the same building or another
 * of their compound. It is a registration for the new door, marked as a move (Registration.moveFrom),
 * waiting in the new building's queue: its lead approves it (approve.ts: the new door bound and the
 * old home ended in one write, RegistrationRepo.approve) or rejects it (nothing changes). Only the
 * caller's own homes; one move (or any registration) waiting at a time.
 */
import {
  DomainError,
  REGISTRATION_ROLE,
  REGISTRATION_SUBMIT_LIMIT,
  ancestorIds,
  doorLabel,
  householdKey,
  type MoveChoices,
  type Registration,
  type RegistrationView,
  type Unit,
} from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/registration';
import { trailOf, unitRef } from '../codes/views';
import { personAction, type AuthedContext, type CallerBinding, type FunctionDef } from '../define';
import { takeTry } from '../tries';
import { registrationAudit } from './access';
import { applicantFields, pendingOf } from './applicant';
import { approversOf, pendingNotices, tell } from './notices';
import { registrationUnits, registrationView } from './views';

/**
 * What a person with no WeChat user is known by in the pending-registration guards (one pending per
 * applicant): not a sha256 like a web key's hash, so no key a browser sends can ever match it.
 */
const personKey = (personId: string) => `person:${personId}`;

/** The caller's homes: their live resident bindings. */
const homesOf = (ctx: AuthedContext): CallerBinding[] => ctx.caller.bindings.filter((b) => b.role === REGISTRATION_ROLE && !b.unit.archived);

/** The home the move leaves: the one named, else the only one. */
function homeLeft(ctx: AuthedContext, fromBuildingId: string | undefined): CallerBinding {
  const homes = homesOf(ctx);
  if (homes.length === 0) throw new DomainError('REGISTRATION.NOT_HOME', '您还没有登记住址，请扫楼栋码登记，不用改门牌', 'fromBuildingId');
  if (fromBuildingId === undefined) {
    if (homes.length > 1) throw new DomainError('INPUT.INVALID', '您登记了不止一处住址，请先选要改的是哪一处', 'fromBuildingId');
    return homes[0];
  }
  const home = homes.find((h) => h.unit.id === fromBuildingId);
  if (!home) throw new DomainError('REGISTRATION.NOT_HOME', undefined, 'fromBuildingId');
  return home;
}

/** The compounds the homes are in (a home under no compound: its parent): a move goes to a building under one of them. */
async function reachOf(ctx: AuthedContext, homes: readonly CallerBinding[]): Promise<string[]> {
  const above = new Map((await ctx.deps.store.units.getMany([...new Set(homes.flatMap((h) => ancestorIds(h.unit.path)))])).map((u) => [u.id, u]));
  return [
    ...new Set(
      homes.map((h) => {
        const chain = ancestorIds(h.unit.path).map((id) => above.get(id));
        const compound = chain.find((u) => u?.kind === 'compound');
        return compound?.path ?? chain[chain.length - 2]?.path ?? h.unit.path;
      }),
    ),
  ];
}

async function demandNothingPending(ctx: AuthedContext): Promise<void> {
  const pending = await pendingOf(ctx.deps, { kind: 'person', person: ctx.caller.person, bindings: ctx.caller.bindings });
  if (!pending) return;
  if (pending.moveFrom) throw new DomainError('REGISTRATION.MOVE_PENDING');
  throw new DomainError('REGISTRATION.MOVE_PENDING', '您还有一份登记在等楼栋长审核，审核完再改门牌；着急的话请直接找楼栋长');
}

async function pendingMove(ctx: AuthedContext): Promise<Registration | null> {
  const mine = await ctx.deps.store.registrations.listForApplicant(ctx.caller.person.id);
  return mine.find((r) => r.status === 'pending' && r.moveFrom) ?? null;
}

export const move: FunctionDef = {
  move: personAction(schemas.registration.move, async (ctx, input): Promise<RegistrationView> => {
    const { deps, caller } = ctx;
    await takeTry(ctx, 'registration.submit', REGISTRATION_SUBMIT_LIMIT, 'REGISTRATION.TOO_MANY');
    const home = homeLeft(ctx, input.fromBuildingId);
    const building = await deps.store.units.get(input.buildingId);
    if (!building || building.kind !== 'building') throw new DomainError('UNIT.NOT_FOUND', '找不到这栋楼，请从列表里选', 'buildingId');
    if (building.archived) throw new DomainError('UNIT.ARCHIVED', '这栋楼已不再使用，请选别的楼', 'buildingId');
    if (building.id === home.unit.id) {
      if (home.binding.door && householdKey({ buildingId: building.id, door: home.binding.door }) === householdKey({ buildingId: building.id, door: input.door }))
        throw new DomainError('REGISTRATION.SAME_DOOR', undefined, 'door');
    } else if (homesOf(ctx).some((h) => h.unit.id === building.id)) {
      throw new DomainError('REGISTRATION.ALREADY_RESIDENT', '您在这栋楼已经登记了住址；要改那一处的门牌，请先选那一处', 'buildingId');
    }
    await demandNothingPending(ctx);

    const now = deps.clock.now();
    const applicant = applicantFields({ kind: 'person', person: caller.person, bindings: caller.bindings });
    const draft: Registration = {
      id: deps.ids.next('reg'),
      status: 'pending',
      ...applicant,
      // One pending per applicant holds through the openid, else through this key.
      keyHash: applicant.openid ? null : personKey(caller.person.id),
      passwordHash: null,
      codeId: null,
      codePurpose: null,
      buildingId: building.id,
      buildingPath: building.path,
      door: input.door,
      name: caller.person.name,
      phone: caller.person.phone ?? '',
      phoneVerified: false,
      personId: null,
      autoApproved: null,
      decidedBy: null,
      decidedAt: null,
      rejectReason: null,
      moveFrom: { buildingId: home.unit.id, buildingPath: home.unit.path, door: home.binding.door ?? null },
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const inserted = await deps.store.registrations.insertPending(draft);
    // A racing request of the same person got there first.
    if (!inserted.created) throw new DomainError('REGISTRATION.MOVE_PENDING');
    const r = inserted.registration;
    // Where from and to, as unit ids: the doors are the person's, and the audit log outlives them.
    await deps.store.audit.append(registrationAudit(ctx, 'registration.move', r, { fromBuildingId: home.unit.id }, building));
    const units = await registrationUnits(deps, [r], [building, home.unit]);
    await tell(deps, pendingNotices(await approversOf(deps, r, units), r, trailOf(building, units)), ctx.requestId);
    return registrationView(r, units);
  }),

  moveChoices: personAction(schemas.registration.moveChoices, async (ctx): Promise<MoveChoices> => {
    const { deps } = ctx;
    const homes = homesOf(ctx);
    const below = (await Promise.all((await reachOf(ctx, homes)).map((p) => deps.store.units.listSubtree(p)))).flat();
    const buildings = [...new Map(below.filter((u) => u.kind === 'building' && !u.archived).map((u) => [u.id, u])).values()];
    const pending = await pendingMove(ctx);
    const units = await registrationUnits(deps, pending ? [pending] : [], [...homes.map((h) => h.unit), ...buildings]);
    const missing = [...new Set(buildings.flatMap((b) => ancestorIds(b.path)))].filter((id) => !units.has(id));
    for (const u of missing.length ? await deps.store.units.getMany(missing) : []) units.set(u.id, u);
    const trail = (u: Unit) => trailOf(u, units);
    return {
      homes: homes.map((h) => ({ building: unitRef(h.unit), trail: trail(h.unit), door: h.binding.door ?? null, doorLabel: h.binding.door ? doorLabel(h.binding.door) : null })),
      buildings: buildings.sort((a, b) => trail(a).localeCompare(trail(b), 'zh-Hans-CN', { numeric: true })).map((b) => ({ ...unitRef(b), trail: trail(b) })),
      pending: pending ? registrationView(pending, units) : null,
    };
  }),
};
