// The imports part of `npm run bench -- cloudbase` (`npm run bench -- cloudbase imports` alone): 20,000 residents
// imported as the management page does it, each step one call of the management function on the modelled
// CloudBase (bench-cloudbase.mjs gives the environment, the delay and the clock): importUpload (where to send the
// file; the browser then puts it in storage, which is no database request), importPreview (every row checked),
// importCommit (the rows staged as a job), then importContinue until the job is done, as the page's progress bar
// calls it. Each call must come back within the management function's timeout; the chunks are the job's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import importFilesMod from '../cloudfunctions/lib/ports/import-files.ts';
import depsMod from '../cloudfunctions/lib/deps.ts';

const { localImportFiles } = importFilesMod;
const { randomIds } = depsMod;

const RESIDENTS = Number(process.env.JINLIN_BENCH_IMPORT_ROWS ?? 20_000);
/** The management function's timeout (cloudfunctions/management/config.json). */
const MANAGEMENT_TIMEOUT_MS = 30_000;
const MAX_CALLS = 500;

/** The file a community's staff would bring: name, phone, building, no role (resident). */
function residentsCsv(n) {
  const lines = ['姓名,手机号,所在楼栋,角色'];
  for (let i = 0; i < n; i++) lines.push(`居民${i},136${String(i).padStart(8, '0')},幸福里小区/${(i % 2) + 1}号楼,`);
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

/**
 * `b`: what bench-cloudbase.mjs shares: environment(name, opts), delay(on), modelled(), requests(),
 * fmt, mark and the NOW of the demo.
 */
export async function benchImports(b) {
  const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-bench-imports-'));
  try {
    // The domain's clock runs on the modelled one: importContinue's budget is counted on it.
    let started = null;
    const clock = { now: () => b.NOW + (started === null ? 0 : Math.round(b.modelled() - started)) };
    const { store, call } = await b.environment('imports', { clock, importFiles: localImportFiles(dir, randomIds) });
    const units = await store.units.listSubtree('/');
    const community = units.find((u) => u.name === '阳光社区');
    const signIn = await call('auth', 'signIn', { username: 'shequ', password: b.DEMO_PASSWORD });
    if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.code}`);
    const cred = { token: signIn.data.token };
    const bytes = residentsCsv(RESIDENTS);
    const peopleBefore = await store.people.count();

    const steps = [];
    /** One call of the management function, timed on the modelled clock. */
    const step = async (name, action, data) => {
      const before = b.requests();
      const t = b.modelled();
      const wall = performance.now();
      const r = await call('management', action, data, cred);
      if (!r.ok) throw new Error(`${action} refused: ${r.code} ${r.message}`);
      steps.push({ name, ms: b.modelled() - t, wallMs: performance.now() - wall, requests: b.requests() - before, view: r.data });
      return r.data;
    };

    b.delay(true);
    started = b.modelled();
    const fileName = 'residents.csv';
    const ticket = await step('upload', 'importUpload', { fileName });
    const [owner, name] = ticket.file.split('/');
    await localImportFiles(dir, randomIds).receive(owner, name, bytes);
    const input = { kind: 'residents', unitId: community.id, fileName, file: ticket.file };
    const preview = await step('preview', 'importPreview', input);
    if (preview.errors.length) throw new Error(`the preview found errors: ${JSON.stringify(preview.errors.slice(0, 3))}`);
    let job = await step('commit', 'importCommit', { ...input, digest: preview.digest });
    for (let i = 1; !job.finished && i <= MAX_CALLS; i++) job = await step(`continue ${i}`, 'importContinue', { jobId: job.id });
    const total = b.modelled() - started;
    b.delay(false);

    const chunks = (await store.importJobs.get(job.id))?.chunks ?? null;
    const created = (await store.people.count()) - peopleBefore;
    const fmt = b.fmt;
    console.log(
      `imports: ${fmt(RESIDENTS)} residents into 幸福里小区 as the management page imports them, each step one call of the management function (timeout ${fmt(MANAGEMENT_TIMEOUT_MS / 1000)} s)`,
    );
    console.log(`  ${'call'.padEnd(12)} ${'time'.padStart(9)} ${'requests'.padStart(9)} ${'progress'.padStart(9)} ${'(wall)'.padStart(9)}  within the timeout`);
    for (const s of steps)
      console.log(
        `  ${s.name.padEnd(12)} ${`${fmt(s.ms / 1000, 1)} s`.padStart(9)} ${fmt(s.requests).padStart(9)} ${(s.view && typeof s.view.progress === 'number' ? `${fmt(s.view.progress * 100)} %` : '').padStart(9)} ${`${fmt(s.wallMs / 1000, 1)} s`.padStart(9)}  ${b.mark(s.ms <= MANAGEMENT_TIMEOUT_MS)}`,
      );
    const continues = steps.filter((s) => s.name.startsWith('continue'));
    const allFit = steps.every((s) => s.ms <= MANAGEMENT_TIMEOUT_MS);
    const done = job.state === 'done' && created === RESIDENTS;
    console.log(
      `  ${fmt(RESIDENTS)} rows in ${fmt(chunks ?? 0)} chunks, ${fmt(continues.length)} continue calls; ${fmt(total / 1000, 1)} s of work from upload to done (${fmt(steps.reduce((n, s) => n + s.requests, 0))} requests, ${fmt((RESIDENTS / total) * 1000)} rows/s); the job ${job.state}, ${fmt(created)} people made   ${b.mark(done && allFit)}${allFit ? '' : ' — a call past the timeout'}${done ? '' : ' — not finished'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
