/**
 * expireWishes: an open wish nobody claimed by its day (byDate before today, China time) expires,
 * and its poster is told. Each is a versioned write, so two runs at once expire it once and tell
 * once; a run stopped for time leaves the rest to the next.
 */
import { dayKey } from '../../../src/core';
import type { Deps } from '../deps';
import { moved } from '../actions/wishes/change';
import { expiredNotice, tell } from '../actions/wishes/notices';
import type { JobContext } from '../timer/job';

/** Wishes read at a time. */
const BATCH = 50;

export interface WishExpiry {
  expired: number;
  /** Stopped for time with wishes left: the next run continues. */
  more: boolean;
}

export async function expireWishes(deps: Deps, ctx?: Pick<JobContext, 'now' | 'deadline'>): Promise<WishExpiry> {
  const now = deps.clock.now();
  const today = dayKey(now);
  let expired = 0;
  // Ids this run could not write (another run got there first): not read again.
  const passed = new Set<string>();
  for (;;) {
    const batch = (await deps.store.wishes.listOpenBefore(today, BATCH + passed.size)).filter((w) => !passed.has(w.id));
    if (batch.length === 0) return { expired, more: false };
    for (const w of batch) {
      if (ctx && ctx.now() >= ctx.deadline) return { expired, more: true };
      const next = moved(w, 'expire', {}, now);
      const saved = next && (await deps.store.wishes.update(next, w.version));
      if (!saved) {
        passed.add(w.id);
        continue;
      }
      expired++;
      await tell(deps, [expiredNotice(saved)]);
    }
  }
}
