/**
 * Forgets the counters of rate-limited public actions (resolving codes) once their window is long
 * past: a window matters only while it is current, and a day keeps them for anyone looking into
 * a burst of tries. Safe twice at once: both remove the same rows, and removing is idempotent.
 */
import type { Deps } from '../deps';

export const RATE_LIMIT_KEEP_MS = 24 * 3600_000;

export async function purgeRateLimits(deps: Deps): Promise<{ purged: number }> {
  return { purged: await deps.store.rateLimits.purgeBefore(deps.clock.now() - RATE_LIMIT_KEEP_MS) };
}
