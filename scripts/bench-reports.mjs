// `npm run bench`, part 2 (run as `node --import tsx scripts/bench-reports.mjs`): figures for reports,
// not pass/fail tests.
//  1. reports.create through the real local host (its own process) at 64 concurrent keep-alive
//     clients, beside the same rows inserted straight into SQLite through the store.
//  2. The timer's sweep over a big table: its work must follow the overdue count, not the total.
// Temp files and the server process are removed on exit; the sweep's source databases are kept
// under <tmp>/jinlin-bench-cache (keyed by schema version) so reruns skip the build.
// JINLIN_BENCH_PROFILE=1 runs the server with --cpu-prof and prints its top self-time functions.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
// The project's TypeScript is CommonJS: take each module's exports object, then its names.
import sqliteMod from '../cloudfunctions/lib/store/sqlite/index.ts';
import migrationsMod from '../cloudfunctions/lib/store/sqlite/migrations.ts';
import reportColumnsMod from '../cloudfunctions/lib/store/sqlite/report-columns.ts';
import depsMod from '../cloudfunctions/lib/deps.ts';
import photosMod from '../cloudfunctions/lib/ports/photos.ts';
import seedMod from '../cloudfunctions/lib/seed/demo.ts';
import sweepMod from '../cloudfunctions/lib/jobs/sweep.ts';
import routingMod from '../cloudfunctions/lib/actions/reports/routing.ts';
import coreMod from '../src/core/index.ts';
import factoriesMod from '../tests/support/factories.ts';

const { openSqliteStore } = sqliteMod;
const { MIGRATIONS } = migrationsMod;
const { deskColumns, DESK_INSERT_COLUMNS, DESK_INSERT_VALUES } = reportColumnsMod;
const { makeDeps, randomIds, silentLogger } = depsMod;
const { localPhotos } = photosMod;
const { seedDemo } = seedMod;
const { sweep } = sweepMod;
const { routeFrom } = routingMod;
const { createReport, DEFAULT_POLICY, findCategory, officialCalendar } = coreMod;
const { report: factoryReport } = factoriesMod;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = (k, d) => (process.env[k] ? Number(process.env[k]) : d);

const CLIENTS = env('JINLIN_BENCH_CLIENTS', 64);
const MAX_REQUESTS = env('JINLIN_BENCH_REQUESTS', 20_000);
const MAX_SECONDS = env('JINLIN_BENCH_SECONDS', 10);
const WARMUP = 1_000;
const TARGET_RPS = 1_500;
const TARGET_P99_MS = 50;
const TARGET_SWEEP_MS = 2_000;
const PROFILE = process.env.JINLIN_BENCH_PROFILE === '1';

const work = mkdtempSync(path.join(tmpdir(), 'jinlin-bench-'));
const children = new Set();
let cleaned = false;
function cleanup() {
  if (cleaned) return;
  cleaned = true;
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
}
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => (cleanup(), process.exit(130)));

const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const mark = (ok) => (ok ? 'ok' : 'MISSED');
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

// ---------------------------------------------------------------- 1. create over HTTP

