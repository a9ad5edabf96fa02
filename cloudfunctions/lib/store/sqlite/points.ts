/**
 * The points ledger (积分) on SQLite: an append-only table of entries, the primary key an entry's
 * source key, and a balance row per person moved in the same transaction.
 *
 * How the invariants hold when requests race: an append is one IMMEDIATE transaction that looks the
 * entry's id up, reads the balance, refuses when it would go below zero and writes both. SQLite runs
 * one writer at a time, so of any number of appends of one source the first writes and the others
 * find it; each sees the balance the one before it left. The balance's CHECK and the primary key
 * are a second line of defence. The shop's redemptions and refunds append through the same
 * `sqliteLedger` inside their own transactions (shop.ts).
 */
import type { Database as Db } from 'better-sqlite3';
import type { PointsEntry, PointsSourceKind } from '../../../../src/core';
import type { NewPointsEntry, PointsAppendResult, PointsRepo } from '../port';
import type { SqliteKit } from './kit';
import { END } from './rows';

interface EntryRow {
  id: string;
  person_id: string;
  community_id: string;
  unit_path: string;
  points: number;
  reason: string;
  source_kind: string;
  source_id: string;
  granted_by: string | null;
  at: number;
  balance_after: number;
}

const toEntry = (r: EntryRow): PointsEntry => ({
  id: r.id,
  personId: r.person_id,
  communityId: r.community_id,
  unitPath: r.unit_path,
  points: r.points,
  reason: r.reason,
  source: { kind: r.source_kind as PointsSourceKind, id: r.source_id },
  grantedBy: r.granted_by,
  at: r.at,
  balanceAfter: r.balance_after,
});

/** The ledger's reads and its one write, for use inside a transaction (the caller's). */
export interface SqliteLedger {
  entry(id: string): PointsEntry | null;
  balance(personId: string): number;
  /** Must run inside a transaction: appends unless the id exists or the balance would go below zero. */
  appendIn(e: NewPointsEntry): PointsAppendResult;
}

export function sqliteLedger(db: Db): SqliteLedger {
  const q = {
    get: db.prepare<[string], EntryRow>('SELECT * FROM points_entries WHERE id = ?'),
    balance: db.prepare<[string], { balance: number }>('SELECT balance FROM points_balances WHERE person_id = ?'),
    insert: db.prepare(
      `INSERT INTO points_entries (id, person_id, community_id, unit_path, points, reason, source_kind, source_id, granted_by, at, balance_after)
       VALUES (@id, @personId, @communityId, @unitPath, @points, @reason, @sourceKind, @sourceId, @grantedBy, @at, @balanceAfter)`,
    ),
    setBalance: db.prepare(
      'INSERT INTO points_balances (person_id, balance) VALUES (@personId, @balance) ON CONFLICT (person_id) DO UPDATE SET balance = excluded.balance',
    ),
  };
  const entry = (id: string) => {
    const r = q.get.get(id);
    return r ? toEntry(r) : null;
  };
  const balance = (personId: string) => q.balance.get(personId)?.balance ?? 0;
  return {
    entry,
    balance,
    appendIn(e) {
      if (!db.inTransaction) throw new Error('appendIn runs inside a transaction');
      if (!Number.isInteger(e.points) || e.points === 0) throw new Error(`points entry ${e.id}: ${e.points} is not a whole number of points other than 0`);
      const before = entry(e.id);
      if (before) return { ok: true, entry: before, created: false };
      const now = balance(e.personId);
      const after = now + e.points;
      if (after < 0) return { ok: false, reason: 'below_zero', balance: now };
      const written: PointsEntry = { ...e, balanceAfter: after };
      q.insert.run({
        id: e.id,
        personId: e.personId,
        communityId: e.communityId,
        unitPath: e.unitPath,
        points: e.points,
        reason: e.reason,
        sourceKind: e.source.kind,
        sourceId: e.source.id,
        grantedBy: e.grantedBy,
        at: e.at,
        balanceAfter: after,
      });
      q.setBalance.run({ personId: e.personId, balance: after });
      return { ok: true, entry: written, created: true };
    },
  };
}

/** `(unit_path >= ? AND unit_path < ?) OR …` for the subtrees at `paths`, with its arguments. */
function subtrees(paths: readonly string[]): { sql: string; args: string[] } {
  const args: string[] = [];
  for (const p of paths) args.push(p, p + END);
  return { sql: paths.map(() => '(unit_path >= ? AND unit_path < ?)').join(' OR '), args };
}

export function sqlitePoints(db: Db, { stmt }: SqliteKit): PointsRepo {
  const ledger = sqliteLedger(db);
  const appendTx = db.transaction((e: NewPointsEntry) => ledger.appendIn(e));

  return {
    async append(e) {
      return appendTx.immediate(e);
    },
    async balance(personId) {
      return ledger.balance(personId);
    },
    async get(id) {
      return ledger.entry(id);
    },
    async list(pq, limit, offset) {
      const parts: string[] = [];
      const args: unknown[] = [];
      if ('personId' in pq) {
        parts.push('person_id = ?');
        args.push(pq.personId);
      } else {
        if (pq.paths.length === 0) return { entries: [], total: 0 };
        const scope = subtrees(pq.paths);
        parts.push(`(${scope.sql})`);
        args.push(...scope.args);
      }
      if (pq.from !== undefined) {
        parts.push('at >= ?');
        args.push(pq.from);
      }
      if (pq.to !== undefined) {
        parts.push('at < ?');
        args.push(pq.to);
      }
      if (pq.kinds) {
        if (pq.kinds.length === 0) return { entries: [], total: 0 };
        parts.push(`source_kind IN (${pq.kinds.map(() => '?').join(',')})`);
        args.push(...pq.kinds);
      }
      const where = parts.join(' AND ');
      const total = (stmt(`SELECT COUNT(*) AS n FROM points_entries WHERE ${where}`).get(...args) as { n: number }).n;
      if (limit <= 0) return { entries: [], total };
      const rows = stmt(`SELECT * FROM points_entries WHERE ${where} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`).all(...args, limit, offset) as EntryRow[];
      return { entries: rows.map(toEntry), total };
    },
    async board(bq, limit) {
      if (bq.kinds.length === 0 || limit <= 0) return [];
      const rows = stmt(
        `SELECT person_id AS personId, SUM(points) AS points FROM points_entries
         WHERE unit_path >= ? AND unit_path < ? AND at >= ? AND at < ? AND source_kind IN (${bq.kinds.map(() => '?').join(',')})
         GROUP BY person_id HAVING SUM(points) > 0
         ORDER BY points DESC, person_id ASC LIMIT ?`,
      ).all(bq.path, bq.path + END, bq.from, bq.to, ...bq.kinds, limit) as { personId: string; points: number }[];
      return rows.map((r) => ({ personId: r.personId, points: r.points }));
    },
  };
}
