/**
 * The sweep with a time budget. The sweep claims due reports a batch at a time until none are
 * left; this hands it a view of the store whose claim says "none left" once the time that remains
 * would not cover another batch as long as the longest one so far. What it has claimed it finishes
 * and saves, so stopping early leaves nothing half done, and the next run picks up the rest.
 */
import type { Deps } from '../deps';
import type { ReportRepo } from '../store/port';
import { sweep, type SweepResult } from '../jobs/sweep';
import type { JobContext } from './job';

export interface BudgetedSweep extends SweepResult {
  /** Stopped for time with reports possibly still due: the next run continues. */
  more: boolean;
}

export async function sweepWithin(deps: Deps, ctx: JobContext, batch?: number): Promise<BudgetedSweep> {
  const repo = deps.store.reports;
  let claims = 0;
  let lastAt = ctx.now();
  let longest = 0;
  let more = false;
  const claimDue: ReportRepo['claimDue'] = async (...args) => {
    const at = ctx.now();
    if (claims > 0) longest = Math.max(longest, at - lastAt);
    lastAt = at;
    claims++;
    if (claims > 1 && ctx.deadline - at <= longest) {
      more = true;
      return [];
    }
    return repo.claimDue(...args);
  };
  // Object.create keeps every other method of the repositories, wherever the adapter defines them.
  const reports: ReportRepo = Object.assign(Object.create(repo) as ReportRepo, { claimDue });
  const store = Object.assign(Object.create(deps.store) as Deps['store'], { reports });
  const res = await sweep({ ...deps, store }, ctx.owner, batch);
  return { ...res, more };
}
