/**
 * The SQLite side of the management page: the desk filter as SQL over the real columns that
 * migration 5 added, the dashboard's aggregates as GROUP BY over covering indexes (no report doc
 * is read to count), the audit search, the meta compare-and-set, and the import as one transaction.
 */
import type { Database as Db, Statement } from 'better-sqlite3';
import { DomainError, LEVELS, STATUSES, isOpen, type DeskSort, type Level, type Person, type Report, type TimelineEntry } from '../../../../src/core';
import type { AuditEntry, AuditFilter, DeskQuery, DeskRepo, ImportBatch, ImportRepo, MonthTallyRow, OpenTallyRow } from '../port';

const END = '\uffff';
const OPEN = STATUSES.filter(isOpen);
const OPEN_SQL = `status IN (${OPEN.map((s) => `'${s}'`).join(',')})`;
const HOUR = 3600_000;
/** Bound parameters per IN list (SQLite allows 32,766 in all; stay well below). */
const CHUNK = 500;

/** The desk columns of a report, as the insert and save statements bind them. */
export function deskColumns(r: Report) {
  return {
    channel: r.channel,
    breached: r.breached ? 1 : 0,
    escalations: r.escalations,
    disputes: r.disputes,
    rating: r.rating,
    resolvedAt: r.resolvedAt,
    resolvedLevel: r.resolvedLevel,
    respondedOnTime: r.respondedAt !== null && r.respondedAt <= r.firstRespondBy ? 1 : 0,
    counted: r.duplicateOf ? 0 : 1,
    followUpOpen: r.followUp?.status === 'open' ? 1 : 0,
    searchText: [r.description, r.location ?? '', r.contactName ?? '', r.id].join('\n'),
  };
}

/** Column list and named parameters of deskColumns, for the INSERT and UPDATE of reports. */
export const DESK_INSERT_COLUMNS =
  'channel, breached, escalations, disputes, rating, resolved_at, resolved_level, responded_on_time, counted, follow_up_open, search_text';
export const DESK_INSERT_VALUES =
  '@channel, @breached, @escalations, @disputes, @rating, @resolvedAt, @resolvedLevel, @respondedOnTime, @counted, @followUpOpen, @searchText';
/** Each desk column with its named parameter, for the UPDATE of reports (which sets the changed ones). */
export const DESK_SET_COLUMNS = DESK_INSERT_COLUMNS.split(', ').map((c, i) => [c, DESK_INSERT_VALUES.split(', ')[i].slice(1)] as const);

function inList(col: string, vals: readonly string[], parts: string[], args: unknown[]) {
  parts.push(`${col} IN (${vals.map(() => '?').join(',')})`);
  args.push(...vals);
}

/** The WHERE of a desk query. Every field of DeskFilter is here, with the meaning core/desk.ts gives it. */
export function deskWhere(f: DeskQuery): { sql: string; args: unknown[] } {
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
  if (f.ratings?.length) inList('rating', f.ratings, parts, args);
  if (f.disputed !== undefined) parts.push(f.disputed ? 'disputes > 0' : 'disputes = 0');
  if (f.escalated !== undefined) parts.push(f.escalated ? 'escalations > 0' : 'escalations = 0');
  flag('follow_up_open', f.followUpOpen);
  flag('counted', f.counted);
  if (f.q) (parts.push("search_text LIKE ? ESCAPE '\\'"), args.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
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

export interface AuditRow {
  id: string;
  at: number;
  actor_id: string | null;
  action: string;
  target_kind: AuditEntry['targetKind'];
  target_id: string;
  unit_path: string | null;
  detail: string;
}
export const toAuditEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  actorId: r.actor_id,
  action: r.action,
  targetKind: r.target_kind,
  targetId: r.target_id,
  unitPath: r.unit_path,
  detail: JSON.parse(r.detail),
});

export interface SqliteDeskParts {
  desk: DeskRepo;
  imports: ImportRepo;
  auditSearch(filter: AuditFilter, limit: number): Promise<AuditEntry[]>;
  compareAndSet(key: string, expected: string | null, next: string): Promise<boolean>;
}

