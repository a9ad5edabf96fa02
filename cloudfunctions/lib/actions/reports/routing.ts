/** Where a report goes ("定人"): the units above it and the people who handle on them. */
import { HANDLER_ROLES, ancestorIds, route, type Binding, type Category, type Level, type LevelSwitch, type Report, type Route, type Unit } from '../../../../src/core';
import type { Deps } from '../../deps';

/** The unit and every unit above it, nearest first. */
export async function chainOf(deps: Deps, unit: Pick<Unit, 'path'>): Promise<Unit[]> {
  const ids = ancestorIds(unit.path);
  const units = await deps.store.units.getMany(ids);
  const byId = new Map(units.map((u) => [u.id, u]));
  return ids.reverse().map((id) => byId.get(id)!).filter(Boolean);
}

/** The bindings that can make someone a handler, on these units. */
export async function handlerBindingsOn(deps: Deps, units: readonly Unit[]): Promise<Binding[]> {
  return deps.store.bindings.listWithRoles(
    units.map((u) => u.id),
    HANDLER_ROLES,
  );
}

/** Where a report lands when it enters at `from`, over the levels of its community's policy. */
export async function routeFrom(deps: Deps, report: Pick<Report, 'unitPath'>, category: Category, from: Level, policy: LevelSwitch): Promise<Route> {
  const chain = await chainOf(deps, { path: report.unitPath });
  return route(from, category, chain, await handlerBindingsOn(deps, chain), policy);
}
