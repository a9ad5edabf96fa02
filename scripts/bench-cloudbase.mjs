// `npm run bench -- cloudbase` (run as `node --import tsx scripts/bench-cloudbase.mjs [delay ms] [part…]`): the
// CloudBase store as the real service would make it run. The in-process CloudBase database the tests
// use (tests/support/tcb: the unmodified node-sdk, its requests answered by mingo) answers at once;
// here every request waits a fixed delay first (20 ms unless given: `npm run bench -- cloudbase 35`,
// or JINLIN_BENCH_TCB_DELAY_MS), a model of a function's round trip to the database in its region.
// WeChat's subscribeMessage.send is modelled as one more such request. Figures, not tests; each part
// runs alone when named (`npm run bench -- cloudbase imports`), all three in this order when none is:
//   sweep      the timer's runs over 5,000 due reports, each run within the timer function's timeout
//              as the registry gives it; the backlog must clear, in one run or resumed by the next
//   imports    an import of 20,000 residents through the job: upload, preview, commit, continue until
//              done, each call within the management function's timeout (time, chunks; bench-cloudbase-imports.mjs)
//   dashboard  the management page's dashboard of a community with 20,000 reports, under 3 s
// MISSED marks a figure beyond its limit. Setting up (demo units and people, the reports) is done with
// no delay, and not timed.
import tcb from '@cloudbase/node-sdk';
import cloudbaseMod from '../cloudfunctions/lib/store/cloudbase/index.ts';
import depsMod from '../cloudfunctions/lib/deps.ts';
import seedMod from '../cloudfunctions/lib/seed/demo.ts';
import syntheticMod from '../cloudfunctions/lib/seed/reports.ts';
import routingMod from '../cloudfunctions/lib/actions/reports/routing.ts';
import notifierMod from '../cloudfunctions/lib/ports/notifier.ts';
import registryMod from '../cloudfunctions/lib/timer/registry.ts';
import runnerMod from '../cloudfunctions/lib/timer/runner.ts';
import timerEntryMod from '../cloudfunctions/lib/timer/entry.ts';
import dispatchMod from '../cloudfunctions/lib/functions.ts';
import authMod from '../cloudfunctions/lib/actions/auth.ts';
import atOnceMod from '../cloudfunctions/lib/at-once.ts';
import coreMod from '../src/core/index.ts';
import tcbSupportMod from '../tests/support/tcb/index.ts';
import { benchImports } from './bench-cloudbase-imports.mjs';

const { COLLECTIONS, ensureCollections, openCloudbaseStore } = cloudbaseMod;
const { makeDeps, silentLogger } = depsMod;
const { seedDemo } = seedMod;
const { syntheticReports } = syntheticMod;
const { routeFrom } = routingMod;
const { inAppNotifier, wechatNotifier } = notifierMod;
const { TIMER_JOBS, TIMER_TIMEOUT_MS } = registryMod;
const { runJobs, OVERRUN_GRACE_MS } = runnerMod;
const { TIMEOUT_MARGIN_MS } = timerEntryMod;
const { dispatch } = dispatchMod;
const { DEMO_PASSWORD } = authMod;
const { mapAtOnce } = atOnceMod;
const { createReport, DEFAULT_POLICY, findCategory, officialCalendar } = coreMod;
const { installAnswerer, TcbAnswerer } = tcbSupportMod;

const PARTS = ['sweep', 'imports', 'dashboard'];
const argv = process.argv.slice(2);
const delayArg = argv.find((a) => !PARTS.includes(a));
const DELAY_MS = Number(delayArg ?? process.env.JINLIN_BENCH_TCB_DELAY_MS ?? 20);
if (!Number.isFinite(DELAY_MS) || DELAY_MS < 0 || argv.filter((a) => !PARTS.includes(a)).length > 1) {
  console.error(`usage: bench-cloudbase.mjs [delay ms] [${PARTS.join('|')} …]; the delay must be a number of ms, got "${delayArg}"`);
  process.exit(2);
}
const asked = argv.filter((a) => PARTS.includes(a));
const parts = asked.length ? PARTS.filter((p) => asked.includes(p)) : PARTS;
const DUE = Number(process.env.JINLIN_BENCH_CLOUDBASE_DUE ?? 5_000);
const DASHBOARD_REPORTS = 20_000;
const DASHBOARD_TARGET_MS = 3_000;
/** The management function's timeout (cloudfunctions/management/config.json): a page must come back well inside it. */
const NOW = Date.parse('2026-11-23T09:00:00+08:00');
const DAY = 24 * 3600_000;
const SETUP_AT_ONCE = 20;

