/**
 * Catch-up for the waiting lists: a lecture still to start, with seats free and people waiting, hands
 * the seats to the head of its list (and tells them), as its cancellation would have done had nothing
 * failed: a CloudBase cancellation whose head had changed under it, a process stopped between the
 * cancellation and its second step. Safe to run twice at once: each hand-over is one transaction of
 * the store, so a run that comes second finds nothing left to hand over.
 */
import { freeSeats } from '../../../src/core';
import type { Deps } from '../deps';
import { deliverPromotions, tellPromoted } from '../actions/lectures/notices';
import type { JobContext } from '../timer/job';

/** Lectures looked at per run (a community has a handful with a waiting list at once). */
export const WAITLIST_LECTURES = 200;
/** Hand-overs per lecture per run (each reads the list's head anew). */
const ROUNDS = 5;

export interface WaitlistCatchUp {
  /** Sign-ups moved up from a waiting list by this run. */
  promoted: number;
  /** Stopped for time with lectures left to look at: the next run continues. */
  more: boolean;
}

export async function catchUpWaitlists(deps: Deps, ctx?: Pick<JobContext, 'now' | 'deadline'>): Promise<WaitlistCatchUp> {
  const now = deps.clock.now();
  const tell = tellPromoted(deps);
  let promoted = 0;
  for (const lecture of await deps.store.lectures.listWaitlisted(now, WAITLIST_LECTURES)) {
    if (ctx && ctx.now() >= ctx.deadline) return { promoted, more: true };
    if (freeSeats(lecture) === 0) continue;
    for (let round = 0; round < ROUNDS; round++) {
      const out = await deps.store.lectures.promote(lecture.id, now, tell);
      promoted += out.promoted.length;
      if (out.promoted.length) await deliverPromotions(deps, out.promoted, (await deps.store.lectures.get(lecture.id)) ?? lecture);
      if (!out.leftBehind) break;
    }
  }
  return { promoted, more: false };
}
