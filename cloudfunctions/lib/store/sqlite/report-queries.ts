/**
 * The management page's reads of reports: the desk filter as SQL over the real columns that
 * migrations 5 and 19 added (report-columns.ts) and the text search's index (report-search.ts), and the
 * dashboard's aggregates as GROUP BY over covering indexes (no report doc is read to count).
 */
import { LEVELS, STATUSES, isOpen, type DeskSort, type Level, type Report, type TimelineEntry } from '../../../../src/core';
import type { MonthTallyRow, OpenTallyRow, ReportQuery, ReportQueryRepo } from '../port';
import type { SqliteKit } from './kit';
import { textCondition } from './report-search';
import { countUnder, pageUnder, textUnderPathOnly } from './report-search-plans';
import { CHUNK, END } from './rows';

const OPEN = STATUSES.filter(isOpen);
const OPEN_SQL = `status IN (${OPEN.map((s) => `'${s}'`).join(',')})`;
const HOUR = 3600_000;

function inList(col: string, vals: readonly string[], parts: string[], args: unknown[]) {
  parts.push(`${col} IN (${vals.map(() => '?').join(',')})`);
  args.push(...vals);
}

/** The WHERE of a report query. Every field of DeskFilter is here, with the meaning core/management.ts gives it. */
function queryWhere(f: ReportQuery): { sql: string; args: unknown[] } {
  const parts = ['unit_path >= ? AND unit_path < ?'];
  const args: unknown[] = [f.path, f.path + END];
  const flag = (col: string, v: boolean | undefined) => {
    if (v !== undefined) (parts.push(`${col} = ?`), args.push(v ? 1 : 0));
  };
  if (f.statuses?.length) inList('status', f.statuses, parts, args);
  if (f.levels?.length) inList('level', f.levels, parts, args);
  if (f.categories?.length) inList('category', f.categories, parts, args);
  if (f.channels?.length) inList('channel', f.channels, parts, args);
  if (f.overdue === true) (parts.push(`${OPEN_SQL} AND due_at < ?`), args.push(f.now));
  if (f.overdue === false) (parts.push(`NOT (${OPEN_SQL} AND due_at < ?)`), args.push(f.now));
  if (f.dueWithinHours !== undefined) (parts.push(`${OPEN_SQL} AND due_at >= ? AND due_at <= ?`), args.push(f.now, f.now + f.dueWithinHours * HOUR));
  if (f.createdFrom !== undefined) (parts.push('created_at >= ?'), args.push(f.createdFrom));
  if (f.createdTo !== undefined) (parts.push('created_at < ?'), args.push(f.createdTo));
  if (f.resolvedFrom !== undefined) (parts.push('resolved_at >= ?'), args.push(f.resolvedFrom));
  if (f.resolvedTo !== undefined) (parts.push('resolved_at < ?'), args.push(f.resolvedTo));
  if (f.resolvedLevels?.length) inList('resolved_level', f.resolvedLevels, parts, args);
  flag('breached', f.breached);
  flag('responded_on_time', f.respondedOnTime);
  if (f.responseSettledBy !== undefined) (parts.push('response_settled_at <= ?'), args.push(f.responseSettledBy));
  if (f.ratings?.length) inList('rating', f.ratings, parts, args);
  if (f.disputed !== undefined) parts.push(f.disputed ? 'disputes > 0' : 'disputes = 0');
  if (f.escalated !== undefined) parts.push(f.escalated ? 'escalations > 0' : 'escalations = 0');
  flag('follow_up_open', f.followUpOpen);
  flag('counted', f.counted);
  if (f.q) {
    const text = textCondition(f.q);
    parts.push(text.sql);
    args.push(...text.args);
  }
  return { sql: parts.join(' AND '), args };
}

const ORDER: Record<DeskSort, string> = {
  dueAt: 'due_at, id',
  createdAt: 'created_at, id',
  '-createdAt': 'created_at DESC, id DESC',
};

/** SQL for "the id of the child of the unit at `path` that this report lies under" (NULL: on the unit itself). */
const childExpr = (len: number) =>
  `CASE WHEN length(unit_path) = ${len} THEN NULL ELSE substr(unit_path, ${len + 1}, instr(substr(unit_path, ${len + 1}), '/') - 1) END`;

const parse = (rows: { doc: string }[]) => rows.map((r) => JSON.parse(r.doc) as Report);

/** The docs of these rows, in this order. */
const docsInOrder = (rowids: number[], rows: { rowid: number; doc: string }[]) => {
  const byRowid = new Map(rows.map((r) => [r.rowid, r.doc]));
  return rowids.map((r) => JSON.parse(byRowid.get(r)!) as Report);
};

