/**
 * Counters per key and time window, for what is public and must not be hammered (resolving codes,
 * signing in).
 * Each `take` counts one; the caller refuses once a window's count passes its limit.
 */
export interface RateLimitRepo {
  /** Counts one hit on `key` in the window starting at `windowStart`; answers the window's count including this one. */
  take(key: string, windowStart: number): Promise<number>;
  /**
   * Uncounts one take that turned out not to count (a sign-in whose password was right: it took a
   * try before the password was checked). Never below zero.
   */
  giveBack(key: string, windowStart: number): Promise<void>;
  /** Forgets the window's count (a sign-in lock lifted when staff reset the password). */
  clear(key: string, windowStart: number): Promise<void>;
  /** Removes windows that started before `before`; returns how many. */
  purgeBefore(before: number): Promise<number>;
}
