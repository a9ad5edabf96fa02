/**
 * The embedded default adapter: SQLite through better-sqlite3, WAL mode.
 * better-sqlite3 is synchronous; each method runs one statement or one transaction, so the
 * async port never interleaves halfway through a write.
 */
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';
import { DomainError, type Binding, type Person, type Report, type Role, type TimelineEntry, type Unit, type UnitKind } from '../../../../src/core';
import type { AuditEntry, Message, ReportFilter, ReportSave, ReportSideWrites, Session, Store } from '../port';
import { MIGRATIONS } from './migrations';
import { DESK_INSERT_COLUMNS, DESK_INSERT_VALUES, DESK_SET_COLUMNS, deskColumns, sqliteDesk, toAuditEntry, type AuditRow } from './desk';

/** The columns a report save may change, each with its parameter in the row reportRow makes. */
const SAVED_COLUMNS: readonly (readonly [string, string])[] = [
  ...(
    [
      ['resident_id', 'residentId'],
      ['unit_id', 'unitId'],
      ['unit_path', 'unitPath'],
      ['status', 'status'],
      ['level', 'level'],
      ['handler_id', 'handlerId'],
      ['due_at', 'dueAt'],
      ['next_check_at', 'nextCheckAt'],
    ] as const
  ),
  ...DESK_SET_COLUMNS,
];

/** Upper bound for a prefix range scan: every path under `p` sorts before p + U+FFFF. */
const END = '\uffff';

