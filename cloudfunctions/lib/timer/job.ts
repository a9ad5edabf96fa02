/**
 * A timer job: one named thing the timer does on every run (the `timer` cloud function's trigger
 * in CloudBase, the loop in `npm start`). Every job must be safe to run twice at once (two
 * triggers overlapping, or the cloud and a catch-up run) and must catch up after the timer was
 * down, because the platform promises neither exactly-once nor on-time delivery.
 */
import type { Deps } from '../deps';

export interface JobContext {
  /** Who claims what this run acts on; unique per run. */
  owner: string;
  /** The runner's clock in ms (monotonic, not the domain clock, which tests may stop). */
  now(): number;
  /** On `now()`'s scale: start no new piece of work that would end after it. */
  deadline: number;
}

export interface TimerJob<R = unknown> {
  /** Named for what it does, e.g. `sweep`, `purgeSessions`. */
  name: string;
  /** One line for people reading logs and the registry. */
  does: string;
  /** Its share of the function's timeout; the job stops starting work when it is spent. */
  budgetMs: number;
  run(deps: Deps, ctx: JobContext): Promise<R>;
}

/** What the runner reports for each job of a run. */
export type JobResult =
  | { name: string; ok: true; ms: number; result: unknown }
  | { name: string; ok: false; ms: number; error: string; skipped?: boolean };
