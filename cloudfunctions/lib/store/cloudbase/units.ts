/**
 * Units on CloudBase: one document per unit, `_id` its id, with the materialised path.
 *
 * A versioned write is a conditional update, `where({ _id, version }).update({ …, version: inc(1) })`
 * and `updated === 1`; when the sibling-name guard must change with it (a rename, an archive, a
 * move), it is a transaction that reads the unit, checks the version and writes unit and guard
 * together. Of two such transactions the database aborts one and the SDK re-runs it, and the
 * re-run sees the new version and returns null.
 *
 * Moving a unit: one transaction is the gate (version check, cycle check, sibling guard, new
 * parentId and path); then every descendant's path is rewritten from its parent's path, walking
 * down by parentId. A descendant update is conditional on its parentId, so a unit that was moved
 * away meanwhile is left to its own move. The descendants are not in the transaction: CloudBase
 * transactions are meant for a few single-document operations, and a compound can have hundreds
 * of units. If the process dies halfway, paths below the moved unit are stale but recomputable
 * from parentId: `repairPaths` (also what move runs) fixes them and is safe to repeat.
 *
 * A building's WeChat group (groupId) is unique through a guard in `uniques` (guards.ts), taken and
 * released in the transaction that writes the unit's groupId; only setGroup writes it (an insert
 * binds no group), and a unit without one leaves the field out (the groupId index is sparse).
 */
import { DomainError, type Unit, type UnitKind } from '../../../../src/core';
import type { UnitRepo } from '../port';
import { claimGroup, claimSiblingName, releaseGroup, releaseSiblingName, siblingKey } from './guards';
import { chunks, inParallel, type CloudbaseKit, type Stored } from './kit';

/** A unit as stored: the domain's Unit with its id as `_id`. */
export interface UnitDoc extends Stored, Omit<Unit, 'id'> {}

/** Descendant path rewrites in flight at once. */
const PARALLEL = 10;

