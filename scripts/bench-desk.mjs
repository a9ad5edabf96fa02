// `npm run bench`, part 3 (run as `node --import tsx scripts/bench-desk.mjs`): the management page's
// dashboard for a community with 200,000 reports, timed at the server (the management action through
// dispatch, as the local host and the cloud function run it), on SQLite. Target: under 300 ms. Then
// the report desk's text search (the index of sqlite/report-search.ts) for queries of 1, 2, 3 and 4+
// characters, common and rare, each against the LIKE scan it replaces. Target: under 100 ms.
// The database is built once and kept under <tmp>/jinlin-bench-cache (keyed by schema version and
// size), so reruns skip the build.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sqliteMod from '../cloudfunctions/lib/store/sqlite/index.ts';
import migrationsMod from '../cloudfunctions/lib/store/sqlite/migrations/index.ts';
import depsMod from '../cloudfunctions/lib/deps.ts';
import seedMod from '../cloudfunctions/lib/seed/demo.ts';
import syntheticMod from '../cloudfunctions/lib/seed/reports.ts';
import dispatchMod from '../cloudfunctions/lib/functions.ts';
import authMod from '../cloudfunctions/lib/actions/auth.ts';

const { openSqliteStore } = sqliteMod;
const { MIGRATIONS } = migrationsMod;
const { makeDeps, silentLogger } = depsMod;
const { seedDemo } = seedMod;
const { syntheticReports } = syntheticMod;
const { dispatch } = dispatchMod;
const { DEMO_PASSWORD } = authMod;

const REPORTS = process.env.JINLIN_BENCH_DESK_REPORTS ? Number(process.env.JINLIN_BENCH_DESK_REPORTS) : 200_000;
const TARGET_MS = 300;
const SEARCH_TARGET_MS = 100;
const RUNS = 9;
const NOW = Date.parse('2026-11-23T09:00:00+08:00');
const clock = { now: () => NOW };

