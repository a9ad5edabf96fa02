/**
 * Where each person was created (Person.createdInUnitId), for people recorded before it was: on
 * SQLite the migration fills it in; on CloudBase a search places each such person the first time
 * it meets them bound nowhere. Both read the same evidence: the 'people.create' audit entry's unit,
 * else the creator's top staff binding; a person with neither stays of unknown origin (null), found
 * only from the street.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import tcb from '@cloudbase/node-sdk';
import { migrate, openSqliteStore } from '../../cloudfunctions/lib/store/sqlite';
import { MIGRATIONS } from '../../cloudfunctions/lib/store/sqlite/migrations';
import { COLLECTIONS, ensureCollections, openCloudbaseStore } from '../../cloudfunctions/lib/store/cloudbase';
import type { AuditEntry } from '../../cloudfunctions/lib/store/port';
import { installAnswerer, TcbAnswerer } from '../support/tcb';
import { unit } from '../support/factories';

const street = unit(null, 'street', '幸福街道');
const a = unit(street, 'community', '阳光社区');
const b = unit(street, 'community', '和平社区');
const compound = unit(a, 'compound', '幸福里小区');
const UNITS = [street, a, b, compound];

const created = (id: string, targetId: string, actorId: string, unitPath: string | null): AuditEntry => ({
  id,
  at: 1_000,
  actorId,
  action: 'people.create',
  targetKind: 'person',
  targetId,
  unitPath,
  detail: { name: targetId },
});
/** per_a: created in community A (its audit entry says so); per_b: by a staff member of B, the entry older than units on entries; per_c, per_d: no evidence. */
const AUDIT: AuditEntry[] = [
  created('aud_1', 'per_a', 'per_staff_a', a.path),
  created('aud_2', 'per_b', 'per_staff_b', null),
  { ...created('aud_3', 'per_d', 'per_staff_a', compound.path), action: 'units.bind', targetKind: 'binding' },
];
const STAFF = [
  { id: 'bnd_sa', personId: 'per_staff_a', unitId: a.id, role: 'community_staff' as const },
  { id: 'bnd_sb', personId: 'per_staff_b', unitId: b.id, role: 'community_secretary' as const },
];
const LEGACY = ['per_a', 'per_b', 'per_c', 'per_d', 'per_staff_a', 'per_staff_b'];
/** The people searched for are 周…; their creators are not. */
const nameOf = (id: string) => (id.startsWith('per_staff') ? `郑${id.slice(10)}` : `周${id.slice(4)}`);

describe('where people were created, for people recorded before it was', () => {
  describe('sqlite: the migration', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-origin-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const origin = MIGRATIONS.find((m) => m.name.startsWith('people: the unit that created them'))!;

    it('fills in the unit from the audit entry, else the creator’s staff unit, else nothing', async () => {
      const file = path.join(dir, 'legacy.db');
      const db = new Database(file);
      db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
      for (const m of MIGRATIONS.filter((x) => x.version < origin.version)) {
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations VALUES (?, ?, 0)').run(m.version, m.name);
      }
      const u = db.prepare('INSERT INTO units (id, parent_id, kind, name, path, archived, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 1, 0, 0)');
      for (const x of UNITS) u.run(x.id, x.parentId, x.kind, x.name, x.path);
      const p = db.prepare('INSERT INTO people (id, name, version, created_at, updated_at) VALUES (?, ?, 1, 0, 0)');
      for (const id of LEGACY) p.run(id, nameOf(id));
      for (const s of STAFF) db.prepare('INSERT INTO bindings (id, person_id, unit_id, role, created_at) VALUES (?, ?, ?, ?, 0)').run(s.id, s.personId, s.unitId, s.role);
      const e = db.prepare('INSERT INTO audit (id, at, actor_id, action, target_kind, target_id, detail, unit_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      for (const x of AUDIT) e.run(x.id, x.at, x.actorId, x.action, x.targetKind, x.targetId, JSON.stringify(x.detail), x.unitPath);
      expect(migrate(db)).toBe(MIGRATIONS.length - MIGRATIONS.filter((x) => x.version < origin.version).length);
      const rows = db.prepare('SELECT id, created_in_unit_id AS unit FROM people WHERE id IN (?, ?, ?, ?) ORDER BY id').all('per_a', 'per_b', 'per_c', 'per_d');
      expect(rows).toEqual([
        { id: 'per_a', unit: a.id },
        { id: 'per_b', unit: b.id },
        { id: 'per_c', unit: null },
        { id: 'per_d', unit: null },
      ]);
      db.close();
      const store = openSqliteStore(file);
      expect((await store.people.search('周', [b.path], 10)).map((x) => x.id)).toEqual(['per_b']);
      await store.close();
    });
  });

  describe('cloudbase: placed by the search that first meets them', () => {
    const app = tcb.init({ env: 'test-env', secretId: 'x', secretKey: 'y' });
    const prefix = 'origin_';
    let uninstall = () => {};
    beforeAll(async () => {
      const answerer = new TcbAnswerer();
      uninstall = installAnswerer(answerer);
      await ensureCollections(app, { prefix });
      for (const c of COLLECTIONS) for (const idx of c.indexes) answerer.createIndex(prefix + c.name, idx);
    });
    afterAll(() => uninstall());

    it('records the unit from the audit entry, else the creator’s staff unit, else null, and finds each accordingly', async () => {
      const store = openCloudbaseStore(app, { prefix });
      for (const u of UNITS) await store.units.insert(u);
      const db = app.database();
      // Documents as written before origins were recorded: no createdInUnitId field at all.
      for (const id of LEGACY) await db.collection(`${prefix}people`).add({ _id: id, name: nameOf(id), phone: null, demo: false, version: 1, createdAt: 0, updatedAt: 0, passwordHash: null });
      for (const s of STAFF) await store.bindings.insert({ ...s, createdAt: 0, createdBy: null });
      for (const x of AUDIT) await store.audit.append(x);
      const found = async (paths: string[], unplaced = false) => (await store.people.search('周', paths, 10, { unplaced })).map((x) => x.id).sort();
      expect(await found([b.path])).toEqual(['per_b']);
      expect(await found([a.path])).toEqual(['per_a']);
      expect(await found([compound.path])).toEqual([]);
      expect(await found([street.path])).toEqual(['per_a', 'per_b']);
      expect(await found([street.path], true)).toEqual(['per_a', 'per_b', 'per_c', 'per_d']);
      const docs = (await db.collection(`${prefix}people`).where({ _id: db.command.in(['per_a', 'per_b', 'per_c', 'per_d']) }).get()).data as { _id: string; createdInUnitId?: string | null }[];
      expect(Object.fromEntries(docs.map((d) => [d._id, d.createdInUnitId]))).toEqual({ per_a: a.id, per_b: b.id, per_c: null, per_d: null });
      expect(await store.people.get('per_a')).toMatchObject({ createdInUnitId: a.id });
    });
  });
});
