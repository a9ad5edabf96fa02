/**
 * An in-process CloudBase document database: it answers the requests @cloudbase/database builds
 * (the `action` + params that `Db.reqClass#send` receives) the way the service does, so the
 * unmodified node-sdk can be tested without a network.
 *
 * - Queries, sorting, projection, update operators and aggregation are MongoDB's, evaluated by
 *   `mingo`; every value crosses the boundary as EJSON (`bson`), as it does on the wire.
 * - Each request is applied in one synchronous step, so requests never interleave halfway:
 *   a conditional update (`where({ _id, version }).update(...)`) is atomic, like the real one.
 * - `limit` defaults to 100 and is capped at 1000, whatever the caller asks for.
 * - Transactions have snapshot isolation with first-writer-wins conflicts, as in MongoDB:
 *   a transaction reads the state as of its start (plus its own writes); writing a document
 *   that another open transaction has written, or that anyone committed after the snapshot,
 *   aborts it with DATABASE_TRANSACTION_CONFLICT (the SDK's runTransaction retries on that);
 *   so does a commit when a write outside the transaction changed a document it wrote.
 *   Inside a transaction only single-document operations (doc(id)…, add) are accepted.
 * - Collections must exist (database.addCollection) before use; unique indexes declared with
 *   `createIndex` are enforced (sparse ones skip documents that lack every indexed field).
 *
 * Not implemented: geo queries, realtime watch, the legacy *InTransaction actions, text
 * search, server-side limits other than `limit`, transaction lifetime timeouts.
 */
import { randomBytes } from 'node:crypto';
import { BSONRegExp, EJSON } from 'bson';
import { Aggregator, find as mingoFind, Query as MingoQuery, update as mingoUpdate } from 'mingo';

export type Doc = Record<string, unknown> & { _id: unknown };

export interface IndexSpec {
  name: string;
  keys: Record<string, 1 | -1>;
  unique?: boolean;
  sparse?: boolean;
}

export interface AnswererOptions {
  /** Per-request delay in ms, [min, max]; random within it. Default: one macrotask each way. */
  latencyMs?: [number, number];
}

/** What a failed request raises, shaped like node-sdk's TcbError (code, message, requestId). */
export class AnswerError extends Error {
  readonly code: string;
  readonly requestId: string;
  constructor(code: string, message: string, requestId: string) {
    super(message);
    this.name = 'TcbError';
    this.code = code;
    this.requestId = requestId;
  }
}

class Fail extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 100;
const CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';

interface Version {
  seq: number;
  doc: Doc | null;
}

class Collection {
  /** Every document's versions, oldest first; older ones are kept only while a transaction may read them. */
  readonly versions = new Map<string, Version[]>();
  readonly indexes: IndexSpec[] = [];
  /**
   * Per unique index, which document holds each value now (the latest versions): a write is checked
   * against it instead of against every document, as a real index would be.
   */
  readonly owners = new Map<string, Map<string, string>>();
  /** Documents written while a transaction was open (history kept): the only ones prune has to look at. */
  private readonly kept = new Set<string>();
  constructor(readonly name: string) {}

  /** The index's key for a document, or null where a sparse index leaves it out. */
  uniqueKey(idx: IndexSpec, doc: Doc): string | null {
    const values = Object.keys(idx.keys).map((f) => getPath(doc, f));
    if (idx.sparse && values.every((v) => v === undefined)) return null;
    return encode(values.map((v) => (v === undefined ? null : v)));
  }

  addIndex(spec: IndexSpec) {
    this.indexes.push(spec);
    if (!spec.unique) return;
    const owners = new Map<string, string>();
    for (const [key, vs] of this.versions) {
      const d = vs[vs.length - 1].doc;
      const k = d && this.uniqueKey(spec, d);
      if (k !== null && k !== undefined) owners.set(k, key);
    }
    this.owners.set(spec.name, owners);
  }

