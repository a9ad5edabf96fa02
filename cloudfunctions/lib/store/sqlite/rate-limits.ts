import type { Database as Db } from 'better-sqlite3';
import type { RateLimitRepo } from '../port';

/** Hit counters: one row per key and window, counted by an upsert that answers the new count. */
export function sqliteRateLimits(db: Db): RateLimitRepo {
  const q = {
    take: db.prepare<[string, number], { count: number }>(
      `INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1
       RETURNING count`,
    ),
    giveBack: db.prepare('UPDATE rate_limits SET count = count - 1 WHERE key = ? AND window_start = ? AND count > 0'),
    clear: db.prepare('DELETE FROM rate_limits WHERE key = ? AND window_start = ?'),
    purge: db.prepare('DELETE FROM rate_limits WHERE window_start < ?'),
  };
  return {
    async take(key, windowStart) {
      return q.take.get(key, windowStart)!.count;
    },
    async giveBack(key, windowStart) {
      q.giveBack.run(key, windowStart);
    },
    async clear(key, windowStart) {
      q.clear.run(key, windowStart);
    },
    async purgeBefore(before) {
      return q.purge.run(before).changes;
    },
  };
}
