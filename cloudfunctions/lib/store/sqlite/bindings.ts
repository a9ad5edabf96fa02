import type { Database as Db } from 'better-sqlite3';
import type { Binding, Role } from '../../../../src/core';
import type { BindingRepo } from '../port';
import type { SqliteKit } from './kit';

interface BindingRow {
  id: string;
  person_id: string;
  unit_id: string;
  role: string;
  created_at: number;
  created_by: string | null;
}

const toBinding = (r: BindingRow): Binding => ({
  id: r.id,
  personId: r.person_id,
  unitId: r.unit_id,
  role: r.role as Role,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export function sqliteBindings(db: Db, { stmt }: SqliteKit): BindingRepo {
  const q = {
    get: db.prepare<[string], BindingRow>('SELECT * FROM bindings WHERE id = ?'),
    forPerson: db.prepare<[string], BindingRow>('SELECT * FROM bindings WHERE person_id = ? ORDER BY created_at, id'),
    forUnit: db.prepare<[string], BindingRow>('SELECT * FROM bindings WHERE unit_id = ? ORDER BY created_at, id'),
    find: db.prepare<[string, string, string], BindingRow>('SELECT * FROM bindings WHERE person_id = ? AND unit_id = ? AND role = ?'),
    insert: db.prepare(
      'INSERT OR IGNORE INTO bindings (id, person_id, unit_id, role, created_at, created_by) VALUES (@id, @personId, @unitId, @role, @createdAt, @createdBy)',
    ),
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
      return q.insert.run(b).changes === 1;
    },
    async remove(id) {
      return q.remove.run(id).changes === 1;
    },
  };
}
