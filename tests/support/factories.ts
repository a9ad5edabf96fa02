/** Small factories for test data: each fills in what a test does not care about. */
import { pathOf, type Binding, type Person, type Role, type Unit, type UnitKind } from '../../src/core';

let n = 0;
const next = (p: string) => `${p}_t${String(++n).padStart(5, '0')}`;

export function unit(parent: Unit | null, kind: UnitKind, name: string, extra: Partial<Unit> = {}): Unit {
  const id = extra.id ?? next(kind.slice(0, 3));
  return {
    id,
    parentId: parent?.id ?? null,
    kind,
    name,
    path: pathOf(parent, id),
    archived: false,
    version: 1,
    createdAt: 1_000,
    updatedAt: 1_000,
    ...extra,
  };
}

export function person(name: string, extra: Partial<Person> = {}): Person {
  return {
    id: next('per'),
    name,
    phone: null,
    username: null,
    openid: null,
    demo: false,
    version: 1,
    createdAt: 1_000,
    updatedAt: 1_000,
    ...extra,
  };
}

export function binding(p: Person, u: Unit, role: Role, extra: Partial<Binding> = {}): Binding {
  return { id: next('bnd'), personId: p.id, unitId: u.id, role, createdAt: 1_000, createdBy: null, ...extra };
}
