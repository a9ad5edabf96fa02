/**
 * "定人": which person handles a report at a level. The handler is found by role binding on the
 * unit of that level above the report's unit; a level without one is skipped, and the skip is on
 * the timeline. The street is the top: with nobody there, the report waits, flagged.
 */
import type { Binding, Role } from '../roles';
import type { Unit, UnitKind } from '../units';
import { LEVELS, levelsOf, type Category, type Level, type LevelSwitch } from './categories';

/** Roles that handle a level, in order of preference. */
export function handlerRoles(level: Level, category: Category): Role[] {
  switch (level) {
    case 'building':
      return ['building_lead'];
    // A grid's steward (管家) comes from the property company: first for what the property company
    // handles at the compound (a lift, a lamp), the lead (家长) first for the rest.
    case 'grid':
      return category.compoundHandler === 'property_manager' ? ['steward', 'grid_lead'] : ['grid_lead', 'steward'];
    case 'compound':
      return category.compoundHandler === 'property_manager' ? ['property_manager', 'compound_secretary'] : ['compound_secretary', 'property_manager'];
    case 'community':
      return ['community_staff', 'community_secretary'];
    case 'street':
      return ['street_officer'];
  }
}

export interface RouteStop {
  level: Level;
  unitId: string | null;
  handlerId: string | null;
}

export interface Route {
  /** Where the report lands. */
  stop: RouteStop;
  /** Levels passed over on the way, for the timeline. */
  skipped: RouteStop[];
}

/**
 * Finds the first level from `from` upward with a handler.
 * `ancestors` are the report unit and every unit above it; `bindings` are the bindings on them.
 * The grid is passed over without a word (no skip on the timeline) where the community has not
 * made it a level or the report sits under no grid: there it is not a level at all.
 */
export function route(from: Level, category: Category, ancestors: readonly Unit[], bindings: readonly Binding[], policy: LevelSwitch): Route {
  const skipped: RouteStop[] = [];
  const underGrid = ancestors.some((u) => u.kind === 'grid');
  const on = levelsOf(policy);
  const levels = LEVELS.slice(LEVELS.indexOf(from)).filter((l) => l !== 'grid' || (on.includes(l) && underGrid));
  for (const level of levels) {
    const unit = ancestors.find((u) => u.kind === (level as UnitKind) && !u.archived) ?? null;
    const handlerId = unit ? pickHandler(level, category, unit.id, bindings) : null;
    const stop = { level, unitId: unit?.id ?? null, handlerId };
    if (handlerId || level === 'street') return { stop, skipped };
    skipped.push(stop);
  }
  throw new Error('unreachable: the street is always a stop');
}

/** The earliest-bound person with the most preferred role on the unit. */
export function pickHandler(level: Level, category: Category, unitId: string, bindings: readonly Binding[]): string | null {
  for (const role of handlerRoles(level, category)) {
    const found = bindings
      .filter((b) => b.unitId === unitId && b.role === role)
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))[0];
    if (found) return found.personId;
  }
  return null;
}
