/**
 * Running an import job a while: the management page's next call (importContinue) or the timer's
 * `continueImports` takes the job, does steps — one chunk checked, or one chunk written — until the
 * job is over or the time given is up, and lets go. Every step saves its progress, so a run killed
 * halfway costs the step it was in and nothing else: after its hold on the job expires, the next run
 * carries on from the last saved step, and a step done twice changes nothing.
 *
 * Time comes in as a Budget (tests pass their own; the entries pass the platform's timeout), never
 * read here from the wall clock.
 */
import type { ImportRowError, ImportJobView, Unit } from '../../../../src/core';
import type { Deps } from '../../deps';
import type { ImportJob } from '../../store/port';
import { checkChunk, nameTakenError } from './import-check';

export interface Budget {
  /** Monotonic ms, on the caller's scale. */
  now(): number;
  /** On now()'s scale: start no step that would end after it (as long as the longest so far). */
  deadline: number;
}

/** Runs that stop on an unexpected error before a job not yet writing is rolled back. */
export const MAX_FAILURES = 3;
/** A job still 'staging' this long after its commit started was left by a commit that died. */
export const STAGING_GRACE_MS = 2 * 60_000;

const over = (j: ImportJob) => j.state === 'done' || j.state === 'rolledBack';

const WHOLE = (message: string): ImportRowError => ({ row: 0, column: null, message });
const STOPPED = WHOLE('导入时服务器多次出错，已全部撤回，没有写入任何数据。请稍后重新导入');
const LOST = WHOLE('导入没有开始：文件的内容没有保存完整，没有写入任何数据。请重新导入');

/**
 * Steps the job for `owner` within `budget`, holding it until `now + leaseMs` (longer than the
 * caller can live: the platform's timeout). The job as it is after; null when there is none.
 */
export async function runImportJob(deps: Deps, jobId: string, opts: { owner: string; budget: Budget; leaseMs: number }): Promise<ImportJob | null> {
  const { store, clock } = deps;
  const now = clock.now();
  let job = await store.importJobs.claim(jobId, opts.owner, now + opts.leaseMs, now);
  // Over, or another run holds it: answered as it is.
  if (!job) return store.importJobs.get(jobId);
  try {
    job = await steps(deps, job, opts.budget);
  } catch (e) {
    deps.log.error('import job step failed', { jobId, error: String((e as Error)?.stack ?? e) });
    const failures = await store.importJobs.noteFailure(jobId, clock.now());
    job = (failures >= MAX_FAILURES ? await store.importJobs.rollback(jobId, STOPPED, clock.now()) : null) ?? (await store.importJobs.get(jobId)) ?? job;
  } finally {
    await store.importJobs.release(jobId, opts.owner);
  }
  // Only the run that held the job when it ended gets here with it over.
  if (over(job)) await afterwards(deps, job);
  return job;
}

async function steps(deps: Deps, start: ImportJob, budget: Budget): Promise<ImportJob> {
  let job = start;
  let root: Promise<Unit | null> | null = null;
  const rootOf = () => (root ??= deps.store.units.get(job.unitId));
  let longest = 0;
  for (let n = 0; !over(job); n++) {
    const started = budget.now();
    if (n > 0 && started + longest > budget.deadline) break;
    const next = await step(deps, job, rootOf);
    if (!next) break;
    job = next;
    longest = Math.max(longest, budget.now() - started);
  }
  return job;
}

/** One step: the job after it, or null when there is nothing to do now. */
async function step(deps: Deps, job: ImportJob, rootOf: () => Promise<Unit | null>): Promise<ImportJob | null> {
  const repo = deps.store.importJobs;
  const at = deps.clock.now();
  const rollback = async (failure: ImportRowError) => {
    const after = await repo.rollback(job.id, failure, at);
    if (!after) throw new Error(`import job ${job.id} went missing`);
    return after;
  };
  switch (job.state) {
    case 'staging':
      // Its commit may still be saving the chunks; past the grace it died doing so.
      return at - job.updatedAt < STAGING_GRACE_MS ? null : rollback(LOST);
    case 'checking': {
      const root = await rootOf();
      if (!root || root.archived) return rollback(WHOLE(`导入所在的单位${root ? `“${root.name}”` : ''}已归档，没有写入任何数据`));
      const chunk = await repo.chunk(job.id, job.done);
      if (!chunk) throw new Error(`import job ${job.id}: chunk ${job.done} is missing`);
      const bad = (await checkChunk(deps, root, chunk)) ?? (await repo.reserve(job.id, job.done)).map(nameTakenError)[0];
      if (bad) return rollback(bad);
      const after = await repo.advance(job.id, 'checking', job.done, at);
      if (!after) throw new Error(`import job ${job.id} went missing`);
      return after;
    }
    case 'publishing': {
      const r = await repo.publish(job.id, job.done, at);
      return r.ok ? r.job : rollback(nameTakenError(r.taken));
    }
    default:
      return null;
  }
}

/** Once over: the upload is forgotten, and a finished import enters the audit log as its importer's. */
async function afterwards(deps: Deps, job: ImportJob): Promise<void> {
  try {
    await deps.importFiles.remove(job.fileRef);
  } catch (e) {
    deps.log.error('import file not removed', { jobId: job.id, error: String(e) });
  }
  if (job.state !== 'done') return;
  const root = await deps.store.units.get(job.unitId);
  await deps.store.audit.append({
    id: deps.ids.next('aud'),
    at: job.finishedAt ?? deps.clock.now(),
    actorId: job.createdBy,
    action: 'desk.import',
    targetKind: 'import',
    targetId: job.id,
    unitPath: root?.path ?? null,
    detail: { kind: job.kind, fileName: job.fileName, rows: job.rows, unitId: job.unitId, created: job.counts },
  });
}

/** The job as the management page reads it. */
export function importJobView(job: ImportJob): ImportJobView {
  const finished = over(job);
  const c = Math.max(job.chunks, 1);
  const progress = finished ? 1 : job.state === 'checking' ? job.done / (2 * c) : job.state === 'publishing' ? (c + job.done) / (2 * c) : 0;
  return {
    id: job.id,
    kind: job.kind,
    fileName: job.fileName,
    unitId: job.unitId,
    state: job.state,
    finished,
    progress,
    rows: job.rows,
    created: job.counts,
    failure: job.failure,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}
