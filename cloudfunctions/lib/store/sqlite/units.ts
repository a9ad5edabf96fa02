import type { Database as Db } from 'better-sqlite3';
import { DomainError, type Unit, type UnitKind } from '../../../../src/core';
import type { UnitRepo } from '../port';
import type { SqliteKit } from './kit';
import { END, isUnique } from './rows';

interface UnitRow {
  id: string;
  parent_id: string | null;
  kind: string;
  name: string;
  path: string;
  archived: number;
  /** The building's WeChat group (migration 11); null when none. */
  group_id: string | null;
  version: number;
  created_at: number;
  updated_at: number;
}

/** A unit as read; `groupId` is there only when a group is bound (Unit.groupId is optional). */
const toUnit = (r: UnitRow): Unit => {
  const u: Unit = {
    id: r.id,
    parentId: r.parent_id,
    kind: r.kind as UnitKind,
    name: r.name,
    path: r.path,
    archived: r.archived === 1,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
  if (r.group_id !== null) u.groupId = r.group_id;
  return u;
};

export function sqliteUnits(db: Db, { stmt }: SqliteKit): UnitRepo {
  const q = {
    get: db.prepare<[string], UnitRow>('SELECT * FROM units WHERE id = ?'),
    subtree: db.prepare<[string, string], UnitRow>('SELECT * FROM units WHERE path >= ? AND path < ? ORDER BY path'),
    subtreeLive: db.prepare<[string, string], UnitRow>('SELECT * FROM units WHERE path >= ? AND path < ? AND archived = 0 ORDER BY path'),
    roots: db.prepare<[], UnitRow>('SELECT * FROM units WHERE parent_id IS NULL ORDER BY path'),
    childByName: db.prepare<[string, string], UnitRow>('SELECT * FROM units WHERE parent_id = ? AND name = ? AND archived = 0'),
    liveChildren: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM units WHERE parent_id = ? AND archived = 0'),
    insert: db.prepare(
      'INSERT INTO units (id, parent_id, kind, name, path, archived, version, created_at, updated_at) VALUES (@id, @parentId, @kind, @name, @path, @archived, @version, @createdAt, @updatedAt)',
    ),
    update: db.prepare(
      'UPDATE units SET name = @name, archived = @archived, version = version + 1, updated_at = @at WHERE id = @id AND version = @expected',
    ),
    moveSelf: db.prepare(
      'UPDATE units SET parent_id = @parentId, path = @path, version = version + 1, updated_at = @at WHERE id = @id AND version = @expected',
    ),
    byGroup: db.prepare<[string], UnitRow>('SELECT * FROM units WHERE group_id = ?'),
    // One statement: the partial unique index refuses a group another unit holds, and binding the
    // group the unit already has changes nothing (no row, then read as it is).
    setGroup: db.prepare<{ id: string; groupId: string | null; at: number }, UnitRow>(
      'UPDATE units SET group_id = @groupId, version = version + 1, updated_at = @at WHERE id = @id AND group_id IS NOT @groupId RETURNING *',
    ),
    moveBelow: db.prepare(
      'UPDATE units SET path = @newPrefix || substr(path, length(@oldPrefix) + 1) WHERE path > @oldPrefix AND path < @oldEnd',
    ),
  };

  const moveTx = db.transaction((id: string, expected: number, parent: Unit, at: number): Unit | null => {
    const cur = q.get.get(id);
    if (!cur || cur.version !== expected) return null;
    const oldPrefix = cur.path;
    const newPrefix = `${parent.path}${id}/`;
    if (newPrefix.startsWith(oldPrefix)) throw new DomainError('UNIT.CYCLE');
    const r = q.moveSelf.run({ id, expected, parentId: parent.id, path: newPrefix, at });
    if (r.changes !== 1) return null;
    q.moveBelow.run({ newPrefix, oldPrefix, oldEnd: oldPrefix + END });
    return toUnit(q.get.get(id)!);
  });

  return {
    async get(id) {
      const r = q.get.get(id);
      return r ? toUnit(r) : null;
    },
    async getMany(ids) {
      if (ids.length === 0) return [];
      const rows = stmt(`SELECT * FROM units WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as UnitRow[];
      return rows.map(toUnit);
    },
    async listSubtree(path, opts) {
      const subtree = opts?.includeArchived ? q.subtree : q.subtreeLive;
      return subtree.all(path, path + END).map(toUnit);
    },
    async listRoots() {
      return q.roots.all().map(toUnit);
    },
    async findChildByName(parentId, name) {
      const r = q.childByName.get(parentId, name);
      return r ? toUnit(r) : null;
    },
    async countLiveChildren(id) {
      return q.liveChildren.get(id)!.n;
    },
    async insert(u) {
      try {
        q.insert.run({ ...u, archived: u.archived ? 1 : 0 });
      } catch (e) {
        if (isUnique(e, 'units')) throw new DomainError('UNIT.NAME_TAKEN', undefined, 'name');
        throw e;
      }
    },
    async update(id, expected, patch, at) {
      const cur = q.get.get(id);
      if (!cur || cur.version !== expected) return null;
      try {
        const r = q.update.run({
          id,
          expected,
          at,
          name: patch.name ?? cur.name,
          archived: (patch.archived ?? cur.archived === 1) ? 1 : 0,
        });
        if (r.changes !== 1) return null;
      } catch (e) {
        if (isUnique(e, 'units')) throw new DomainError('UNIT.NAME_TAKEN', undefined, 'name');
        throw e;
      }
      return toUnit(q.get.get(id)!);
    },
    async move(id, expected, parent, at) {
      try {
        return moveTx(id, expected, parent, at);
      } catch (e) {
        if (isUnique(e, 'units')) throw new DomainError('UNIT.NAME_TAKEN', undefined, 'parentId');
        throw e;
      }
    },
    async findByGroupId(groupId) {
      const r = q.byGroup.get(groupId);
      return r ? toUnit(r) : null;
    },
    async setGroup(id, groupId, at) {
      let row: UnitRow | undefined;
      try {
        row = q.setGroup.get({ id, groupId, at });
      } catch (e) {
        if (isUnique(e, 'units.group_id')) return { ok: false, reason: 'taken' };
        throw e;
      }
      // No row changed: the unit is unknown, or already has this group (answered as it is).
      row ??= q.get.get(id);
      return row ? { ok: true, unit: toUnit(row) } : { ok: false, reason: 'not_found' };
    },
  };
}
