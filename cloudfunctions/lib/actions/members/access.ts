/**
 * Finding a check-in and who may move it: a decider of the event (DECIDES_CHECKINS) on its unit or
 * above it, wherever the unit is now. A step is taken only on the check-in as the decider read it:
 * anything else is refused with what changed.
 */
import { DomainError, checkinRefusal, mayDecideCheckin, memberActionRefusal, type Checkin, type CheckinEvent, type Unit } from '../../../../src/core';
import type { Deps } from '../../deps';
import type { AuditEntry } from '../../store/port';
import type { ActionContext, AuthedContext } from '../define';

export async function loadCheckin(deps: Deps, id: string): Promise<Checkin> {
  const c = await deps.store.checkins.get(id);
  if (!c) throw new DomainError('CHECKIN.NOT_FOUND', undefined, 'id');
  return c;
}

/** The check-in's unit as it is now, or null if it is gone. */
export function unitOf(deps: Deps, c: Checkin): Promise<Unit | null> {
  return deps.store.units.get(c.unitId);
}

/** Refused unless the caller takes `event` on check-ins of this unit (where it is now; where it was if gone). */
export function demandDecider(ctx: AuthedContext, event: CheckinEvent, c: Checkin, unit: Unit | null): void {
  if (mayDecideCheckin(ctx.caller.bindings, event, { path: unit?.path ?? c.unitPath })) return;
  // A secretary elsewhere is told whose it is; anyone else what they can do instead.
  const decidesElsewhere = ctx.caller.bindings.some((b) => mayDecideCheckin([b], event, b.unit));
  throw new DomainError(
    'AUTH.FORBIDDEN',
    decidesElsewhere ? `这份报到是 ${unit?.name ?? '别的单位'} 的，不归您审核：只有那里的党支部书记和上级社区书记能办理` : memberActionRefusal(ctx.caller.bindings, 'decide'),
  );
}

/** Refused unless `event` can happen to it now, at the version the decider read. */
export function demandStep(c: Checkin, event: CheckinEvent, version: number): void {
  const why = checkinRefusal(c.status, event);
  if (why) throw new DomainError(why.code, why.message);
  if (c.version !== version) throw new DomainError('CONFLICT.VERSION');
}

/** Why the store took no step (someone moved it between the read and the write). */
export async function stepRefusal(deps: Deps, id: string, event: CheckinEvent): Promise<DomainError> {
  const now = await deps.store.checkins.get(id);
  const why = now ? checkinRefusal(now.status, event) : null;
  return why ? new DomainError(why.code, why.message) : new DomainError('CONFLICT.VERSION');
}

/** An audit entry about a check-in, scoped to its unit; the actor is null for an applicant nobody knows yet. */
export function checkinAudit(ctx: ActionContext, action: string, c: Checkin, detail: Record<string, unknown>, unit: Pick<Unit, 'path'> | null = null): AuditEntry {
  return {
    id: ctx.deps.ids.next('aud'),
    at: ctx.deps.clock.now(),
    actorId: ctx.caller?.person.id ?? null,
    action,
    targetKind: 'checkin',
    targetId: c.id,
    unitPath: unit?.path ?? c.unitPath,
    detail: { ...detail, unitId: c.unitId, requestId: ctx.requestId },
  };
}
