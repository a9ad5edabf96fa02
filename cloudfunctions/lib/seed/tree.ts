/**
 * The demo's units, shaped like a real community: one street, one community of about 17,600
 * residents in 4 compounds (one old compound split into grids), 6–12 buildings each.
 */
import { pathOf, type Unit, type UnitKind } from '../../../src/core';
import type { Deps } from '../deps';

interface CompoundPlan {
  name: string;
  buildings: number;
  /** Old compounds are run by grids of a few buildings each. */
  grids?: number;
}

export const COMPOUNDS: readonly CompoundPlan[] = [
  { name: '幸福里小区', buildings: 8 },
  { name: '阳光花园', buildings: 12 },
  { name: '和平新村', buildings: 9, grids: 3 },
  { name: '锦绣家园', buildings: 6 },
];

export interface DemoTree {
  street: Unit;
  community: Unit;
  compounds: Unit[];
  buildings: Unit[];
  /** Every unit by its key: 'street', 'community', '<compound>', '<compound>/<n>号楼', '<compound>/第<n>网格'. */
  byKey: ReadonlyMap<string, Unit>;
}

/** Inserts the tree, every unit created at `at`. */
export async function seedTree(deps: Deps, at: number): Promise<DemoTree> {
  const { store, ids } = deps;
  const byKey = new Map<string, Unit>();
  const add = async (parent: Unit | null, kind: UnitKind, name: string, key: string): Promise<Unit> => {
    const id = ids.next(kind.slice(0, 3));
    const unit: Unit = { id, parentId: parent?.id ?? null, kind, name, path: pathOf(parent, id), archived: false, version: 1, createdAt: at, updatedAt: at };
    await store.units.insert(unit);
    byKey.set(key, unit);
    return unit;
  };

  const street = await add(null, 'street', '幸福街道', 'street');
  const community = await add(street, 'community', '阳光社区', 'community');
  const compounds: Unit[] = [];
  const buildings: Unit[] = [];
  for (const plan of COMPOUNDS) {
    const compound = await add(community, 'compound', plan.name, plan.name);
    compounds.push(compound);
    const grids: Unit[] = [];
    for (let g = 1; g <= (plan.grids ?? 0); g++) grids.push(await add(compound, 'grid', `第${g}网格`, `${plan.name}/第${g}网格`));
    for (let b = 1; b <= plan.buildings; b++) {
      const parent = grids.length ? grids[(b - 1) % grids.length] : compound;
      buildings.push(await add(parent, 'building', `${b}号楼`, `${plan.name}/${b}号楼`));
    }
  }
  return { street, community, compounds, buildings, byKey };
}

/** The compound a building (or compound) lies in. */
export function compoundOf(tree: DemoTree, unit: Unit): Unit {
  const found = tree.compounds.find((c) => unit.path.startsWith(c.path));
  if (!found) throw new Error(`unit ${unit.id} is in no demo compound`);
  return found;
}
