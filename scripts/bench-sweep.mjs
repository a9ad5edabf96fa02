// Reports bench, part 2: the timer's sweep over a big table: its work must follow the overdue count, not
// the total. Source databases are kept under <tmp>/jinlin-bench-cache (keyed by schema version).
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
// The project's TypeScript is CommonJS: take each module's exports object, then its names.
import sqliteMod from '../cloudfunctions/lib/store/sqlite/index.ts';
import migrationsMod from '../cloudfunctions/lib/store/sqlite/migrations/index.ts';
import reportColumnsMod from '../cloudfunctions/lib/store/sqlite/report-columns.ts';
import depsMod from '../cloudfunctions/lib/deps.ts';
import photosMod from '../cloudfunctions/lib/ports/photos.ts';
import seedMod from '../cloudfunctions/lib/seed/demo.ts';
import sweepMod from '../cloudfunctions/lib/jobs/sweep.ts';
import routingMod from '../cloudfunctions/lib/actions/reports/routing.ts';
import coreMod from '../src/core/index.ts';
import { work, fmt, mark } from './bench-kit.mjs';

const { openSqliteStore } = sqliteMod;
const { MIGRATIONS } = migrationsMod;
const { deskColumns, DESK_INSERT_COLUMNS, DESK_INSERT_VALUES } = reportColumnsMod;
const { makeDeps, randomIds, silentLogger } = depsMod;
const { localPhotos } = photosMod;
const { seedDemo } = seedMod;
const { sweep } = sweepMod;
const { routeFrom } = routingMod;
const { createReport, DEFAULT_POLICY, findCategory, officialCalendar } = coreMod;

const TARGET_SWEEP_MS = 2_000;

const SCHEMA = Math.max(...MIGRATIONS.map((m) => m.version));
/** Bump when the shape of the built data changes. */
const DATA_VERSION = 4;
const CACHE = path.join(tmpdir(), 'jinlin-bench-cache');
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * A database with the demo units and people and `total` reports on the demo buildings, shaped like
 * years of a street's history:
 *  - `overdue` of them filed 30 days ago where routing puts them and never answered, spread evenly
 *    through the table (every total/overdue-th row: the worst place for them, as recent reports
 *    would sit together at its end);
 *  - 5 % open and not yet due: filed in the last 24 hours, at the street (10 working days);
 *  - the rest closed, filed over the past three years.
 * Every report has its own times (a template per building, kind and hour or month, each copy moved
 * back by up to an hour), as real ones do: a million reports filed at the same instant would give
 * every index one long run of equal keys, which real data does not have.
 * Bulk insert, one transaction per 50,000; no timeline rows (the sweep does not read them).
 */
