/**
 * Runs the timer's jobs one after another, each within its budget and all within the function's
 * timeout. A job that fails or overruns is logged and reported, and the others still run: one bad
 * job must not stop the sweep. A job left running past its budget is not awaited; every job is safe
 * to run twice at once, so the next run starting beside it does no harm.
 */
import type { Deps } from '../deps';
import type { JobResult, TimerJob } from './job';

export interface RunOptions {
  /** Unique per run: claims are made in its name. */
  owner: string;
  /** The whole run's limit (the function's timeout less a margin); none on the local host. */
  timeoutMs?: number;
  /** Monotonic ms; tests pass their own. */
  now?: () => number;
}

/** How long past its budget a job is waited for before the run moves on without it. */
export const OVERRUN_GRACE_MS = 2_000;

const monotonic = () => performance.now();

export async function runJobs(jobs: readonly TimerJob[], deps: Deps, opts: RunOptions): Promise<JobResult[]> {
  const now = opts.now ?? monotonic;
  const runEnds = opts.timeoutMs === undefined ? Infinity : now() + opts.timeoutMs;
  const results: JobResult[] = [];
  for (const job of jobs) {
    const started = now();
    const deadline = Math.min(started + job.budgetMs, runEnds - OVERRUN_GRACE_MS);
    if (deadline <= started) {
      results.push({ name: job.name, ok: false, ms: 0, error: 'no time left in this run', skipped: true });
      deps.log.error('timer job skipped', { job: job.name, owner: opts.owner });
      continue;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const overrun = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`still running ${OVERRUN_GRACE_MS} ms past its budget`)), deadline - started + OVERRUN_GRACE_MS);
    });
    try {
      const result = await Promise.race([job.run(deps, { owner: `${opts.owner}:${job.name}`, now, deadline }), overrun]);
      results.push({ name: job.name, ok: true, ms: Math.round(now() - started), result });
    } catch (e) {
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      results.push({ name: job.name, ok: false, ms: Math.round(now() - started), error: e instanceof Error ? e.message : String(e) });
      deps.log.error('timer job failed', { job: job.name, owner: opts.owner, error });
    } finally {
      clearTimeout(timer);
    }
  }
  return results;
}

/** A job that ran and changed something (a count above zero, a flag set): worth a log line. */
export function changedSomething(r: JobResult): boolean {
  if (!r.ok) return false;
  const v = r.result;
  return typeof v === 'object' && v !== null && Object.values(v).some((x) => x === true || (typeof x === 'number' && x > 0));
}
