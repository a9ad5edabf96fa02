/**
 * confirmFulfilledWishes: a wish fulfilled more than WISH_CONFIRM_DAYS ago that nobody confirmed is
 * confirmed by the timer, as reports close themselves: the claimer is granted its points and told.
 * The points are keyed by the wish (one entry however many runs grant them) and the wish's write is
 * versioned (one run confirms it and tells), so two runs at once do it once.
 */
import { WISH_CONFIRM_DAYS } from '../../../src/core';
import type { Deps } from '../deps';
import { confirmWish } from '../actions/wishes/confirm';
import type { JobContext } from '../timer/job';

const DAY = 24 * 3600_000;
/** Wishes read at a time. */
const BATCH = 50;

export interface WishConfirmation {
  confirmed: number;
  /** Stopped for time with wishes left: the next run continues. */
  more: boolean;
}

export async function confirmFulfilledWishes(deps: Deps, ctx?: Pick<JobContext, 'now' | 'deadline'>): Promise<WishConfirmation> {
  const now = deps.clock.now();
  let confirmed = 0;
  const passed = new Set<string>();
  for (;;) {
    const batch = (await deps.store.wishes.listFulfilledBefore(now - WISH_CONFIRM_DAYS * DAY, BATCH + passed.size)).filter((w) => !passed.has(w.id));
    if (batch.length === 0) return { confirmed, more: false };
    for (const w of batch) {
      if (ctx && ctx.now() >= ctx.deadline) return { confirmed, more: true };
      if (!(await confirmWish(deps, w, null, now))) {
        passed.add(w.id);
        continue;
      }
      confirmed++;
    }
  }
}
