/**
 * Counters per key and time window, for what is public and must not be hammered (resolving codes).
 * Each `take` counts one; the caller refuses once a window's count passes its limit.
 */
export interface RateLimitRepo {
  /** Counts one hit on `key` in the window starting at `windowStart`; answers the window's count including this one. */
  take(key: string, windowStart: number): Promise<number>;
  /** Removes windows that started before `before`; returns how many. */
  purgeBefore(before: number): Promise<number>;
}