export function sqliteDesk(db: Db, stmt: (sql: string) => Statement): SqliteDeskParts {
  const parse = (rows: { doc: string }[]) => rows.map((r) => JSON.parse(r.doc) as Report);

  const desk: DeskRepo = {
    async list(q, sort, limit, offset) {
      const w = deskWhere(q);
      return parse(stmt(`SELECT doc FROM reports WHERE ${w.sql} ORDER BY ${ORDER[sort]} LIMIT ? OFFSET ?`).all(...w.args, limit, offset) as { doc: string }[]);
    },
    async count(q) {
      const w = deskWhere(q);
      return (stmt(`SELECT count(*) AS n FROM reports WHERE ${w.sql}`).get(...w.args) as { n: number }).n;
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
    async monthTally(path, bounds) {
      if (bounds.length < 2) return [];
      const cases = bounds
        .slice(1, -1)
        .map((b, i) => `WHEN created_at < ${Math.trunc(b)} THEN ${i}`)
        .join(' ');
      const month = `CASE ${cases} ELSE ${bounds.length - 2} END`;
      const atLevel = LEVELS.map((l) => `sum(resolved_at IS NOT NULL AND resolved_level = '${l}') AS at_${l}`).join(', ');
      const sql = `
        SELECT ${month} AS month, ${childExpr(path.length)} AS child, count(*) AS reports,
               sum(responded_on_time) AS respondedOnTime,
               sum(resolved_at IS NOT NULL) AS resolved,
               sum(resolved_at IS NOT NULL AND breached = 0) AS resolvedOnTime,
               sum(rating IS NOT NULL) AS rated,
               sum(rating IN ('satisfied', 'basically_satisfied')) AS satisfied,
               ${atLevel}
        FROM reports INDEXED BY reports_desk_month
        WHERE unit_path >= @path AND unit_path < @end AND created_at >= @from AND created_at < @to AND counted = 1
        GROUP BY month, child`;
      const rows = stmt(sql).all({ path, end: path + END, from: bounds[0], to: bounds[bounds.length - 1] }) as Record<string, number | string | null>[];
      return rows.map(
        (r): MonthTallyRow => ({
          month: r.month as number,
          child: r.child as string | null,
          reports: r.reports as number,
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

  const insertUnit = db.prepare(
    'INSERT INTO units (id, parent_id, kind, name, path, archived, version, created_at, updated_at) VALUES (@id, @parentId, @kind, @name, @path, @archived, @version, @createdAt, @updatedAt)',
  );
  const insertPerson = db.prepare(
    'INSERT INTO people (id, name, phone, username, openid, password_hash, demo, version, created_at, updated_at) VALUES (@id, @name, @phone, @username, @openid, NULL, @demo, @version, @createdAt, @updatedAt)',
  );
  const insertBinding = db.prepare(
    'INSERT OR IGNORE INTO bindings (id, person_id, unit_id, role, created_at, created_by) VALUES (@id, @personId, @unitId, @role, @createdAt, @createdBy)',
  );
  const writeBatch = db.transaction((batch: ImportBatch) => {
    for (const u of batch.units) {
      try {
        insertUnit.run({ ...u, archived: u.archived ? 1 : 0 });
      } catch (e) {
        const err = e as { code?: string; message?: string };
        if (err.code?.startsWith('SQLITE_CONSTRAINT') && err.message?.includes('units')) throw new DomainError('UNIT.NAME_TAKEN', `“${u.name}”已经存在于同一上级下`, 'name');
        throw e;
      }
    }
    for (const p of batch.people) insertPerson.run({ ...p, demo: p.demo ? 1 : 0 });
    for (const b of batch.bindings) insertBinding.run(b);
  });

  const imports: ImportRepo = {
    async commit(batch) {
      writeBatch(batch);
    },
    async findByPhones(phones) {
      const out: Person[] = [];
      const list = [...new Set(phones)];
      for (let i = 0; i < list.length; i += CHUNK) {
        const part = list.slice(i, i + CHUNK);
        const rows = stmt(`SELECT * FROM people WHERE phone IN (${part.map(() => '?').join(',')})`).all(...part) as Record<string, unknown>[];
        for (const r of rows)
          out.push({
            id: r.id as string,
            name: r.name as string,
            phone: r.phone as string | null,
            username: r.username as string | null,
            openid: r.openid as string | null,
            demo: r.demo === 1,
            version: r.version as number,
            createdAt: r.created_at as number,
            updatedAt: r.updated_at as number,
          });
      }
      return out;
    },
  };

  const metaGet = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const metaInsert = db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)');
  const metaUpdate = db.prepare('UPDATE meta SET value = ? WHERE key = ? AND value = ?');
  const cas = db.transaction((key: string, expected: string | null, next: string) => {
    const cur = metaGet.get(key)?.value ?? null;
    if (cur !== expected) return false;
    return (expected === null ? metaInsert.run(key, next) : metaUpdate.run(next, key, expected)).changes === 1;
  });

  return {
    desk,
    imports,
    async auditSearch(f, limit) {
      const parts: string[] = [];
      const args: unknown[] = [];
      if (f.path !== undefined) (parts.push('unit_path >= ? AND unit_path < ?'), args.push(f.path, f.path + END));
      if (f.targetId !== undefined) (parts.push('target_id = ?'), args.push(f.targetId));
      if (f.actorId !== undefined) (parts.push('actor_id = ?'), args.push(f.actorId));
      if (f.action !== undefined) (parts.push('action = ?'), args.push(f.action));
      if (f.from !== undefined) (parts.push('at >= ?'), args.push(f.from));
      if (f.to !== undefined) (parts.push('at < ?'), args.push(f.to));
      if (f.before !== undefined) (parts.push('at < ?'), args.push(f.before));
      const sql = `SELECT * FROM audit ${parts.length ? `WHERE ${parts.join(' AND ')}` : ''} ORDER BY at DESC, id DESC LIMIT ?`;
      return (stmt(sql).all(...args, limit) as AuditRow[]).map(toAuditEntry);
    },
    async compareAndSet(key, expected, next) {
      return cas(key, expected, next);
    },
  };
}
