/**
 * Party members' check-ins on SQLite: one row per check-in, the Checkin as a JSON doc beside the
 * columns its lists, filters and uniqueness read (migration 12).
 *
 * How the invariants hold when requests race:
 * - One pending check-in per applicant: partial unique indexes on openid and on applicant_id where
 *   status = 'pending'. insertPending inserts, and when an index refuses, reads and answers the
 *   pending one; of any number of concurrent submits one row goes in.
 * - approve is one transaction: the check-in still at the version read; the person made, claimed or
 *   as is (applicants.ts); the member binding; the check-in decided. end is one transaction too: the
 *   check-in still at the version read, then the member binding deleted. A refusal throws inside the
 *   transaction, so whatever it wrote before is rolled back.
 */
import type { Database as Db } from 'better-sqlite3';
import { forgottenCheckin, type Checkin, type CheckinStatus, type MemberType } from '../../../../src/core';
import type { CheckinApproval, CheckinRepo, CheckinTallyRow, RosterQuery } from '../port';
import { applicantBinder, ApprovalRefusal } from './applicants';
import { bindingParams, INSERT_BINDING } from './bindings';
import type { SqliteKit } from './kit';
import { END, isUnique } from './rows';

const parse = (r: { doc: string } | undefined): Checkin | null => (r ? (JSON.parse(r.doc) as Checkin) : null);
const parseAll = (rows: { doc: string }[]): Checkin[] => rows.map((r) => parse(r)!);

const row = (c: Checkin) => ({
  id: c.id,
  status: c.status,
  openid: c.openid,
  applicantId: c.applicantId,
  personId: c.personId,
  codeId: c.codeId,
  unitId: c.unitId,
  unitPath: c.unitPath,
  memberType: c.memberType,
  veteran: c.veteran ? 1 : 0,
  name: c.name,
  createdAt: c.createdAt,
  version: c.version,
  doc: JSON.stringify(c),
});

/** Submits racing a decision: an insert refused by a pending one that was decided before it was read is tried again. */
const INSERT_TRIES = 5;

/** `(unit_path >= ? AND unit_path < ?) OR …` for the subtrees at `paths`, with its arguments. */
function subtrees(paths: readonly string[]): { sql: string; args: string[] } {
  const args: string[] = [];
  for (const p of paths) args.push(p, p + END);
  return { sql: paths.map(() => '(unit_path >= ? AND unit_path < ?)').join(' OR '), args };
}

/** The roster's WHERE clause and its arguments. */
function rosterWhere(q: RosterQuery): { sql: string; args: unknown[] } {
  const scope = subtrees(q.paths);
  const parts = [`(${scope.sql})`, `status IN (${q.statuses.map(() => '?').join(', ')})`];
  const args: unknown[] = [...scope.args, ...q.statuses];
  if (q.types?.length) {
    parts.push(`member_type IN (${q.types.map(() => '?').join(', ')})`);
    args.push(...q.types);
  }
  if (q.veteran !== undefined) {
    parts.push('veteran = ?');
    args.push(q.veteran ? 1 : 0);
  }
  if (q.skills?.length) {
    parts.push(`EXISTS (SELECT 1 FROM json_each(doc, '$.skills') s WHERE s.value IN (${q.skills.map(() => '?').join(', ')}))`);
    args.push(...q.skills);
  }
  return { sql: parts.join(' AND '), args };
}

