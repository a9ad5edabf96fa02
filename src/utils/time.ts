/**
 * Dates on the pages, read off the device's clock: the China-time formats of core/time with `now`
 * defaulting to this moment (core stays pure and takes `now` from its caller).
 */
import { formatDate as dateIn, formatDateAndTime, formatWhen as whenIn } from '../core/time';

/** "11月30日", or "2025年11月30日" in another year. */
export function formatDate(ts: number, now: number = Date.now()): string {
  return dateIn(ts, now);
}

/** "11月30日 15:00" — for deadlines, where the exact day matters. */
export function formatDateTime(ts: number, now: number = Date.now()): string {
  return formatDateAndTime(ts, now);
}

/** "今天 15:00", "昨天 09:12", "明天 15:00", else "11月30日 15:00" — for lists and timelines. */
export function formatWhen(ts: number, now: number = Date.now()): string {
  return whenIn(ts, now);
}
