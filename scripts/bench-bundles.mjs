// `npm run bench -- bundles` (run as `node --import tsx scripts/bench-bundles.mjs`): each cloud
// function's bundle, dist/cloudfunctions/<name>/index.js, as a resident's first tap after the
// function went cold pays for it: its size, and the time from `require` to the answer of its first
// call, in a fresh node process per sample (median of 7). Targets: at most 1 MB and 150 ms.
//
// The first call is the cloud's own path: the CloudBase store over node-sdk, whose requests go
// over loopback HTTP to an in-process answerer of the CloudBase database API (tests/support/tcb,
// the one the bundled-function tests use), with the environment the platform injects. Mini-program
// functions are called as WeChat calls them (the OPENID in the context), the management
// functions as its HTTP access calls them (a session token), the timer with a timer event and
// nothing due.
// JINLIN_BENCH_DIST=<dir> measures bundles built elsewhere (e.g. an older commit) against the same data;
// JINLIN_BENCH_ONLY=auth,units measures those functions only; JINLIN_BENCH_NODE_ARGS='--cpu-prof' profiles them;
// JINLIN_BENCH_TRACE=1 lists each first call's database requests, in order.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import tcb from '@cloudbase/node-sdk';
import tcbMod from '../tests/support/tcb/index.ts';
import httpMod from '../tests/support/tcb/http.ts';
import cloudbaseMod from '../cloudfunctions/lib/store/cloudbase/index.ts';
import depsMod from '../cloudfunctions/lib/deps.ts';
import seedMod from '../cloudfunctions/lib/seed/demo.ts';
import authMod from '../cloudfunctions/lib/actions/auth.ts';
import functionsMod from '../cloudfunctions/lib/functions.ts';
import registryMod from '../cloudfunctions/lib/timer/registry.ts';
import runnerMod from '../cloudfunctions/lib/timer/runner.ts';

const { TcbAnswerer } = tcbMod;
const { serveAnswerer } = httpMod;
const { COLLECTIONS, ensureCollections, openCloudbaseStore } = cloudbaseMod;
const { makeDeps, silentLogger } = depsMod;
const { seedDemo } = seedMod;
const { DEMO_PASSWORD } = authMod;
const { dispatch } = functionsMod;
const { TIMER_JOBS } = registryMod;
const { runJobs } = runnerMod;

const root = path.resolve(import.meta.dirname, '..');
const dist = process.env.JINLIN_BENCH_DIST ? path.resolve(process.env.JINLIN_BENCH_DIST) : path.join(root, 'dist/cloudfunctions');
const SIZE_TARGET = 1024 * 1024;
const MS_TARGET = 150;
const SAMPLES = 7;
const ENV = 'bench-env';
const RESIDENT_OPENID = 'o-bench-resident';

const answerer = new TcbAnswerer();
const server = await serveAnswerer(answerer);
// What the CloudBase runtime injects into every function instance; without the SCF markers
// node-sdk probes metadata.tencentyun.com to learn where it runs.
const platformEnv = {
  TENCENTCLOUD_RUNENV: 'SCF',
  TENCENTCLOUD_REGION: 'ap-shanghai',
  SCF_NAMESPACE: ENV,
  TCB_CONTEXT_CNFG: JSON.stringify({ URL: server.url }),
  TENCENTCLOUD_SECRETID: 'bench-id',
  TENCENTCLOUD_SECRETKEY: 'bench-key',
  TCB_ENV: ENV,
};
Object.assign(process.env, platformEnv);

// The demo data, a resident registered from WeChat, a signed-in community secretary.
const app = tcb.init({ env: ENV, secretId: 'bench-id', secretKey: 'bench-key' });
await ensureCollections(app);
for (const c of COLLECTIONS) for (const idx of c.indexes) answerer.createIndex(c.name, idx);
const store = openCloudbaseStore(app);
const deps = makeDeps(store, { log: silentLogger });
await seedDemo(deps, { residents: 20 });
const jumin = await store.people.findByUsername('jumin');
await store.people.insert({ ...jumin, id: 'per_bench_wx', username: null, openid: RESIDENT_OPENID, name: '微信居民' }, null);
const building = (await store.bindings.listForPerson(jumin.id))[0];
await store.bindings.insert({ ...building, id: 'bnd_bench_wx', personId: 'per_bench_wx' });
const signIn = await dispatch(deps, 'auth', { action: 'signIn', data: { username: 'shuji', password: DEMO_PASSWORD } }, {});
if (!signIn.ok) throw new Error(`cannot sign in the secretary: ${signIn.code}`);
const token = signIn.data.token;
const community = signIn.data.me.bindings[0].unit.id;
// Whatever the demo data left due is done now, so each timed timer run has nothing due.
await runJobs(TIMER_JOBS, deps, { owner: 'bench-warm-up' });

