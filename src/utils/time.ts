/**
 * Dates on the pages, read off the device's clock: the one way we write them (core/time, China time),
 * with `now` defaulting to this moment (core stays pure and takes `now` from its caller). Every page
 * writes a date with one of these two and nothing else.
 */
import { formatDay as dayIn, formatWhen as whenIn } from '../core/time';

/** "今天", "昨天", "12月1日", or "2025年12月1日" in another year. */
export function formatDay(ts: number, now: number = Date.now()): string {
  return dayIn(ts, now);
}

/** The same with the time: "今天 15:00", "昨天 09:12", "明天 15:00", "12月1日 15:00", "2025年12月1日 15:00". */
export function formatWhen(ts: number, now: number = Date.now()): string {
  return whenIn(ts, now);
}
