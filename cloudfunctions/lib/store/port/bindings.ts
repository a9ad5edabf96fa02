import type { Binding, Role } from '../../../../src/core';

export interface BindingRepo {
  get(id: string): Promise<Binding | null>;
  listForPerson(personId: string): Promise<Binding[]>;
  listForUnit(unitId: string): Promise<Binding[]>;
  /** Bindings with one of `roles` on any of `unitIds` (finding handlers without reading every resident). */
  listWithRoles(unitIds: readonly string[], roles: readonly Role[]): Promise<Binding[]>;
  find(personId: string, unitId: string, role: Role): Promise<Binding | null>;
  /** Inserts unless the same (person, unit, role) exists; returns false if it did. */
  insert(binding: Binding): Promise<boolean>;
  remove(id: string): Promise<boolean>;
}
