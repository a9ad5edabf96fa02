/**
 * An import as a job on the CloudBase adapter, through the unmodified node-sdk answered in-process
 * (tests/support/tcb): what each row costs in requests, a run killed where it hurts (after a chunk's
 * writes, before its progress; halfway through staging), a bad row rolled back with the names it
 * held, and 20,000 rows finished in chunks within a modelled budget: every request costs
 * MS_PER_REQUEST of modelled time (the domain clock is that model), as the bench models the service.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock, type Clock, type ImportJobView, type Unit } from '../../src/core';
import { CONTINUE_BUDGET_MS } from '../../cloudfunctions/lib/actions/management/import';
import { runImportJob, STAGING_GRACE_MS } from '../../cloudfunctions/lib/actions/management/import-run';
import { randomIds } from '../../cloudfunctions/lib/deps';
import { continueImports } from '../../cloudfunctions/lib/jobs/continue-imports';
import { localImportFiles } from '../../cloudfunctions/lib/ports/import-files';
import { importDigest } from '../../cloudfunctions/lib/spreadsheets/import';
import type { ImportBatch } from '../../cloudfunctions/lib/store/port';
import { cloudbase, cloudbaseDemo } from '../support/cloudbase-demo';
import { AnswerError } from '../support/tcb';
import { data, expectFailure, T0 } from '../support/harness';
import { csvBytes, follow, previewFile, upload } from './support/imports';

/** The bench's model of the service: each request takes this long. */
const MS_PER_REQUEST = 20;
/** The management function's timeout (cloudfunctions/management/config.json). */
const MANAGEMENT_TIMEOUT_MS = 30_000;
const LEASE_MS = 30_000;

const cloud = cloudbase();
const { answerer } = cloud;
const uploads = mkdtempSync(path.join(tmpdir(), 'jinlin-import-cloud-'));
let prefixes = 0;

/** A CloudBase store on fresh collections with the declared unique indexes, seeded with the demo. */
async function environment(clock: Clock) {
  const { store, deps, call, as, reopen: open } = await cloudbaseDemo(cloud, `imp${++prefixes}_`, { clock, importFiles: localImportFiles(uploads, randomIds) });
  const staff = await as('shequ');
  const units = await store.units.listSubtree('/');
  return { store, deps, call, open, staff, community: units.find((u) => u.name === '阳光社区')!, compound: units.find((u) => u.name === '幸福里小区')! };
}
type Env = Awaited<ReturnType<typeof environment>>;

const RESIDENTS = ['姓名', '手机号', '所在楼栋', '角色'];
const residentRows = (n: number, from = 0) => [RESIDENTS, ...Array.from({ length: n }, (_, i) => [`居民${from + i}`, `135${String(from + i).padStart(8, '0')}`, `幸福里小区/${(i % 2) + 1}号楼`, ''])];
const unitRows = (n: number, from = 101) => [['上级单位', '单位名称', '类型'], ...Array.from({ length: n }, (_, i) => ['幸福里小区', `${from + i}号楼`, '楼栋'])];

const afterSteps = (steps: number) => {
  let t = 0;
  return { now: () => ++t, deadline: 2 * steps };
};

async function commit(e: Pick<Env, 'call' | 'deps' | 'staff' | 'community'>, kind: 'units' | 'residents', rows: string[][]): Promise<ImportJobView> {
  const { preview, input } = await previewFile(e, e.staff, { kind, unitId: e.community.id, fileName: `${kind}.csv`, bytes: csvBytes(rows) });
  expect(data(preview).errors).toEqual([]);
  return data(await e.call<ImportJobView>('management', 'importCommit', { ...input, digest: data(preview).digest }, e.staff));
}

const count = async (e: Pick<Env, 'store'>, compound: Unit) => ({
  people: await e.store.people.count(),
  units: (await e.store.units.listSubtree('/', { includeArchived: true })).length,
  bindings: (await Promise.all((await e.store.units.listSubtree(compound.path)).map((u) => e.store.bindings.listForUnit(u.id)))).flat().length,
});

/** Fails the first request `matches` picks, as if the function died right before it. */
function failOnce(matches: (action: string, params: Record<string, any>) => boolean): () => void {
  const send = answerer.send.bind(answerer);
  let done = false;
  answerer.send = async (action, params = {}) => {
    if (!done && matches(action, params)) {
      done = true;
      throw new AnswerError('DATABASE_REQUEST_FAILED', 'the function was killed here', 'killed');
    }
    return send(action, params);
  };
  return () => {
    answerer.send = send;
  };
}

