import type { Me, MyBinding } from '../core/api';

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
