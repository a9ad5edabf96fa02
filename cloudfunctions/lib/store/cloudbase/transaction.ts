/**
 * Transactions on the CloudBase database, with their documents typed.
 *
 * The database aborts one of two transactions that write the same document (or a transaction
 * whose document someone wrote outside it meanwhile) with DATABASE_TRANSACTION_CONFLICT, and the
 * SDK's runTransaction re-runs the loser's callback from the start on a fresh snapshot. So a
 * callback must have no side effects but its transaction's writes, and must write the same
 * documents (the same `_id`s) each time it runs: a re-run then sees what the winner committed
 * and decides again. CloudBase transactions are meant for a few single-document operations
 * (doc(id)…, add): a write over many documents is never one transaction.
 */
import type { CollectionName, Database, Stored } from './types';

/** What a transaction callback may do: single-document operations only. */
export interface Tx {
  /** The document as of the transaction's snapshot (plus its own writes). */
  get<D extends Stored>(n: CollectionName, id: string): Promise<D | null>;
  add(n: CollectionName, doc: Stored): Promise<void>;
  /** Replaces the document's fields with `fields` (none of the old ones stay). */
  set(n: CollectionName, id: string, fields: object): Promise<void>;
  update(n: CollectionName, id: string, patch: object): Promise<void>;
  remove(n: CollectionName, id: string): Promise<void>;
}

const CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';
/** Re-runs the SDK does by itself before it gives up on a conflict. */
const SDK_RETRIES = 3;
/** Rounds of those (with a growing random pause between) before the conflict is the caller's. */
const ROUNDS = 8;

type RawTx = { collection(name: string): ReturnType<Database['collection']> };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function typed(raw: RawTx, name: (n: CollectionName) => string): Tx {
  const doc = (n: CollectionName, id: string) => raw.collection(name(n)).doc(id);
  return {
    async get<D extends Stored>(n: CollectionName, id: string) {
      // Inside a transaction a document read answers one document (or null), not a list.
      const res: { data: D | null } = await doc(n, id).get();
      return res.data ?? null;
    },
    async add(n, d) {
      await raw.collection(name(n)).add(d);
    },
    async set(n, id, fields) {
      await doc(n, id).set(fields);
    },
    async update(n, id, patch) {
      await doc(n, id).update(patch);
    },
    async remove(n, id) {
      await doc(n, id).remove();
    },
  };
}

/**
 * Runs `fn` in a transaction. The SDK re-runs it on a write conflict; when contention outlasts
 * the SDK's retries, back off a little and start over. `fn` must have no side effects other than
 * its transaction's writes.
 */
export async function runTransaction<T>(database: Database, name: (n: CollectionName) => string, fn: (t: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      // A method call: the SDK's runTransaction reads the database from `this`.
      const result: T = await database.runTransaction((raw: RawTx) => fn(typed(raw, name)), SDK_RETRIES);
      return result;
    } catch (e) {
      if ((e as { code?: string } | null)?.code !== CONFLICT || attempt >= ROUNDS) throw e;
      await sleep(Math.random() * 10 * attempt);
    }
  }
}
