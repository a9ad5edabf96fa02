/**
 * Whose pairings a caller reads and moves (src/core/pairings.ts): finding a pairing, the units a
 * caller lists, and the refusals, each saying what to do instead.
 */
import {
  DomainError,
  SEES_PAIRINGS,
  maySeePairings,
  pairingRefusal,
  pairingRootsOf,
  type Pairing,
  type ScopedBinding,
  type Unit,
} from '../../../../src/core';
import type { AuthedContext } from '../define';

/** The pairing, if the caller is its member or sees pairings over its household; else not found (ids cannot be probed). */
export async function loadPairing(ctx: AuthedContext, id: string, field = 'id'): Promise<Pairing> {
  const p = await ctx.deps.store.pairings.get(id);
  if (!p || (p.memberId !== ctx.caller.person.id && !maySeePairings(ctx.caller.bindings, { path: p.unitPath }))) throw new DomainError('PAIRING.NOT_FOUND', undefined, field);
  return p;
}

const leadsGrids = (bindings: readonly ScopedBinding[]) => bindings.some((b) => !b.unit.archived && b.role === 'grid_lead');

/** What a caller who may not act on `unit`'s pairings is told: a grid lead, that it is outside their grid. */
export function outsideRefusal(bindings: readonly ScopedBinding[], unit: Pick<Unit, 'name'>, field?: string): DomainError {
  if (leadsGrids(bindings) && !bindings.some((b) => !b.unit.archived && b.role !== 'grid_lead' && SEES_PAIRINGS.includes(b.role)))
    return new DomainError('AUTH.FORBIDDEN', `${unit.name} 不在您的网格里：网格长只能安排和查看自己网格住户的结对`, field);
  if (pairingRootsOf(bindings, SEES_PAIRINGS).length > 0) return new DomainError('AUTH.FORBIDDEN', `${unit.name} 不在您负责的范围内`, field);
  return new DomainError('AUTH.FORBIDDEN', pairingRefusal(bindings), field);
}

/** The units whose pairings the caller lists: `unitId` alone when given, else every top unit they hold such a role on. */
export async function readableUnits(ctx: AuthedContext, unitId: string | undefined): Promise<Unit[]> {
  const { bindings } = ctx.caller;
  const roots = pairingRootsOf(bindings, SEES_PAIRINGS);
  if (roots.length === 0) throw new DomainError('AUTH.FORBIDDEN', pairingRefusal(bindings));
  if (!unitId) return (await ctx.deps.store.units.getMany(roots.map((u) => u.id))).sort((a, b) => (a.path < b.path ? -1 : 1));
  const unit = await ctx.deps.store.units.get(unitId);
  if (!unit) throw new DomainError('UNIT.NOT_FOUND', undefined, 'unitId');
  if (!maySeePairings(bindings, unit)) throw outsideRefusal(bindings, unit, 'unitId');
  return [unit];
}

/** The community a unit lies in (the unit itself if it is one); null above it (a street). */
export async function communityOf(ctx: AuthedContext, unit: Unit): Promise<Unit | null> {
  if (unit.kind === 'community') return unit;
  const ids = unit.path.split('/').filter(Boolean);
  const above = await ctx.deps.store.units.getMany(ids);
  return above.find((u) => u.kind === 'community') ?? null;
}
