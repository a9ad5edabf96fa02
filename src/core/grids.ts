/**
 * Grids (网格, 党群小家): a unit between a compound and its buildings, of 50–80 households, run by a
 * lead (家长, `grid_lead`: one of the branch's approved members) and a steward (管家, `steward`:
 * someone of the property company serving the compound). Which roles sit on a grid is roles.ts;
 * here: who can be given them, and how a grid's size is judged.
 */
import type { Role, ScopedBinding } from './roles';
import type { Unit } from './units';

/** How many households a grid is meant to have (灌坝社区's 党群小家: 50–80 户). */
export const GRID_HOUSEHOLDS = { min: 50, max: 80 } as const;

export type GridSize = 'few' | 'right' | 'many';

export function gridSize(households: number): GridSize {
  if (households < GRID_HOUSEHOLDS.min) return 'few';
  if (households > GRID_HOUSEHOLDS.max) return 'many';
  return 'right';
}

/** The management page's warning for a grid of this many households; null within 50–80. */
export function gridSizeWarning(households: number): string | null {
  const size = gridSize(households);
  if (size === 'few') return `只有 ${households} 户，少于 ${GRID_HOUSEHOLDS.min} 户：可以和相邻的网格合并`;
  if (size === 'many') return `有 ${households} 户，多于 ${GRID_HOUSEHOLDS.max} 户：一位家长照顾不过来，可以分成两个网格`;
  return null;
}

/**
 * What a person must already hold, on the grid or a unit above it, before a grid role is bound to
 * them: a lead is an approved member (approval binds `member` on the compound, the grid or, for
 * 直管 members, the community), a steward is bound as the compound's property manager (物业).
 */
export const GRID_ROLE_NEEDS: Readonly<Partial<Record<Role, readonly Role[]>>> = {
  grid_lead: ['member'],
  steward: ['property_manager'],
};

const NEEDS_MESSAGE: Readonly<Partial<Record<Role, string>>> = {
  grid_lead: '网格长（家长）要由本小区已报到的党员担任：请他先扫党员报到码报到，书记审核通过后再绑定',
  steward: '管家要由服务本小区的物业公司人员担任：请先把他绑定为本小区的物业，再绑定为管家',
};

/**
 * Why `role` cannot be bound on `target` to the person holding `personBindings`, or null when it
 * can (or the role needs nothing first).
 */
export function bindNeedsRefusal(role: Role, personBindings: readonly ScopedBinding[], target: Pick<Unit, 'path'>): string | null {
  const needs = GRID_ROLE_NEEDS[role];
  if (!needs) return null;
  const holds = personBindings.some((b) => !b.unit.archived && needs.includes(b.role) && target.path.startsWith(b.unit.path));
  return holds ? null : (NEEDS_MESSAGE[role] ?? '这个人还不能担任这个角色');
}
