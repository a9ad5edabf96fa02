import type { Database as Db } from 'better-sqlite3';
import type { Binding, Door, Role } from '../../../../src/core';
import type { BindingRepo } from '../port';
import type { SqliteKit } from './kit';

export interface BindingRow {
  id: string;
  person_id: string;
  unit_id: string;
  role: string;
  created_at: number;
  created_by: string | null;
  /** A resident's door as JSON (migration 10); null when not known. */
  door: string | null;
}

/** A binding as read; `door` is there only when known (Binding.door is optional). */
export const toBinding = (r: BindingRow): Binding => {
  const b: Binding = {
    id: r.id,
    personId: r.person_id,
    unitId: r.unit_id,
    role: r.role as Role,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
  if (r.door !== null) b.door = JSON.parse(r.door) as Door;
  return b;
};

/** Keeps the first of the same (person, unit, role): the table's unique key decides. */
export const INSERT_BINDING =
  'INSERT OR IGNORE INTO bindings (id, person_id, unit_id, role, created_at, created_by, door) VALUES (@id, @personId, @unitId, @role, @createdAt, @createdBy, @door)';

export const bindingParams = (b: Binding) => ({ ...b, door: b.door ? JSON.stringify(b.door) : null });

export function sqliteBindings(db: Db, { stmt }: SqliteKit): BindingRepo {
  const q = {
    get: db.prepare<[string], BindingRow>('SELECT * FROM bindings WHERE id = ?'),
    forPerson: db.prepare<[string], BindingRow>('SELECT * FROM bindings WHERE person_id = ? ORDER BY created_at, id'),
    forUnit: db.prepare<[string], BindingRow>('SELECT * FROM bindings WHERE unit_id = ? ORDER BY created_at, id'),
    find: db.prepare<[string, string, string], BindingRow>('SELECT * FROM bindings WHERE person_id = ? AND unit_id = ? AND role = ?'),
    insert: db.prepare(INSERT_BINDING),
    remove: db.prepare('DELETE FROM bindings WHERE id = ?'),
  };

  return {
    async get(id) {
      const r = q.get.get(id);
      return r ? toBinding(r) : null;
    },
    async listForPerson(personId) {
      return q.forPerson.all(personId).map(toBinding);
    },
    async listForUnit(unitId) {
      return q.forUnit.all(unitId).map(toBinding);
    },
    async listWithRoles(unitIds, roles) {
      if (unitIds.length === 0 || roles.length === 0) return [];
      const sql = `SELECT * FROM bindings WHERE unit_id IN (${unitIds.map(() => '?').join(',')}) AND role IN (${roles.map(() => '?').join(',')}) ORDER BY created_at, id`;
      return (stmt(sql).all(...unitIds, ...roles) as BindingRow[]).map(toBinding);
    },
    async find(personId, unitId, role) {
      const r = q.find.get(personId, unitId, role);
      return r ? toBinding(r) : null;
    },
    async insert(b) {
      return q.insert.run(bindingParams(b)).changes === 1;
    },
    async remove(id) {
      return q.remove.run(id).changes === 1;
    },
  };
}
