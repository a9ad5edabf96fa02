import { DomainError, can, type Permission, type ScopedBinding, type Unit } from '../../../src/core';
import type { Deps } from '../deps';
import type { AuthedContext } from './define';
import type { AuditEntry } from '../store/port';

export async function loadUnit(ctx: AuthedContext, id: string, field = 'id'): Promise<Unit> {
  const unit = await ctx.deps.store.units.get(id);
  if (!unit) throw new DomainError('UNIT.NOT_FOUND', undefined, field);
  return unit;
}

/** A person's bindings with their units, as the access rules read them (a binding whose unit is gone counts for nothing). */
export async function bindingsOf(deps: Deps, personId: string): Promise<ScopedBinding[]> {
  const bindings = await deps.store.bindings.listForPerson(personId);
  const units = new Map((await deps.store.units.getMany([...new Set(bindings.map((b) => b.unitId))])).map((u) => [u.id, u]));
  return bindings.flatMap((b) => {
    const unit = units.get(b.unitId);
    return unit ? [{ role: b.role, unit }] : [];
  });
}

export function demand(ctx: AuthedContext, permission: Permission, unit: Pick<Unit, 'path'>, strictlyBelow = false): void {
  if (!can(ctx.caller.bindings, permission, unit, { strictlyBelow })) throw new DomainError('AUTH.FORBIDDEN');
}

export async function audit(
  ctx: AuthedContext,
  action: string,
  targetKind: AuditEntry['targetKind'],
  targetId: string,
  detail: Record<string, unknown>,
  /** The unit whose subtree this happened in: what the audit log is scoped by. */
  unitPath: string | null = null,
): Promise<void> {
  await ctx.deps.store.audit.append(auditEntry(ctx, action, targetKind, targetId, detail, unitPath));
}

/** The entry `audit` appends, for a write that carries it in its own transaction. */
export function auditEntry(
  ctx: AuthedContext,
  action: string,
  targetKind: AuditEntry['targetKind'],
  targetId: string,
  detail: Record<string, unknown>,
  unitPath: string | null = null,
): AuditEntry {
  return {
    id: ctx.deps.ids.next('aud'),
    at: ctx.deps.clock.now(),
    actorId: ctx.caller.person.id,
    action,
    targetKind,
    targetId,
    unitPath,
    detail: { ...detail, requestId: ctx.requestId },
  };
}
