/**
 * The production adapter: the Store port on the CloudBase document database (@cloudbase/node-sdk).
 *
 * How each invariant of the port holds when requests race, without relying on a unique index
 * (which a test double might not enforce and which CloudBase cannot make partial):
 *
 * - Versioned writes are conditional updates: `where({ _id, version }).update({ …, version: inc(1) })`
 *   and `updated === 1`, or, when a uniqueness guard must change with the write, a transaction
 *   that reads the document, checks the version and writes it (the database aborts one of two
 *   transactions writing the same document, and the SDK re-runs the loser, which then sees the
 *   new version and returns null).
 * - Uniqueness uses deterministic document ids as locks, since `_id` is always unique:
 *   - live sibling names: a guard document in `uniques` keyed by hash(parentId, name), created,
 *     moved and removed in the same transaction as the unit insert / rename / archive / move;
 *   - username and openid: guard documents keyed by hash(value), created in the same
 *     transaction as the person;
 *   - bindings: the binding's `_id` is hash(personId, unitId, role) (the port's id is the `id`
 *     field), so a second insert of the same triple fails;
 *   - meta: `_id` is the key, so `add` keeps the first value.
 * - Moving a unit: one transaction is the gate (version check, cycle check, sibling guard,
 *   new parentId and path); then every descendant's path is rewritten from its parent's path,
 *   walking down by parentId. A descendant update is conditional on its parentId, so a unit
 *   that was moved away meanwhile is left to its own move. The descendants are not in the
 *   transaction: CloudBase transactions are meant for a few single-document operations, and a
 *   compound can have hundreds of units. If the process dies halfway, paths below the moved unit
 *   are stale but recomputable from parentId: `repairPaths(id)` (also what move runs) fixes them
 *   and is safe to repeat.
 * - Reports:
 *   - the audit entries and messages a report write brings (`also`) are added in its transaction,
 *     under their own ids, so a re-run callback writes the same documents;
 *   - the timer's bulk claim reads due reports that look unclaimed, then claims each with the
 *     same conditional update as `claim`; the ones another run took first are left out;
 *   - saveAll runs each save as `save` does (its own transaction): there is no transaction over
 *     many documents to put them in;
 *   - a retried create: a guard document in `uniques` keyed by hash(createdBy, clientRequestId),
 *     created in the same transaction as the report and its first timeline entries; a create
 *     that finds the guard writes nothing and returns the report it names (read in the same
 *     snapshot, so the two are always seen together). Racing creates all write the guard; the
 *     database lets one commit and the SDK re-runs the others, which then find it;
 *   - save: a transaction that reads the report, checks its version, replaces it (version + 1)
 *     and adds the timeline entries under their own ids, so a re-run callback writes the same
 *     documents and a conflicting writer (another save, a claim) aborts one side;
 *   - claim: one conditional update, `where(_id, version, claim free | expired | own)`, and
 *     `updated === 1`; the version bump makes a save over the pre-claim version fail;
 *   - timeline order is (at, ver, pos): the report version the write produced, then the
 *     entry's place in that write, i.e. the order they were appended in.
 * - Every list that may pass 1000 rows (the service's cap on `limit`) is read page by page.
 *
 * Documents store the port's fields; `_id` is the entity id (except bindings, see above).
 * People omit `username` / `openid` when null, so the unique sparse indexes on them accept
 * any number of people without one (a non-sparse unique index would count every missing value
 * as null and refuse the second). Audit `detail` is stored as JSON text: arbitrary keys (dots,
 * leading $) are not valid field names.
 */
import { createHash } from 'node:crypto';
import type tcb from '@cloudbase/node-sdk';
import {
  DomainError,
  isOpen,
  STATUSES,
  type Binding,
  type Person,
  type Report,
  type Role,
  type TimelineEntry,
  type Unit,
  type UnitKind,
} from '../../../../src/core';
import { cloudbaseDesk } from './desk';
import type { AuditEntry, Message, ReportFilter, ReportSideWrites, Session, Store } from '../port';

type App = ReturnType<typeof tcb.init>;
type Db = ReturnType<App['database']>;
type Collection = ReturnType<Db['collection']>;
type Query = ReturnType<Collection['where']>;
type Doc = Record<string, any>;

/** What a transaction callback receives: single-document operations only. */
interface Tx {
  collection(name: string): Collection;
}

export interface IndexDecl {
  name: string;
  keys: Record<string, 1 | -1>;
  unique?: boolean;
  /** Skip documents that lack every indexed field (needed for optional unique fields). */
  sparse?: boolean;
}