  latest(key: string): Version | undefined {
    const v = this.versions.get(key);
    return v?.[v.length - 1];
  }
  current(key: string): Doc | null {
    return this.latest(key)?.doc ?? null;
  }
  asOf(key: string, seq: number): Doc | null {
    const vs = this.versions.get(key);
    if (!vs) return null;
    for (let i = vs.length - 1; i >= 0; i--) if (vs[i].seq <= seq) return vs[i].doc;
    return null;
  }
  docs(): Doc[] {
    const out: Doc[] = [];
    for (const vs of this.versions.values()) {
      const d = vs[vs.length - 1].doc;
      if (d) out.push(d);
    }
    return out;
  }
  write(key: string, doc: Doc | null, seq: number, keepHistory: boolean) {
    const before = this.current(key);
    for (const idx of this.indexes) {
      const owners = this.owners.get(idx.name);
      if (!owners) continue;
      const was = before && this.uniqueKey(idx, before);
      // Only if it is still this document's: another written in the same step may have taken the value.
      if (was !== null && was !== undefined && owners.get(was) === key) owners.delete(was);
      const now = doc && this.uniqueKey(idx, doc);
      if (now !== null && now !== undefined) owners.set(now, key);
    }
    const vs = this.versions.get(key);
    if (keepHistory) {
      this.kept.add(key);
      if (vs) vs.push({ seq, doc });
      else this.versions.set(key, [{ seq, doc }]);
    } else if (doc === null) {
      this.versions.delete(key);
    } else if (vs) {
      vs.splice(0, vs.length, { seq, doc });
    } else {
      this.versions.set(key, [{ seq, doc }]);
    }
  }
  prune() {
    for (const key of this.kept) {
      const vs = this.versions.get(key);
      if (!vs) continue;
      const last = vs[vs.length - 1];
      if (last.doc === null) this.versions.delete(key);
      else if (vs.length > 1) vs.splice(0, vs.length - 1);
    }
    this.kept.clear();
  }
}

interface Tx {
  id: string;
  snapshot: number;
  /** collection name → document key → the document as this transaction wrote it (null: removed). */
  writes: Map<string, Map<string, Doc | null>>;
  state: 'active' | 'aborted' | 'committed';
}

// ---------- values ----------

function keyOf(id: unknown): string {
  if (typeof id === 'string') return `s:${id}`;
  if (typeof id === 'number') return `n:${id}`;
  if (id && typeof id === 'object' && typeof (id as { toHexString?: unknown }).toHexString === 'function')
    return `o:${(id as { toHexString(): string }).toHexString()}`;
  return `j:${EJSON.stringify(id as never)}`;
}

/** EJSON text → plain JS values (numbers as numbers, dates as Date, regexes as RegExp). */
function decode(text: unknown): any {
  if (text === undefined || text === null || text === '') return undefined;
  const parsed = typeof text === 'string' ? EJSON.parse(text, { relaxed: true }) : EJSON.deserialize(text as never, { relaxed: true });
  return toJs(parsed);
}

function toJs(v: any): any {
  if (v instanceof BSONRegExp) return new RegExp(v.pattern, v.options.replace(/[^gimsuy]/g, ''));
  if (Array.isArray(v)) return v.map(toJs);
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = toJs(v[k]);
    return out;
  }
  return v;
}

const encode = (d: unknown) => EJSON.stringify(d as never, { relaxed: false });
const clone = <T>(d: T): T => toJs(EJSON.parse(encode(d), { relaxed: true }));
const same = (a: unknown, b: unknown) => encode(a) === encode(b);

function getPath(doc: unknown, path: string): unknown {
  let cur: any = doc;
  for (const part of path.split('.')) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    cur = cur[part];
  }
  return cur;
}

function isOperatorDoc(v: unknown): boolean {
  return !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp) && Object.keys(v).some((k) => k.startsWith('$'));
}

