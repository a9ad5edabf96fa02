/** How a building reads where a group is concerned: its name, kind and path, and its trail ("阳光社区 幸福里小区 3号楼"). */
import { ancestorIds, type Unit, type UnitRef } from '../../../../src/core';
import type { Deps } from '../../deps';
import { trailOf, unitRef } from '../codes/views';

export type BuildingRef = UnitRef & { trail: string };

/** The buildings with their trails, in the order given; the units above them looked up once. */
export async function buildingRefs(deps: Deps, buildings: readonly Unit[]): Promise<BuildingRef[]> {
  const units = new Map(buildings.map((u) => [u.id, u]));
  const missing = [...new Set(buildings.flatMap((b) => ancestorIds(b.path)))].filter((id) => !units.has(id));
  for (const u of missing.length ? await deps.store.units.getMany(missing) : []) units.set(u.id, u);
  return buildings.map((b) => ({ ...unitRef(b), trail: trailOf(b, units) }));
}

export async function buildingRef(deps: Deps, building: Unit): Promise<BuildingRef> {
  return (await buildingRefs(deps, [building]))[0];
}
