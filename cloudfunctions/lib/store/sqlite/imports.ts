import type { Database as Db } from 'better-sqlite3';
import { DomainError, type Person } from '../../../../src/core';
import type { ImportBatch, ImportRepo } from '../port';
import type { SqliteKit } from './kit';
import { toPerson, type PersonRow } from './people';
import { CHUNK } from './rows';

/** The import as one transaction: a refused row undoes the rows written before it. */
export function sqliteImports(db: Db, { stmt }: SqliteKit): ImportRepo {
  const insertUnit = db.prepare(
    'INSERT INTO units (id, parent_id, kind, name, path, archived, version, created_at, updated_at) VALUES (@id, @parentId, @kind, @name, @path, @archived, @version, @createdAt, @updatedAt)',
  );
  const insertPerson = db.prepare(
    'INSERT INTO people (id, name, phone, username, openid, password_hash, demo, created_in_unit_id, version, created_at, updated_at) VALUES (@id, @name, @phone, @username, @openid, NULL, @demo, @createdInUnitId, @version, @createdAt, @updatedAt)',
  );
  const insertBinding = db.prepare(
    'INSERT OR IGNORE INTO bindings (id, person_id, unit_id, role, created_at, created_by) VALUES (@id, @personId, @unitId, @role, @createdAt, @createdBy)',
  );
  const writeBatch = db.transaction((batch: ImportBatch) => {
    for (const u of batch.units) {
      try {
        insertUnit.run({ ...u, archived: u.archived ? 1 : 0 });
      } catch (e) {
        const err = e as { code?: string; message?: string };
        if (err.code?.startsWith('SQLITE_CONSTRAINT') && err.message?.includes('units')) throw new DomainError('UNIT.NAME_TAKEN', `“${u.name}”已经存在于同一上级下`, 'name');
        throw e;
      }
    }
    for (const p of batch.people) insertPerson.run({ ...p, demo: p.demo ? 1 : 0, createdInUnitId: p.createdInUnitId ?? null });
    for (const b of batch.bindings) insertBinding.run(b);
  });

  return {
    async commit(batch) {
      writeBatch(batch);
    },
    async findByPhones(phones) {
      const out: Person[] = [];
      const list = [...new Set(phones)];
      for (let i = 0; i < list.length; i += CHUNK) {
        const part = list.slice(i, i + CHUNK);
        const rows = stmt(`SELECT * FROM people WHERE phone IN (${part.map(() => '?').join(',')})`).all(...part) as PersonRow[];
        for (const r of rows) out.push(toPerson(r));
      }
      return out;
    },
  };
}