/** The `_id` a query pins down exactly, if it does. */
function pinnedId(query: Record<string, unknown> | undefined): { id: unknown } | null {
  if (!query || !('_id' in query)) return null;
  const v = query._id;
  if (isOperatorDoc(v)) {
    const ops = v as Record<string, unknown>;
    if (Object.keys(ops).length === 1 && '$eq' in ops) return { id: ops.$eq };
    return null;
  }
  return { id: v };
}

// ---------- the answerer ----------

export class TcbAnswerer {
  private readonly collections = new Map<string, Collection>();
  private readonly txs = new Map<string, Tx>();
  /** "collection\0key" → id of the open transaction that has written that document. */
  private readonly locks = new Map<string, string>();
  private seq = 0;
  private requests = 0;
  private busy = 0;
  /** Every request received, in order: for tests that check what the SDK sent. */
  readonly log: { action: string; params: Record<string, any> }[] = [];

  constructor(private readonly options: AnswererOptions = {}) {}

  // ----- test-side helpers (not reachable through the SDK) -----

  createCollection(name: string): void {
    if (!this.collections.has(name)) this.collections.set(name, new Collection(name));
  }

  /** Declares an index; unique ones are enforced from now on (existing duplicates are refused). */
  createIndex(collection: string, spec: IndexSpec): void {
    const c = this.need(collection);
    if (c.indexes.some((i) => i.name === spec.name)) return;
    if (spec.unique) this.checkUnique(c, new Map(), [spec]);
    c.addIndex(spec);
  }

  /** The stored documents of a collection, as plain values, in natural order. */
  dump(collection: string): Doc[] {
    return this.need(collection).docs().map(clone);
  }

  collectionNames(): string[] {
    return [...this.collections.keys()];
  }

  /** Requests answered so far, failed ones included: what a test or the bench counts a use-case's cost in. */
  requestCount(): number {
    return this.requests;
  }

  /**
   * Milliseconds spent answering so far (matching, sorting, aggregating in process): work the real
   * service does elsewhere, which the CloudBase bench takes out of its figures.
   */
  busyMs(): number {
    return this.busy;
  }

  openTransactions(): number {
    let n = 0;
    for (const t of this.txs.values()) if (t.state === 'active') n++;
    return n;
  }

  // ----- the request layer -----

  async send(action: string, params: Record<string, any> = {}): Promise<any> {
    await this.delay();
    const requestId = `answerer-${++this.requests}`;
    this.log.push({ action, params });
    let result: any;
    const started = performance.now();
    try {
      result = { requestId, ...this.handle(action, params ?? {}) };
    } catch (e) {
      if (e instanceof Fail) {
        this.busy += performance.now() - started;
        await this.delay();
        throw new AnswerError(e.code, e.message, requestId);
      }
      throw e;
    }
    this.busy += performance.now() - started;
    await this.delay();
    return result;
  }

  private delay(): Promise<void> {
    const l = this.options.latencyMs;
    if (!l) return new Promise((r) => setImmediate(r));
    const ms = l[0] + Math.random() * (l[1] - l[0]);
    return new Promise((r) => setTimeout(r, ms));
  }