const wechat = { request_id: 'bench', environment: JSON.stringify({ WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID', WX_OPENID: RESIDENT_OPENID, WX_APPID: 'wx-bench', WX_UNIONID: '' }) };
const web = (action, data = {}) => ({
  event: { httpMethod: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ action, data }) },
  context: { request_id: 'bench' },
  what: `${action} (web, token)`,
});
const mini = (action, data = {}) => ({ event: { action, data }, context: wechat, what: `${action} (WeChat resident)` });
const timer = { event: { Type: 'Timer', TriggerName: 'every5min', Time: new Date().toISOString() }, context: { request_id: 'bench' }, what: 'timer run, nothing due' };

/**
 * A cheap first call per function: what a resident's first tap does, and for the management
 * functions (which have no public actions) a signed-in staff member's lightest read.
 */
const FIRST_CALL = {
  auth: mini('whoAmI'),
  reports: mini('categories'),
  messages: mini('list'),
  units: web('bindings', { unitId: community }),
  people: web('search', { q: '李', limit: 1 }),
  management: web('settings', { communityId: community }),
  timer,
  // Bundles of older builds, for before-and-after figures.
  deadlines: timer,
};

const CHILD = `
const c0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
const { main } = require(process.env.BENCH_FILE);
const t1 = process.hrtime.bigint();
const call = JSON.parse(process.env.BENCH_CALL);
main(call.event, call.context).then((r) => {
  const t2 = process.hrtime.bigint();
  const c = process.cpuUsage(c0);
  const body = r && typeof r.statusCode === 'number' ? JSON.parse(r.body) : r;
  process.stdout.write(JSON.stringify({ require: Number(t1 - t0) / 1e6, total: Number(t2 - t0) / 1e6, cpu: (c.user + c.system) / 1e3, ok: !!body && body.ok === true, code: body && body.code }));
  process.exit(0);
}, (e) => { process.stdout.write(JSON.stringify({ ok: false, code: String(e) })); process.exit(0); });
`;

const run = promisify(execFile);
const env = { ...process.env, ...platformEnv };
delete env.JINLIN_STORE;

async function sample(file, call) {
  // Asynchronous: this process answers the child's database requests meanwhile.
  const { stdout } = await run(process.execPath, [...(process.env.JINLIN_BENCH_NODE_ARGS?.split(' ') ?? []), '-e', CHILD], { env: { ...env, BENCH_FILE: file, BENCH_CALL: JSON.stringify(call) } });
  return JSON.parse(stdout);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mark = (ok) => (ok ? 'ok  ' : 'OVER');

console.log(`cloud function bundles (${path.relative(root, dist) || dist}/<name>/index.js), median of ${SAMPLES} fresh processes`);
console.log('  first call: CloudBase store over node-sdk, answered in-process over loopback HTTP');
// Wall time is the target; the child's CPU time shows how much of it was other work on the machine.
console.log(`  load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores (wall time suffers above about 1)`);
console.log(`  ${'function'.padEnd(10)} ${'size'.padStart(10)}      ${'require'.padStart(9)} ${'+ first call'.padStart(12)}      ${'(cpu)'.padStart(8)} ${'db'.padStart(4)}  first call (db: its database requests)`);
let failures = 0;
const only = process.env.JINLIN_BENCH_ONLY?.split(',');
for (const name of readdirSync(dist).filter((d) => existsSync(path.join(dist, d, 'index.js')) && (!only || only.includes(d))).sort()) {
  const file = path.join(dist, name, 'index.js');
  const size = statSync(file).size;
  const call = FIRST_CALL[name] ?? { event: { action: 'none' }, context: {}, what: 'no first call known: an unknown action' };
  const samples = [];
  const before = server.requests();
  const logged = answerer.log.length;
  for (let i = 0; i < SAMPLES; i++) samples.push(await sample(file, call));
  const trace = process.env.JINLIN_BENCH_TRACE ? answerer.log.slice(logged, logged + (answerer.log.length - logged) / SAMPLES) : [];
  const requests = (server.requests() - before) / SAMPLES;
  const failed = samples.find((s) => !s.ok);
  if (failed) failures++;
  const req = median(samples.map((s) => s.require ?? NaN));
  const total = median(samples.map((s) => s.total ?? NaN));
  const cpu = median(samples.map((s) => s.cpu ?? NaN));
  console.log(
    `  ${name.padEnd(10)} ${(size / 1024 / 1024).toFixed(2).padStart(7)} MB ${mark(size <= SIZE_TARGET)} ${req.toFixed(1).padStart(6)} ms ${total.toFixed(1).padStart(9)} ms ${mark(total <= MS_TARGET)} ${cpu.toFixed(0).padStart(5)} ms ${String(requests).padStart(4)}  ${call.what}${failed ? `  ✗ answered ${failed.code}` : ''}`,
  );
  for (const { action, params } of trace) console.log(`${' '.repeat(14)}${action.replace(/^database\./, '')} ${params.collectionName ?? ''}`);
}
// Bundled beside a function and required on first use only (desk: exceljs for the ledger and imports;
// node-sdk's ON_FIRST_USE parts in config/build-functions.mjs).
const beside = new Map();
for (const name of readdirSync(dist)) {
  const lazy = path.join(dist, name, 'node_modules');
  if (!existsSync(lazy)) continue;
  for (const pkg of readdirSync(lazy)) {
    const file = path.join(lazy, pkg, 'index.js');
    if (!existsSync(file)) continue;
    const entry = beside.get(pkg) ?? { size: statSync(file).size, functions: [] };
    entry.functions.push(name);
    beside.set(pkg, entry);
  }
}
// Grouped by the functions that carry them: node-sdk's parts travel beside every function.
const groups = new Map();
for (const [pkg, { size, functions }] of beside) {
  const key = functions.length > 2 ? `beside ${functions.length} functions` : `beside ${functions.join(', ')}`;
  groups.set(key, [...(groups.get(key) ?? []), `${pkg} ${(size / 1024 / 1024).toFixed(2)} MB`]);
}
for (const [where, pkgs] of groups) console.log(`  + ${where}, required on first use only: ${pkgs.join(', ')}`);
console.log(`targets: at most ${SIZE_TARGET / 1024 / 1024} MB and ${MS_TARGET} ms for require plus the first call`);
await server.close();
await store.close();
process.exitCode = failures ? 1 : 0;
