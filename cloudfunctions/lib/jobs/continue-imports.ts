/**
 * Carries on imports nobody is following: the staff member closed the management page, or the call
 * that was running the job was killed. Each job not finished, least recently moved first, is run a
 * while within the timer job's time (actions/management/import-run.ts), and a job still 'staging'
 * long after its commit started is rolled back. Safe twice at once: one run at a time holds a job,
 * and the other passes it over.
 */
import type { Deps } from '../deps';
import { runImportJob } from '../actions/management/import-run';
import type { JobContext } from '../timer/job';

/** Jobs looked at per run; more wait for the next. */
export const IMPORT_JOBS_PER_RUN = 20;

export async function continueImports(deps: Deps, ctx: JobContext, leaseMs: number): Promise<{ continued: number; finished: number }> {
  let continued = 0;
  let finished = 0;
  for (const job of await deps.store.importJobs.listOpen(IMPORT_JOBS_PER_RUN)) {
    if (ctx.now() >= ctx.deadline) break;
    const after = await runImportJob(deps, job.id, { owner: ctx.owner, budget: { now: ctx.now, deadline: ctx.deadline }, leaseMs });
    if (!after || (after.state === job.state && after.done === job.done)) continue;
    continued++;
    if (after.state === 'done' || after.state === 'rolledBack') finished++;
  }
  return { continued, finished };
}