  private handle(action: string, p: Record<string, any>): Record<string, unknown> {
    switch (action) {
      case 'database.addCollection':
        if (this.collections.has(p.collectionName))
          throw new Fail('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceExist] Table exist: ${p.collectionName}`);
        this.createCollection(p.collectionName);
        return {};
      case 'database.getDocument':
        return { data: this.getDocument(p) };
      case 'database.calculateDocument':
        this.noTransaction(p);
        return { data: { total: this.match(this.need(p.collectionName), decode(p.query)).length } };
      case 'database.insertDocument':
        return { data: { insertedIds: this.insert(p) } };
      case 'database.modifyDocument':
        return { data: this.modify(p, false) };
      case 'database.modifyAndReturnDoc': {
        const r = this.modify({ ...p, multi: false, merge: true, upsert: false }, true);
        return { data: { updated: r.updated, doc: r.doc === undefined ? undefined : encode(r.doc) } };
      }
      case 'database.removeDocument':
        return { data: { deleted: this.remove(p) } };
      case 'database.aggregateDocuments':
        return { data: { list: this.aggregate(p).map(encode) } };
      case 'database.startTransaction': {
        const id = `tx-${randomBytes(8).toString('hex')}`;
        this.txs.set(id, { id, snapshot: this.seq, writes: new Map(), state: 'active' });
        return { transactionId: id };
      }
      case 'database.commitTransaction':
        this.commit(p.transactionId);
        return {};
      case 'database.abortTransaction': {
        const t = this.txs.get(p.transactionId);
        if (!t) throw new Fail('DATABASE_TRANSACTION_FAIL', `no such transaction ${p.transactionId}`);
        if (t.state === 'active') this.end(t, 'aborted');
        return {};
      }
      default:
        throw new Fail('DATABASE_REQUEST_FAILED', `the in-process answerer does not implement ${action}`);
    }
  }

  private need(name: string): Collection {
    const c = this.collections.get(name);
    if (!c) throw new Fail('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`);
    return c;
  }

  private noTransaction(p: Record<string, any>) {
    if (p.transactionId) throw new Fail('DATABASE_REQUEST_FAILED', 'a transaction only accepts single-document operations (doc(id) and add)');
  }

  private match(c: Collection, query: any): Doc[] {
    if (!query || Object.keys(query).length === 0) return c.docs();
    const q = new MingoQuery(query);
    // A query that names its _id can only match that document: looked up, not scanned for (the
    // claims and conditional updates of a big collection; MongoDB uses the _id index the same way).
    const pin = pinnedId(query);
    // Only an exact value: `_id: /…/` (a regex) or `_id: { … }` (a document) is not one id.
    if (pin && (typeof pin.id === 'string' || typeof pin.id === 'number')) {
      const d = c.current(keyOf(pin.id));
      return d && q.test(d) ? [d] : [];
    }
    return c.docs().filter((d) => q.test(d));
  }

  // ----- reads -----

  private getDocument(p: Record<string, any>) {
    const c = this.need(p.collectionName);
    const query = decode(p.query) ?? {};
    const projection = decode(p.projection);
    if (p.transactionId) {
      const t = this.tx(p.transactionId);
      const pin = pinnedId(query);
      if (!pin) this.noTransaction(p);
      const doc = this.read(t, c, keyOf(pin!.id));
      const list = doc && new MingoQuery(query).test(doc) ? mingoFind([doc], {}, projection).all() : [];
      return { list: list.map(encode) };
    }
    let cursor = mingoFind(this.match(c, query), {}, projection);
    const order = decode(p.order);
    if (order && Object.keys(order).length) cursor = cursor.sort(order);
    const offset = Number(p.offset) || 0;
    const limit = Math.min(Number(p.limit) || DEFAULT_LIMIT, MAX_LIMIT);
    const list = cursor.skip(offset).limit(limit).all();
    return { list: list.map(encode), limit, offset };
  }

  private aggregate(p: Record<string, any>): unknown[] {
    this.noTransaction(p);
    const c = this.need(p.collectionName);
    const pipeline = (p.stages as { stageKey: string; stageValue: string }[]).map((s) => ({ [s.stageKey]: decode(s.stageValue) }));
    const agg = new Aggregator(pipeline, { collectionResolver: (name: string) => this.need(name).docs().map(clone) });
    return agg.run(c.docs().map(clone));
  }

  // ----- writes -----

  private insert(p: Record<string, any>): unknown[] {
    const c = this.need(p.collectionName);
    const t = p.transactionId ? this.tx(p.transactionId) : null;
    const ids: unknown[] = [];
    for (const text of p.data as string[]) {
      const doc = decode(text) as Doc;
      if (!doc || typeof doc !== 'object') throw new Fail('INVALID_PARAM', 'a document must be an object');
      if (doc._id === undefined) doc._id = randomBytes(16).toString('hex');
      const key = keyOf(doc._id);
      if (t) this.checkWritable(t, c, key);
      // Past checkWritable nobody committed this key after the snapshot, so the snapshot is current.
      const exists = t ? this.read(t, c, key) !== null : c.current(key) !== null;
      if (exists) this.fail(t, 'DATABASE_REQUEST_FAILED', dupMessage(c.name, '_id_', { _id: doc._id }));
      if (t) this.stage(t, c, key, doc);
      else this.apply(c, new Map([[key, doc]]));
      ids.push(doc._id);
    }
    return ids;
  }

  private modify(p: Record<string, any>, returnDoc: boolean): { updated: number; matched: number; upsert_id?: unknown; doc?: unknown } {
    const c = this.need(p.collectionName);
    const query = decode(p.query) ?? {};
    const data = decode(p.data) ?? {};
    const merge = p.merge !== false;
    const upsert = p.upsert === true;
    const multi = p.multi === true && !returnDoc;

    const change = (before: Doc | null): Doc => {
      if (!merge) {
        if (isOperatorDoc(data)) throw new Fail('INVALID_PARAM', 'set() data cannot contain update operators');
        return { ...clone(data), _id: before ? before._id : (pinnedId(query)?.id ?? randomBytes(16).toString('hex')) } as Doc;
      }
      const modifier: Record<string, any> = {};
      for (const [k, v] of Object.entries(data)) {
        if (k.startsWith('$')) modifier[k] = v;
        else (modifier.$set ??= {})[k] = v;
      }
      for (const op of Object.values(modifier)) {
        if (op && typeof op === 'object' && Object.keys(op).some((f) => f === '_id' || f.startsWith('_id.')))
          throw new Fail('INVALID_PARAM', 'the _id of a document cannot be changed');
      }
      const doc = before ? clone(before) : this.seedFromQuery(query);
      try {
        mingoUpdate(doc, modifier as never);
      } catch (e) {
        throw new Fail('DATABASE_REQUEST_FAILED', `bad update: ${(e as Error).message}`);
      }
      return doc;
    };

    if (p.transactionId) {
      const t = this.tx(p.transactionId);
      const pin = pinnedId(query);
      if (!pin) this.noTransaction(p);
      const key = keyOf(pin!.id);
      const before = this.read(t, c, key);
      const matched = before !== null && new MingoQuery(query).test(before);
      if (!matched && !upsert) return { updated: 0, matched: 0 };
      this.checkWritable(t, c, key);
      if (!matched && before !== null) this.fail(t, 'DATABASE_REQUEST_FAILED', dupMessage(c.name, '_id_', { _id: pin!.id }));
      const after = change(matched ? before : null);
      this.stage(t, c, key, after);
      if (!matched) return { updated: 0, matched: 0, upsert_id: after._id };
      const modified = same(before, after) ? 0 : 1;
      return { updated: modified, matched: 1, doc: returnDoc ? after : undefined };
    }

    const targets = this.match(c, query);
    const chosen = multi ? targets : targets.slice(0, 1);
    if (chosen.length === 0) {
      if (!upsert) return { updated: 0, matched: 0, doc: returnDoc ? null : undefined };
      const doc = change(null);
      const key = keyOf(doc._id);
      if (c.current(key)) throw new Fail('DATABASE_REQUEST_FAILED', dupMessage(c.name, '_id_', { _id: doc._id }));
      this.apply(c, new Map([[key, doc]]));
      return { updated: 0, matched: 0, upsert_id: doc._id };
    }
    const writes = new Map<string, Doc | null>();
    let modified = 0;
    for (const before of chosen) {
      const after = change(before);
      if (!same(before, after)) {
        writes.set(keyOf(before._id), after);
        modified++;
      }
    }
    this.apply(c, writes);
    const last = chosen.length === 1 ? (writes.get(keyOf(chosen[0]._id)) ?? chosen[0]) : undefined;
    return { updated: modified, matched: chosen.length, doc: returnDoc ? last : undefined };
  }

  /** An upsert with operators starts from the query's plain equality fields, as in MongoDB. */
  private seedFromQuery(query: Record<string, unknown>): Doc {
    const seed: Record<string, unknown> = {};
    const set: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(query)) {
      if (k.startsWith('$') || isOperatorDoc(v) || v instanceof RegExp) continue;
      set[k] = v;
    }
    if (Object.keys(set).length) mingoUpdate(seed, { $set: set } as never);
    if (seed._id === undefined) seed._id = randomBytes(16).toString('hex');
    return seed as Doc;
  }

  private remove(p: Record<string, any>): number {
    const c = this.need(p.collectionName);
    const query = decode(p.query) ?? {};
    if (p.transactionId) {
      const t = this.tx(p.transactionId);
      const pin = pinnedId(query);
      if (!pin) this.noTransaction(p);
      const key = keyOf(pin!.id);
      const before = this.read(t, c, key);
      if (!before || !new MingoQuery(query).test(before)) return 0;
      this.checkWritable(t, c, key);
      this.stage(t, c, key, null);
      return 1;
    }
    const targets = this.match(c, query);
    const chosen = p.multi === false ? targets.slice(0, 1) : targets;
    this.apply(c, new Map(chosen.map((d) => [keyOf(d._id), null])));
    return chosen.length;
  }

  // ----- committing -----

  /** Applies writes outside any transaction (or a committing one) as one step. */
  private apply(c: Collection, writes: Map<string, Doc | null>) {
    if (writes.size === 0) return;
    this.checkUnique(c, writes);
    const seq = ++this.seq;
    const keep = this.openTransactions() > 0;
    for (const [key, doc] of writes) c.write(key, doc, seq, keep);
  }

  private checkUnique(c: Collection, writes: Map<string, Doc | null>, indexes = c.indexes) {
    const unique = indexes.filter((i) => i.unique);
    if (unique.length === 0) return;
    if (writes.size > 0) return this.checkUniqueWrites(c, writes, unique);
    const view = new Map<string, Doc>();
    for (const [key, vs] of c.versions) {
      const d = vs[vs.length - 1].doc;
      if (d) view.set(key, d);
    }
    for (const [key, doc] of writes) {
      if (doc) view.set(key, doc);
      else view.delete(key);
    }
    for (const idx of unique) {
      const fields = Object.keys(idx.keys);
      const seen = new Map<string, string>();
      const check = (key: string, doc: Doc) => {
        const values = fields.map((f) => getPath(doc, f));
        if (idx.sparse && values.every((v) => v === undefined)) return;
        const k = encode(values.map((v) => (v === undefined ? null : v)));
        const other = seen.get(k);
        if (other !== undefined && other !== key) {
          throw new Fail('DATABASE_REQUEST_FAILED', dupMessage(c.name, idx.name, Object.fromEntries(fields.map((f, i) => [f, values[i] ?? null]))));
        }
        seen.set(k, key);
      };
      // Written documents last, so the error names the newcomer's key.
      for (const [key, doc] of view) if (!writes.has(key)) check(key, doc);
      for (const [key, doc] of view) if (writes.has(key)) check(key, doc);
    }
  }

  /**
   * checkUnique for a write: the collection held no duplicates before it (createIndex refuses them,
   * every write is checked), so a written document clashes only with another written one, or with
   * the document that holds its value now and is not itself rewritten (Collection.owners).
   */
  private checkUniqueWrites(c: Collection, writes: Map<string, Doc | null>, unique: IndexSpec[]) {
    for (const idx of unique) {
      const owners = c.owners.get(idx.name) ?? new Map<string, string>();
      const wanted = new Map<string, string>();
      for (const [key, doc] of writes) {
        if (!doc) continue;
        const k = c.uniqueKey(idx, doc);
        if (k === null) continue;
        const owner = owners.get(k);
        if ((wanted.has(k) && wanted.get(k) !== key) || (owner !== undefined && owner !== key && !writes.has(owner))) {
          const fields = Object.keys(idx.keys);
          throw new Fail('DATABASE_REQUEST_FAILED', dupMessage(c.name, idx.name, Object.fromEntries(fields.map((f) => [f, getPath(doc, f) ?? null]))));
        }
        wanted.set(k, key);
      }
    }
  }

  // ----- transactions -----

  private tx(id: string): Tx {
    const t = this.txs.get(id);
    if (!t) throw new Fail('DATABASE_TRANSACTION_FAIL', `no such transaction ${id}`);
    if (t.state === 'aborted') throw new Fail(CONFLICT, `transaction ${id} was aborted`);
    if (t.state === 'committed') throw new Fail('DATABASE_TRANSACTION_FAIL', `transaction ${id} is already committed`);
    return t;
  }

  private read(t: Tx, c: Collection, key: string): Doc | null {
    const own = t.writes.get(c.name);
    if (own?.has(key)) return own.get(key) ?? null;
    return c.asOf(key, t.snapshot);
  }

  private checkWritable(t: Tx, c: Collection, key: string) {
    const owner = this.locks.get(`${c.name}\0${key}`);
    if (owner !== undefined && owner !== t.id) this.fail(t, CONFLICT, `write conflict on ${c.name} ${key.slice(2)}: another transaction is writing it`);
    if ((c.latest(key)?.seq ?? 0) > t.snapshot) this.fail(t, CONFLICT, `write conflict on ${c.name} ${key.slice(2)}: changed since the transaction started`);
  }

  private stage(t: Tx, c: Collection, key: string, doc: Doc | null) {
    let own = t.writes.get(c.name);
    if (!own) t.writes.set(c.name, (own = new Map()));
    own.set(key, doc);
    this.locks.set(`${c.name}\0${key}`, t.id);
    try {
      this.checkUnique(c, own);
    } catch (e) {
      if (e instanceof Fail) this.fail(t, e.code, e.message);
      throw e;
    }
  }

  /** An error inside a transaction aborts it, as MongoDB does. */
  private fail(t: Tx | null, code: string, message: string): never {
    if (t && t.state === 'active') this.end(t, 'aborted');
    throw new Fail(code, message);
  }

  private commit(id: string) {
    const t = this.tx(id);
    for (const [name, writes] of t.writes) {
      const c = this.need(name);
      for (const key of writes.keys()) {
        if ((c.latest(key)?.seq ?? 0) > t.snapshot) this.fail(t, CONFLICT, `commit conflict on ${name} ${key.slice(2)}: changed since the transaction started`);
      }
      try {
        this.checkUnique(c, writes);
      } catch (e) {
        if (e instanceof Fail) this.fail(t, e.code, e.message);
        throw e;
      }
    }
    const seq = ++this.seq;
    this.end(t, 'committed');
    const keep = this.openTransactions() > 0;
    for (const [name, writes] of t.writes) {
      const c = this.need(name);
      for (const [key, doc] of writes) c.write(key, doc, seq, keep);
    }
  }

  private end(t: Tx, state: 'aborted' | 'committed') {
    t.state = state;
    for (const [name, writes] of t.writes) for (const key of writes.keys()) {
      const lock = `${name}\0${key}`;
      if (this.locks.get(lock) === t.id) this.locks.delete(lock);
    }
    if (state === 'aborted') t.writes.clear();
    if (this.openTransactions() === 0) {
      for (const c of this.collections.values()) c.prune();
      for (const [id, x] of this.txs) if (x.state !== 'active') this.txs.delete(id);
    }
  }
}

function dupMessage(coll: string, index: string, key: Record<string, unknown>): string {
  return `E11000 duplicate key error collection: ${coll} index: ${index} dup key: ${EJSON.stringify(key as never)}`;
}
