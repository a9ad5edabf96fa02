/**
 * Finding a registration and who decides it: an approver (APPROVES_REGISTRATIONS) on its building or
 * above it, wherever the building is now. A decision is taken only on the pending registration the
 * approver read: anything else is refused with what changed.
 */
import { DomainError, mayApproveRegistration, type Registration, type Unit } from '../../../../src/core';
import type { Deps } from '../../deps';
import type { AuditEntry } from '../../store/port';
import type { ActionContext, AuthedContext } from '../define';

export async function loadRegistration(deps: Deps, id: string): Promise<Registration> {
  const r = await deps.store.registrations.get(id);
  if (!r) throw new DomainError('REGISTRATION.NOT_FOUND', undefined, 'id');
  return r;
}

/** The registration's building as it is now, or null if it is gone. */
export function buildingOf(deps: Deps, r: Registration): Promise<Unit | null> {
  return deps.store.units.get(r.buildingId);
}

/** Refused unless the caller approves registrations for this building (where it is now; where it was if gone). */
export function demandApprover(ctx: AuthedContext, r: Registration, building: Unit | null): void {
  if (!mayApproveRegistration(ctx.caller.bindings, { path: building?.path ?? r.buildingPath }))
    throw new DomainError('AUTH.FORBIDDEN', '这份登记不归您审核：只有这栋楼的楼栋长和上级单位的工作人员能审核');
}

/** Refused unless it is still pending at the version the approver read. */
export function demandUndecided(r: Registration, version: number): void {
  if (r.status !== 'pending') throw new DomainError('REGISTRATION.ALREADY_DECIDED');
  if (r.version !== version) throw new DomainError('CONFLICT.VERSION');
}

/** Why the store took no decision (someone decided or changed it between the read and the write). */
export async function decisionRefusal(deps: Deps, id: string): Promise<DomainError> {
  const now = await deps.store.registrations.get(id);
  return new DomainError(now && now.status === 'pending' ? 'CONFLICT.VERSION' : 'REGISTRATION.ALREADY_DECIDED');
}

/** An audit entry about a registration, scoped to its building; the actor is null for an applicant nobody knows yet. */
export function registrationAudit(ctx: ActionContext, action: string, r: Registration, detail: Record<string, unknown>, building: Pick<Unit, 'path'> | null = null): AuditEntry {
  return {
    id: ctx.deps.ids.next('aud'),
    at: ctx.deps.clock.now(),
    actorId: ctx.caller?.person.id ?? null,
    action,
    targetKind: 'registration',
    targetId: r.id,
    unitPath: building?.path ?? r.buildingPath,
    detail: { ...detail, buildingId: r.buildingId, requestId: ctx.requestId },
  };
}
