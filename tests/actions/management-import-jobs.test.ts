/**
 * An import as a job, on the local host's SQLite: staged at commit, checked and written a chunk at a
 * time by importContinue (or the timer), all or nothing. A run killed halfway is carried on by the
 * next, from a fresh process; a bad row found while applying leaves nothing of the job behind.
 * Time is what the tests give: the runner's budget counts steps, the domain clock is fixed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock, type ImportJobView, type Result, type Unit } from '../../src/core';
import { DEMO_PASSWORD } from '../../cloudfunctions/lib/actions/auth';
import { runImportJob } from '../../cloudfunctions/lib/actions/management/import-run';
import { CHUNK_ROWS } from '../../cloudfunctions/lib/actions/management/import-stage';
import { makeDeps, randomIds, silentLogger, type Deps } from '../../cloudfunctions/lib/deps';
import { dispatch } from '../../cloudfunctions/lib/functions';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { continueImports } from '../../cloudfunctions/lib/jobs/continue-imports';
import { localImportFiles } from '../../cloudfunctions/lib/ports/import-files';
import { seedDemo } from '../../cloudfunctions/lib/seed/demo';
import { openSqliteStore } from '../../cloudfunctions/lib/store/sqlite';
import { data, expectFailure, T0 } from '../support/harness';
import { csvBytes, follow, previewFile } from './support/imports';

const LEASE_MS = 30_000;

/** A budget that lets `steps` steps start: the runner starts one while now + the longest so far ≤ deadline. */
const afterSteps = (steps: number) => {
  let t = 0;
  return { now: () => ++t, deadline: 2 * steps };
};

/** A process of the local host on the database file: its own store handle, the shared clock and upload folder. */
function host(file: string, clock: ReturnType<typeof fixedClock>, uploads: string) {
  const store = openSqliteStore(file);
  const deps: Deps = makeDeps(store, { clock, log: silentLogger, importFiles: localImportFiles(uploads, randomIds) });
  const call = <T = unknown>(fn: string, action: string, payload: unknown, cred: Credentials) => dispatch(deps, fn, { action, data: payload }, cred) as Promise<Result<T>>;
  return { store, deps, call };
}

const RESIDENTS = ['姓名', '手机号', '所在楼栋', '角色'];
const residentRows = (n: number, from = 0) => [RESIDENTS, ...Array.from({ length: n }, (_, i) => [`居民${from + i}`, `136${String(from + i).padStart(8, '0')}`, `幸福里小区/${(i % 2) + 1}号楼`, ''])];