function startServer(dbFile) {
  const args = ['--import', 'tsx'];
  const profDir = path.join(work, 'prof');
  if (PROFILE) args.push('--cpu-prof', `--cpu-prof-dir=${profDir}`);
  args.push(path.join(root, 'server/main.ts'));
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      JINLIN_SKIP_BUILD: '1',
      JINLIN_PORT: '0',
      JINLIN_HOST: '127.0.0.1',
      JINLIN_DB: dbFile,
      JINLIN_DEMO: '1',
      JINLIN_DEMO_RESIDENTS: '2000',
      JINLIN_TIMER_MINUTES: '1440',
      JINLIN_TEST_CLOCK: '',
    },
  });
  children.add(child);
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const ready = new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /(http:\/\/[\d.]+:\d+)\//.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before it was ready\n${out}\n${err}`)));
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.on('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { child, ready, stop, profDir, stderr: () => err };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

function post(base, fn, body, token) {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}/api/${fn}`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString()) });
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function call(base, fn, action, data, token) {
  const r = await post(base, fn, { action, data }, token);
  if (!r.body.ok) throw new Error(`${fn}.${action}: ${r.body.code} ${r.body.message}`);
  return r.body.data;
}

/** One resident per client, each bound to a building of 幸福里小区 (created by staff through the API). */
async function residents(base) {
  const staff = (await call(base, 'auth', 'signIn', { username: 'shuji', password: 'demo1234' })).token;
  const { units } = await call(base, 'units', 'tree', {}, staff);
  const compound = units.find((u) => u.kind === 'compound' && u.name === '幸福里小区');
  const buildings = units.filter((u) => u.kind === 'building' && u.path.startsWith(compound.path));
  const stamp = Date.now().toString(36);
  return Promise.all(
    Array.from({ length: CLIENTS }, async (_, i) => {
      const unit = buildings[i % buildings.length];
      const p = await call(base, 'people', 'create', { name: `压测居民${i + 1}`, username: `bench${stamp}${i}`, password: 'bench-pass-1' }, staff);
      await call(base, 'units', 'bind', { unitId: unit.id, personId: p.id, role: 'resident' }, staff);
      const token = (await call(base, 'auth', 'signIn', { username: `bench${stamp}${i}`, password: 'bench-pass-1' })).token;
      return { token, unitId: unit.id };
    }),
  );
}

/** `count` creates (or until `seconds` pass) from one keep-alive connection per client. */
async function load(base, clients, count, seconds, tag) {
  const latencies = [];
  const status = new Map();
  let sent = 0;
  let ok = 0;
  let created = 0;
  let errors = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    clients.map(async (c, i) => {
      let n = 0;
      while (sent < count && Date.now() < deadline) {
        sent++;
        const body = {
          action: 'create',
          data: { clientRequestId: `${tag}-${i}-${++n}-${randomIds.next('r')}`, unitId: c.unitId, category: 'noise', description: `楼上半夜有噪音，第 ${n} 次反映，影响休息` },
        };
        const t = process.hrtime.bigint();
        try {
          const r = await post(base, 'reports', body, c.token);
          latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
          status.set(r.status, (status.get(r.status) ?? 0) + 1);
          if (r.status === 200) {
            ok++;
            if (r.body.data.created) created++;
          } else errors++;
        } catch {
          errors++;
        }
      }
    }),
  );
  const seconds_ = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return { sent, ok, created, errors, status, seconds: seconds_, latencies };
}

/** Top self time, and the time inside each of our own functions (with what they call), from a .cpuprofile. */
function summariseProfile(dir) {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')) : [];
  if (files.length === 0) return console.log('  (no CPU profile was written)');
  const prof = JSON.parse(readFileSync(path.join(dir, files[0]), 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n) => {
    const cf = n.callFrame;
    const file = cf.url.replace(/^file:\/\//, '').replace(/^.*node_modules\//, '').replace(root + '/', '');
    return `${cf.functionName || '(anonymous)'}${file ? `  ${file}` : ''}`;
  };
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  let idle = 0;
  for (let i = 0; i < prof.samples.length; i++) {
    const dt = prof.timeDeltas[i] ?? 0;
    const n = byId.get(prof.samples[i]);
    total += dt;
    if (n.callFrame.functionName === '(idle)') idle += dt;
    self.set(label(n), (self.get(label(n)) ?? 0) + dt);
    const seen = new Set();
    for (let id = n.id; id !== undefined; id = parent.get(id)) {
      const m = byId.get(id);
      if (!m.callFrame.url.includes(`${root}/`) || m.callFrame.url.includes('node_modules')) continue;
      const key = label(m);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
    }
  }
  const busy = total - idle;
  const show = (map, n) => [...map].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `    ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${k}`).join('\n');
  console.log(`  server CPU profile (whole server life, start-up and demo seeding included): ${fmt(busy / 1000)} ms busy of ${fmt(total / 1000)} ms`);
  console.log(`  top self time (share of busy time):\n${show(self, 20)}`);
  console.log(`  our functions, time inside them and what they call:\n${show(inclusive, 20)}`);
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuSeconds(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

async function benchCreate() {
  const dbFile = path.join(work, 'http', 'jinlin.db');
  mkdirSync(path.dirname(dbFile), { recursive: true });
  const server = startServer(dbFile);
  const base = await server.ready;
  const clients = await residents(base);
  const warm = await load(base, clients, WARMUP, 30, 'warm');
  const cpu0 = [cpuSeconds(server.child.pid), process.cpuUsage()];
  const run = await load(base, clients, MAX_REQUESTS, MAX_SECONDS, 'run');
  const serverCpu = (cpuSeconds(server.child.pid) - cpu0[0]) / run.seconds;
  const own = process.cpuUsage(cpu0[1]);
  const clientCpu = (own.user + own.system) / 1e6 / run.seconds;
  await server.stop();
  children.delete(server.child);
  agent.destroy();

  const db = new Database(dbFile, { readonly: true });
  const rows = db.prepare('SELECT count(*) AS n FROM reports').get().n;
  db.close();
  const rps = run.ok / run.seconds;
  const [p50, p95, p99] = [50, 95, 99].map((p) => pct(run.latencies, p));
  const codes = [...run.status].map(([s, n]) => `${s}×${fmt(n)}`).join(' ');
  console.log(`reports.create over HTTP (local host in its own process, ${CLIENTS} keep-alive clients, ${CLIENTS} residents of 幸福里小区, 2,000 demo residents)`);
  console.log(`  ${fmt(run.sent)} requests in ${run.seconds.toFixed(2)} s (after ${fmt(warm.sent)} warm-up requests): ${codes}, errors ${fmt(run.errors + warm.errors)}`);
  console.log(`  throughput  ${fmt(rps).padStart(8)} reports/s   target ≥ ${fmt(TARGET_RPS)}   ${mark(rps >= TARGET_RPS)}`);
  console.log(`  latency     p50 ${p50.toFixed(1)} ms · p95 ${p95.toFixed(1)} ms · p99 ${p99.toFixed(1)} ms   target p99 < ${TARGET_P99_MS} ms   ${mark(p99 < TARGET_P99_MS)}`);
  const answered = warm.ok + run.ok;
  console.log(`  CPU during the run: server ${fmt(100 * serverCpu)} % of a core, load generator ${fmt(100 * clientCpu)} % (2 cores in all)`);
  console.log(`  rows in reports: ${fmt(rows)} · 200 answers: ${fmt(answered)} (created: ${fmt(warm.created + run.created)})   ${rows === answered ? 'ok' : 'MISMATCH'}`);
  const logged = server.stderr().trim();
  if (logged) console.log(`  the server wrote to stderr:\n${logged.slice(0, 2000)}`);
  if (PROFILE) summariseProfile(server.profDir);
  else console.log('  (JINLIN_BENCH_PROFILE=1 npm run bench adds the server\'s CPU profile)');
  return { count: run.ok, rps };
}

/** The same number of rows, straight into SQLite through the store: one autocommitted insert each. */
async function benchDirect(count, httpRps) {
  const store = openSqliteStore(path.join(work, 'direct.db'));
  const u = { id: 'bld_bench', path: '/str_bench/com_bench/cpd_bench/bld_bench/' };
  const made = Array.from({ length: count }, (_, i) => factoryReport(u, { createdBy: `per_bench${i % CLIENTS}` }));
  const t = process.hrtime.bigint();
  for (const { report, entries } of made) await store.reports.insert(report, entries);
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  await store.close();
  const rps = count / s;
  console.log(`  same ${fmt(count)} rows straight into SQLite (store.reports.insert, autocommit each): ${s.toFixed(2)} s, ${fmt(rps)} reports/s · HTTP reaches ${((100 * httpRps) / rps).toFixed(1)} % of it (1 : ${(rps / httpRps).toFixed(1)})`);
  // Again with as many writers at once as there are HTTP clients: the store then commits the
  // inserts that arrive together as one group, as it does under the HTTP load.
  const store64 = openSqliteStore(path.join(work, 'direct-concurrent.db'));
  const again = made.map(({ report, entries }) => ({ report: { ...report, id: `${report.id}c` }, entries: entries.map((e) => ({ ...e, id: `${e.id}c`, reportId: `${report.id}c` })) }));
  let next = 0;
  const t2 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (next < again.length) {
      const x = again[next++];
      await store64.reports.insert(x.report, x.entries);
    }
  }));
  const s2 = Number(process.hrtime.bigint() - t2) / 1e9;
  await store64.close();
  const rps2 = count / s2;
  console.log(`  same rows, ${CLIENTS} writers at once (group commit): ${s2.toFixed(2)} s, ${fmt(rps2)} reports/s · HTTP reaches ${((100 * httpRps) / rps2).toFixed(1)} % of it (1 : ${(rps2 / httpRps).toFixed(1)})`);
}

// ---------------------------------------------------------------- 2. the sweep

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
    left = (await store.reports.listDue(now, 10)).length;
    await store.close();
  } finally {
    putBack();
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
  }
  return { total, overdue, ms, res, built, buildMs, size, left };
}

async function benchSweep() {
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

const ONLY = process.env.JINLIN_BENCH_ONLY; // 'create' or 'sweep' to run one part
try {
  if (ONLY !== 'sweep') {
    const { count, rps } = await benchCreate();
    await benchDirect(count, rps);
  }
  if (!ONLY) console.log('');
  if (ONLY !== 'create') await benchSweep();
} catch (e) {
  console.error(e instanceof Error ? e.stack : e);
  process.exitCode = 1;
} finally {
  cleanup();
}
