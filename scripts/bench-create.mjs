// Reports bench, part 1: reports.create through the real local host (its own process) at 64 concurrent
// keep-alive clients, beside the same rows inserted straight into SQLite through the store.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
// The project's TypeScript is CommonJS: take each module's exports object, then its names.
import sqliteMod from '../cloudfunctions/lib/store/sqlite/index.ts';
import depsMod from '../cloudfunctions/lib/deps.ts';
import factoriesMod from '../tests/support/factories.ts';
import { root, env, work, children, fmt, mark, pct } from './bench-kit.mjs';

const { openSqliteStore } = sqliteMod;
const { randomIds } = depsMod;
const { report: factoryReport } = factoriesMod;

const CLIENTS = env('JINLIN_BENCH_CLIENTS', 64);
const MAX_REQUESTS = env('JINLIN_BENCH_REQUESTS', 20_000);
const MAX_SECONDS = env('JINLIN_BENCH_SECONDS', 10);
const WARMUP = 1_000;
const TARGET_RPS = 1_500;
const TARGET_P99_MS = 50;
const PROFILE = process.env.JINLIN_BENCH_PROFILE === '1';

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
  // One after another: sign-ins from one address in flight at once count against its lock (sign-in-lock.ts).
  const out = [];
  for (let i = 0; i < CLIENTS; i++) {
    const unit = buildings[i % buildings.length];
    const p = await call(base, 'people', 'create', { name: `压测居民${i + 1}`, username: `bench${stamp}${i}`, password: 'bench-pass-1' }, staff);
    await call(base, 'units', 'bind', { unitId: unit.id, personId: p.id, role: 'resident' }, staff);
    const token = (await call(base, 'auth', 'signIn', { username: `bench${stamp}${i}`, password: 'bench-pass-1' })).token;
    out.push({ token, unitId: unit.id });
  }
  return out;
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

export async function benchCreate() {
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
export async function benchDirect(count, httpRps) {
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