const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const mark = (ok) => (ok ? 'ok' : 'MISSED');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The answerer waits before it answers and after (one macrotask each way by default): half the delay each way.
const latency = {};
const answerer = new TcbAnswerer(latency);
installAnswerer(answerer);
const delay = (on) => {
  if (on && DELAY_MS > 0) latency.latencyMs = [DELAY_MS / 2, DELAY_MS / 2];
  else delete latency.latencyMs;
};
let requests = 0;
const send = answerer.send.bind(answerer);
answerer.send = (action, params) => {
  requests++;
  // The answerer keeps every request for tests to read; a bench of a few hundred thousand has no use for them.
  if (answerer.log.length > 10_000) answerer.log.length = 0;
  return send(action, params);
};
/**
 * The clock the figures are read on: the wall clock less the in-process database's own work
 * (matching, sorting and aggregating here, in this process; the real service does it elsewhere,
 * beside its indexes, and it is in the fixed delay). The timer's runs are given this clock too.
 */
const modelled = () => performance.now() - answerer.busyMs();

/**
 * A fresh environment: its own collections with the declared indexes, the demo units and people;
 * `call` dispatches to a function as its entry would. The clock stands at NOW unless one is given.
 */
async function environment(name, opts = {}) {
  delay(false);
  const prefix = `${name}_`;
  const app = tcb.init({ env: 'bench-env', secretId: 'x', secretKey: 'y' });
  await ensureCollections(app, { prefix });
  for (const c of COLLECTIONS) for (const idx of c.indexes) answerer.createIndex(prefix + c.name, idx);
  const store = openCloudbaseStore(app, { prefix });
  const clock = opts.clock ?? { now: () => NOW };
  const base = makeDeps(store, { clock, log: silentLogger, ...(opts.importFiles ? { importFiles: opts.importFiles } : {}) });
  // As entry.ts makes it: the in-app message, then a subscribe message for every kind (a template for
  // each), WeChat's send modelled as one request.
  const templates = new Proxy({}, { get: (_t, kind) => (typeof kind === 'string' ? { templateId: `tpl-${kind}`, data: { thing1: 'title', time2: 'time' } } : undefined) });
  const notifier = wechatNotifier({ inApp: inAppNotifier(store, clock, base.ids), store, clock, log: silentLogger, templates, send: () => sleep(DELAY_MS) });
  const deps = { ...base, notifier };
  await seedDemo(deps, { residents: 200 });
  const call = (fn, action, data, cred = {}) => dispatch(deps, fn, { action, data }, cred);
  return { store, deps, call };
}

