// `npm run bench -- lectures` (run as `node --import tsx scripts/bench-lectures.mjs`): a lecture of 100
// seats and 2,000 residents signing up at once, 64 clients at a time.
//  1. Over HTTP, through the real local host (its own process, on SQLite), each resident a WeChat
//     user (the X-Jinlin-Dev-Openid stand-in): exactly 100 confirmed, 1,900 waiting in arrival order,
//     and the rate (target at least 1,000 sign-ups/s).
//  2. The same on the CloudBase adapter through the in-process database (tests/support/tcb), through
//     dispatch as the cloud function runs it: exactly 100 confirmed, and its rate.
// Arrival order: a sign-up whose answer came back before another was sent holds the lower sequence
// number (the waiting list's order), every confirmed one is ahead of every waiting one, and each
// waiting answer's place is its rank on the list. JINLIN_BENCH_CLIENTS / _RESIDENTS / _SEATS change the case;
// JINLIN_BENCH_ONLY=http or cloudbase runs one part.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import tcb from '@cloudbase/node-sdk';
import sqliteMod from '../cloudfunctions/lib/store/sqlite/index.ts';
import cloudbaseMod from '../cloudfunctions/lib/store/cloudbase/index.ts';
import depsMod from '../cloudfunctions/lib/deps.ts';
import seedMod from '../cloudfunctions/lib/seed/demo.ts';
import dispatchMod from '../cloudfunctions/lib/functions.ts';
import authMod from '../cloudfunctions/lib/actions/auth.ts';
import tcbMod from '../tests/support/tcb/index.ts';
import { root, env, work, children, cleanup, fmt, mark, pct } from './bench-kit.mjs';

const { openSqliteStore } = sqliteMod;
const { COLLECTIONS, ensureCollections, openCloudbaseStore } = cloudbaseMod;
const { makeDeps, silentLogger } = depsMod;
const { seedDemo } = seedMod;
const { dispatch } = dispatchMod;
const { DEMO_PASSWORD } = authMod;
const { installAnswerer, TcbAnswerer } = tcbMod;

const CLIENTS = env('JINLIN_BENCH_CLIENTS', 64);
const RESIDENTS = env('JINLIN_BENCH_RESIDENTS', 2_000);
const SEATS = env('JINLIN_BENCH_SEATS', 100);
/** Sign-ups to another lecture first, so the server's code is warm when the clock starts. */
const WARMUP = Math.min(500, RESIDENTS);
const TARGET_RATE = 1_000;
const DAY = 24 * 3600_000;

const openidOf = (i) => `bench-lec-${i}`;
const personOf = (i) => `per_benchlec${String(i).padStart(5, '0')}`;

/** The demo tree and people, and RESIDENTS residents of 幸福里小区's buildings who sign in from WeChat. */
async function seed(store, clock) {
  const deps = makeDeps(store, { clock, log: silentLogger });
  await seedDemo(deps, { residents: 0 });
  const units = await store.units.listSubtree('/', {});
  const community = units.find((u) => u.kind === 'community');
  const compound = units.find((u) => u.kind === 'compound' && u.name === '幸福里小区');
  const buildings = units.filter((u) => u.kind === 'building' && u.path.startsWith(compound.path));
  let next = 0;
  const add = async () => {
    while (next < RESIDENTS) {
      const i = next++;
      const home = buildings[i % buildings.length];
      await store.people.insert({ id: personOf(i), name: `压测居民${i + 1}`, phone: null, username: null, openid: openidOf(i), demo: false, createdInUnitId: home.id, version: 1, createdAt: 0, updatedAt: 0 }, null);
      await store.bindings.insert({ id: `bnd_benchlec${i}`, personId: personOf(i), unitId: home.id, role: 'resident', createdAt: 0, createdBy: null });
    }
  };
  await Promise.all(Array.from({ length: 16 }, add));
  return { deps, community };
}