/** The collections and indexes the adapter needs; `npm run deploy` creates them. */
export const COLLECTIONS: { name: string; indexes: IndexDecl[] }[] = [
  {
    name: 'units',
    indexes: [
      { name: 'path_unique', keys: { path: 1 }, unique: true },
      // Live-sibling names are unique through guard documents in `uniques`: a unique index
      // here would also count archived units, and CloudBase indexes cannot be partial.
      { name: 'parent_name', keys: { parentId: 1, name: 1 } },
    ],
  },
  {
    name: 'people',
    indexes: [
      { name: 'username_unique', keys: { username: 1 }, unique: true, sparse: true },
      { name: 'openid_unique', keys: { openid: 1 }, unique: true, sparse: true },
      { name: 'name_id', keys: { name: 1, _id: 1 } },
      { name: 'demo_created', keys: { demo: 1, createdAt: 1 } },
      { name: 'phone', keys: { phone: 1 } },
    ],
  },
  {
    name: 'bindings',
    indexes: [
      { name: 'person_unit_role_unique', keys: { personId: 1, unitId: 1, role: 1 }, unique: true },
      { name: 'id_unique', keys: { id: 1 }, unique: true },
      { name: 'unit_created', keys: { unitId: 1, createdAt: 1 } },
    ],
  },
  {
    name: 'sessions',
    indexes: [
      { name: 'tokenHash_unique', keys: { tokenHash: 1 }, unique: true },
      { name: 'expiresAt', keys: { expiresAt: 1 } },
    ],
  },
  {
    name: 'audit',
    indexes: [
      { name: 'target_at', keys: { targetId: 1, at: -1 } },
      // The audit log of the management page: by unit subtree, by person, by date.
      { name: 'path_at', keys: { unitPath: 1, at: -1 } },
      { name: 'actor_at', keys: { actorId: 1, at: -1 } },
      { name: 'at', keys: { at: -1 } },
    ],
  },
  {
    name: 'messages',
    indexes: [
      { name: 'person_created', keys: { personId: 1, createdAt: -1 } },
      { name: 'person_read', keys: { personId: 1, readAt: 1 } },
    ],
  },
  {
    name: 'reports',
    indexes: [
      // Also guarded by `uniques` (see insert); the index is a second line of defence.
      { name: 'request_unique', keys: { createdBy: 1, clientRequestId: 1 }, unique: true },
      { name: 'next_check', keys: { nextCheckAt: 1, _id: 1 } },
      { name: 'resident_created', keys: { residentId: 1, createdAt: -1 } },
      { name: 'creator_created', keys: { createdBy: 1, createdAt: -1 } },
      { name: 'path_due', keys: { unitPath: 1, dueAt: 1 } },
      { name: 'handler_due', keys: { handlerId: 1, dueAt: 1 } },
      { name: 'unit_category_created', keys: { unitId: 1, category: 1, createdAt: -1 } },
      // The management page: open reports of a subtree by deadline, and a subtree's reports by creation month.
      { name: 'status_path_due', keys: { status: 1, unitPath: 1, dueAt: 1 } },
      { name: 'path_created', keys: { unitPath: 1, createdAt: 1 } },
    ],
  },
  {
    name: 'report_events',
    indexes: [
      { name: 'report_at', keys: { reportId: 1, at: 1, ver: 1, pos: 1 } },
      // The meeting agenda: escalations, breaches and disputes of a date range.
      { name: 'type_at', keys: { type: 1, at: 1 } },
    ],
  },
  /** Markers of unit/resident imports in progress, so a failed one can be undone (see desk.ts). */
  { name: 'import_batches', indexes: [] },
  { name: 'meta', indexes: [] },
  /** Guard documents that make a value unique: `_id` is the lock. */
  { name: 'uniques', indexes: [] },
];

type Name = 'units' | 'people' | 'bindings' | 'sessions' | 'audit' | 'messages' | 'reports' | 'report_events' | 'meta' | 'uniques' | 'import_batches';

/** The service's cap on one query's `limit`. */
export const PAGE = 1000;
/** Ids per `_.in([...])` query. */
const IN_CHUNK = 100;
/** Descendant path rewrites in flight at once. */
const PARALLEL = 10;
/** Upper bound for a prefix range scan: every path under `p` sorts before p + U+FFFF. */
const END = '\uffff';
const CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';

export interface CloudbaseStore extends Store {
  readonly kind: 'cloudbase';
  /** Recomputes the path of everything below the unit from parentId; safe to run any time. */
  repairPaths(unitId: string): Promise<number>;
  /** Undoes an import that stopped halfway (its marker still says "writing"); safe to repeat. */
  rollbackImport(batchId: string): Promise<boolean>;
}

/** Creates any of the collections that do not exist yet (indexes are left to deploy). */
export async function ensureCollections(app: App, opts: { prefix?: string } = {}): Promise<void> {
  const db = app.database();
  for (const c of COLLECTIONS) {
    try {
      await db.createCollection(`${opts.prefix ?? ''}${c.name}`);
    } catch (e) {
      const text = `${(e as { code?: string }).code ?? ''} ${(e as Error).message ?? ''}`;
      if (!/ALREADY_EXIST|COLLECTION_EXIST|Table exist|already exists/i.test(text)) throw e;
    }
  }
}

