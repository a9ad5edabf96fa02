import type { Me, MyBinding } from '../core/api';
import type { Role } from '../core/roles';

export interface PlaceView {
  unitId: string;
  kind: MyBinding['unit']['kind'];
  trail: string;
  roles: string[];
}

/** Each unit the person is bound on once, with the roles they hold there, buildings first. */
export function placesOf(me: Me): PlaceView[] {
  const byUnit = new Map<string, PlaceView>();
  for (const b of me.bindings) {
    const place = byUnit.get(b.unit.id) ?? { unitId: b.unit.id, kind: b.unit.kind, trail: b.trail, roles: [] };
    if (!place.roles.includes(b.roleLabel)) place.roles.push(b.roleLabel);
    byUnit.set(b.unit.id, place);
  }
  const rank = (p: PlaceView) => (p.kind === 'building' ? 0 : 1);
  return [...byUnit.values()].sort((a, b) => rank(a) - rank(b));
}

/** Role labels without repeats, in the order the bindings list them. */
export function roleLabelsOf(me: Me): string[] {
  return [...new Set(me.bindings.map((b) => b.roleLabel))];
}

export interface BuildingChoice {
  unitId: string;
  /** The building's own name: "1号楼". */
  name: string;
  /** "幸福里小区 1号楼": enough to tell two buildings apart. */
  label: string;
  trail: string;
}

/** "幸福街道 / 阳光社区 / 幸福里小区 / 1号楼" → "幸福里小区 1号楼". */
export function shortPlace(trail: string): string {
  return trail.split(' / ').slice(-2).join(' ');
}

/** The buildings where the person holds one of `roles`, each once. */
export function buildingsOf(me: Me, roles: readonly Role[]): BuildingChoice[] {
  const seen = new Map<string, BuildingChoice>();
  for (const b of me.bindings) {
    if (b.unit.kind !== 'building' || !roles.includes(b.role) || seen.has(b.unit.id)) continue;
    seen.set(b.unit.id, { unitId: b.unit.id, name: b.unit.name, label: shortPlace(b.trail), trail: b.trail });
  }
  return [...seen.values()];
}
