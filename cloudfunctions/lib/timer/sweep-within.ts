/**
 * The sweep with a time budget. The sweep asks before each claim and each chunk of a claimed batch
 * whether to go on; this answers no once the time that remains would not cover another piece of
 * work as long as the longest one so far. What it has saved stays saved (each report is its own
 * save), what it claimed and did not reach is let go at once, and the next run picks up the rest.
 */
import type { Deps } from '../deps';
import { sweep, type SweepResult } from '../jobs/sweep';
import type { JobContext } from './job';

export interface BudgetedSweep extends SweepResult {
  /** Stopped for time with reports possibly still due: the next run continues. */
  more: boolean;
}

/**
 * Reports saved between two looks at the clock. On CloudBase a save is a transaction of a few
 * requests and the adapter runs 8 at once, so a chunk is 5 rounds of those and its notices: a few
 * seconds at most, the most a run can overshoot its budget by.
 */
export const SWEEP_CHUNK = 40;

export async function sweepWithin(deps: Deps, ctx: JobContext, batch?: number, chunk = SWEEP_CHUNK): Promise<BudgetedSweep> {
  let lastAt = ctx.now();
  let longest = 0;
  let more = false;
  const stop = () => {
    const at = ctx.now();
    longest = Math.max(longest, at - lastAt);
    lastAt = at;
    if (ctx.deadline - at <= longest) more = true;
    return more;
  };
  const res = await sweep(deps, ctx.owner, batch, { chunk, stop });
  return { ...res, more };
}