const hash = (...parts: (string | null)[]) => createHash('sha1').update(JSON.stringify(parts)).digest('hex');
export const siblingKey = (parentId: string | null, name: string) => `unitname_${hash(parentId, name)}`;
const usernameKey = (username: string) => `username_${hash(username)}`;
const openidKey = (openid: string) => `openid_${hash(openid)}`;
export const bindingKey = (personId: string, unitId: string, role: Role) => `binding_${hash(personId, unitId, role)}`;
const reportRequestKey = (createdBy: string, clientRequestId: string) => `report_${hash(createdBy, clientRequestId)}`;
/** Statuses in which a report still needs someone (the duplicate hint looks at these). */
const OPEN_STATUSES = STATUSES.filter(isOpen);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

async function inParallel<T>(list: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < list.length) await fn(list[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(width, list.length) }, worker));
}

const toUnit = (d: Doc): Unit => ({
  id: d._id,
  parentId: d.parentId ?? null,
  kind: d.kind as UnitKind,
  name: d.name,
  path: d.path,
  archived: d.archived === true,
  version: d.version,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
});
const unitDoc = (u: Unit): Doc => ({
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
const toPerson = (d: Doc): Person => ({
  id: d._id,
  name: d.name,
  phone: d.phone ?? null,
  username: d.username ?? null,
  openid: d.openid ?? null,
  demo: d.demo === true,
  version: d.version,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
});
function personDoc(p: Person, passwordHash: string | null): Doc {
  const d: Doc = {
    _id: p.id,
    name: p.name,
    phone: p.phone,
    demo: p.demo,
    version: p.version,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    passwordHash,
  };
  if (p.username !== null) d.username = p.username;
  if (p.openid !== null) d.openid = p.openid;
  return d;
}
const toBinding = (d: Doc): Binding => ({
  id: d.id,
  personId: d.personId,
  unitId: d.unitId,
  role: d.role as Role,
  createdAt: d.createdAt,
  createdBy: d.createdBy ?? null,
});
const toSession = (d: Doc): Session => ({
  id: d._id,
  tokenHash: d.tokenHash,
  personId: d.personId,
  createdAt: d.createdAt,
  expiresAt: d.expiresAt,
  revokedAt: d.revokedAt ?? null,
});
const toAudit = (d: Doc): AuditEntry => ({
  id: d._id,
  at: d.at,
  actorId: d.actorId ?? null,
  action: d.action,
  targetKind: d.targetKind,
  targetId: d.targetId,
  unitPath: d.unitPath ?? null,
  detail: typeof d.detail === 'string' ? JSON.parse(d.detail) : (d.detail ?? {}),
});

/** A report is stored as its own fields (so filters and indexes see them), `_id` being its id. */
function reportDoc(r: Report): Doc {
  const { id, ...fields } = r;
  return { _id: id, ...fields };
}
/** A report document; claimOwner and claimUntil, the timer's claim, are the adapter's own fields. */
function toReport(d: Doc): Report {
  const { _id, _openid: _o, claimOwner: _c, claimUntil: _u, ...fields } = d;
  return { id: _id, ...fields } as Report;
}
/** A timeline entry, with its place in the order it was appended: the report version its write produced, then its index in that write. */
function eventDoc(e: TimelineEntry, ver: number, pos: number): Doc {
  const { id, ...fields } = e;
  return { _id: id, ...fields, ver, pos };
}
const toEntry = (d: Doc): TimelineEntry => ({
  id: d._id,
  reportId: d.reportId,
  at: d.at,
  actorId: d.actorId ?? null,
  type: d.type,
  fromStatus: d.fromStatus ?? null,
  toStatus: d.toStatus ?? null,
  fromLevel: d.fromLevel ?? null,
  toLevel: d.toLevel ?? null,
  note: d.note ?? null,
  photos: d.photos ?? [],
});

export function openCloudbaseStore(app: App, opts: { prefix?: string } = {}): CloudbaseStore {
  // app.database() resets the process-wide request class each time: call it once per store.
  const db = app.database();
  const _ = db.command;
  const prefix = opts.prefix ?? '';
  const name = (n: Name) => `${prefix}${n}`;
  const coll = (n: Name) => db.collection(name(n));
  /** Answers that name the person's password hash only when asked. */
  const NO_HASH = { passwordHash: false };

  async function rows(q: Query): Promise<Doc[]> {
    return (await q.get()).data as Doc[];
  }

  /** Every row of a query ordered by a unique field, a page at a time, each page after the last key. */
  async function drain(page: (after: string | null) => Query, keyOf: (d: Doc) => string): Promise<Doc[]> {
    const out: Doc[] = [];
    let after: string | null = null;
    for (;;) {
      const got = await rows(page(after).limit(PAGE));
      out.push(...got);
      if (got.length < PAGE) return out;
      after = keyOf(got[got.length - 1]);
    }
  }

  /** Every row of a query with a total order (up to `max`, after `from`), by skip (for orders on a non-unique first key). */
  async function drainBySkip(q: Query, max = Infinity, from = 0): Promise<Doc[]> {
    const out: Doc[] = [];
    while (out.length < max) {
      const want = Math.min(PAGE, max - out.length);
      const got = await rows(q.skip(from + out.length).limit(want));
      out.push(...got);
      if (got.length < want) break;
    }
    return out;
  }

  async function docById(n: Name, id: string, projection?: Doc): Promise<Doc | null> {
    let ref = coll(n).doc(id);
    if (projection) ref = ref.field(projection);
    const res = await ref.get();
    return (res.data as Doc[])[0] ?? null;
  }

  async function byIds(n: Name, ids: readonly string[], projection?: Doc): Promise<Doc[]> {
    const unique = [...new Set(ids)];
    const out: Doc[] = [];
    for (const part of chunks(unique, IN_CHUNK)) {
      let q = coll(n).where({ _id: _.in(part) });
      if (projection) q = q.field(projection);
      out.push(...(await rows(q.limit(part.length))));
    }
    return out;
  }

  /**
   * Runs `fn` in a transaction. The SDK re-runs it on a write conflict; when contention
   * outlasts the SDK's retries, back off a little and start over. `fn` must have no side
   * effects other than its transaction's writes.
   */
  async function transaction<T>(fn: (t: Tx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await db.runTransaction(fn, 3)) as T;
      } catch (e) {
        if ((e as { code?: string })?.code !== CONFLICT || attempt >= 8) throw e;
        await sleep(Math.random() * 10 * attempt);
      }
    }
  }

  async function txGet(t: Tx, n: Name, id: string): Promise<Doc | null> {
    return ((await t.collection(name(n)).doc(id).get()) as { data: Doc | null }).data ?? null;
  }

  /** Claims a guard for `unitId`, unless a unit other than it holds it. */
  async function claimSiblingName(t: Tx, key: string, unit: { id: string; parentId: string | null; name: string }, field: string) {
    const held = await txGet(t, 'uniques', key);
    if (held && held.unitId !== unit.id) throw new DomainError('UNIT.NAME_TAKEN', undefined, field);
    if (!held) await t.collection(name('uniques')).add({ _id: key, kind: 'unitname', unitId: unit.id, parentId: unit.parentId, name: unit.name });
  }

  async function releaseGuard(t: Tx, key: string) {
    await t.collection(name('uniques')).doc(key).remove();
  }

  /** Adds a document whose `_id` is a lock; false if that `_id` is taken (whatever error the service reports). */
  async function addOnce(n: Name, doc: Doc): Promise<boolean> {
    try {
      await coll(n).add(doc);
      return true;
    } catch (e) {
      if (await docById(n, doc._id)) return false;
      throw e;
    }
  }

  /** Rewrites the path of everything below `root` from parentId, level by level. */
  async function rewriteBelow(root: { id: string; path: string }): Promise<number> {
    let changed = 0;
    const seen = new Set([root.id]);
    let frontier = [root];
    while (frontier.length > 0) {
      const next: { id: string; path: string }[] = [];
      for (const part of chunks(frontier, IN_CHUNK)) {
        const parentPath = new Map(part.map((f) => [f.id, f.path]));
        const ids = part.map((f) => f.id);
        const kids = await drain(
          (after) => coll('units').where(after === null ? { parentId: _.in(ids) } : { parentId: _.in(ids), _id: _.gt(after) }).orderBy('_id', 'asc'),
          (d) => d._id,
        );
        await inParallel(kids, PARALLEL, async (k) => {
          if (seen.has(k._id)) return;
          seen.add(k._id);
          const want = `${parentPath.get(k.parentId)}${k._id}/`;
          if (k.path !== want) {
            const r = await coll('units').where({ _id: k._id, parentId: k.parentId }).update({ path: want });
            if (r.updated !== 1) return; // moved elsewhere meanwhile: its own move rewrites its subtree
            changed++;
          }
          next.push({ id: k._id, path: want });
        });
      }
      frontier = next;
    }
    return changed;
  }

  const units: CloudbaseStore['units'] = {
    async get(id) {
      const d = await docById('units', id);
      return d ? toUnit(d) : null;
    },
    async getMany(ids) {
      return (await byIds('units', ids)).map(toUnit);
    },
    async listSubtree(path, o) {
      const live = o?.includeArchived ? {} : { archived: false };
      const docs = await drain(
        (after) =>
          coll('units')
            .where({ ...live, path: (after === null ? _.gte(path) : _.gt(after)).and(_.lt(path + END)) })
            .orderBy('path', 'asc'),
        (d) => d.path,
      );
      return docs.map(toUnit);
    },
    async listRoots() {
      const docs = await drain(
        (after) => coll('units').where(after === null ? { parentId: null } : { parentId: null, path: _.gt(after) }).orderBy('path', 'asc'),
        (d) => d.path,
      );
      return docs.map(toUnit);
    },
    async findChildByName(parentId, unitName) {
      const [d] = await rows(coll('units').where({ parentId, name: unitName, archived: false }).limit(1));
      return d ? toUnit(d) : null;
    },
    async countLiveChildren(id) {
      const r = await coll('units').where({ parentId: id, archived: false }).count();
      return r.total as number;
    },
    async insert(u) {
      if (u.archived) {
        await coll('units').add(unitDoc(u));
        return;
      }
      await transaction(async (t) => {
        await claimSiblingName(t, siblingKey(u.parentId, u.name), u, 'name');
        await t.collection(name('units')).add(unitDoc(u));
      });
    },
    async update(id, expected, patch, at) {
      const cur = await units.get(id);
      if (!cur || cur.version !== expected) return null;
      const next = { ...cur, name: patch.name ?? cur.name, archived: patch.archived ?? cur.archived, version: expected + 1, updatedAt: at };
      const oldKey = cur.archived ? null : siblingKey(cur.parentId, cur.name);
      const newKey = next.archived ? null : siblingKey(cur.parentId, next.name);
      if (oldKey === newKey) {
        const r = await coll('units')
          .where({ _id: id, version: expected })
          .update({ name: next.name, archived: next.archived, updatedAt: at, version: _.inc(1) });
        return r.updated === 1 ? next : null;
      }
      // The sibling-name guard moves with the write: one transaction, version checked inside.
      return transaction(async (t) => {
        const snap = await txGet(t, 'units', id);
        if (!snap || snap.version !== expected) return null;
        if (newKey) await claimSiblingName(t, newKey, next, 'name');
        if (oldKey) await releaseGuard(t, oldKey);
        await t.collection(name('units')).doc(id).update({ name: next.name, archived: next.archived, updatedAt: at, version: expected + 1 });
        return next;
      });
    },
    async move(id, expected, newParent, at) {
      const moved = await transaction(async (t) => {
        const snap = await txGet(t, 'units', id);
        if (!snap || snap.version !== expected) return null;
        const cur = toUnit(snap);
        // The parent as stored now, not as the caller read it.
        const parentDoc = await txGet(t, 'units', newParent.id);
        if (!parentDoc) throw new DomainError('UNIT.NOT_FOUND', undefined, 'parentId');
        const parent = toUnit(parentDoc);
        const path = `${parent.path}${id}/`;
        if (path.startsWith(cur.path)) throw new DomainError('UNIT.CYCLE');
        const next: Unit = { ...cur, parentId: parent.id, path, version: expected + 1, updatedAt: at };
        if (!cur.archived && cur.parentId !== parent.id) {
          await claimSiblingName(t, siblingKey(parent.id, cur.name), next, 'parentId');
          await releaseGuard(t, siblingKey(cur.parentId, cur.name));
        }
        await t.collection(name('units')).doc(id).update({ parentId: parent.id, path, updatedAt: at, version: expected + 1 });
        return next;
      });
      if (moved) await rewriteBelow(moved);
      return moved;
    },
  };

  const people: CloudbaseStore['people'] = {
    async get(id) {
      const d = await docById('people', id, NO_HASH);
      return d ? toPerson(d) : null;
    },
    async getMany(ids) {
      return (await byIds('people', ids, NO_HASH)).map(toPerson);
    },
    async findByUsername(username) {
      const [d] = await rows(coll('people').where({ username }).field(NO_HASH).limit(1));
      return d ? toPerson(d) : null;
    },
    async findByOpenid(openid) {
      const [d] = await rows(coll('people').where({ openid }).field(NO_HASH).limit(1));
      return d ? toPerson(d) : null;
    },
    async search(text, paths, limit) {
      if (limit <= 0) return [];
      // Units in scope, archived ones included (a binding on an archived unit still places a person).
      const scope = new Set<string>();
      for (const p of paths) for (const u of await units.listSubtree(p, { includeArchived: true })) scope.add(u.id);
      const re = text === '' ? null : db.RegExp({ regexp: escapeRegExp(text), options: 'i' });
      const base = re ? coll('people').where(_.or([{ name: re }, { phone: re }, { username: re }])) : coll('people');
      const ordered = base.field(NO_HASH).orderBy('name', 'asc').orderBy('_id', 'asc');
      const found: Person[] = [];
      for (let skip = 0; found.length < limit; skip += PAGE) {
        const page = await rows(ordered.skip(skip).limit(PAGE));
        const ids = page.map((d) => d._id as string);
        const bound = new Map<string, string[]>();
        for (const part of chunks(ids, IN_CHUNK)) {
          const bs = await drain(
            (after) => coll('bindings').where(after === null ? { personId: _.in(part) } : { personId: _.in(part), _id: _.gt(after) }).orderBy('_id', 'asc'),
            (d) => d._id,
          );
          for (const b of bs) bound.set(b.personId, [...(bound.get(b.personId) ?? []), b.unitId]);
        }
        for (const d of page) {
          const unitIds = bound.get(d._id);
          if (!unitIds || unitIds.some((u) => scope.has(u))) found.push(toPerson(d));
          if (found.length === limit) break;
        }
        if (page.length < PAGE) break;
      }
      return found;
    },
    async insert(p, passwordHash) {
      const doc = personDoc(p, passwordHash);
      if (p.username === null && p.openid === null) {
        await coll('people').add(doc);
        return;
      }
      await transaction(async (t) => {
        const guards: Doc[] = [];
        if (p.username !== null) {
          const key = usernameKey(p.username);
          if (await txGet(t, 'uniques', key)) throw new DomainError('INPUT.INVALID', '这个账号已被使用，请换一个', 'username');
          guards.push({ _id: key, kind: 'username', personId: p.id });
        }
        if (p.openid !== null) {
          const key = openidKey(p.openid);
          if (await txGet(t, 'uniques', key)) throw new DomainError('INPUT.INVALID', '这个微信已绑定其他人员', 'openid');
          guards.push({ _id: key, kind: 'openid', personId: p.id });
        }
        for (const g of guards) await t.collection(name('uniques')).add(g);
        await t.collection(name('people')).add(doc);
      });
    },
    async passwordHash(id) {
      const d = await docById('people', id, { passwordHash: true });
      return (d?.passwordHash as string | null | undefined) ?? null;
    },
    async listDemo() {
      const docs = await drainBySkip(coll('people').where({ demo: true }).field(NO_HASH).orderBy('createdAt', 'asc').orderBy('_id', 'asc'));
      return docs.map(toPerson);
    },
    async count() {
      return (await coll('people').count()).total as number;
    },
  };

  const bindings: CloudbaseStore['bindings'] = {
    async get(id) {
      const [d] = await rows(coll('bindings').where({ id }).limit(1));
      return d ? toBinding(d) : null;
    },
    async listForPerson(personId) {
      return (await drainBySkip(coll('bindings').where({ personId }).orderBy('createdAt', 'asc').orderBy('id', 'asc'))).map(toBinding);
    },
    async listForUnit(unitId) {
      return (await drainBySkip(coll('bindings').where({ unitId }).orderBy('createdAt', 'asc').orderBy('id', 'asc'))).map(toBinding);
    },
    async listWithRoles(unitIds, roles) {
      if (unitIds.length === 0 || roles.length === 0) return [];
      const out: Binding[] = [];
      for (const part of chunks([...new Set(unitIds)], IN_CHUNK)) {
        const q = coll('bindings').where({ unitId: _.in(part), role: _.in([...roles]) }).orderBy('createdAt', 'asc').orderBy('id', 'asc');
        out.push(...(await drainBySkip(q)).map(toBinding));
      }
      return out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    },
    async find(personId, unitId, role) {
      const d = await docById('bindings', bindingKey(personId, unitId, role));
      return d ? toBinding(d) : null;
    },
    async insert(b) {
      return addOnce('bindings', {
        _id: bindingKey(b.personId, b.unitId, b.role),
        id: b.id,
        personId: b.personId,
        unitId: b.unitId,
        role: b.role,
        createdAt: b.createdAt,
        createdBy: b.createdBy,
      });
    },
    async remove(id) {
      const r = await coll('bindings').where({ id }).remove();
      return r.deleted === 1;
    },
  };

  const sessions: CloudbaseStore['sessions'] = {
    async insert(s) {
      await coll('sessions').add({
        _id: s.id,
        tokenHash: s.tokenHash,
        personId: s.personId,
        createdAt: s.createdAt,
        expiresAt: s.expiresAt,
        revokedAt: s.revokedAt,
      });
    },
    async findByTokenHash(h) {
      const [d] = await rows(coll('sessions').where({ tokenHash: h }).limit(1));
      return d ? toSession(d) : null;
    },
    async revoke(id, at) {
      const r = await coll('sessions').where({ _id: id, revokedAt: null }).update({ revokedAt: at });
      return r.updated === 1;
    },
    async purgeExpired(before) {
      const r = await coll('sessions').where({ expiresAt: _.lt(before) }).remove();
      return r.deleted as number;
    },
  };

  const auditDoc = (e: AuditEntry): Doc => ({
    _id: e.id,
    at: e.at,
    actorId: e.actorId,
    action: e.action,
    targetKind: e.targetKind,
    targetId: e.targetId,
    unitPath: e.unitPath ?? null,
    detail: JSON.stringify(e.detail),
  });
  const messageDoc = (m: Message): Doc => ({ _id: m.id, personId: m.personId, kind: m.kind, title: m.title, body: m.body, page: m.page, createdAt: m.createdAt, readAt: m.readAt });

  const audit: CloudbaseStore['audit'] = {
    async append(e) {
      await coll('audit').add(auditDoc(e));
    },
    async listForTarget(targetId, limit) {
      if (limit <= 0) return [];
      const q = coll('audit').where({ targetId }).orderBy('at', 'desc').orderBy('_id', 'desc');
      return (await drainBySkip(q, limit)).map(toAudit);
    },
    search: (f, limit) => deskParts.auditSearch(f, limit),
  };

  const toMessage = (d: Doc): Message => ({
    id: d._id,
    personId: d.personId,
    kind: d.kind,
    title: d.title,
    body: d.body,
    page: d.page ?? null,
    createdAt: d.createdAt,
    readAt: d.readAt ?? null,
  });

  const messages: CloudbaseStore['messages'] = {
    async insert(m) {
      await coll('messages').add(messageDoc(m));
    },
    async listForPerson(personId, limit, before) {
      if (limit <= 0) return [];
      const where = before === undefined ? { personId } : { personId, createdAt: _.lt(before) };
      const q = coll('messages').where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc');
      return (await drainBySkip(q, limit)).map(toMessage);
    },
    async countUnread(personId) {
      const r = await coll('messages').where({ personId, readAt: null }).count();
      return r.total as number;
    },
    async markRead(personId, ids, at) {
      if (ids === null) {
        const r = await coll('messages').where({ personId, readAt: null }).update({ readAt: at });
        return r.updated as number;
      }
      let n = 0;
      for (const part of chunks(ids, IN_CHUNK)) {
        if (part.length === 0) continue;
        const r = await coll('messages').where({ personId, readAt: null, _id: _.in(part) }).update({ readAt: at });
        n += r.updated as number;
      }
      return n;
    },
  };

  /** The query of a ReportFilter: every condition on an indexed field of the report document. */
  function reportWhere(f: ReportFilter): Doc {
    const w: Doc = { unitPath: _.gte(f.path).and(_.lt(f.path + END)) };
    if (f.statuses?.length) w.status = _.in([...f.statuses]);
    if (f.levels?.length) w.level = _.in([...f.levels]);
    if (f.category) w.category = f.category;
    if (f.handlerId) w.handlerId = f.handlerId;
    if (f.dueBefore !== undefined) w.dueAt = _.lt(f.dueBefore);
    if (f.createdFrom !== undefined && f.createdTo !== undefined) w.createdAt = _.gte(f.createdFrom).and(_.lt(f.createdTo));
    else if (f.createdFrom !== undefined) w.createdAt = _.gte(f.createdFrom);
    else if (f.createdTo !== undefined) w.createdAt = _.lt(f.createdTo);
    return w;
  }

  /** The side writes of a report write, inside its transaction. */
  async function addAlso(t: Tx, also: ReportSideWrites | undefined) {
    for (const e of also?.audit ?? []) await t.collection(name('audit')).add(auditDoc(e));
    for (const m of also?.messages ?? []) await t.collection(name('messages')).add(messageDoc(m));
  }
  const claimFree = (owner: string | null, now: number) =>
    _.or([{ claimOwner: null }, { claimUntil: null }, { claimUntil: _.lte(now) }, ...(owner === null ? [] : [{ claimOwner: owner }])]);

  const reports: CloudbaseStore['reports'] = {
    async insert(report, timeline, also) {
      const key = reportRequestKey(report.createdBy, report.clientRequestId);
      const existing = await transaction(async (t) => {
        const held = await txGet(t, 'uniques', key);
        if (held) {
          // The guard and the report were committed together: this snapshot has both.
          const d = await txGet(t, 'reports', held.reportId);
          if (!d) throw new Error(`report guard ${key} names a missing report ${held.reportId}`);
          return d;
        }
        await t.collection(name('uniques')).add({ _id: key, kind: 'report', reportId: report.id });
        await t.collection(name('reports')).add(reportDoc(report));
        for (const [i, e] of timeline.entries()) await t.collection(name('report_events')).add(eventDoc(e, report.version, i));
        await addAlso(t, also);
        return null;
      });
      return existing ? { report: toReport(existing), created: false } : { report, created: true };
    },
    async get(id) {
      const d = await docById('reports', id);
      return d ? toReport(d) : null;
    },
    async timeline(reportId) {
      const q = coll('report_events').where({ reportId }).orderBy('at', 'asc').orderBy('ver', 'asc').orderBy('pos', 'asc');
      return (await drainBySkip(q)).map(toEntry);
    },
    async save(report, expected, entries, also) {
      const next: Report = { ...report, version: expected + 1 };
      const { _id, ...fields } = reportDoc(next);
      return transaction(async (t) => {
        const snap = await txGet(t, 'reports', report.id);
        if (!snap || snap.version !== expected) return null;
        // set replaces the document: nested fields (extension, followUp, …) hold nothing stale.
        await t.collection(name('reports')).doc(report.id).set(fields);
        for (const [i, e] of entries.entries()) await t.collection(name('report_events')).add(eventDoc(e, next.version, i));
        await addAlso(t, also);
        return next;
      });
    },
    async saveAll(saves) {
      const out: (Report | null)[] = [];
      for (const x of saves) out.push(await reports.save(x.report, x.expectedVersion, x.entries, x.also));
      return out;
    },
    async claim(id, expected, owner, until, now) {
      const cur = await reports.get(id);
      if (!cur || cur.version !== expected) return null;
      // The claim fields only: the report and its version stay as they are (see ReportRepo.claim).
      const r = await coll('reports')
        .where(_.and([{ _id: id, version: expected }, claimFree(owner, now)]))
        .update({ claimOwner: owner, claimUntil: until });
      return r.updated === 1 ? cur : null;
    },
    async claimDue(now, limit, owner, until) {
      if (limit <= 0) return [];
      const q = coll('reports').where(_.and([{ nextCheckAt: _.lte(now) }, claimFree(null, now)])).orderBy('nextCheckAt', 'asc').orderBy('_id', 'asc');
      const due = (await drainBySkip(q, limit)).map(toReport);
      const claimed: (Report | null)[] = new Array(due.length).fill(null);
      await inParallel([...due.keys()], PARALLEL, async (i) => {
        const cur = due[i];
        const r = await coll('reports')
          .where(_.and([{ _id: cur.id, version: cur.version }, claimFree(null, now)]))
          .update({ claimOwner: owner, claimUntil: until });
        if (r.updated === 1) claimed[i] = cur;
      });
      return claimed.filter((r): r is Report => r !== null);
    },
    async release(ids, owner) {
      for (let i = 0; i < ids.length; i += 100)
        await coll('reports')
          .where({ _id: _.in([...ids.slice(i, i + 100)]), claimOwner: owner })
          .update({ claimOwner: null, claimUntil: null });
    },
    async listDue(now, limit) {
      if (limit <= 0) return [];
      // A numeric bound matches numbers only (MongoDB compares within a type), so null never does.
      const q = coll('reports').where({ nextCheckAt: _.lte(now) }).orderBy('nextCheckAt', 'asc').orderBy('_id', 'asc');
      return (await drainBySkip(q, limit)).map(toReport);
    },
    async listForResident(personId, limit, before) {
      if (limit <= 0) return [];
      const at = before === undefined ? {} : { createdAt: _.lt(before) };
      // One branch per index (residentId+createdAt, createdBy+createdAt).
      const q = coll('reports')
        .where(_.or([{ residentId: personId, ...at }, { createdBy: personId, ...at }]))
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc');
      return (await drainBySkip(q, limit)).map(toReport);
    },
    async list(filter, limit, offset = 0) {
      if (limit <= 0) return [];
      const q = coll('reports').where(reportWhere(filter)).orderBy('dueAt', 'asc').orderBy('_id', 'asc');
      return (await drainBySkip(q, limit, offset)).map(toReport);
    },
    async count(filter) {
      return (await coll('reports').where(reportWhere(filter)).count()).total as number;
    },
    async findOpenSimilar(unitId, category, since) {
      const q = coll('reports')
        .where({ unitId, category, createdAt: _.gte(since), status: _.in(OPEN_STATUSES) })
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc');
      return (await drainBySkip(q)).map(toReport);
    },
  };

  const meta: CloudbaseStore['meta'] = {
    async get(key) {
      const d = await docById('meta', key);
      return (d?.value as string | undefined) ?? null;
    },
    async setIfAbsent(key, value) {
      if (await addOnce('meta', { _id: key, value })) return value;
      return (await meta.get(key))!;
    },
    compareAndSet: (key, expected, next) => deskParts.compareAndSet(key, expected, next),
  };

  const deskParts = cloudbaseDesk({
    db,
    coll: (n) => coll(n as Name),
    rows,
    drainBySkip,
    toReport,
    toEntry,
    toAudit,
    toPerson,
    units,
    people,
    bindings,
    siblingKey,
    bindingKey,
  });

  return {
    kind: 'cloudbase',
    units,
    people,
    bindings,
    sessions,
    audit,
    messages,
    reports,
    meta,
    desk: deskParts.desk,
    imports: deskParts.imports,
    rollbackImport: (id) => deskParts.imports.rollbackImport(id),
    async repairPaths(unitId) {
      const u = await units.get(unitId);
      return u ? rewriteBelow(u) : 0;
    },
    async close() {
      // Nothing to release: the SDK keeps no connection per store.
    },
  };
}
