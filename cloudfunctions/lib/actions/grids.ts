/**
 * Grids' households (the units function's `grids`): each live grid under a unit counted in
 * households — a building and a door, once however many residents live behind it (householdKey) —
 * with its lead and steward, and a warning outside 50–80 that the management page shows. Read by
 * whoever sees the people of the unit ('person.view'): households are people's homes.
 *
 * `myGrid` is the grid lead's (家长) and steward's (管家) own page: their grid's households by
 * building and door with the residents' names, its members and volunteers. Names only — phones stay
 * with the community staff, who reach people on the lead's behalf. The grid's reports are in the
 * lead's handler inbox already (grid leads handle reports), so the page links there.
 */
import {
  DomainError,
  GRID_HOUSEHOLDS,
  MEMBER_TYPE_LABEL,
  ancestorIds,
  doorLabel,
  gridSize,
  gridSizeWarning,
  householdKey,
  type Binding,
  type GridHouseholds,
  type GridRow,
  type MyGrid,
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

  myGrid: personAction(schemas.units.myGrid, async (ctx, input): Promise<MyGrid> => {
    const { deps } = ctx;
    const grid = await loadUnit(ctx, input.unitId, 'unitId');
    const own = ctx.caller.bindings.some((b) => b.unit.id === grid.id && (b.role === 'grid_lead' || b.role === 'steward'));
    if (!own || grid.kind !== 'grid' || grid.archived) {
      throw new DomainError('AUTH.FORBIDDEN', '这是网格长（家长）和管家的页面：只有绑定在这个网格的家长或管家能看。如果您是家长，请让社区工作人员先为您绑定', 'unitId');
    }
    const buildings = (await deps.store.units.listSubtree(grid.path)).filter((u) => u.kind === 'building' && !u.archived);
    const places = [grid.id, ...buildings.map((b) => b.id)];
    const [residents, helpers] = await Promise.all([
      deps.store.bindings.listWithRoles(buildings.map((b) => b.id), ['resident']),
      deps.store.bindings.listWithRoles(places, ['member', 'volunteer']),
    ]);
    const names = await codeNames(deps, [], [grid, ...buildings], [...residents, ...helpers].map((b) => b.personId));
    const nameOf = (personId: string) => names.people.get(personId)?.name ?? '（已注销）';

    const rows = buildings
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN', { numeric: true }))
      .map((b) => {
        const doors = new Map<string, { door: string; residents: string[] }>();
        const withoutDoor: string[] = [];
        for (const r of residents.filter((x) => x.unitId === b.id)) {
          if (!r.door) {
            withoutDoor.push(nameOf(r.personId));
            continue;
          }
          const key = householdKey({ buildingId: b.id, door: r.door });
          if (!doors.has(key)) doors.set(key, { door: doorLabel(r.door), residents: [] });
          doors.get(key)!.residents.push(nameOf(r.personId));
        }
        return { building: unitRef(b), doors: [...doors.values()].sort((x, y) => x.door.localeCompare(y.door, 'zh-Hans-CN', { numeric: true })), withoutDoor };
      });

    // One person may hold a role on the grid and on a building: listed once.
    const once = (role: 'member' | 'volunteer') => [...new Set(helpers.filter((b) => b.role === role).map((b) => b.personId))];
    const memberIds = once('member');
    const members = await Promise.all(
      memberIds.map(async (id) => {
        const approved = (await deps.store.checkins.listForPerson(id)).find((c) => c.status === 'approved');
        return { id, name: nameOf(id), memberType: approved ? MEMBER_TYPE_LABEL[approved.memberType] : null };
      }),
    );
    const volunteers = once('volunteer').map((id) => ({ id, name: nameOf(id) }));
    return {
      grid: unitRef(grid),
      trail: trailOf(grid, names.units),
      buildings: rows,
      members,
      volunteers,
      counts: {
        buildings: rows.length,
        households: rows.reduce((n, r) => n + r.doors.length, 0),
        residents: new Set(residents.map((r) => r.personId)).size,
        members: members.length,
        volunteers: volunteers.length,
      },
    };
  }),
};