export function sqliteCheckins(db: Db, { stmt }: SqliteKit): CheckinRepo {
  const bindPerson = applicantBinder(db);
  const q = {
    insert: db.prepare(
      `INSERT INTO checkins (id, status, openid, applicant_id, person_id, code_id, unit_id, unit_path, member_type, veteran, name, created_at, version, doc)
       VALUES (@id, @status, @openid, @applicantId, @personId, @codeId, @unitId, @unitPath, @memberType, @veteran, @name, @createdAt, @version, @doc)`,
    ),
    get: db.prepare<[string], { doc: string }>('SELECT doc FROM checkins WHERE id = ?'),
    pendingByOpenid: db.prepare<[string], { doc: string }>("SELECT doc FROM checkins WHERE openid = ? AND status = 'pending'"),
    pendingByApplicant: db.prepare<[string], { doc: string }>("SELECT doc FROM checkins WHERE applicant_id = ? AND status = 'pending'"),
    forOpenid: db.prepare<[string], { doc: string }>('SELECT doc FROM checkins WHERE openid = ? ORDER BY created_at DESC, id DESC'),
    forPerson: db.prepare<[string, string], { doc: string }>(
      `SELECT doc FROM checkins WHERE applicant_id = ?
       UNION SELECT doc FROM checkins WHERE person_id = ?`,
    ),
    write: db.prepare<{ id: string; expected: number; status: string; personId: string | null; version: number; doc: string }>(
      'UPDATE checkins SET status = @status, person_id = @personId, version = @version, doc = @doc WHERE id = @id AND version = @expected',
    ),
    // The columns lists and the roster read (openid, name) are forgotten with the doc.
    forget: db.prepare<{ id: string; expected: number; name: string; version: number; doc: string }>(
      "UPDATE checkins SET openid = NULL, name = @name, version = @version, doc = @doc WHERE id = @id AND version = @expected AND status != 'pending'",
    ),
    insertBinding: db.prepare(INSERT_BINDING),
    removeBinding: db.prepare<[string, string]>("DELETE FROM bindings WHERE person_id = ? AND unit_id = ? AND role = 'member'"),
  };

  const pendingOf = (c: Pick<Checkin, 'openid' | 'applicantId'>): Checkin | null =>
    (c.openid !== null ? parse(q.pendingByOpenid.get(c.openid)) : null) ?? (c.applicantId !== null ? parse(q.pendingByApplicant.get(c.applicantId)) : null);

  /** Writes `next` if the check-in is still at `expected`; else refuses with conflict. */
  const write = (next: Checkin, expected: number) => {
    const changed = q.write.run({ id: next.id, expected, status: next.status, personId: next.personId, version: next.version, doc: JSON.stringify(next) }).changes;
    if (changed !== 1) throw new ApprovalRefusal('conflict');
  };

  const approveTx = db.transaction((a: CheckinApproval): Checkin => {
    const c = parse(q.get.get(a.next.id));
    if (!c || c.version !== a.version) throw new ApprovalRefusal('conflict');
    const personId = bindPerson(a.person, { openid: c.openid, username: null, passwordHash: null }, a.next.updatedAt, `check-in ${c.id}`);
    if (a.binding.personId !== personId || a.next.personId !== personId) throw new Error(`check-in ${c.id}: the binding is for ${a.binding.personId}, not ${personId}`);
    // OR IGNORE: a member role the person holds there already stays as it is.
    q.insertBinding.run(bindingParams(a.binding));
    write(a.next, a.version);
    return a.next;
  });

  const endTx = db.transaction((next: Checkin, version: number): Checkin => {
    if (!next.personId) throw new Error(`check-in ${next.id} ends without a person`);
    write(next, version);
    q.removeBinding.run(next.personId, next.unitId);
    return next;
  });

  /** Runs a transaction that refuses by throwing ApprovalRefusal('conflict'): null then. */
  const orNull = (run: () => Checkin): Checkin | null => {
    try {
      return run();
    } catch (e) {
      if (e instanceof ApprovalRefusal) return null;
      throw e;
    }
  };

  return {
    async insertPending(c) {
      for (let i = 0; i < INSERT_TRIES; i++) {
        try {
          q.insert.run(row(c));
          return { checkin: c, created: true };
        } catch (e) {
          if (!isUnique(e, 'checkins.openid') && !isUnique(e, 'checkins.applicant_id')) throw e;
        }
        const pending = pendingOf(c);
        if (pending) return { checkin: pending, created: false };
      }
      throw new Error(`check-in ${c.id}: the applicant's pending check-in kept changing`);
    },
    async get(id) {
      return parse(q.get.get(id));
    },
    async listForOpenid(openid) {
      return parseAll(q.forOpenid.all(openid));
    },
    async listForPerson(personId) {
      // Sorted here: UNION de-duplicates (submitted as a person and bound to them), and the order is the doc's.
      return parseAll(q.forPerson.all(personId, personId)).sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
    },
    async listPending(paths, limit) {
      if (paths.length === 0 || limit <= 0) return [];
      const scope = subtrees(paths);
      const sql = `SELECT doc FROM checkins WHERE status = 'pending' AND (${scope.sql}) ORDER BY created_at, id LIMIT ?`;
      return parseAll(stmt(sql).all(...scope.args, limit) as { doc: string }[]);
    },
    async roster(rq, limit, offset) {
      if (rq.paths.length === 0 || rq.statuses.length === 0) return { checkins: [], total: 0 };
      const where = rosterWhere(rq);
      const total = (stmt(`SELECT count(*) AS n FROM checkins WHERE ${where.sql}`).get(...where.args) as { n: number }).n;
      if (limit <= 0) return { checkins: [], total };
      const rows = stmt(`SELECT doc FROM checkins WHERE ${where.sql} ORDER BY unit_path, name, id LIMIT ? OFFSET ?`).all(...where.args, limit, offset) as { doc: string }[];
      return { checkins: parseAll(rows), total };
    },
    async tally(paths) {
      if (paths.length === 0) return [];
      const scope = subtrees(paths);
      const rows = stmt(
        `SELECT unit_id AS unitId, code_id AS codeId, status, member_type AS memberType, veteran, count(*) AS count
         FROM checkins WHERE ${scope.sql} GROUP BY unit_id, code_id, status, member_type, veteran`,
      ).all(...scope.args) as { unitId: string; codeId: string; status: CheckinStatus; memberType: MemberType; veteran: number; count: number }[];
      return rows.map((r): CheckinTallyRow => ({ ...r, veteran: r.veteran === 1 }));
    },
    async approve(a) {
      try {
        return { ok: true, checkin: approveTx(a) };
      } catch (e) {
        if (e instanceof ApprovalRefusal) return { ok: false, reason: e.reason };
        throw e;
      }
    },
    async decide(next, version) {
      return orNull(() => {
        write(next, version);
        return next;
      });
    },
    async end(next, version) {
      return orNull(() => endTx(next, version));
    },
    async forget(id, version, at) {
      const c = parse(q.get.get(id));
      if (!c || c.status === 'pending' || c.version !== version) return null;
      const next: Checkin = { ...forgottenCheckin(c), updatedAt: at, version: version + 1 };
      return q.forget.run({ id, expected: version, name: next.name, version: next.version, doc: JSON.stringify(next) }).changes === 1 ? next : null;
    },
  };
}