interface UnitRow {
  id: string;
  parent_id: string | null;
  kind: string;
  name: string;
  path: string;
  archived: number;
  version: number;
  created_at: number;
  updated_at: number;
}
interface PersonRow {
  id: string;
  name: string;
  phone: string | null;
  username: string | null;
  openid: string | null;
  demo: number;
  version: number;
  created_at: number;
  updated_at: number;
}
interface BindingRow {
  id: string;
  person_id: string;
  unit_id: string;
  role: string;
  created_at: number;
  created_by: string | null;
}
interface SessionRow {
  id: string;
  token_hash: string;
  person_id: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

const toUnit = (r: UnitRow): Unit => ({
  id: r.id,
  parentId: r.parent_id,
  kind: r.kind as UnitKind,
  name: r.name,
  path: r.path,
  archived: r.archived === 1,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  name: r.name,
  phone: r.phone,
  username: r.username,
  openid: r.openid,
  demo: r.demo === 1,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const toBinding = (r: BindingRow): Binding => ({
  id: r.id,
  personId: r.person_id,
  unitId: r.unit_id,
  role: r.role as Role,
  createdAt: r.created_at,
  createdBy: r.created_by,
});
const toSession = (r: SessionRow): Session => ({
  id: r.id,
  tokenHash: r.token_hash,
  personId: r.person_id,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

function isUnique(e: unknown, needle: string): boolean {
  const err = e as { code?: string; message?: string };
  return (err.code === 'SQLITE_CONSTRAINT_UNIQUE' || err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') && !!err.message?.includes(needle);
}

export function migrate(db: Db): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const done = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  let applied = 0;
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
    })();
    applied++;
  }
  return applied;
}

/**
 * The checkpointer thread: its own connection copies committed WAL frames into the database file
 * every few milliseconds. A checkpoint fsyncs the WAL and the database file, and on a busy disk
 * that takes milliseconds; done on the event loop, every request in flight would wait for it.
 */
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 1000');
let timer = null;
const tick = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
  timer = setTimeout(tick, workerData.everyMs);
};
parentPort.on('message', () => { clearTimeout(timer); db.close(); parentPort.close(); });
tick();
`;

export interface SqliteOptions {
  /**
   * Checkpoint from a background thread (the local server does). The connection then checkpoints
   * by itself only if the WAL passes 16,000 pages (64 MB), i.e. if the thread falls behind.
   */
  backgroundCheckpoints?: boolean;
}

export function openSqliteStore(file: string, opts: SqliteOptions = {}): Store {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  let checkpointer: Worker | null = null;
  if (opts.backgroundCheckpoints) {
    db.pragma('wal_autocheckpoint = 16000');
    checkpointer = new Worker(CHECKPOINTER, { eval: true, workerData: { driver: require.resolve('better-sqlite3'), file, everyMs: 20 } });
    checkpointer.unref();
  }

  // Statements whose text depends on the call (IN lists, optional filters) are prepared once per
  // distinct text and kept; preparing costs more than running them. Bounded: the texts vary only with
  // list lengths and filter combinations.
  const prepared = new Map<string, Statement>();
  const stmt = (sql: string): Statement => {
    let s = prepared.get(sql);
    if (!s) {
      if (prepared.size >= 500) prepared.clear();
      s = db.prepare(sql);
      prepared.set(sql, s);
    }
    return s;
  };

  const q = {
    unitGet: db.prepare<[string], UnitRow>('SELECT * FROM units WHERE id = ?'),
    unitSubtree: db.prepare<[string, string], UnitRow>('SELECT * FROM units WHERE path >= ? AND path < ? ORDER BY path'),
    unitSubtreeLive: db.prepare<[string, string], UnitRow>('SELECT * FROM units WHERE path >= ? AND path < ? AND archived = 0 ORDER BY path'),
    unitRoots: db.prepare<[], UnitRow>('SELECT * FROM units WHERE parent_id IS NULL ORDER BY path'),
    unitChildByName: db.prepare<[string, string], UnitRow>('SELECT * FROM units WHERE parent_id = ? AND name = ? AND archived = 0'),
    unitLiveChildren: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM units WHERE parent_id = ? AND archived = 0'),
    unitInsert: db.prepare(
      'INSERT INTO units (id, parent_id, kind, name, path, archived, version, created_at, updated_at) VALUES (@id, @parentId, @kind, @name, @path, @archived, @version, @createdAt, @updatedAt)',
    ),
    unitUpdate: db.prepare(
      'UPDATE units SET name = @name, archived = @archived, version = version + 1, updated_at = @at WHERE id = @id AND version = @expected',
    ),
    unitMoveSelf: db.prepare(
      'UPDATE units SET parent_id = @parentId, path = @path, version = version + 1, updated_at = @at WHERE id = @id AND version = @expected',
    ),
    unitMoveBelow: db.prepare(
      'UPDATE units SET path = @newPrefix || substr(path, length(@oldPrefix) + 1) WHERE path > @oldPrefix AND path < @oldEnd',
    ),
    personGet: db.prepare<[string], PersonRow>('SELECT * FROM people WHERE id = ?'),
    personByUsername: db.prepare<[string], PersonRow>('SELECT * FROM people WHERE username = ?'),
    personByOpenid: db.prepare<[string], PersonRow>('SELECT * FROM people WHERE openid = ?'),
    personInsert: db.prepare(
      'INSERT INTO people (id, name, phone, username, openid, password_hash, demo, version, created_at, updated_at) VALUES (@id, @name, @phone, @username, @openid, @passwordHash, @demo, @version, @createdAt, @updatedAt)',
    ),
    personHash: db.prepare<[string], { password_hash: string | null }>('SELECT password_hash FROM people WHERE id = ?'),
    personDemo: db.prepare<[], PersonRow>('SELECT * FROM people WHERE demo = 1 ORDER BY created_at, id'),
    personCount: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM people'),
    bindingGet: db.prepare<[string], BindingRow>('SELECT * FROM bindings WHERE id = ?'),
    bindingsForPerson: db.prepare<[string], BindingRow>('SELECT * FROM bindings WHERE person_id = ? ORDER BY created_at, id'),
    bindingsForUnit: db.prepare<[string], BindingRow>('SELECT * FROM bindings WHERE unit_id = ? ORDER BY created_at, id'),
    bindingFind: db.prepare<[string, string, string], BindingRow>('SELECT * FROM bindings WHERE person_id = ? AND unit_id = ? AND role = ?'),
    bindingInsert: db.prepare(
      'INSERT OR IGNORE INTO bindings (id, person_id, unit_id, role, created_at, created_by) VALUES (@id, @personId, @unitId, @role, @createdAt, @createdBy)',
    ),
    bindingRemove: db.prepare('DELETE FROM bindings WHERE id = ?'),
    sessionInsert: db.prepare(
      'INSERT INTO sessions (id, token_hash, person_id, created_at, expires_at, revoked_at) VALUES (@id, @tokenHash, @personId, @createdAt, @expiresAt, @revokedAt)',
    ),
    sessionByHash: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE token_hash = ?'),
    sessionRevoke: db.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    sessionPurge: db.prepare('DELETE FROM sessions WHERE expires_at < ?'),
    auditInsert: ((s: Statement) => ({ run: (e: Record<string, unknown>) => s.run({ ...e, unitPath: e.unitPath ?? null }) }))(
      db.prepare('INSERT INTO audit (id, at, actor_id, action, target_kind, target_id, unit_path, detail) VALUES (@id, @at, @actorId, @action, @targetKind, @targetId, @unitPath, @detail)'),
    ),
    auditForTarget: db.prepare<[string, number]>('SELECT * FROM audit WHERE target_id = ? ORDER BY at DESC, id DESC LIMIT ?'),
    msgInsert: db.prepare('INSERT INTO messages (id, person_id, kind, title, body, page, created_at, read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    msgList: db.prepare<[string, number, number]>(
      'SELECT * FROM messages WHERE person_id = ? AND created_at < ? ORDER BY created_at DESC, id DESC LIMIT ?',
    ),
    msgUnread: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM messages WHERE person_id = ? AND read_at IS NULL'),
    msgReadAll: db.prepare('UPDATE messages SET read_at = ? WHERE person_id = ? AND read_at IS NULL'),
    metaGet: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    metaSetIfAbsent: db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)'),
  };

  const moveTx = db.transaction((id: string, expected: number, parent: Unit, at: number): Unit | null => {
    const cur = q.unitGet.get(id);
    if (!cur || cur.version !== expected) return null;
    const oldPrefix = cur.path;
    const newPrefix = `${parent.path}${id}/`;
    if (newPrefix.startsWith(oldPrefix)) throw new DomainError('UNIT.CYCLE');
    const r = q.unitMoveSelf.run({ id, expected, parentId: parent.id, path: newPrefix, at });
    if (r.changes !== 1) return null;
    q.unitMoveBelow.run({ newPrefix, oldPrefix, oldEnd: oldPrefix + END });
    return toUnit(q.unitGet.get(id)!);
  });

  const rq = {
    insert: db.prepare(
      `INSERT INTO reports (id, client_request_id, created_by, resident_id, unit_id, unit_path, community_id, category, status, level, handler_id, due_at, next_check_at, created_at, version, doc, ${DESK_INSERT_COLUMNS})
       VALUES (@id, @clientRequestId, @createdBy, @residentId, @unitId, @unitPath, @communityId, @category, @status, @level, @handlerId, @dueAt, @nextCheckAt, @createdAt, @version, @doc, ${DESK_INSERT_VALUES})`,
    ),
    byRequest: db.prepare<[string, string], { doc: string }>('SELECT doc FROM reports WHERE created_by = ? AND client_request_id = ?'),
    get: db.prepare<[string], { doc: string }>('SELECT doc FROM reports WHERE id = ?'),
    // A claim is taken if there is none, or if the one there has expired or is the owner's own.
    claim: db.prepare(
      `INSERT INTO report_claims (report_id, owner, until) VALUES (@id, @owner, @until)
       ON CONFLICT (report_id) DO UPDATE SET owner = excluded.owner, until = excluded.until
       WHERE report_claims.until <= @now OR report_claims.owner = @owner`,
    ),
    unclaim: db.prepare('DELETE FROM report_claims WHERE report_id = ?'),
    release: db.prepare("DELETE FROM report_claims WHERE owner = ? AND report_id IN (SELECT value FROM json_each(?))"),
    byIds: db.prepare<[string], { doc: string }>('SELECT doc FROM reports WHERE id IN (SELECT value FROM json_each(?))'),
    event: db.prepare('INSERT INTO report_events (id, report_id, at, doc) VALUES (?, ?, ?, ?)'),
    timeline: db.prepare<[string], { doc: string }>('SELECT doc FROM report_events WHERE report_id = ? ORDER BY at, rowid'),
    due: db.prepare<[number, number], { doc: string }>('SELECT doc FROM reports WHERE next_check_at IS NOT NULL AND next_check_at <= ? ORDER BY next_check_at LIMIT ?'),
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
  };
  const parseReport = (r: { doc: string } | undefined): Report | null => (r ? (JSON.parse(r.doc) as Report) : null);
  const reportRow = (r: Report) => ({ ...r, ...deskColumns(r), doc: JSON.stringify(r) });
  /** The values of SAVED_COLUMNS for a report, in that order, as the row stores them. */
  const columnValues = (r: Report): unknown[] => {
    const desk = deskColumns(r) as Record<string, unknown>;
    const fields = r as unknown as Record<string, unknown>;
    return SAVED_COLUMNS.map(([, key]) => (key in desk ? desk[key] : fields[key]) ?? null);
  };
  const deskParts = sqliteDesk(db, stmt);

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

  const insertMessage = (m: Message) => q.msgInsert.run(m.id, m.personId, m.kind, m.title, m.body, m.page, m.createdAt, m.readAt);
  const writeAlso = (also: ReportSideWrites | undefined) => {
    for (const e of also?.audit ?? []) q.auditInsert.run({ ...e, detail: JSON.stringify(e.detail) });
    for (const m of also?.messages ?? []) insertMessage(m);
  };
  const insertReport = db.transaction((report: Report, timeline: readonly TimelineEntry[], also?: ReportSideWrites) => {
    const existing = parseReport(rq.byRequest.get(report.createdBy, report.clientRequestId));
    if (existing) return { report: existing, created: false };
    rq.insert.run(reportRow(report));
    for (const e of timeline) rq.event.run(e.id, e.reportId, e.at, JSON.stringify(e));
    writeAlso(also);
    return { report, created: true };
  });
  // A save names in its SET only the columns whose value changed (besides version and doc): SQLite
  // rewrites the entries of every index on a column named in SET, changed or not, and a report has
  // nine indexes (the timer's escalation changes the columns of four or five of them).
  // The stored values of SAVED_COLUMNS, version first (a row as an array, in that order).
  const current = db.prepare<[string], unknown[]>(`SELECT version, ${SAVED_COLUMNS.map(([c]) => c).join(', ')} FROM reports WHERE id = ?`).raw();
  // One UPDATE per set of changed columns, keyed by its bit mask (a sweep uses two or three).
  const updates = new Map<number, Statement>();
  const updateFor = (mask: number) => {
    let u = updates.get(mask);
    if (!u) {
      if (updates.size >= 200) updates.clear();
      const set = SAVED_COLUMNS.filter((_, i) => mask & (1 << i)).map(([c]) => `, ${c} = ?`);
      u = db.prepare(`UPDATE reports SET version = ?, doc = ?${set.join('')} WHERE id = ? AND version = ?`);
      updates.set(mask, u);
    }
    return u;
  };
  const saveOne = (report: Report, expected: number, entries: readonly TimelineEntry[], also?: ReportSideWrites, before?: Report) => {
    // What the row holds now: from the caller's copy of the version it read, or read here. Either
    // way the UPDATE's version check decides, and the columns are a function of that version's doc.
    let was: unknown[];
    if (before && before.id === report.id && before.version === expected) was = columnValues(before);
    else {
      const cur = current.get(report.id);
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
  // Group commit for the report writes: the ones that arrive while the event loop is busy wait for
  // its next turn and then commit together, each in its own savepoint (so each is still all or
  // nothing, and a lost race or an error stops only itself). A promise resolves only after the
  // commit, so nobody acts on a write that is not stored. Under load this turns one commit per
  // report into one per turn of the loop; alone, a write waits only for the current turn to end.
  const queued: { run: () => unknown; resolve: (v: any) => void; reject: (e: unknown) => void }[] = [];
  const commitQueued = db.transaction((items: typeof queued) =>
    items.map((it) => {
      try {
        return { ok: true, value: it.run() };
      } catch (error) {
        // A failure that ended the whole transaction (disk full, I/O) fails every item.
        if (!db.inTransaction) throw error;
        return { ok: false, error };
      }
    }),
  );
  const flush = () => {
    const items = queued.splice(0);
    if (items.length === 0 || !db.open) return;
    let out: { ok: boolean; value?: unknown; error?: unknown }[];
    try {
      out = commitQueued(items);
    } catch (e) {
      for (const it of items) it.reject(e);
      return;
    }
    out.forEach((o, i) => (o.ok ? items[i].resolve(o.value) : items[i].reject(o.error)));
  };
  /** Runs `run` (a db.transaction, so a savepoint inside the group) in the next group commit. */
  const grouped = <T>(run: () => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queued.push({ run, resolve, reject });
      if (queued.length === 1) setImmediate(flush);
    });
  const claimReport = db.transaction((id: string, expected: number, owner: string, until: number, now: number) => {
    const cur = parseReport(rq.get.get(id));
    if (!cur || cur.version !== expected) return null;
    return rq.claim.run({ id, owner, until, now }).changes === 1 ? cur : null;
  });

  return {
    kind: 'sqlite',
    reports: {
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
      async claim(id, expected, owner, until, now) {
        return claimReport(id, expected, owner, until, now);
      },
      async claimDue(now, limit, owner, until) {
        return limit > 0 ? claimDueReports(now, limit, owner, until) : [];
      },
      async release(ids, owner) {
        if (ids.length > 0) rq.release.run(owner, JSON.stringify(ids));
      },
      async listDue(now, limit) {
        return rq.due.all(now, limit).map((r) => JSON.parse(r.doc) as Report);
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
    },
    units: {
      async get(id) {
        const r = q.unitGet.get(id);
        return r ? toUnit(r) : null;
      },
      async getMany(ids) {
        if (ids.length === 0) return [];
        const rows = stmt(`SELECT * FROM units WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as UnitRow[];
        return rows.map(toUnit);
      },
      async listSubtree(path, opts) {
        const stmt = opts?.includeArchived ? q.unitSubtree : q.unitSubtreeLive;
        return stmt.all(path, path + END).map(toUnit);
      },
      async listRoots() {
        return q.unitRoots.all().map(toUnit);
      },
      async findChildByName(parentId, name) {
        const r = q.unitChildByName.get(parentId, name);
        return r ? toUnit(r) : null;
      },
      async countLiveChildren(id) {
        return q.unitLiveChildren.get(id)!.n;
      },
      async insert(u) {
        try {
          q.unitInsert.run({ ...u, archived: u.archived ? 1 : 0 });
        } catch (e) {
          if (isUnique(e, 'units')) throw new DomainError('UNIT.NAME_TAKEN', undefined, 'name');
          throw e;
        }
      },
      async update(id, expected, patch, at) {
        const cur = q.unitGet.get(id);
        if (!cur || cur.version !== expected) return null;
        try {
          const r = q.unitUpdate.run({
            id,
            expected,
            at,
            name: patch.name ?? cur.name,
            archived: (patch.archived ?? cur.archived === 1) ? 1 : 0,
          });
          if (r.changes !== 1) return null;
        } catch (e) {
          if (isUnique(e, 'units')) throw new DomainError('UNIT.NAME_TAKEN', undefined, 'name');
          throw e;
        }
        return toUnit(q.unitGet.get(id)!);
      },
      async move(id, expected, parent, at) {
        try {
          return moveTx(id, expected, parent, at);
        } catch (e) {
          if (isUnique(e, 'units')) throw new DomainError('UNIT.NAME_TAKEN', undefined, 'parentId');
          throw e;
        }
      },
    },
    people: {
      async get(id) {
        const r = q.personGet.get(id);
        return r ? toPerson(r) : null;
      },
      async getMany(ids) {
        if (ids.length === 0) return [];
        const rows = stmt(`SELECT * FROM people WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as PersonRow[];
        return rows.map(toPerson);
      },
      async findByUsername(username) {
        const r = q.personByUsername.get(username);
        return r ? toPerson(r) : null;
      },
      async findByOpenid(openid) {
        const r = q.personByOpenid.get(openid);
        return r ? toPerson(r) : null;
      },
      async search(text, paths, limit) {
        const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        const scope = paths.map(() => '(u.path >= ? AND u.path < ?)').join(' OR ') || '0';
        const sql = `
          SELECT p.* FROM people p
          WHERE (p.name LIKE @like ESCAPE '\\' OR p.phone LIKE @like ESCAPE '\\' OR p.username LIKE @like ESCAPE '\\')
            AND (
              NOT EXISTS (SELECT 1 FROM bindings b WHERE b.person_id = p.id)
              OR EXISTS (SELECT 1 FROM bindings b JOIN units u ON u.id = b.unit_id WHERE b.person_id = p.id AND (${scope}))
            )
          ORDER BY p.name, p.id LIMIT @limit`;
        const args: unknown[] = [];
        for (const p of paths) args.push(p, p + END);
        // Named and positional parameters cannot be mixed in one statement: inline the named ones.
        const likeArgs = [like, like, like];
        return (stmt(sql.replace(/@like/g, '?').replace('@limit', '?')).all(...likeArgs, ...args, limit) as PersonRow[]).map(toPerson);
      },
      async insert(p, passwordHash) {
        try {
          q.personInsert.run({ ...p, passwordHash, demo: p.demo ? 1 : 0 });
        } catch (e) {
          if (isUnique(e, 'people.username')) throw new DomainError('INPUT.INVALID', '这个账号已被使用，请换一个', 'username');
          if (isUnique(e, 'people.openid')) throw new DomainError('INPUT.INVALID', '这个微信已绑定其他人员', 'openid');
          throw e;
        }
      },
      async passwordHash(id) {
        return q.personHash.get(id)?.password_hash ?? null;
      },
      async listDemo() {
        return q.personDemo.all().map(toPerson);
      },
      async count() {
        return q.personCount.get()!.n;
      },
    },
    bindings: {
      async get(id) {
        const r = q.bindingGet.get(id);
        return r ? toBinding(r) : null;
      },
      async listForPerson(personId) {
        return q.bindingsForPerson.all(personId).map(toBinding);
      },
      async listForUnit(unitId) {
        return q.bindingsForUnit.all(unitId).map(toBinding);
      },
      async listWithRoles(unitIds, roles) {
        if (unitIds.length === 0 || roles.length === 0) return [];
        const sql = `SELECT * FROM bindings WHERE unit_id IN (${unitIds.map(() => '?').join(',')}) AND role IN (${roles.map(() => '?').join(',')}) ORDER BY created_at, id`;
        return (stmt(sql).all(...unitIds, ...roles) as BindingRow[]).map(toBinding);
      },
      async find(personId, unitId, role) {
        const r = q.bindingFind.get(personId, unitId, role);
        return r ? toBinding(r) : null;
      },
      async insert(b) {
        return q.bindingInsert.run(b).changes === 1;
      },
      async remove(id) {
        return q.bindingRemove.run(id).changes === 1;
      },
    },
    sessions: {
      async insert(s) {
        q.sessionInsert.run(s);
      },
      async findByTokenHash(hash) {
        const r = q.sessionByHash.get(hash);
        return r ? toSession(r) : null;
      },
      async revoke(id, at) {
        return q.sessionRevoke.run(at, id).changes === 1;
      },
      async purgeExpired(before) {
        return q.sessionPurge.run(before).changes;
      },
    },
    audit: {
      async append(e: AuditEntry) {
        q.auditInsert.run({ ...e, detail: JSON.stringify(e.detail) });
      },
      async listForTarget(targetId, limit) {
        return (q.auditForTarget.all(targetId, limit) as AuditRow[]).map(toAuditEntry);
      },
      search: deskParts.auditSearch,
    },
    messages: {
      async insert(m: Message) {
        insertMessage(m);
      },
      async listForPerson(personId, limit, before) {
        const rows = q.msgList.all(personId, before ?? Number.MAX_SAFE_INTEGER, limit) as {
          id: string;
          person_id: string;
          kind: string;
          title: string;
          body: string;
          page: string | null;
          created_at: number;
          read_at: number | null;
        }[];
        return rows.map((r) => ({
          id: r.id,
          personId: r.person_id,
          kind: r.kind,
          title: r.title,
          body: r.body,
          page: r.page,
          createdAt: r.created_at,
          readAt: r.read_at,
        }));
      },
      async countUnread(personId) {
        return q.msgUnread.get(personId)!.n;
      },
      async markRead(personId, ids, at) {
        if (ids === null) return q.msgReadAll.run(at, personId).changes;
        if (ids.length === 0) return 0;
        const sql = `UPDATE messages SET read_at = ? WHERE person_id = ? AND read_at IS NULL AND id IN (${ids.map(() => '?').join(',')})`;
        return stmt(sql).run(at, personId, ...ids).changes;
      },
    },
    meta: {
      async get(key) {
        return q.metaGet.get(key)?.value ?? null;
      },
      async setIfAbsent(key, value) {
        q.metaSetIfAbsent.run(key, value);
        return q.metaGet.get(key)!.value;
      },
      compareAndSet: deskParts.compareAndSet,
    },
    desk: deskParts.desk,
    imports: deskParts.imports,
    async close() {
      flush();
      if (checkpointer) {
        const stopped = new Promise((resolve) => checkpointer!.once('exit', resolve));
        // Kept alive until the thread has closed its connection.
        checkpointer.ref();
        checkpointer.postMessage('close');
        await stopped;
      }
      db.close();
    },
  };
}
