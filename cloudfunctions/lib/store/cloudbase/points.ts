/**
 * The points ledger (积分) on CloudBase: a document per entry, `_id` its source key (`lecture:<id>`,
 * …), and a balance document per person in `points_balances`, `_id` the person's id.
 *
 * How the invariants hold when requests race: an append is one transaction that reads the entry's
 * `_id` and the balance, refuses when the balance would go below zero, then adds the entry and sets
 * the balance. Every append of a person writes their balance document, so two at once cannot both
 * commit: the database aborts one and its re-run decides on what the winner left (transaction.ts).
 * Of racing appends of one source, one adds the entry; the re-runs find it and write nothing. The
 * shop's redemptions and refunds take the same steps inside their own transactions (`ledgerStep`,
 * used by shop.ts). The callbacks have no side effects and write the same `_id`s each time they run.
 */
import type { PointsEntry, PointsSourceKind } from '../../../../src/core';
import type { NewPointsEntry, PointsAppendResult, PointsBoardRow, PointsRepo } from '../port';
import type { CloudbaseKit, Condition, Stored, Where } from './kit';
import type { Tx } from './transaction';

export interface PointsEntryDoc extends Stored, Omit<PointsEntry, 'id' | 'source'> {
  /** The source, flat: a top-level field is what a filter and an index name most simply. */
  sourceKind: PointsSourceKind;
  sourceId: string;
}

export interface PointsBalanceDoc extends Stored {
  balance: number;
}

const toEntry = ({ _id, sourceKind, sourceId, ...d }: PointsEntryDoc): PointsEntry => ({
  id: _id,
  personId: d.personId,
  communityId: d.communityId,
  unitPath: d.unitPath,
  points: d.points,
  reason: d.reason,
  source: { kind: sourceKind, id: sourceId },
  grantedBy: d.grantedBy ?? null,
  at: d.at,
  balanceAfter: d.balanceAfter,
});

const entryDoc = ({ id, source, ...fields }: PointsEntry): PointsEntryDoc => ({ _id: id, ...fields, sourceKind: source.kind, sourceId: source.id });

/** What an append decides from a transaction's snapshot, before it writes anything. */
export type LedgerStep =
  | { ok: true; created: false; entry: PointsEntry }
  | { ok: false; reason: 'below_zero'; balance: number }
  /** To be written: `write()` adds the entry and sets the balance, inside the same transaction. */
  | { ok: true; created: true; entry: PointsEntry; write(): Promise<void> };

/**
 * Inside a transaction: reads the entry's `_id` and the person's balance and decides. Nothing is
 * written until the caller runs `write()`, so a caller that checks more (the shop) can still refuse
 * with nothing written.
 */
export async function ledgerStep(t: Tx, e: NewPointsEntry): Promise<LedgerStep> {
  if (!Number.isInteger(e.points) || e.points === 0) throw new Error(`points entry ${e.id}: ${e.points} is not a whole number of points other than 0`);
  const before = await t.get<PointsEntryDoc>('points_entries', e.id);
  if (before) return { ok: true, created: false, entry: toEntry(before) };
  const now = (await t.get<PointsBalanceDoc>('points_balances', e.personId))?.balance ?? 0;
  const after = now + e.points;
  if (after < 0) return { ok: false, reason: 'below_zero', balance: now };
  const entry: PointsEntry = { ...e, balanceAfter: after };
  return {
    ok: true,
    created: true,
    entry,
    async write() {
      await t.add('points_entries', entryDoc(entry));
      await t.set('points_balances', e.personId, { balance: after });
    },
  };
}

const CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';
/** How long a ledger or shop transaction keeps trying while others win its documents. */
const PATIENCE_MS = 30_000;
const BACKOFF_BASE_MS = 5;
const BACKOFF_CAP_MS = 500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * kit.transaction, tried again on a conflict that outlasted its own re-runs: a crowd on one
 * document (a goods' stock when the shop opens, one person's balance) gets through one after
 * another, each pausing a random while that doubles each try (full jitter), for as long as PATIENCE_MS.
 */
export async function patientTransaction<T>(kit: CloudbaseKit, fn: (t: Tx) => Promise<T>): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await kit.transaction(fn);
    } catch (e) {
      if ((e as { code?: string } | null)?.code !== CONFLICT || Date.now() - started > PATIENCE_MS) throw e;
      await sleep(Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 12)));
    }
  }
}

export function cloudbasePoints(kit: CloudbaseKit): PointsRepo {
  const _ = kit.command;
  const entries = () => kit.coll('points_entries');
  const under = (paths: readonly string[]) => _.or(paths.map((p) => ({ unitPath: kit.under(p) })));
  const span = (from?: number, to?: number): Where => {
    if (from !== undefined && to !== undefined) return { at: _.gte(from).and(_.lt(to)) };
    if (from !== undefined) return { at: _.gte(from) };
    if (to !== undefined) return { at: _.lt(to) };
    return {};
  };

  return {
    async append(e): Promise<PointsAppendResult> {
      return patientTransaction(kit, async (t) => {
        const step = await ledgerStep(t, e);
        if (!step.ok) return step;
        if (step.created) await step.write();
        return { ok: true, entry: step.entry, created: step.created };
      });
    },
    async balance(personId) {
      return (await kit.docById<PointsBalanceDoc>('points_balances', personId))?.balance ?? 0;
    },
    async get(id) {
      const d = await kit.docById<PointsEntryDoc>('points_entries', id);
      return d ? toEntry(d) : null;
    },
    async list(pq, limit, offset) {
      const all: (Where | Condition)[] = [];
      if ('personId' in pq) all.push({ personId: pq.personId });
      else {
        if (pq.paths.length === 0) return { entries: [], total: 0 };
        all.push(under(pq.paths));
      }
      const at = span(pq.from, pq.to);
      if (Object.keys(at).length) all.push(at);
      if (pq.kinds) {
        if (pq.kinds.length === 0) return { entries: [], total: 0 };
        all.push({ sourceKind: _.in([...pq.kinds]) });
      }
      const where = all.length === 1 ? all[0] : _.and(all);
      const total = await kit.count(entries().where(where));
      if (limit <= 0) return { entries: [], total };
      const q = entries().where(where).orderBy('at', 'desc').orderBy('_id', 'desc');
      return { entries: (await kit.drainBySkip<PointsEntryDoc>(q, limit, offset)).map(toEntry), total };
    },
    async board(bq, limit) {
      if (bq.kinds.length === 0 || limit <= 0) return [];
      // One group per person who has entries there in the period (a compound's members, a
      // community's at most): all of them read, then ranked here, ties by personId as on SQLite.
      const groups = await kit.groups<{ _id: { personId: string }; points: number }>(
        () =>
          entries()
            .aggregate()
            .match({ unitPath: kit.under(bq.path), at: _.gte(bq.from).and(_.lt(bq.to)), sourceKind: _.in([...bq.kinds]) })
            .group({ _id: { personId: '$personId' }, points: { $sum: '$points' } }),
        ['personId'],
      );
      const rows: PointsBoardRow[] = groups.filter((g) => g.points > 0).map((g) => ({ personId: g._id.personId, points: g.points }));
      rows.sort((a, b) => b.points - a.points || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
      return rows.slice(0, limit);
    },
  };
}