describe('an import as a job, on SQLite', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-import-jobs-'));
  const uploads = path.join(dir, 'imports');
  const file = path.join(dir, 'jinlin.db');
  const clock = fixedClock(T0);
  let h: ReturnType<typeof host>;
  let staff: Credentials;
  let community: Unit;
  let compound: Unit;

  beforeAll(async () => {
    h = host(file, clock, uploads);
    await seedDemo(h.deps, { residents: 10 });
    const signIn = await h.call<{ token: string }>('auth', 'signIn', { username: 'shequ', password: DEMO_PASSWORD }, {});
    staff = { token: data(signIn).token };
    const units = await h.store.units.listSubtree('/');
    community = units.find((u) => u.name === '阳光社区')!;
    compound = units.find((u) => u.name === '幸福里小区')!;
  }, 60_000);
  afterAll(() => h.store.close());

  const snapshot = async (s = h.store) => ({
    people: await s.people.count(),
    units: (await s.units.listSubtree('/', { includeArchived: true })).length,
    bindings: (await Promise.all((await s.units.listSubtree(compound.path)).map((u) => s.bindings.listForUnit(u.id)))).flat().length,
  });

  /** Uploads, previews and commits: the job as committed (nothing run yet). */
  async function commit(kind: 'units' | 'residents', rows: string[][], on = h): Promise<{ job: ImportJobView; fileRef: string }> {
    const { preview, input } = await previewFile(on, staff, { kind, unitId: community.id, fileName: `${kind}.csv`, bytes: csvBytes(rows) });
    expect(data(preview).errors).toEqual([]);
    const job = data(await on.call<ImportJobView>('management', 'importCommit', { ...input, digest: data(preview).digest }, staff));
    return { job, fileRef: String(input!.file) };
  }

  it('stages the rows at commit, writes nothing before the job is done, and then everything', async () => {
    const before = await snapshot();
    const rows = residentRows(1_200);
    const { job } = await commit('residents', rows);
    expect(job).toMatchObject({ state: 'checking', finished: false, progress: 0, rows: 1_200, created: { units: 0, people: 1_200, bindings: 1_200 }, failure: null });
    expect((await h.store.importJobs.get(job.id))!.chunks).toBe(Math.ceil(1_200 / CHUNK_ROWS));
    const views = await follow(h, staff, job.id);
    expect(views[views.length - 1]).toMatchObject({ state: 'done', finished: true, progress: 1 });
    expect(await snapshot()).toEqual({ ...before, people: before.people + 1_200, bindings: before.bindings + 1_200 });
    // A commit retried after it went through answers the same job, and writes nothing more.
    expect(data(await h.call<ImportJobView>('management', 'importStatus', { jobId: job.id }, staff))).toMatchObject({ state: 'done', created: { people: 1_200 } });
  });

  it('is carried on by a fresh process when the run doing it was killed', async () => {
    const before = await snapshot();
    const { job, fileRef } = await commit('residents', residentRows(1_200, 10_000));
    // The page's first call: one chunk checked, then its time was up.
    const first = await runImportJob(h.deps, job.id, { owner: 'call-1', budget: afterSteps(1), leaseMs: LEASE_MS });
    expect(first).toMatchObject({ state: 'checking', done: 1 });
    // The next call took the job and died in its step: it holds the job until its lease runs out.
    expect(await h.store.importJobs.claim(job.id, 'call-2', clock.now() + LEASE_MS, clock.now())).not.toBeNull();
    await h.store.close();

    h = host(file, clock, uploads);
    expect(await snapshot()).toEqual(before);
    const held = data(await h.call<ImportJobView>('management', 'importContinue', { jobId: job.id }, staff));
    expect(held).toMatchObject({ state: 'checking', progress: 1 / 6, finished: false });
    clock.advance(LEASE_MS);
    const views = await follow(h, staff, job.id);
    expect(views[views.length - 1]).toMatchObject({ state: 'done', finished: true });
    expect(await snapshot()).toEqual({ ...before, people: before.people + 1_200, bindings: before.bindings + 1_200 });
    expect(await h.store.audit.listForTarget(job.id, 10)).toEqual([expect.objectContaining({ action: 'desk.import', detail: expect.objectContaining({ created: { units: 0, people: 1_200, bindings: 1_200 } }) })]);
    // The upload is forgotten once the import is over.
    expect(await h.deps.importFiles.read(fileRef, fileRef.split('/')[0])).toBeNull();
  });

  it('rolls back completely on a bad row found while checking: nothing of the job is left', async () => {
    const before = await snapshot();
    const rows = residentRows(1_200, 20_000);
    const { job, fileRef } = await commit('residents', rows);
    await runImportJob(h.deps, job.id, { owner: 'call-1', budget: afterSteps(1), leaseMs: LEASE_MS });
    // Someone registered with a phone of the third chunk meanwhile.
    const [name, phone] = rows[1_101];
    await h.store.people.insert({ id: 'per_meanwhile', name: '李四', phone, username: null, openid: null, demo: false, version: 1, createdAt: T0, updatedAt: T0 }, null);
    const views = await follow(h, staff, job.id);
    const last = views[views.length - 1];
    expect(name).toBe('居民21100');
    expect(last).toMatchObject({ state: 'rolledBack', finished: true, failure: { row: 1_102, column: '手机号' } });
    expect(last.failure!.message).toContain('在导入期间已登记为“李四”');
    expect(await snapshot()).toEqual({ ...before, people: before.people + 1 });
    expect((await h.store.imports.findByPhones(rows.slice(1).map((r) => r[1]))).map((p) => p.id)).toEqual(['per_meanwhile']);
    expect(await h.store.importJobs.chunk(job.id, 0)).toBeNull();
    expect(await h.deps.importFiles.read(fileRef, fileRef.split('/')[0])).toBeNull();
  });

  it('rolls back completely when a name it checked is taken before it is written', async () => {
    const before = await snapshot();
    const rows = [['上级单位', '单位名称', '类型'], ...Array.from({ length: 600 }, (_, i) => ['幸福里小区', `${i + 101}号楼`, '楼栋'])];
    const { job } = await commit('units', rows);
    await runImportJob(h.deps, job.id, { owner: 'call-1', budget: afterSteps(2), leaseMs: LEASE_MS });
    expect(await h.store.importJobs.get(job.id)).toMatchObject({ state: 'publishing', done: 0 });
    // Staff make 150号楼 by hand meanwhile (the job's row 51).
    data(await h.call('units', 'create', { parentId: compound.id, kind: 'building', name: '150号楼' }, staff));
    const last = (await follow(h, staff, job.id)).pop()!;
    expect(last).toMatchObject({ state: 'rolledBack', failure: { row: 51, column: '单位名称' } });
    expect(await snapshot()).toEqual({ ...before, units: before.units + 1 });
    // The names the job had are free.
    data(await h.call('units', 'create', { parentId: compound.id, kind: 'building', name: '101号楼' }, staff));
  });

  it('goes on without the page: the timer carries on a job nobody follows', async () => {
    const before = await snapshot();
    const { job } = await commit('residents', residentRows(700, 30_000));
    const ctx = { owner: 'timer-1:continueImports', ...afterSteps(1) };
    expect(await continueImports(h.deps, ctx, 60_000)).toEqual({ continued: 1, finished: 0 });
    expect(await continueImports(h.deps, { owner: 'timer-2:continueImports', now: () => 0, deadline: Infinity }, 60_000)).toEqual({ continued: 1, finished: 1 });
    expect(await h.store.importJobs.get(job.id)).toMatchObject({ state: 'done' });
    expect(await snapshot()).toEqual({ ...before, people: before.people + 700, bindings: before.bindings + 700 });
    expect(await continueImports(h.deps, { owner: 'timer-3:continueImports', now: () => 0, deadline: Infinity }, 60_000)).toEqual({ continued: 0, finished: 0 });
  });

  it('is followed by the staff who may manage its unit, and names only the caller’s own upload', async () => {
    const { job, fileRef } = await commit('residents', residentRows(3, 40_000));
    const resident = { token: data(await h.call<{ token: string }>('auth', 'signIn', { username: 'jumin', password: DEMO_PASSWORD }, {})).token };
    expectFailure(await h.call('management', 'importStatus', { jobId: job.id }, resident), 'AUTH.FORBIDDEN');
    expectFailure(await h.call('management', 'importUpload', { fileName: 'x.csv' }, resident), 'AUTH.FORBIDDEN');
    expectFailure(await h.call('management', 'importStatus', { jobId: 'imj_nothing' }, staff), 'IMPORT.JOB_NOT_FOUND', 'jobId');
    const street = { token: data(await h.call<{ token: string }>('auth', 'signIn', { username: 'jiedao', password: DEMO_PASSWORD }, {})).token };
    expect(data(await h.call<ImportJobView>('management', 'importStatus', { jobId: job.id }, street))).toMatchObject({ id: job.id, state: 'checking' });
    const other = await h.call('management', 'importPreview', { kind: 'residents', unitId: community.id, fileName: 'residents.csv', file: fileRef }, street);
    expectFailure(other, 'IMPORT.FILE_MISSING', 'file');
    await follow(h, staff, job.id);
    // Over: the file is gone, so it cannot be previewed or committed again.
    expectFailure(await h.call('management', 'importPreview', { kind: 'residents', unitId: community.id, fileName: 'residents.csv', file: fileRef }, staff), 'IMPORT.FILE_MISSING', 'file');
  });
});
