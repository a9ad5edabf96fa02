/**
 * The `timer` cloud function's main: CloudBase calls main({ Type: 'Timer', TriggerName, Time }) on
 * the cron in its config.json, and a run does every job of the registry. A call that is not a
 * timer event is refused, though a run would do no harm (every job is safe to run twice at once).
 */
import { cloudDeps, type MainOptions } from '../entry';
import type { JobResult, TimerJob } from './job';
import { runJobs } from './runner';

/** Kept back from the function's timeout for starting up and answering. */
export const TIMEOUT_MARGIN_MS = 5_000;

export function makeTimer(name: string, jobs: readonly TimerJob[], timeoutMs: number, opts: MainOptions = {}) {
  return async function main(event: unknown, context: unknown): Promise<unknown> {
    const e = (typeof event === 'object' && event !== null ? event : {}) as { Type?: unknown };
    if (e.Type !== 'Timer') return { ok: false, code: 'AUTH.FORBIDDEN', message: '定时任务只能由定时触发器调用' };
    const deps = await cloudDeps(opts);
    const runId = `${name}-${(context as { request_id?: string } | null)?.request_id ?? deps.ids.next('run')}`;
    const results: JobResult[] = await runJobs(jobs, deps, { owner: runId, timeoutMs: timeoutMs - TIMEOUT_MARGIN_MS });
    return { ok: true, data: { runId, jobs: results } };
  };
}
