/**
 * What every repository of the CloudBase adapter shares: its collections (under the store's
 * prefix) and typed reads and writes on them.
 *
 * The SDK hands documents over untyped. Each collection has a document interface beside its
 * repository (UnitDoc in units.ts, …) describing what that repository writes; the reads here
 * give documents back as that interface, which is the one place the adapter trusts the database
 * to hold what it wrote.
 *
 * The service caps one query's `limit` at PAGE (1000): every list that may pass it is read page
 * by page (`drain`, `drainBySkip`), and so is an aggregation's answer (`groups`). An `_.in([...])`
 * list is sent IN_CHUNK ids at a time.
 */
import type { Collection, CollectionName, Command, Condition, Database, Query, Stored } from './types';
import { runTransaction, type Tx } from './transaction';

export type { App, Collection, CollectionName, Command, Condition, Database, Query, Stored, Where } from './types';
/** An aggregation pipeline being built (`coll(n).aggregate().match(…).group(…)`). */
export type Aggregate = ReturnType<Collection['aggregate']>;

/** The service's cap on one query's `limit`. */
export const PAGE = 1000;
/** Ids per `_.in([...])` query. */
export const IN_CHUNK = 100;
/** Upper bound for a prefix range scan: every path under `p` sorts before p + U+FFFF. */
const END = '\uffff';

export interface CloudbaseKit {
  readonly command: Command;
  coll(n: CollectionName): Collection;
  /** A string field (a unit path) that lies in the subtree at `path`; `after` starts past a key (paging). */
  under(path: string, after?: string | null): Condition;
  /** A regular expression matching text that contains `text`, any case. */
  contains(text: string): unknown;
  /** A regular expression matching text that begins with `text`, case as given: an index answers it as a range. */
  startsWith(text: string): unknown;
  /** One page of a query, as it comes. */
  rows<D extends Stored>(q: Query): Promise<D[]>;
  /** Every row of a query ordered by a unique field, a page at a time, each page after the last key. */
  drain<D extends Stored>(page: (after: string | null) => Query, keyOf: (d: D) => string): Promise<D[]>;
  /** Every row of a query with a total order (up to `max`, after `from`), by skip (for orders on a non-unique first key). */
  drainBySkip<D extends Stored>(q: Query, max?: number, from?: number): Promise<D[]>;
  docById<D extends Stored>(n: CollectionName, id: string, projection?: Record<string, boolean>): Promise<D | null>;
  /** The documents with these ids that exist, in no particular order. */
  byIds<D extends Stored>(n: CollectionName, ids: readonly string[], projection?: Record<string, boolean>): Promise<D[]>;
  /**
   * Every row of an aggregation that ends in a group stage, a page of PAGE at a time, sorted by the
   * fields of the group key (`_id.<key>`, a total order on the groups), until a short page. Each
   * page runs `pipeline()` again: the service keeps no cursor over an aggregation.
   */
  groups<R>(pipeline: () => Aggregate, keys: readonly string[]): Promise<R[]>;
  count(q: Query): Promise<number>;
  /** Applies `patch` to every document the query matches; returns how many changed. */
  update(q: Query, patch: object): Promise<number>;
  /** Removes every document the query matches; returns how many. */
  remove(q: Query): Promise<number>;
  /** Adds a document whose `_id` is a lock; false if that `_id` is taken (whatever error the service reports). */
  addOnce(n: CollectionName, doc: Stored): Promise<boolean>;
  /** See transaction.ts: `fn` writes nothing but through `t`, and may run more than once. */
  transaction<T>(fn: (t: Tx) => Promise<T>): Promise<T>;
}

export function chunks<T>(list: readonly T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Runs `fn` on every item, at most `width` at once. */
export async function inParallel<T>(list: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < list.length) await fn(list[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(width, list.length) }, worker));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function cloudbaseKit(database: Database, prefix: string): CloudbaseKit {
  const _ = database.command;
  const name = (n: CollectionName) => `${prefix}${n}`;
  const coll = (n: CollectionName) => database.collection(name(n));

  async function rows<D extends Stored>(q: Query): Promise<D[]> {
    const res: { data: D[] } = await q.get();
    return res.data;
  }

  async function docById<D extends Stored>(n: CollectionName, id: string, projection?: Record<string, boolean>): Promise<D | null> {
    let ref = coll(n).doc(id);
    if (projection) ref = ref.field(projection);
    const res: { data: D[] } = await ref.get();
    return res.data[0] ?? null;
  }

  return {
    command: _,
    coll,
    under: (path, after = null) => (after === null ? _.gte(path) : _.gt(after)).and(_.lt(path + END)),
    contains: (text) => database.RegExp({ regexp: escapeRegExp(text), options: 'i' }),
    startsWith: (text) => database.RegExp({ regexp: `^${escapeRegExp(text)}`, options: '' }),
    rows,
    async drain<D extends Stored>(page: (after: string | null) => Query, keyOf: (d: D) => string) {
      const out: D[] = [];
      let after: string | null = null;
      for (;;) {
        const got = await rows<D>(page(after).limit(PAGE));
        out.push(...got);
        if (got.length < PAGE) return out;
        after = keyOf(got[got.length - 1]);
      }
    },
    async drainBySkip<D extends Stored>(q: Query, max = Infinity, from = 0) {
      const out: D[] = [];
      while (out.length < max) {
        const want = Math.min(PAGE, max - out.length);
        const got = await rows<D>(q.skip(from + out.length).limit(want));
        out.push(...got);
        if (got.length < want) break;
      }
      return out;
    },
    docById,
    async byIds<D extends Stored>(n: CollectionName, ids: readonly string[], projection?: Record<string, boolean>) {
      const out: D[] = [];
      for (const part of chunks([...new Set(ids)])) {
        let q = coll(n).where({ _id: _.in(part) });
        if (projection) q = q.field(projection);
        out.push(...(await rows<D>(q.limit(part.length))));
      }
      return out;
    },
    async groups<R>(pipeline: () => Aggregate, keys: readonly string[]) {
      const out: R[] = [];
      const order = Object.fromEntries(keys.map((k) => [`_id.${k}`, 1]));
      for (;;) {
        const res: { data: R[] } = await pipeline().sort(order).skip(out.length).limit(PAGE).end();
        out.push(...res.data);
        if (res.data.length < PAGE) return out;
      }
    },
    async count(q) {
      const res: { total: number } = await q.count();
      return res.total;
    },
    async update(q, patch) {
      const res: { updated: number } = await q.update(patch);
      return res.updated;
    },
    async remove(q) {
      const res: { deleted: number } = await q.remove();
      return res.deleted;
    },
    async addOnce(n, doc) {
      try {
        await coll(n).add(doc);
        return true;
      } catch (e) {
        if (await docById(n, doc._id)) return false;
        throw e;
      }
    },
    transaction: (fn) => runTransaction(database, name, fn),
  };
}
