import type { Api } from './api';

/** A unit as `units.tree` lists it. */
export interface Unit {
  id: string;
  name: string;
  kind: string;
  path: string;
  parentId: string | null;
}

/** Every unit a signed-in person may see (staff see the whole community). */
export async function unitTree(http: Api, token: string): Promise<Unit[]> {
  return (await http.call<{ units: Unit[] }>('units', 'tree', {}, { token })).units;
}

/**
 * The demo's places most stories happen in: 阳光社区, its compound 幸福里小区 (no grids) and that
 * compound's 1号楼.
 */
export async function demoPlaces(http: Api, token: string) {
  const units = await unitTree(http, token);
  const community = units.find((u) => u.name === '阳光社区')!;
  const compound = units.find((u) => u.name === '幸福里小区')!;
  const building = units.find((u) => u.parentId === compound.id && u.name === '1号楼')!;
  return { units, community, compound, building };
}
