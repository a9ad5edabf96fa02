import type { Database as Db } from 'better-sqlite3';
import type { Report, TimelineEntry } from '../../../../src/core';
import type { ReportFilter, ReportRepo, ReportSave, ReportSideWrites } from '../port';
import { auditWriter } from './audit';
import type { SqliteKit } from './kit';
import { messageWriter } from './messages';
import { DESK_INSERT_COLUMNS, DESK_INSERT_VALUES, SAVED_COLUMNS, changedColumnUpdates, columnValues, reportRow } from './report-columns';
import { searchIndexer } from './report-search';
import { END } from './rows';

const parseReport = (r: { doc: string } | undefined): Report | null => (r ? (JSON.parse(r.doc) as Report) : null);

function where(f: ReportFilter): { sql: string; args: unknown[] } {
  const parts = ['unit_path >= ? AND unit_path < ?'];
  const args: unknown[] = [f.path, f.path + END];
  const inList = (col: string, vals: readonly string[]) => {
    parts.push(`${col} IN (${vals.map(() => '?').join(',')})`);
    args.push(...vals);
  };
  if (f.statuses?.length) inList('status', f.statuses);
  if (f.levels?.length) inList('level', f.levels);
  if (f.category) (parts.push('category = ?'), args.push(f.category));
  if (f.handlerId) (parts.push('handler_id = ?'), args.push(f.handlerId));
  if (f.dueBefore !== undefined) (parts.push('due_at < ?'), args.push(f.dueBefore));
  if (f.createdFrom !== undefined) (parts.push('created_at >= ?'), args.push(f.createdFrom));
  if (f.createdTo !== undefined) (parts.push('created_at < ?'), args.push(f.createdTo));
  return { sql: parts.join(' AND '), args };
}

/**
 * Reports, their timelines and the timer's claims. Every write goes through the group commit and
 * brings its audit entries and messages (`also`) into its own transaction.
 */