export function sqliteReportQueries({ stmt }: SqliteKit): ReportQueryRepo {
  return {
    async list(q, sort, limit, offset) {
      let rowids = textUnderPathOnly(q) ? pageUnder(stmt, q.path, q.q!, sort, limit, offset) : null;
      if (rowids === null) {
        const w = queryWhere(q);
        // The page's rowids first, then their docs: sorting rows that carry their docs moves every doc
        // the sort passes over (a deep page or a search of many matches), not only the page's.
        rowids = stmt(`SELECT rowid FROM reports WHERE ${w.sql} ORDER BY ${ORDER[sort]} LIMIT ? OFFSET ?`).pluck().all(...w.args, limit, offset) as number[];
      }
      if (rowids.length === 0) return [];
      return docsInOrder(rowids, stmt('SELECT rowid, doc FROM reports WHERE rowid IN (SELECT value FROM json_each(?))').all(JSON.stringify(rowids)) as { rowid: number; doc: string }[]);
    },
    async count(q) {
      const quick = textUnderPathOnly(q) ? countUnder(stmt, q.path, q.q!) : null;
      if (quick !== null) return quick;
      const w = queryWhere(q);
      return (stmt(`SELECT count(*) AS n FROM reports WHERE ${w.sql}`).get(...w.args) as { n: number }).n;
    },
    async searchScope(q) {
      // The index answers any search over any number of reports: nothing is left out.
      return { query: q, capped: null };
    },
    async openTally(path, now, soonMs) {
      const sql = `
        SELECT level, ${childExpr(path.length)} AS child, count(*) AS open,
               sum(due_at >= @now AND due_at <= @soon) AS dueSoon, sum(due_at < @now) AS overdue
        FROM reports INDEXED BY reports_desk_open
        WHERE ${OPEN_SQL} AND unit_path >= @path AND unit_path < @end
        GROUP BY level, child`;
      return stmt(sql).all({ now, soon: now + soonMs, path, end: path + END }) as OpenTallyRow[];
    },
    async monthTally(path, bounds, now) {
      if (bounds.length < 2) return [];
      const cases = bounds
        .slice(1, -1)
        .map((b, i) => `WHEN created_at < ${Math.trunc(b)} THEN ${i}`)
        .join(' ');
      // One month has no WHEN to write, and CASE without one is not SQL.
      const month = cases ? `CASE ${cases} ELSE ${bounds.length - 2} END` : '0';
      const atLevel = LEVELS.map((l) => `sum(resolved_at IS NOT NULL AND resolved_level = '${l}') AS at_${l}`).join(', ');
      const sql = `
        SELECT ${month} AS month, ${childExpr(path.length)} AS child, count(*) AS reports,
               sum(response_settled_at <= @now) AS responseDue,
               sum(responded_on_time) AS respondedOnTime,
               sum(resolved_at IS NOT NULL) AS resolved,
               sum(resolved_at IS NOT NULL AND breached = 0) AS resolvedOnTime,
               sum(rating IS NOT NULL) AS rated,
               sum(rating IN ('satisfied', 'basically_satisfied')) AS satisfied,
               ${atLevel}
        FROM reports INDEXED BY reports_desk_month
        WHERE unit_path >= @path AND unit_path < @end AND created_at >= @from AND created_at < @to AND counted = 1
        GROUP BY month, child`;
      const rows = stmt(sql).all({ path, end: path + END, from: bounds[0], to: bounds[bounds.length - 1], now }) as Record<string, number | string | null>[];
      return rows.map(
        (r): MonthTallyRow => ({
          month: r.month as number,
          child: r.child as string | null,
          reports: r.reports as number,
          responseDue: r.responseDue as number,
          respondedOnTime: r.respondedOnTime as number,
          resolved: r.resolved as number,
          resolvedOnTime: r.resolvedOnTime as number,
          rated: r.rated as number,
          satisfied: r.satisfied as number,
          resolvedAt: Object.fromEntries(LEVELS.map((l) => [l, r[`at_${l}`] as number])) as Record<Level, number>,
        }),
      );
    },
    async categoryTally(path, from, to) {
      const sql = `SELECT category, count(*) AS count FROM reports INDEXED BY reports_desk_month
        WHERE unit_path >= ? AND unit_path < ? AND created_at >= ? AND created_at < ? AND counted = 1
        GROUP BY category ORDER BY count DESC, category`;
      return stmt(sql).all(path, path + END, from, to) as { category: string; count: number }[];
    },
    async timelines(ids) {
      const out = new Map<string, TimelineEntry[]>(ids.map((id) => [id, []]));
      for (let i = 0; i < ids.length; i += CHUNK) {
        const part = ids.slice(i, i + CHUNK);
        const rows = stmt(`SELECT doc FROM report_events WHERE report_id IN (${part.map(() => '?').join(',')}) ORDER BY report_id, at, rowid`).all(...part) as { doc: string }[];
        for (const r of rows) {
          const e = JSON.parse(r.doc) as TimelineEntry;
          out.get(e.reportId)?.push(e);
        }
      }
      return out;
    },
    async eventsBetween(path, types, from, to) {
      if (types.length === 0) return [];
      const sql = `SELECT e.doc FROM report_events e INDEXED BY report_events_at JOIN reports r ON r.id = e.report_id
        WHERE e.at >= ? AND e.at < ? AND json_extract(e.doc, '$.type') IN (${types.map(() => '?').join(',')})
          AND r.unit_path >= ? AND r.unit_path < ?
        ORDER BY e.at, e.rowid`;
      return (stmt(sql).all(from, to, ...types, path, path + END) as { doc: string }[]).map((r) => JSON.parse(r.doc) as TimelineEntry);
    },
  };
}