const cache = path.join(tmpdir(), 'jinlin-bench-cache');
const version = Math.max(...MIGRATIONS.map((m) => m.version));
const cached = path.join(cache, `desk-v${version}-${MIGRATIONS.length}-${REPORTS}.db`);
const work = mkdtempSync(path.join(tmpdir(), 'jinlin-bench-desk-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

async function build(file) {
  const store = openSqliteStore(file);
  const deps = makeDeps(store, { clock, log: silentLogger });
  await seedDemo(deps, { residents: 2_000 });
  const units = await store.units.listSubtree('/');
  const handlers = new Map();
  for (const username of ['louzhang', 'wuye', 'shequ', 'jiedao']) {
    const p = await store.people.findByUsername(username);
    for (const b of await store.bindings.listForPerson(p.id)) handlers.set(b.unitId, p.id);
  }
  const started = Date.now();
  const batch = 10_000;
  for (let from = 0; from < REPORTS; from += batch) {
    const made = syntheticReports({ units, count: Math.min(batch, REPORTS - from), now: NOW, days: 730, seed: 1000 + from, handlers, idPrefix: `rep_b${from}_`, noTimeline: true });
    for (const { report, entries } of made) await store.reports.insert(report, entries);
  }
  await store.close();
  return Date.now() - started;
}

if (!existsSync(cached)) {
  mkdirSync(cache, { recursive: true });
  // Databases of older schema versions are of no further use.
  for (const f of readdirSync(cache)) if (f.startsWith('desk-v') && f.endsWith(`-${REPORTS}.db`)) rmSync(path.join(cache, f), { force: true });
  const tmp = path.join(work, 'build.db');
  process.stdout.write(`building a community with ${fmt(REPORTS)} reports (kept in ${cache})… `);
  const ms = await build(tmp);
  console.log(`${fmt(ms / 1000, 1)} s`);
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(tmp);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(tmp, `${cached}.part`);
  renameSync(`${cached}.part`, cached);
}
const file = path.join(work, 'desk.db');
copyFileSync(cached, file);

const store = openSqliteStore(file);
const deps = makeDeps(store, { clock, log: silentLogger });
const call = (fn, action, data, cred = {}) => dispatch(deps, fn, { action, data }, cred);
const signIn = await call('auth', 'signIn', { username: 'shequ', password: DEMO_PASSWORD });
const cred = { token: signIn.data.token };

let lastMedian = 0;
async function time(label, fn, target) {
  await fn(); // warm: statements prepared, pages cached, as on a running server
  const samples = [];
  let result;
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    result = await fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(RUNS / 2)];
  lastMedian = median;
  const mark = target === undefined ? '' : median <= target ? ' ok' : ' MISSED';
  console.log(`  ${label.padEnd(44)} ${fmt(median, 1).padStart(8)} ms median, ${fmt(samples[RUNS - 1], 1).padStart(8)} ms max${mark}`);
  return result;
}

const total = await store.reports.count({ path: '/' });
console.log(`management page on SQLite: a community with ${fmt(total)} reports (median of ${RUNS} after one warm-up)`);
const d = await time('desk.dashboard (this month + 12 months)', () => call('management', 'dashboard', {}, cred), TARGET_MS);
if (!d.ok) throw new Error(`dashboard failed: ${d.code} ${d.message}`);
console.log(`    open ${fmt(d.data.totals.open.value)}, overdue ${fmt(d.data.totals.overdue.value)}, this month ${fmt(d.data.thisMonth.reports.value)} reports, on-time ${fmt((d.data.thisMonth.onTimeRate.rate ?? 0) * 100, 1)} %`);
await time('desk.list (open, by deadline, first 50)', () => call('management', 'list', { filter: { unitId: d.data.unit.id, statuses: ['submitted', 'responded'] } }, cred));
await time('desk.agenda (2026-11-23)', () => call('management', 'agenda', { date: '2026-11-23' }, cred));
console.log(`target: the dashboard under ${TARGET_MS} ms at the server`);

// The desk's text search: the whole community, first page by deadline, with its total. The synthetic
// reports repeat 22 descriptions, so every word in them is in 2 % of the reports or more; the rare
// queries are words no report holds and parts of report ids.
const anId = (await store.reportQueries.list({ path: d.data.unit.path, now: NOW }, 'createdAt', 1, 123_456))[0].id;
const SEARCHES = [
  ['1 character, common', '楼'],
  ['1 character, rare', '鑫'],
  ['2 characters, common', '电梯'],
  ['2 characters, rare', '鑫苑'],
  ['3 characters, common', '电梯停'],
  ['3 characters, rare', anId.slice(-3)],
  ['4+ characters, common', '路灯坏了一个星期'],
  ['4+ characters, rare (a report id)', anId],
  ['4+ characters, in every report', '来电居民'],
];
console.log(`\ndesk.list with a text search over the community (first 50 by deadline, with the total), median of ${RUNS}`);
let searchMissed = 0;
for (const [label, q] of SEARCHES) {
  const r = await time(`${label}: ${q}`, () => call('management', 'list', { filter: { unitId: d.data.unit.id, q } }, cred), SEARCH_TARGET_MS);
  if (!r.ok) throw new Error(`search ${q} failed: ${r.code} ${r.message}`);
  if (r.data.total > 0 && !r.data.rows.length) throw new Error(`search ${q}: a total without rows`);
  console.log(`    ${fmt(r.data.total)} reports match (${fmt((100 * r.data.total) / total, 1)} %)`);
  if (lastMedian > SEARCH_TARGET_MS) searchMissed++;
}
// For scale, once: the scan the index replaced, which read every report (the desk ran it twice, for the page and the total).
const Database = (await import('better-sqlite3')).default;
const raw = new Database(file, { readonly: true });
const scan = process.hrtime.bigint();
const scanned = raw.prepare("SELECT count(*) AS n FROM reports WHERE search_text LIKE '%电梯%'").get().n;
console.log(`  before the index: counting 电梯 by LIKE took ${fmt(Number(process.hrtime.bigint() - scan) / 1e6)} ms (${fmt(scanned)} reports)`);
raw.close();
console.log(`target: every search under ${SEARCH_TARGET_MS} ms at the server${searchMissed ? ` (${searchMissed} missed)` : ''}`);
await store.close();