/** A published lecture of `seats` seats a week from `now`, open to the community, taking sign-ups now. */
function lectureInput(community, speakerId, now, title) {
  return {
    communityId: community.id,
    title,
    speakerId,
    description: '压测用的讲座',
    startsAt: now + 7 * DAY,
    endsAt: now + 7 * DAY + 2 * 3600_000,
    venue: '社区活动中心',
    capacity: SEATS,
    openTo: [community.id],
    signupFrom: now - 60_000,
    signupUntil: now + 6 * DAY,
    companionsAllowed: 0,
  };
}

/** `from`..`to` residents sign up for `lectureId` through `send`, CLIENTS at a time, each answer timed. */
async function signUpAll(send, lectureId, from, to) {
  const answers = [];
  let next = from;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < to) {
        const i = next++;
        const sent = Number(process.hrtime.bigint() - started) / 1e6;
        let r;
        try {
          r = await send(i, lectureId);
        } catch (e) {
          r = { ok: false, code: String(e?.message ?? e) };
        }
        answers.push({ i, sent, received: Number(process.hrtime.bigint() - started) / 1e6, r });
      }
    }),
  );
  return { answers, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/**
 * What the store holds against what the clients saw: seats, sequence numbers, the order of arrival
 * and each answered place. `rows` are the lecture's sign-ups by seq.
 */
function check(rows, answers) {
  const confirmed = rows.filter((s) => s.status === 'confirmed');
  const waiting = rows.filter((s) => s.status === 'waiting');
  const seqOf = new Map(rows.map((s) => [s.personId, s.seq]));
  const seqs = rows.map((s) => s.seq);
  const distinct = new Set(seqs).size === seqs.length && seqs.every((s, k) => s === k + 1);
  const seatsFirst = confirmed.length === 0 || waiting.length === 0 || Math.max(...confirmed.map((s) => s.seq)) < Math.min(...waiting.map((s) => s.seq));
  // Answered before another was sent ⇒ a lower seq: sweep the sends in order, keeping the highest seq answered so far.
  const byReceived = [...answers].sort((a, b) => a.received - b.received);
  const bySent = [...answers].sort((a, b) => a.sent - b.sent);
  let k = 0;
  let highest = 0;
  let outOfOrder = 0;
  for (const a of bySent) {
    while (k < byReceived.length && byReceived[k].received < a.sent) highest = Math.max(highest, seqOf.get(personOf(byReceived[k++].i)) ?? 0);
    if ((seqOf.get(personOf(a.i)) ?? 0) <= highest) outOfOrder++;
  }
  const rank = new Map(waiting.map((s, n) => [s.personId, n + 1]));
  const wrongPlaces = answers.filter((a) => a.r.ok && a.r.data.mine?.status === 'waiting' && a.r.data.mine.place !== rank.get(personOf(a.i))).length;
  const refused = answers.filter((a) => !a.r.ok);
  return { confirmed, waiting, distinct, seatsFirst, outOfOrder, wrongPlaces, refused };
}

function report(label, c, run) {
  const seatsTaken = c.confirmed.reduce((n, s) => n + s.seats, 0);
  const latencies = run.answers.map((a) => a.received - a.sent).sort((a, b) => a - b);
  const rate = run.answers.length / run.seconds;
  console.log(`  confirmed   ${fmt(c.confirmed.length)} sign-ups holding ${fmt(seatsTaken)} of ${fmt(SEATS)} seats   ${mark(seatsTaken === SEATS && c.confirmed.length === SEATS)}`);
  console.log(`  waiting     ${fmt(c.waiting.length)} (expected ${fmt(RESIDENTS - SEATS)}), sequence numbers 1..${fmt(c.confirmed.length + c.waiting.length)} each once: ${c.distinct ? 'yes' : 'NO'}, seats before the list: ${c.seatsFirst ? 'yes' : 'NO'}   ${mark(c.waiting.length === RESIDENTS - SEATS && c.distinct && c.seatsFirst)}`);
  console.log(`  arrival order: ${fmt(c.outOfOrder)} sign-ups behind one answered before they were sent; ${fmt(c.wrongPlaces)} answered places off their rank   ${mark(c.outOfOrder === 0 && c.wrongPlaces === 0)}`);
  if (c.refused.length) console.log(`  refused or failed: ${fmt(c.refused.length)} (${[...new Set(c.refused.map((a) => a.r.code))].join(', ')})   MISSED`);
  console.log(`  latency     p50 ${pct(latencies, 50).toFixed(1)} ms · p95 ${pct(latencies, 95).toFixed(1)} ms · p99 ${pct(latencies, 99).toFixed(1)} ms`);
  return rate;
}

// ---------- 1. over HTTP, on the local host ----------

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuSeconds(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

function startServer(dbFile) {
  const args = ['--import', 'tsx'];
  if (process.env.JINLIN_BENCH_PROFILE === '1') args.push('--cpu-prof', `--cpu-prof-dir=${path.join(root, 'data', 'bench-lectures-prof')}`);
  const child = spawn(process.execPath, [...args, path.join(root, 'server/main.ts')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, JINLIN_SKIP_BUILD: '1', JINLIN_PORT: '0', JINLIN_HOST: '127.0.0.1', JINLIN_DB: dbFile, JINLIN_DEMO: '1', JINLIN_DEV_WECHAT: '1', JINLIN_TIMER_MINUTES: '1440', JINLIN_TEST_CLOCK: '' },
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
  return { child, ready, stop, stderr: () => err };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

function post(base, fn, body, headers) {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}/api/${fn}`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString()));
        } catch (e) {
          reject(e);
        }
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

async function must(p, what) {
  const r = await p;
  if (!r.ok) throw new Error(`${what}: ${r.code} ${r.message}`);
  return r.data;
}

async function benchHttp() {
  const dbFile = path.join(work, 'lectures-http', 'jinlin.db');
  mkdirSync(path.dirname(dbFile), { recursive: true });
  const store = openSqliteStore(dbFile);
  const { community } = await seed(store, { now: () => Date.now() });
  await store.close();
  const server = startServer(dbFile);
  const base = await server.ready;
  const staff = { authorization: `Bearer ${(await must(post(base, 'auth', { action: 'signIn', data: { username: 'shuji', password: DEMO_PASSWORD } }), 'sign in')).token}` };
  const speaker = await must(post(base, 'lectures', { action: 'createSpeaker', data: { communityId: community.id, name: '压测主讲人' } }, staff), 'speaker');
  const publish = async (title) => {
    const draft = await must(post(base, 'lectures', { action: 'create', data: lectureInput(community, speaker.id, Date.now(), title) }, staff), 'create');
    return must(post(base, 'lectures', { action: 'publish', data: { id: draft.id, version: draft.version } }, staff), 'publish');
  };
  const send = (i, lectureId) => post(base, 'lectures', { action: 'signUp', data: { id: lectureId } }, { 'x-jinlin-dev-openid': openidOf(i) });

  const warm = await publish('预热讲座');
  await signUpAll(send, warm.id, 0, WARMUP);
  const lecture = await publish('压测讲座');
  const cpu0 = cpuSeconds(server.child.pid);
  const run = await signUpAll(send, lecture.id, 0, RESIDENTS);
  const serverCpu = cpuSeconds(server.child.pid) - cpu0;
  await server.stop();
  children.delete(server.child);
  agent.destroy();

  const db = new Database(dbFile, { readonly: true });
  const rows = db
    .prepare('SELECT person_id AS personId, status, seq, seats FROM lecture_signups WHERE lecture_id = ? ORDER BY seq')
    .all(lecture.id);
  const stored = db.prepare('SELECT confirmed_seats AS confirmedSeats, waiting FROM lectures WHERE id = ?').get(lecture.id);
  db.close();

  console.log(`lectures.signUp over HTTP (local host in its own process, SQLite; ${fmt(RESIDENTS)} residents signing in from WeChat, ${CLIENTS} keep-alive clients, a lecture of ${fmt(SEATS)} seats; ${fmt(WARMUP)} warm-up sign-ups to another lecture first)`);
  const c = check(rows, run.answers);
  const rate = report('http', c, run);
  console.log(`  lecture's counters: ${fmt(stored.confirmedSeats)} seats confirmed, ${fmt(stored.waiting)} waiting   ${mark(stored.confirmedSeats === SEATS && stored.waiting === RESIDENTS - SEATS)}`);
  console.log(`  rate        ${fmt(rate).padStart(8)} sign-ups/s (${fmt(RESIDENTS)} in ${run.seconds.toFixed(2)} s)   target ≥ ${fmt(TARGET_RATE)}   ${mark(rate >= TARGET_RATE)}`);
  // On a shared machine the server may get much less than a core: what it did with the CPU it got.
  if (Number.isFinite(serverCpu) && serverCpu > 0)
    console.log(`  server CPU  ${fmt((100 * serverCpu) / run.seconds)} % of a core during the run: ${fmt(RESIDENTS / serverCpu)} sign-ups per CPU-second of the server (${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)})`);
  const logged = server.stderr().trim();
  if (logged) console.log(`  the server wrote to stderr:\n${logged.slice(0, 2000)}`);
}

// ---------- 2. the CloudBase adapter, in-process ----------

async function benchCloudbase() {
  const answerer = new TcbAnswerer();
  const uninstall = installAnswerer(answerer);
  try {
    const app = tcb.init({ env: 'bench-env', secretId: 'x', secretKey: 'y' });
    await ensureCollections(app);
    for (const c of COLLECTIONS) for (const idx of c.indexes) answerer.createIndex(c.name, idx);
    const store = openCloudbaseStore(app);
    const seeding = Date.now();
    const { deps, community } = await seed(store, { now: () => Date.now() });
    const seeded = (Date.now() - seeding) / 1000;
    const call = async (action, data, cred) => dispatch(deps, 'lectures', { action, data }, cred);
    const signIn = await dispatch(deps, 'auth', { action: 'signIn', data: { username: 'shuji', password: DEMO_PASSWORD } }, {});
    const staff = { token: signIn.data.token };
    const speaker = await must(call('createSpeaker', { communityId: community.id, name: '压测主讲人' }, staff), 'speaker');
    const draft = await must(call('create', lectureInput(community, speaker.id, Date.now(), '压测讲座'), staff), 'create');
    const lecture = await must(call('publish', { id: draft.id, version: draft.version }, staff), 'publish');
    const requests = answerer.log.length;
    const run = await signUpAll((i, lectureId) => call('signUp', { id: lectureId }, { openid: openidOf(i) }), lecture.id, 0, RESIDENTS);
    const rows = await store.lectures.listSignups(lecture.id);
    const stored = await store.lectures.get(lecture.id);
    console.log(
      `lectures.signUp on the CloudBase adapter (the in-process database of tests/support/tcb, each request a macrotask each way; through dispatch as the cloud function runs it; ${fmt(RESIDENTS)} residents, ${CLIENTS} at once, ${fmt(SEATS)} seats; seeded in ${seeded.toFixed(1)} s)`,
    );
    const c = check(rows, run.answers);
    const rate = report('cloudbase', c, run);
    console.log(`  lecture's counters: ${fmt(stored.confirmedSeats)} seats confirmed, ${fmt(stored.waiting)} waiting   ${mark(stored.confirmedSeats === SEATS && stored.waiting === RESIDENTS - SEATS)}`);
    console.log(`  rate        ${fmt(rate).padStart(8)} sign-ups/s (${fmt(RESIDENTS)} in ${run.seconds.toFixed(2)} s), ${fmt((answerer.log.length - requests) / RESIDENTS, 1)} database requests a sign-up (write conflicts retried included)`);
    console.log(`  open transactions left: ${answerer.openTransactions()}   ${mark(answerer.openTransactions() === 0)}`);
  } finally {
    uninstall();
  }
}

const ONLY = process.env.JINLIN_BENCH_ONLY; // 'http' or 'cloudbase' to run one part
try {
  if (ONLY !== 'cloudbase') await benchHttp();
  if (!ONLY) console.log('');
  if (ONLY !== 'http') await benchCloudbase();
} catch (e) {
  console.error(e instanceof Error ? e.stack : e);
  process.exitCode = 1;
} finally {
  cleanup();
}