describe('an import as a job, on CloudBase', () => {
  it('costs a few requests per hundred rows, where writing row by row cost 3 a resident', async () => {
    const e = await environment(fixedClock(T0));
    const rows = residentRows(2_000);
    const { preview, input } = await previewFile(e, e.staff, { kind: 'residents', unitId: e.community.id, fileName: 'r.csv', bytes: csvBytes(rows) });
    let at = answerer.requestCount();
    const job = data(await e.call<ImportJobView>('management', 'importCommit', { ...input, digest: data(preview).digest }, e.staff));
    const staging = answerer.requestCount() - at;
    at = answerer.requestCount();
    const views = await follow(e, e.staff, job.id);
    const running = answerer.requestCount() - at;
    expect(views[views.length - 1]).toMatchObject({ state: 'done', created: { people: 2_000, bindings: 2_000 } });
    process.stdout.write(`import of 2,000 residents on CloudBase: commit ${staging} requests, job ${running} requests (${((staging + running) / 2_000).toFixed(3)} a row)\n`);
    expect(staging / 2_000).toBeLessThan(0.05);
    expect(running / 2_000).toBeLessThan(0.05);

    // The same rows written one by one, as the import did before it was a job.
    const b = await e.store.units.listSubtree(e.compound.path);
    const batch: ImportBatch = { id: 'imp_rowwise', units: [], people: [], bindings: [] };
    for (let i = 0; i < 100; i++) {
      const p = { id: `per_rowwise${i}`, name: `逐行${i}`, phone: `134${String(i).padStart(8, '0')}`, username: null, openid: null, demo: false, version: 1, createdAt: T0, updatedAt: T0 };
      batch.people.push(p);
      batch.bindings.push({ id: `bnd_rowwise${i}`, personId: p.id, unitId: b[1].id, role: 'resident', createdAt: T0, createdBy: null });
    }
    at = answerer.requestCount();
    await e.store.imports.commit(batch);
    expect((answerer.requestCount() - at) / 100).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('writes a chunk again after a run died between its writes and its progress, and nothing is doubled', async () => {
    // Documents are keyed by id (bindings by their guard key): what makes a second write find the first.
    const e = await environment(fixedClock(T0));
    const before = await count(e, e.compound);
    const job = await commit(e, 'residents', residentRows(1_200));
    // Every chunk checked; then the run dies right before it records chunk 0 as written.
    await runImportJob(e.deps, job.id, { owner: 'call-1', budget: afterSteps(3), leaseMs: LEASE_MS });
    expect(await e.store.importJobs.get(job.id)).toMatchObject({ state: 'publishing', done: 0 });
    const restore = failOnce((action, p) => action === 'database.modifyDocument' && String(p.collectionName).endsWith('import_jobs') && /"state":"publishing","done"/.test(String(p.query)));
    await runImportJob(e.deps, job.id, { owner: 'call-2', budget: afterSteps(1), leaseMs: LEASE_MS });
    restore();
    expect(await e.store.importJobs.get(job.id)).toMatchObject({ state: 'publishing', done: 0, failures: 1 });
    // What a reader may see of a job on CloudBase: the part written, never taken back.
    expect((await count(e, e.compound)).people).toBe(before.people + 500);

    const fresh = e.open();
    const views = await follow({ ...fresh }, e.staff, job.id);
    expect(views[views.length - 1]).toMatchObject({ state: 'done' });
    expect(await count(fresh, e.compound)).toEqual({ ...before, people: before.people + 1_200, bindings: before.bindings + 1_200 });
  }, 60_000);

  it('rolls back a commit that died while staging its rows, once its grace is over', async () => {
    const clock = fixedClock(T0);
    const e = await environment(clock);
    const before = await count(e, e.compound);
    const { preview, input } = await previewFile(e, e.staff, { kind: 'residents', unitId: e.community.id, fileName: 'r.csv', bytes: csvBytes(residentRows(1_200, 50_000)) });
    const restore = failOnce((action, p) => action === 'database.insertDocument' && String(p.collectionName).endsWith('import_job_chunks') && String(p.data).includes(':1"'));
    expectFailure(await e.call('management', 'importCommit', { ...input, digest: data(preview).digest }, e.staff), 'INTERNAL');
    restore();
    const [staged] = await e.store.importJobs.listOpen(10);
    expect(staged).toMatchObject({ state: 'staging' });
    const timer = (owner: string) => continueImports(e.deps, { owner, now: () => 0, deadline: Infinity }, 60_000);
    expect(await timer('timer-1')).toEqual({ continued: 0, finished: 0 });
    clock.advance(STAGING_GRACE_MS);
    expect(await timer('timer-2')).toEqual({ continued: 1, finished: 1 });
    expect(await e.store.importJobs.get(staged.id)).toMatchObject({ state: 'rolledBack', failure: { row: 0, column: null } });
    expect(await e.store.importJobs.chunk(staged.id, 0)).toBeNull();
    expect(await count(e, e.compound)).toEqual(before);
  }, 60_000);

  it('holds the names of its new units while it runs, and lets go of them all when a bad row rolls it back', async () => {
    const e = await environment(fixedClock(T0));
    const before = await count(e, e.compound);
    const job = await commit(e, 'units', unitRows(700));
    await runImportJob(e.deps, job.id, { owner: 'call-1', budget: afterSteps(1), leaseMs: LEASE_MS });
    // A name of the first chunk is held: staff cannot make it by hand meanwhile.
    expectFailure(await e.call('units', 'create', { parentId: e.compound.id, kind: 'building', name: '150号楼' }, e.staff), 'UNIT.NAME_TAKEN');
    // One of the second chunk is not held yet: made by hand, it is the job's bad row.
    data(await e.call('units', 'create', { parentId: e.compound.id, kind: 'building', name: '750号楼' }, e.staff));
    const last = (await follow(e, e.staff, job.id)).pop()!;
    expect(last).toMatchObject({ state: 'rolledBack', failure: { row: 651, column: '单位名称' } });
    expect(await count(e, e.compound)).toEqual({ ...before, units: before.units + 1 });
    // Every name the job held is free again.
    data(await e.call('units', 'create', { parentId: e.compound.id, kind: 'building', name: '150号楼' }, e.staff));
    data(await e.call('units', 'create', { parentId: e.compound.id, kind: 'building', name: '101号楼' }, e.staff));
  }, 60_000);

  it('finishes 20,000 residents in chunks, each call within its budget and the commit within the timeout (modelled time)', async () => {
    // Time is requests × MS_PER_REQUEST.
    const modelled: Clock = { now: () => T0 + answerer.requestCount() * MS_PER_REQUEST };
    const e = await environment(modelled);
    const before = await count(e, e.compound);
    const bytes = csvBytes(residentRows(20_000, 100_000));
    const file = await upload(e, e.staff, 'big.csv', bytes);
    const input = { kind: 'residents', unitId: e.community.id, fileName: 'big.csv', file: data(file), digest: importDigest('residents', e.community.id, bytes) };
    let started = modelled.now();
    const job = data(await e.call<ImportJobView>('management', 'importCommit', input, e.staff));
    const commitMs = modelled.now() - started;
    expect(commitMs).toBeLessThan(MANAGEMENT_TIMEOUT_MS);

    const calls: number[] = [];
    let last = job;
    while (!last.finished) {
      started = modelled.now();
      last = data(await e.call<ImportJobView>('management', 'importContinue', { jobId: job.id }, e.staff));
      calls.push(modelled.now() - started);
    }
    const longest = Math.max(...calls);
    process.stdout.write(
      `import of 20,000 residents on CloudBase at ${MS_PER_REQUEST} ms a request: commit ${(commitMs / 1000).toFixed(1)} s, then ${calls.length} calls of at most ${(longest / 1000).toFixed(1)} s (${(calls.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s in all), ${(await e.store.importJobs.get(job.id))!.chunks} chunks\n`,
    );
    expect(last).toMatchObject({ state: 'done', created: { people: 20_000, bindings: 20_000 } });
    expect(calls.length).toBeGreaterThan(1);
    // A call starts no step it has no time for: it ends within its budget and one step.
    expect(longest).toBeLessThan(CONTINUE_BUDGET_MS + 2_000);
    expect(longest).toBeLessThan(MANAGEMENT_TIMEOUT_MS);
    expect(await count(e, e.compound)).toEqual({ ...before, people: before.people + 20_000, bindings: before.bindings + 20_000 });
  }, 300_000);
});
