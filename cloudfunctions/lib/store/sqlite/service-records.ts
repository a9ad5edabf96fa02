/**
 * Service records (服务记录) on SQLite: one row per record. A record is written once per (person,
 * client request id), a unique key: INSERT OR IGNORE writes one of any number of racing retries
 * and the others read it back. Deciding it (confirm, reject) is an update conditional on the
 * version read, so of two staff deciding at once one wins.
 */
import type { Database as Db } from 'better-sqlite3';
import type { ServiceRecord, ServiceRecordStatus } from '../../../../src/core';
import type { ServiceRecordQuery, ServiceRecordRepo } from '../port';
import type { SqliteKit } from './kit';
import { END } from './rows';

interface RecordRow {
  id: string;
  person_id: string;
  community_id: string;
  unit_path: string;
  what: string;
  date: string;
  minutes: number;
  for_whom: string | null;
  status: string;
  points: number | null;
  decided_by: string | null;
  decided_at: number | null;
  reject_reason: string | null;
  client_request_id: string;
  created_at: number;
  version: number;
}

const toRecord = (r: RecordRow): ServiceRecord => ({
  id: r.id,
  personId: r.person_id,
  communityId: r.community_id,
  unitPath: r.unit_path,
  what: r.what,
  date: r.date,
  minutes: r.minutes,
  forWhom: r.for_whom,
  status: r.status as ServiceRecordStatus,
  points: r.points,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  rejectReason: r.reject_reason,
  clientRequestId: r.client_request_id,
  createdAt: r.created_at,
  version: r.version,
});

/** The WHERE clause of a list query, with its arguments; null when nothing can match. */
function filter(q: ServiceRecordQuery): { sql: string; args: unknown[] } | null {
  const parts: string[] = [];
  const args: unknown[] = [];
  if ('personId' in q) {
    parts.push('person_id = ?');
    args.push(q.personId);
  } else {
    if (q.paths.length === 0) return null;
    parts.push(`(${q.paths.map(() => '(unit_path >= ? AND unit_path < ?)').join(' OR ')})`);
    for (const p of q.paths) args.push(p, p + END);
  }
  if (q.statuses) {
    if (q.statuses.length === 0) return null;
    parts.push(`status IN (${q.statuses.map(() => '?').join(',')})`);
    args.push(...q.statuses);
  }
  return { sql: parts.join(' AND '), args };
}

export function sqliteServiceRecords(db: Db, { stmt }: SqliteKit): ServiceRecordRepo {
  const q = {
    get: db.prepare<[string], RecordRow>('SELECT * FROM service_records WHERE id = ?'),
    byRequest: db.prepare<[string, string], RecordRow>('SELECT * FROM service_records WHERE person_id = ? AND client_request_id = ?'),
    insert: db.prepare(
      `INSERT OR IGNORE INTO service_records (id, person_id, community_id, unit_path, what, date, minutes, for_whom, status, points, decided_by, decided_at,
         reject_reason, client_request_id, created_at, version)
       VALUES (@id, @personId, @communityId, @unitPath, @what, @date, @minutes, @forWhom, @status, @points, @decidedBy, @decidedAt,
         @rejectReason, @clientRequestId, @createdAt, @version)`,
    ),
    // Everything but the record's identity: its id, its person and request id (the retry key), its creation.
    update: db.prepare(
      `UPDATE service_records SET community_id = @communityId, unit_path = @unitPath, what = @what, date = @date, minutes = @minutes, for_whom = @forWhom,
         status = @status, points = @points, decided_by = @decidedBy, decided_at = @decidedAt, reject_reason = @rejectReason, version = @version
       WHERE id = @id AND version = @expected`,
    ),
  };

  return {
    async insert(r) {
      if (q.insert.run(r).changes === 1) return { record: r, created: true };
      const before = q.byRequest.get(r.personId, r.clientRequestId);
      if (!before) throw new Error(`service record ${r.id} was refused but no record of ${r.personId} has request ${r.clientRequestId}`);
      return { record: toRecord(before), created: false };
    },
    async get(id) {
      const r = q.get.get(id);
      return r ? toRecord(r) : null;
    },
    async update(next, version) {
      if (q.update.run({ ...next, expected: version }).changes !== 1) return null;
      return toRecord(q.get.get(next.id)!);
    },
    async list(rq, limit, offset) {
      const f = filter(rq);
      if (!f) return { records: [], total: 0 };
      const total = (stmt(`SELECT COUNT(*) AS n FROM service_records WHERE ${f.sql}`).get(...f.args) as { n: number }).n;
      const rows = stmt(`SELECT * FROM service_records WHERE ${f.sql} ORDER BY date DESC, created_at DESC, id DESC LIMIT ? OFFSET ?`).all(
        ...f.args,
        limit,
        offset,
      ) as RecordRow[];
      return { records: rows.map(toRecord), total };
    },
  };
}