async function benchSweep() {
  const { store, deps } = await environment('sweep');
  const units = await store.units.listSubtree('/');
  const buildings = units.filter((u) => u.kind === 'building');
  const community = units.find((u) => u.kind === 'community');
  const category = findCategory(DEFAULT_POLICY, 'noise');
  const residents = new Map();
  for (const b of buildings) residents.set(b.id, (await store.bindings.listForUnit(b.id)).find((x) => x.role === 'resident')?.personId ?? null);
  // Where reports.create put each: the real routing, filed 30 days ago and never answered, so every one is due to escalate.
  const at = NOW - 30 * DAY;
  const made = [];
  let events = 0;
  for (let i = 0; i < DUE; i++) {
    const b = buildings[i % buildings.length];
    const route = await routeFrom(deps, { unitPath: b.path }, category, category.entryLevel);
    const resident = residents.get(b.id) ?? null;
    const { report, entries } = createReport(
      { cal: officialCalendar, policy: DEFAULT_POLICY, now: at + (i % 3600) * 1000, actorId: resident, newId: () => `evt_bench_${i}_${++events}` },
      {
        id: `rep_bench_${String(i).padStart(5, '0')}`,
        clientRequestId: `bench-${i}`,
        residentId: resident,
        createdBy: resident ?? 'per_bench',
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
      route,
    );
    made.push({ report, entries });
  }
  await mapAtOnce(made, SETUP_AT_ONCE, ({ report, entries }) => store.reports.insert(report, entries));

  // The timer as CloudBase runs it: the whole registry, within the function's timeout less its margin, a run after another until the sweep has nothing more.
  const sweepJob = TIMER_JOBS.find((j) => j.name === 'sweep');
  const others = TIMER_JOBS.filter((j) => j !== sweepJob);
  delay(true);
  const runs = [];
  const t0 = modelled();
  const wall0 = performance.now();
  for (let i = 1; i <= 100; i++) {
    const before = requests;
    const started = modelled();
    const wall = performance.now();
    // The sweep (first in the registry) with the deadline runJobs would give it, on the modelled clock;
    // runJobs' own guard against a job that overruns waits on real timers, which the in-process
    // database's work would set off. Then the rest of the registry in what is left of the run.
    const owner = `bench-run-${i}`;
    const runEnds = started + TIMER_TIMEOUT_MS - TIMEOUT_MARGIN_MS;
    const result = await sweepJob.run(deps, { owner: `${owner}:sweep`, now: modelled, deadline: Math.min(started + sweepJob.budgetMs, runEnds - OVERRUN_GRACE_MS) });
    const sweepMs = modelled() - started;
    const rest = await runJobs(others, deps, { owner, timeoutMs: runEnds - modelled(), now: modelled });
    const ms = modelled() - started;
    runs.push({ ms, wallMs: performance.now() - wall, sweepMs, requests: requests - before, ...result, failed: rest.filter((r) => !r.ok).map((r) => r.name) });
    if (!result.more) break;
  }
  const total = modelled() - t0;
  const wallTotal = performance.now() - wall0;
  delay(false);
  const left = (await store.reports.claimDue(NOW, 10, 'bench-check', NOW + 1)).length;
  const escalated = runs.reduce((s, r) => s + r.escalated, 0);

  const budget = sweepJob.budgetMs;
  console.log(`sweep: ${fmt(DUE)} reports due to escalate, the timer's registry run after run (timeout ${fmt(TIMER_TIMEOUT_MS / 1000)} s, less ${fmt(TIMEOUT_MARGIN_MS / 1000)} s margin; the sweep's budget ${fmt(budget / 1000)} s)`);
  console.log(`  ${'run'.padStart(5)} ${'run time'.padStart(10)} ${'sweep'.padStart(10)} ${'escalated'.padStart(10)} ${'requests'.padStart(9)} ${'(wall)'.padStart(9)}  within the timeout`);
  for (const [i, r] of runs.entries())
    console.log(
      `  ${String(i + 1).padStart(5)} ${`${fmt(r.ms / 1000, 1)} s`.padStart(10)} ${`${fmt(r.sweepMs / 1000, 1)} s`.padStart(10)} ${fmt(r.escalated).padStart(10)} ${fmt(r.requests).padStart(9)} ${`${fmt(r.wallMs / 1000, 1)} s`.padStart(9)}  ${mark(r.ms <= TIMER_TIMEOUT_MS - TIMEOUT_MARGIN_MS && !r.failed.length)}${r.failed.length ? ` (${r.failed.join(', ')} failed)` : ''}${r.more ? ', resumes' : ''}`,
    );
  const cleared = escalated === DUE && left === 0;
  console.log(
    `  ${fmt(DUE)} reports in ${runs.length} run${runs.length > 1 ? 's' : ''}, ${fmt(total / 1000, 1)} s of work (${fmt((DUE / total) * 1000)} reports/s; ${fmt(wallTotal / 1000, 1)} s on the wall clock, the rest the in-process database's own work); the runs come 5 minutes apart, so the backlog clears ${runs.length > 1 ? `about ${fmt((runs.length - 1) * 5)} minutes after it is first seen` : 'in the first run'}   ${mark(cleared)}${cleared ? '' : ` — escalated ${fmt(escalated)}, ${left ? 'some still due' : ''}`}`,
  );
}

async function benchDashboard() {
  const { store, deps } = await environment('desk');
  const units = await store.units.listSubtree('/');
  const handlers = new Map();
  for (const username of ['louzhang', 'wuye', 'shequ', 'jiedao']) {
    const p = await store.people.findByUsername(username);
    for (const b of await store.bindings.listForPerson(p.id)) handlers.set(b.unitId, p.id);
  }
  const made = syntheticReports({ units, count: DASHBOARD_REPORTS, now: NOW, days: 730, seed: 7, handlers, idPrefix: 'rep_desk_', noTimeline: true });
  await mapAtOnce(made, SETUP_AT_ONCE, ({ report, entries }) => store.reports.insert(report, entries));
  const call = (fn, action, data, cred = {}) => dispatch(deps, fn, { action, data }, cred);
  const signIn = await call('auth', 'signIn', { username: 'shequ', password: DEMO_PASSWORD });
  const cred = { token: signIn.data.token };

  delay(true);
  const samples = [];
  let d;
  for (let i = 0; i < 3; i++) {
    const before = requests;
    const t = modelled();
    const wall = performance.now();
    d = await call('management', 'dashboard', {}, cred);
    samples.push({ ms: modelled() - t, wallMs: performance.now() - wall, requests: requests - before });
  }
  delay(false);
  if (!d.ok) throw new Error(`dashboard failed: ${d.code} ${d.message}`);
  const worst = Math.max(...samples.map((s) => s.ms));
  console.log(`dashboard: a community with ${fmt(DASHBOARD_REPORTS)} reports, as the community's staff open it (3 times)`);
  for (const s of samples) console.log(`  ${`${fmt(s.ms)} ms`.padStart(10)}  ${fmt(s.requests)} requests (${fmt(s.wallMs)} ms on the wall clock)`);
  console.log(`  open ${fmt(d.data.totals.open.value)}, overdue ${fmt(d.data.totals.overdue.value)}, this month ${fmt(d.data.thisMonth.reports.value)} reports`);
  console.log(`  target: under ${fmt(DASHBOARD_TARGET_MS / 1000)} s   ${mark(worst <= DASHBOARD_TARGET_MS)}`);
}

console.log(`CloudBase modelled: the in-process database, ${fmt(DELAY_MS)} ms a request (WeChat's send: one more); times are the wall clock less the in-process database's own work`);
const RUN = {
  sweep: benchSweep,
  imports: () => benchImports({ environment, delay, modelled, requests: () => requests, fmt, mark, NOW, DEMO_PASSWORD }),
  dashboard: benchDashboard,
};
for (const [i, part] of parts.entries()) {
  if (i > 0) console.log('');
  await RUN[part]();
}
