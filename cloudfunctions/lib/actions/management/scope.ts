/**
 * Where the management page may look: staff only (the roles holding 'report.manage'), and only in
 * the subtree of their staff bindings; with no unit given, their top staff unit.
 */
import { DomainError, managesReportsIn, reportManageRoots, type DeskFilter, type Unit, type UnitRef } from '../../../../src/core';
import type { ReportQuery } from '../../store/port';
import type { AuthedContext } from '../define';

/** The caller's top staff units; refused for anyone else. */
export function staffRoots(ctx: AuthedContext) {
  const roots = reportManageRoots(ctx.caller.bindings);
  if (roots.length === 0) throw new DomainError('AUTH.FORBIDDEN', '只有社区工作人员和街道工作人员可以使用管理后台');
  return roots;
}

/** The unit an action works on: the one asked for if the caller is staff over it, else their top staff unit. */
export async function staffUnit(ctx: AuthedContext, unitId: string | undefined, field = 'unitId'): Promise<Unit> {
  const roots = staffRoots(ctx);
  const unit = await ctx.deps.store.units.get(unitId ?? roots[0].id);
  if (!unit) throw new DomainError('UNIT.NOT_FOUND', undefined, field);
  if (!managesReportsIn(ctx.caller.bindings, unit)) throw new DomainError('AUTH.FORBIDDEN', '这个单位不在您管理的范围内');
  return unit;
}

export const ref = (u: Pick<Unit, 'id' | 'name' | 'kind' | 'path'>): UnitRef => ({ id: u.id, name: u.name, kind: u.kind, path: u.path });

/** The store's query for a desk filter on a unit the caller may see. */
export function queryOf(filter: DeskFilter, unit: Unit, now: number): ReportQuery {
  const { unitId: _u, ...rest } = filter;
  return { ...rest, path: unit.path, now };
}