async function buildSweepDb(file, total, overdue) {
  const t0 = Date.now();
  rmSync(file, { force: true });
  const store = openSqliteStore(file);
  const deps = makeDeps(store, { log: silentLogger, photos: localPhotos(path.join(work, 'photos'), randomIds) });
  await seedDemo(deps, { residents: 2000 });
  const units = await store.units.listSubtree('/');
  const buildings = units.filter((u) => u.kind === 'building');
  const street = units.find((u) => u.kind === 'street');
  const community = units.find((u) => u.kind === 'community');
  const category = findCategory(DEFAULT_POLICY, 'noise');
  // Where reports.create would put a report on each building: the real routing, skips included.
  const entry = new Map();
  for (const bld of buildings) entry.set(bld.id, await routeFrom(deps, { unitPath: bld.path }, category, category.entryLevel));
  await store.close();

  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const residentsOf = new Map();
  for (const r of db.prepare("SELECT person_id, unit_id FROM bindings WHERE role = 'resident'").all())
    (residentsOf.get(r.unit_id) ?? residentsOf.set(r.unit_id, []).get(r.unit_id)).push(r.person_id);
  const streetOfficer = db.prepare("SELECT person_id FROM bindings WHERE role = 'street_officer' AND unit_id = ? ORDER BY created_at, id LIMIT 1").get(street.id)?.person_id ?? null;
  const now = Date.now();

  // One template per building and kind, cloned with fresh ids: building a million through the engine
  // one by one would take minutes and make the same rows.
  const templates = new Map();
  const template = (b, kind, slot) => {
    const key = `${b.id}:${kind}:${slot}`;
    if (templates.has(key)) return templates.get(key);
    const resident = residentsOf.get(b.id)?.[0] ?? 'per_none';
    const at = kind === 'overdue' ? now - 30 * DAY : kind === 'open' ? now - (slot + 1) * HOUR : now - (slot + 1) * 30 * DAY;
    // Open reports that are not due sit at the street (10 working days), so a cached file stays good
    // for a week or more; the overdue ones (filed 30 days ago) and the closed ones where routing put them.
    const rt = kind === 'open' ? { stop: { level: 'street', unitId: street.id, handlerId: streetOfficer }, skipped: [] } : entry.get(b.id);
    let { report: r } = createReport(
      { cal: officialCalendar, policy: DEFAULT_POLICY, now: at, actorId: resident, newId: () => 'evt_x' },
      {
        id: 'rep_x',
        clientRequestId: 'x',
        residentId: resident,
        createdBy: resident,
        channel: 'resident',
        contactName: null,
        contactPhone: null,
        unitId: b.id,
        unitPath: b.path,
        communityId: community.id,
        category,
        description: '楼上每天半夜装修，吵得睡不着',
        location: null,
        photos: [],
        anonymous: false,
      },
      rt,
    );
    if (kind === 'closed') r = { ...r, status: 'closed', respondedAt: at + DAY, resolvedAt: at + DAY, resolvedLevel: r.level, closedAt: at + 8 * DAY, nextCheckAt: null };
    templates.set(key, r);
    return r;
  };

  const insert = db.prepare(
    `INSERT INTO reports (id, client_request_id, created_by, resident_id, unit_id, unit_path, community_id, category, status, level, handler_id, due_at, next_check_at, created_at, version, doc, ${DESK_INSERT_COLUMNS})
     VALUES (@id, @clientRequestId, @createdBy, @residentId, @unitId, @unitPath, @communityId, @category, @status, @level, @handlerId, @dueAt, @nextCheckAt, @createdAt, @version, @doc, ${DESK_INSERT_VALUES})`,
  );
  const every = Math.floor(total / overdue);
  let validUntil = Infinity;
  let made = 0;
  const TIMES = ['levelStartedAt', 'respondBy', 'warnAt', 'dueAt', 'firstRespondBy', 'respondedAt', 'resolvedAt', 'closedAt', 'nextCheckAt', 'createdAt', 'updatedAt'];
  const chunk = db.transaction((from, to) => {
    for (let i = from; i < to; i++) {
      const kind = i % every === 0 && made < overdue ? 'overdue' : i % 20 === 1 ? 'open' : 'closed';
      // Overdue reports spread over every building (so escalation routes from each), the rest too.
      const b = buildings[(kind === 'overdue' ? made++ : i) % buildings.length];
      const t = template(b, kind, kind === 'open' ? i % 24 : kind === 'closed' ? i % 36 : 0);
      const id = `rep_b${String(i).padStart(8, '0')}`;
      const r = { ...t, id, clientRequestId: `bench-${i}` };
      const back = (i * 7919) % HOUR;
      for (const k of TIMES) if (r[k] !== null) r[k] -= back;
      if (kind === 'open') validUntil = Math.min(validUntil, r.nextCheckAt);
      // Every column as the store writes it (the desk's too), so the sweep's saves change what they would.
      insert.run({ ...r, ...deskColumns(r), doc: JSON.stringify(r) });
    }
  });
  for (let from = 0; from < total; from += 50_000) chunk(from, Math.min(total, from + 50_000));
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('bench_valid_until', String(validUntil));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return Date.now() - t0;
}

/**
 * The cached database for `total` reports (10,000 overdue), built first if missing, stale (the open
 * reports would have come due) or left dirty by an interrupted run.
 */
async function sweepDb(total) {
  mkdirSync(CACHE, { recursive: true });
  const key = `sweep-s${SCHEMA}-d${DATA_VERSION}-${total}.db`;
  const file = path.join(CACHE, key);
  if (existsSync(file)) {
    const db = new Database(file, { readonly: true });
    const meta = Object.fromEntries(db.prepare("SELECT key, value FROM meta WHERE key LIKE 'bench_%'").all().map((r) => [r.key, r.value]));
    db.close();
    // The open reports must not have come due since the build; a dirty file was not put back.
    if (Number(meta.bench_valid_until ?? 0) > Date.now() + 3600_000 && !meta.bench_dirty && meta.bench_build_ms)
      return { file, built: null, buildMs: Number(meta.bench_build_ms), size: statSync(file).size };
  }
  // Older versions of the cache are of no further use.
  for (const f of readdirSync(CACHE)) if (f.startsWith('sweep-') && (f.endsWith(`-${total}.db`) || f.includes(`-${total}-`))) rmSync(path.join(CACHE, f), { force: true });
  const part = `${file}.part`;
  const buildMs = await buildSweepDb(part, total, 10_000);
  const db = new Database(part);
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('bench_build_ms', String(buildMs));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  for (const ext of ['-wal', '-shm']) rmSync(part + ext, { force: true });
  renameSync(part, file);
  return { file, built: buildMs, buildMs, size: statSync(file).size };
}

