import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate, openSqliteStore } from '../../cloudfunctions/lib/store/sqlite';
import { MIGRATIONS } from '../../cloudfunctions/lib/store/sqlite/migrations';
import { storeContract } from './contract';

const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-sqlite-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeContract('sqlite', { open: async () => openSqliteStore(path.join(dir, `t${++n}.db`)) });

describe('sqlite migrations', () => {
  it('applies every migration once, in order, and again applies none', () => {
    const db = new Database(path.join(dir, 'migrate.db'));
    expect(migrate(db)).toBe(MIGRATIONS.length);
    expect(migrate(db)).toBe(0);
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    db.close();
  });

  it('opens the database in WAL mode', () => {
    const file = path.join(dir, 'wal.db');
    openSqliteStore(file);
    const db = new Database(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});
