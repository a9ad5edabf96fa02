/**
 * Hit counters on CloudBase: one document per key and window, `_id` `${key}:${windowStart}`.
 * A take increments the window's document; the first take of a window adds it (`addOnce`), and a
 * take that lost that race increments the one the winner added. The answer is the count read
 * after the increment: at least this take's own, and perhaps some that came after it.
 */
import type { RateLimitRepo } from '../port';
import type { CloudbaseKit, Stored } from './kit';

interface RateLimitDoc extends Stored {
  key: string;
  windowStart: number;
  count: number;
}

export function cloudbaseRateLimits(kit: CloudbaseKit): RateLimitRepo {
  const _ = kit.command;
  const coll = () => kit.coll('rate_limits');
  const inc = (id: string) => kit.update(coll().where({ _id: id }), { count: _.inc(1) });

  return {
    async take(key, windowStart) {
      const id = `${key}:${windowStart}`;
      if ((await inc(id)) === 0) {
        const first: RateLimitDoc = { _id: id, key, windowStart, count: 1 };
        if (await kit.addOnce('rate_limits', first)) return 1;
        // Another take added the window first: count this one on it.
        if ((await inc(id)) === 0) throw new Error(`rate limit window ${id} vanished while counting`);
      }
      const d = await kit.docById<RateLimitDoc>('rate_limits', id, { count: true });
      // Purged between the increment and the read (a window far in the past): this take was counted.
      return d?.count ?? 1;
    },
    async giveBack(key, windowStart) {
      // Conditional on a count above zero, in one update: concurrent give-backs never take it below.
      await kit.update(coll().where({ _id: `${key}:${windowStart}`, count: _.gt(0) }), { count: _.inc(-1) });
    },
    async clear(key, windowStart) {
      await kit.remove(coll().where({ _id: `${key}:${windowStart}` }));
    },
    async purgeBefore(before) {
      return kit.remove(coll().where({ windowStart: _.lt(before) }));
    },
  };
}