export function sqliteReports(db: Db, { stmt, grouped }: SqliteKit): ReportRepo {
  const rq = {
    insert: db.prepare(
      `INSERT INTO reports (id, client_request_id, created_by, resident_id, unit_id, unit_path, community_id, category, status, level, handler_id, due_at, next_check_at, created_at, version, doc, ${DESK_INSERT_COLUMNS})
       VALUES (@id, @clientRequestId, @createdBy, @residentId, @unitId, @unitPath, @communityId, @category, @status, @level, @handlerId, @dueAt, @nextCheckAt, @createdAt, @version, @doc, ${DESK_INSERT_VALUES})`,
    ),
    byRequest: db.prepare<[string, string], { doc: string }>('SELECT doc FROM reports WHERE created_by = ? AND client_request_id = ?'),
    get: db.prepare<[string], { doc: string }>('SELECT doc FROM reports WHERE id = ?'),
    unclaim: db.prepare('DELETE FROM report_claims WHERE report_id = ?'),
    release: db.prepare("DELETE FROM report_claims WHERE owner = ? AND report_id IN (SELECT value FROM json_each(?))"),
    byIds: db.prepare<[string], { doc: string }>('SELECT doc FROM reports WHERE id IN (SELECT value FROM json_each(?))'),
    event: db.prepare('INSERT INTO report_events (id, report_id, at, doc) VALUES (?, ?, ?, ?)'),
    timeline: db.prepare<[string], { doc: string }>('SELECT doc FROM report_events WHERE report_id = ? ORDER BY at, rowid'),
    // Picks and claims in one statement, writing only claim rows (an expired claim is taken over).
    claimDue: db.prepare<{ now: number; limit: number; owner: string; until: number }, { report_id: string }>(
      `INSERT INTO report_claims (report_id, owner, until)
       SELECT id, @owner, @until FROM reports
        WHERE next_check_at IS NOT NULL AND next_check_at <= @now
          AND NOT EXISTS (SELECT 1 FROM report_claims c WHERE c.report_id = reports.id AND c.until > @now)
        ORDER BY next_check_at LIMIT @limit
       ON CONFLICT (report_id) DO UPDATE SET owner = excluded.owner, until = excluded.until
       RETURNING report_id`,
    ),
    mine: db.prepare<[string, string, number, number], { doc: string }>(
      `SELECT doc FROM reports WHERE (resident_id = ? OR created_by = ?) AND created_at < ?
       ORDER BY created_at DESC, id DESC LIMIT ?`,
    ),
    similar: db.prepare<[string, string, number], { doc: string }>(
      `SELECT doc FROM reports WHERE unit_id = ? AND category = ? AND created_at >= ? AND status IN ('submitted','responded','transferred','needs_info') ORDER BY created_at DESC`,
    ),
    // Term for term the WHERE of migration 20's partial index, which it reads.
    contactKept: db.prepare<[string, number, number], { doc: string }>(
      `SELECT doc FROM reports WHERE community_id = ? AND json_extract(doc, '$.closedAt') < ?
          AND status IN ('closed', 'rejected')
          AND (json_extract(doc, '$.contactName') IS NOT NULL OR json_extract(doc, '$.contactPhone') IS NOT NULL)
        ORDER BY json_extract(doc, '$.closedAt') LIMIT ?`,
    ),
    // The stored values of SAVED_COLUMNS, version first (a row as an array, in that order).
    current: db.prepare<[string], unknown[]>(`SELECT version, ${SAVED_COLUMNS.map(([c]) => c).join(', ')} FROM reports WHERE id = ?`).raw(),
  };
  const updateFor = changedColumnUpdates(db);
  const writeAudit = auditWriter(db);
  const writeMessage = messageWriter(db);
  const indexForSearch = searchIndexer(db);

  const writeAlso = (also: ReportSideWrites | undefined) => {
    for (const e of also?.audit ?? []) writeAudit(e);
    for (const m of also?.messages ?? []) writeMessage(m);
  };
  const insertReport = db.transaction((report: Report, timeline: readonly TimelineEntry[], also?: ReportSideWrites) => {
    const existing = parseReport(rq.byRequest.get(report.createdBy, report.clientRequestId));
    if (existing) return { report: existing, created: false };
    // The desk's search index takes new reports in batches (report-search.ts).
    indexForSearch(rq.insert.run(reportRow(report)).lastInsertRowid);
    for (const e of timeline) rq.event.run(e.id, e.reportId, e.at, JSON.stringify(e));
    writeAlso(also);
    return { report, created: true };
  });
  const saveOne = (report: Report, expected: number, entries: readonly TimelineEntry[], also?: ReportSideWrites, before?: Report) => {
    // What the row holds now: from the caller's copy of the version it read, or read here. Either
    // way the UPDATE's version check decides, and the columns are a function of that version's doc.
    let was: unknown[];
    if (before && before.id === report.id && before.version === expected) was = columnValues(before);
    else {
      const cur = rq.current.get(report.id);
      if (!cur || cur[0] !== expected) return null;
      was = cur.slice(1);
    }
    const next = { ...report, version: expected + 1 };
    const now = columnValues(next);
    let mask = 0;
    const args: unknown[] = [next.version, JSON.stringify(next)];
    for (let i = 0; i < now.length; i++)
      if (now[i] !== was[i]) {
        mask |= 1 << i;
        args.push(now[i]);
      }
    args.push(next.id, expected);
    if (updateFor(mask).run(args).changes !== 1) return null;
    // Any save ends a claim on the report (the timer's own save is how it lets go).
    rq.unclaim.run(next.id);
    for (const e of entries) rq.event.run(e.id, e.reportId, e.at, JSON.stringify(e));
    writeAlso(also);
    return next;
  };
  const saveReport = db.transaction(saveOne);
  const saveReports = db.transaction((saves: readonly ReportSave[]) => saves.map((x) => saveOne(x.report, x.expectedVersion, x.entries, x.also, x.before)));
  const claimDueReports = db.transaction((now: number, limit: number, owner: string, until: number) => {
    const ids = rq.claimDue.all({ now, limit, owner, until }).map((r) => r.report_id);
    return (
      rq.byIds
        .all(JSON.stringify(ids))
        .map((row) => JSON.parse(row.doc) as Report)
        // The order the reports were picked in is not what the rows come back in.
        .sort((a, b) => (a.nextCheckAt ?? 0) - (b.nextCheckAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    );
  });

  return {
    async insert(report, timeline, also) {
      return grouped(() => insertReport(report, timeline, also));
    },
    async get(id) {
      return parseReport(rq.get.get(id));
    },
    async timeline(reportId) {
      return rq.timeline.all(reportId).map((r) => JSON.parse(r.doc) as TimelineEntry);
    },
    async save(report, expected, entries, also) {
      return grouped(() => saveReport(report, expected, entries, also));
    },
    async saveAll(saves) {
      return saves.length ? grouped(() => saveReports(saves)) : [];
    },
    async claimDue(now, limit, owner, until) {
      return limit > 0 ? claimDueReports(now, limit, owner, until) : [];
    },
    async release(ids, owner) {
      if (ids.length > 0) rq.release.run(owner, JSON.stringify(ids));
    },
    async listForResident(personId, limit, before) {
      return rq.mine.all(personId, personId, before ?? Number.MAX_SAFE_INTEGER, limit).map((r) => JSON.parse(r.doc) as Report);
    },
    async list(filter, limit, offset = 0) {
      const w = where(filter);
      const rows = stmt(`SELECT doc FROM reports WHERE ${w.sql} ORDER BY due_at, id LIMIT ? OFFSET ?`).all(...w.args, limit, offset) as { doc: string }[];
      return rows.map((r) => JSON.parse(r.doc) as Report);
    },
    async count(filter) {
      const w = where(filter);
      return (stmt(`SELECT count(*) AS n FROM reports WHERE ${w.sql}`).get(...w.args) as { n: number }).n;
    },
    async findOpenSimilar(unitId, category, since) {
      return rq.similar.all(unitId, category, since).map((r) => JSON.parse(r.doc) as Report);
    },
    async listContactKept(communityId, closedBefore, limit) {
      return limit > 0 ? rq.contactKept.all(communityId, closedBefore, limit).map((r) => JSON.parse(r.doc) as Report) : [];
    },
  };
}
