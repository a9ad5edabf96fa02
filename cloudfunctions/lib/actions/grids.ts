/**
 * Grids' households (the units function's `grids`): each live grid under a unit counted in
 * households — a building and a door, once however many residents live behind it (householdKey) —
 * with its lead and steward, and a warning outside 50–80 that the management page shows. Read by
 * whoever sees the people of the unit ('person.view'): households are people's homes.
 */
import {
  DomainError,
  GRID_HOUSEHOLDS,
  ancestorIds,
  gridSize,
  gridSizeWarning,
  householdKey,
  type Binding,
  type GridHouseholds,
  type GridRow,
  type Unit,
} from '../../../src/core';
import * as schemas from '../../../src/core/schemas/units';
import type { Deps } from '../deps';
import { codeNames, trailOf, unitRef } from './codes/views';
import { demand, loadUnit } from './common';
import { personAction, type FunctionDef } from './define';

/** The households of residents bound on `buildings`, and how many residents have no door on record. */
export async function countHouseholds(deps: Deps, buildings: readonly Unit[]): Promise<{ byBuilding: Map<string, Set<string>>; withoutDoor: Map<string, number> }> {
  const residents: Binding[] = await deps.store.bindings.listWithRoles(
    buildings.map((b) => b.id),
    ['resident'],
  );
  const byBuilding = new Map<string, Set<string>>();
  const withoutDoor = new Map<string, number>();
  for (const r of residents) {
    if (!r.door) {
      withoutDoor.set(r.unitId, (withoutDoor.get(r.unitId) ?? 0) + 1);
      continue;
    }
    if (!byBuilding.has(r.unitId)) byBuilding.set(r.unitId, new Set());
    byBuilding.get(r.unitId)!.add(householdKey({ buildingId: r.unitId, door: r.door }));
  }
  return { byBuilding, withoutDoor };
}

/** Grids by the compound they are in, then by name (第2网格 before 第10网格). */
const byCompoundThenName = (a: Unit, b: Unit) =>
  (a.parentId ?? '').localeCompare(b.parentId ?? '') || a.name.localeCompare(b.name, 'zh-Hans-CN', { numeric: true });

export const grids: FunctionDef = {
  grids: personAction(schemas.units.grids, async (ctx, input): Promise<GridHouseholds> => {
    const { deps } = ctx;
    const unit = await loadUnit(ctx, input.unitId, 'unitId');
    demand(ctx, 'person.view', unit);
    if (unit.kind === 'building') throw new DomainError('UNIT.BAD_PARENT', '请选择社区、小区或网格：楼栋下面没有网格', 'unitId');
    const below = await deps.store.units.listSubtree(unit.path);
    const gridUnits = below.filter((u) => u.kind === 'grid');
    const buildings = below.filter((u) => u.kind === 'building');
    const gridIds = new Set(gridUnits.map((g) => g.id));
    const [households, people] = await Promise.all([countHouseholds(deps, buildings), deps.store.bindings.listWithRoles([...gridIds], ['grid_lead', 'steward'])]);
    const names = await codeNames(deps, [], [unit, ...below], people.map((b) => b.personId));
    const trail = (u: Unit) => trailOf(u, names.units);
    const person = (b: Binding) => ({ id: b.personId, name: names.people.get(b.personId)?.name ?? '（已注销）' });

    const rowOf = (g: Unit): GridRow => {
      const inGrid = buildings.filter((b) => b.parentId === g.id);
      const count = inGrid.reduce((n, b) => n + (households.byBuilding.get(b.id)?.size ?? 0), 0);
      return {
        grid: unitRef(g),
        trail: trail(g),
        buildings: inGrid.length,
        households: count,
        residentsWithoutDoor: inGrid.reduce((n, b) => n + (households.withoutDoor.get(b.id) ?? 0), 0),
        size: gridSize(count),
        warning: gridSizeWarning(count),
        leads: people.filter((b) => b.unitId === g.id && b.role === 'grid_lead').map(person),
        stewards: people.filter((b) => b.unitId === g.id && b.role === 'steward').map(person),
      };
    };
    const loose = buildings.filter((b) => !ancestorIds(b.path).some((id) => gridIds.has(id)));
    return {
      unit: unitRef(unit),
      trail: trail(unit),
      range: { min: GRID_HOUSEHOLDS.min, max: GRID_HOUSEHOLDS.max },
      grids: gridUnits.sort(byCompoundThenName).map(rowOf),
      outsideGrids: { buildings: loose.length, households: loose.reduce((n, b) => n + (households.byBuilding.get(b.id)?.size ?? 0), 0) },
    };
  }),
};