/**
 * Times sweep() over the cached database with `overdue` of its 10,000 overdue reports left due (the
 * others set not due for this run), then puts the database back as it was: the swept reports'
 * rows restored, the timeline entries and messages the sweep wrote deleted (the built data has none).
 * Copying a 2 GB file for every run would cost more than the sweep.
 */
async function timeSweep(total, overdue) {
  const { file, built, buildMs, size } = await sweepDb(total);
  const raw = new Database(file);
  const now = Date.now();
  const saved = raw.prepare('SELECT * FROM reports WHERE next_check_at IS NOT NULL AND next_check_at <= ? ORDER BY id').all(now);
  if (['report_events', 'messages', 'report_claims'].some((t) => raw.prepare(`SELECT count(*) AS n FROM ${t}`).get().n > 0))
    throw new Error(`${file} is not as built; delete it and run again`);
  const cols = Object.keys(saved[0]);
  const restore = raw.prepare(`UPDATE reports SET ${cols.filter((c) => c !== 'id').map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`);
  const putBack = raw.transaction(() => {
    raw.exec('DELETE FROM report_events; DELETE FROM messages; DELETE FROM report_claims');
    for (const row of saved) restore.run(row);
    raw.prepare("DELETE FROM meta WHERE key = 'bench_dirty'").run();
  });
  raw.transaction(() => {
    raw.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('bench_dirty', '1')").run();
    const notDue = raw.prepare('UPDATE reports SET next_check_at = NULL WHERE id = ?');
    for (const row of saved.slice(overdue)) notDue.run(row.id);
  })();

  let res;
  let ms;
  let left;
  try {
    // Opened as the local server opens its database, whose timer runs the sweep.
    const store = openSqliteStore(file, { backgroundCheckpoints: true });
    const deps = makeDeps(store, { log: silentLogger, photos: localPhotos(path.join(work, 'photos'), randomIds) });
    const t = process.hrtime.bigint();
    res = await sweep(deps, 'bench');
    ms = Number(process.hrtime.bigint() - t) / 1e6;
    await store.close();
    // What the sweep left due (none, if it did its work).
    left = raw.prepare('SELECT count(*) AS n FROM reports WHERE next_check_at IS NOT NULL AND next_check_at <= ?').get(now).n;
  } finally {
    putBack();
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
  }
  return { total, overdue, ms, res, built, buildMs, size, left };
}

export async function benchSweep() {
  console.log('sweep (the deadlines timer) with real routing over the demo units and people (2,000 residents)');
  console.log('  data: the overdue reports filed 30 days ago, spread evenly through the table; 5% open, filed in the last day; the rest closed over three years');
  const cases = [
    [1_000_000, 10_000],
    [100_000, 10_000],
    [1_000_000, 1_000],
  ];
  const results = [];
  for (const [total, overdue] of cases) results.push(await timeSweep(total, overdue));
  for (const r of results.filter((x, i) => results.findIndex((y) => y.total === x.total) === i))
    console.log(
      `  database of ${fmt(r.total)} reports, 10,000 overdue: ${r.built === null ? `cached (its build took ${(r.buildMs / 1000).toFixed(1)} s)` : `built in ${(r.built / 1000).toFixed(1)} s`}, ${fmt(r.size / 1024 / 1024)} MB in ${CACHE}`,
    );
  console.log(`  ${'reports'.padStart(10)} ${'overdue'.padStart(8)} ${'sweep'.padStart(10)} ${'reports/s'.padStart(10)}  result`);
  for (const r of results) {
    const ok = r.res.escalated === r.overdue && r.left === 0;
    console.log(
      `  ${fmt(r.total).padStart(10)} ${fmt(r.overdue).padStart(8)} ${`${fmt(r.ms)} ms`.padStart(10)} ${fmt((r.overdue / r.ms) * 1000).padStart(10)}  escalated ${fmt(r.res.escalated)}, skipped ${r.res.skipped}${ok ? '' : ' — NOT ALL ESCALATED'}`,
    );
  }
  const main = results[0];
  console.log(`  target: 1,000,000 / 10,000 under ${fmt(TARGET_SWEEP_MS)} ms   ${mark(main.ms < TARGET_SWEEP_MS)}; the time should follow the overdue column, not the reports column`);
}
