/**
 * Whose members a caller reads: the roster and its export by SEES_ROSTER, the counts by
 * SEES_MEMBER_COUNTS — over all the units they hold such a role on, or one unit of them. Anyone else
 * is refused with what they can do instead (a member: their own record in 我的报到).
 */
import { DomainError, maySeeMemberCounts, maySeeRoster, memberActionRefusal, memberCountRoots, rosterRoots, type CheckinStatus, type Unit } from '../../../../src/core';
import type { RosterQuery } from '../../store/port';
import type { AuthedContext } from '../define';

type Reading = 'roster' | 'counts';

const RULES = {
  roster: { roots: rosterRoots, may: maySeeRoster },
  counts: { roots: memberCountRoots, may: maySeeMemberCounts },
} as const;

/** The units the caller reads `what` of: `unitId` alone when given, else every top unit they hold the role on. */
export async function readableUnits(ctx: AuthedContext, what: Reading, unitId: string | undefined): Promise<Unit[]> {
  const { bindings } = ctx.caller;
  const rule = RULES[what];
  const roots = rule.roots(bindings);
  if (roots.length === 0) throw new DomainError('AUTH.FORBIDDEN', memberActionRefusal(bindings, what));
  if (!unitId) return (await ctx.deps.store.units.getMany(roots.map((u) => u.id))).sort((a, b) => (a.path < b.path ? -1 : 1));
  const unit = await ctx.deps.store.units.get(unitId);
  if (!unit) throw new DomainError('UNIT.NOT_FOUND', undefined, 'unitId');
  if (!rule.may(bindings, unit)) throw new DomainError('AUTH.FORBIDDEN', `${unit.name} 的党员不在您查看的范围内`, 'unitId');
  return [unit];
}

/** The members (approved) unless other statuses are asked for. */
const MEMBERS: readonly CheckinStatus[] = ['approved'];

export interface RosterFilter {
  unitId?: string;
  types?: RosterQuery['types'];
  skills?: RosterQuery['skills'];
  statuses?: readonly CheckinStatus[];
  veteran?: boolean;
}

/** The store's roster query for the caller's filter. */
export async function rosterQuery(ctx: AuthedContext, f: RosterFilter): Promise<{ units: Unit[]; query: RosterQuery }> {
  const units = await readableUnits(ctx, 'roster', f.unitId);
  const statuses = f.statuses?.length ? [...new Set(f.statuses)] : MEMBERS;
  return { units, query: { paths: units.map((u) => u.path), statuses, types: f.types, skills: f.skills, veteran: f.veteran } };
}