/** A unit as read; `groupId` is there only when a group is bound (Unit.groupId is optional). */
const toUnit = (d: UnitDoc): Unit => {
  const u: Unit = {
    id: d._id,
    parentId: d.parentId ?? null,
    kind: d.kind,
    name: d.name,
    path: d.path,
    archived: d.archived === true,
    version: d.version,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
  if (typeof d.groupId === 'string') u.groupId = d.groupId;
  return u;
};

/** A new unit's document: without a group, which only setGroup binds (with its guard). */
export const unitDoc = (u: Unit): UnitDoc => ({
  _id: u.id,
  parentId: u.parentId,
  kind: u.kind,
  name: u.name,
  path: u.path,
  archived: u.archived,
  version: u.version,
  createdAt: u.createdAt,
  updatedAt: u.updatedAt,
});

/** Rewrites the path of everything below `root` from parentId, level by level; returns how many changed. */
async function rewriteBelow(kit: CloudbaseKit, root: { id: string; path: string }): Promise<number> {
  const _ = kit.command;
  let changed = 0;
  const seen = new Set([root.id]);
  let frontier = [root];
  while (frontier.length > 0) {
    const next: { id: string; path: string }[] = [];
    for (const part of chunks(frontier)) {
      const parentPath = new Map(part.map((f) => [f.id, f.path]));
      const ids = part.map((f) => f.id);
      const kids = await kit.drain<UnitDoc>(
        (after) => kit.coll('units').where(after === null ? { parentId: _.in(ids) } : { parentId: _.in(ids), _id: _.gt(after) }).orderBy('_id', 'asc'),
        (d) => d._id,
      );
      await inParallel(kids, PARALLEL, async (k) => {
        if (seen.has(k._id)) return;
        seen.add(k._id);
        // k.parentId is one of `ids`: that is what the query matched.
        const want = `${parentPath.get(k.parentId!)}${k._id}/`;
        if (k.path !== want) {
          const n = await kit.update(kit.coll('units').where({ _id: k._id, parentId: k.parentId }), { path: want });
          if (n !== 1) return; // moved elsewhere meanwhile: its own move rewrites its subtree
          changed++;
        }
        next.push({ id: k._id, path: want });
      });
    }
    frontier = next;
  }
  return changed;
}

/** Recomputes the path of everything below the unit from parentId; safe to run any time. */
export async function repairPaths(kit: CloudbaseKit, unitId: string): Promise<number> {
  const d = await kit.docById<UnitDoc>('units', unitId);
  return d ? rewriteBelow(kit, toUnit(d)) : 0;
}

export function cloudbaseUnits(kit: CloudbaseKit): UnitRepo {
  const _ = kit.command;
  const coll = () => kit.coll('units');

  const units: UnitRepo = {
    async get(id) {
      const d = await kit.docById<UnitDoc>('units', id);
      return d ? toUnit(d) : null;
    },
    async getMany(ids) {
      return (await kit.byIds<UnitDoc>('units', ids)).map(toUnit);
    },
    async listSubtree(path, o) {
      const live = o?.includeArchived ? {} : { archived: false };
      const docs = await kit.drain<UnitDoc>(
        (after) =>
          coll()
            .where({ ...live, path: kit.under(path, after) })
            .orderBy('path', 'asc'),
        (d) => d.path,
      );
      return docs.map(toUnit);
    },
    async listRoots() {
      const docs = await kit.drain<UnitDoc>(
        (after) => coll().where(after === null ? { parentId: null } : { parentId: null, path: _.gt(after) }).orderBy('path', 'asc'),
        (d) => d.path,
      );
      return docs.map(toUnit);
    },
    async findChildByName(parentId, unitName) {
      const [d] = await kit.rows<UnitDoc>(coll().where({ parentId, name: unitName, archived: false }).limit(1));
      return d ? toUnit(d) : null;
    },
    async countLiveChildren(id) {
      return kit.count(coll().where({ parentId: id, archived: false }));
    },
    async insert(u) {
      if (u.archived) {
        await coll().add(unitDoc(u));
        return;
      }
      await kit.transaction(async (t) => {
        await claimSiblingName(t, u, 'name');
        await t.add('units', unitDoc(u));
      });
    },
    async update(id, expected, patch, at) {
      const cur = await units.get(id);
      if (!cur || cur.version !== expected) return null;
      const next: Unit = { ...cur, name: patch.name ?? cur.name, archived: patch.archived ?? cur.archived, version: expected + 1, updatedAt: at };
      const oldKey = cur.archived ? null : siblingKey(cur.parentId, cur.name);
      const newKey = next.archived ? null : siblingKey(next.parentId, next.name);
      if (oldKey === newKey) {
        const n = await kit.update(coll().where({ _id: id, version: expected }), { name: next.name, archived: next.archived, updatedAt: at, version: _.inc(1) });
        return n === 1 ? next : null;
      }
      // The sibling-name guard moves with the write: one transaction, version checked inside.
      return kit.transaction(async (t) => {
        const snap = await t.get<UnitDoc>('units', id);
        if (!snap || snap.version !== expected) return null;
        if (!next.archived) await claimSiblingName(t, next, 'name');
        if (!cur.archived) await releaseSiblingName(t, cur.parentId, cur.name);
        await t.update('units', id, { name: next.name, archived: next.archived, updatedAt: at, version: expected + 1 });
        return next;
      });
    },
    async move(id, expected, newParent, at) {
      const moved = await kit.transaction(async (t) => {
        const snap = await t.get<UnitDoc>('units', id);
        if (!snap || snap.version !== expected) return null;
        const cur = toUnit(snap);
        // The parent as stored now, not as the caller read it.
        const parentDoc = await t.get<UnitDoc>('units', newParent.id);
        if (!parentDoc) throw new DomainError('UNIT.NOT_FOUND', undefined, 'parentId');
        const parent = toUnit(parentDoc);
        const path = `${parent.path}${id}/`;
        if (path.startsWith(cur.path)) throw new DomainError('UNIT.CYCLE');
        const next: Unit = { ...cur, parentId: parent.id, path, version: expected + 1, updatedAt: at };
        if (!cur.archived && cur.parentId !== parent.id) {
          await claimSiblingName(t, next, 'parentId');
          await releaseSiblingName(t, cur.parentId, cur.name);
        }
        await t.update('units', id, { parentId: parent.id, path, updatedAt: at, version: expected + 1 });
        return next;
      });
      if (moved) await rewriteBelow(kit, moved);
      return moved;
    },
    async findByGroupId(groupId) {
      const [d] = await kit.rows<UnitDoc>(coll().where({ groupId }).limit(1));
      return d ? toUnit(d) : null;
    },
    async setGroup(id, groupId, at) {
      return kit.transaction(async (t) => {
        const d = await t.get<UnitDoc>('units', id);
        if (!d) return { ok: false, reason: 'not_found' } as const;
        const had = typeof d.groupId === 'string' ? d.groupId : null;
        if (had === groupId) return { ok: true, unit: toUnit(d) } as const;
        if (groupId !== null && !(await claimGroup(t, id, groupId))) return { ok: false, reason: 'taken' } as const;
        if (had !== null) await releaseGroup(t, id, had);
        // set replaces the document, so an unbound unit loses the field (the sparse index skips it).
        const { _id, groupId: _old, ...fields } = d;
        const next: Omit<UnitDoc, '_id'> = { ...fields, ...(groupId === null ? {} : { groupId }), version: d.version + 1, updatedAt: at };
        await t.set('units', id, next);
        return { ok: true, unit: toUnit({ _id, ...next }) } as const;
      });
    },
  };
  return units;
}
