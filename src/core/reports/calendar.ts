/**
 * Working time on the official Chinese calendar, in China time (see core/time).
 * A working day is 09:00–17:00 (480 working minutes) on a day `chinese-days` calls a workday,
 * which includes the swapped weekend workdays (调休) and excludes statutory holidays.
 * "N working days" is N × 480 working minutes from the moment a clock starts, so a report filed
 * on Friday at 18:00 with one working day is due on Monday at 17:00.
 */
import { chinaDayNumber, chinaMidnight, dayKey, msIntoChinaDay } from '../time';

export interface Calendar {
  /** Is this local date ("YYYY-MM-DD") a working day? */
  isWorkday(date: string): boolean;
}

// chinese-days builds its holiday tables when it loads (about 20 ms): required on the first question,
// so a cold cloud function that counts no deadline does not pay for them.
let officialWorkday: ((date: string) => boolean) | undefined;

// Asked for the same few hundred dates over and over (every deadline walks day by day), and the
// answer for a date never changes while the process runs.
const officialDays = new Map<string, boolean>();
export const officialCalendar: Calendar = {
  isWorkday(d) {
    let w = officialDays.get(d);
    if (w === undefined) {
      if (officialDays.size >= 20_000) officialDays.clear();
      officialWorkday ??= (require('chinese-days') as typeof import('chinese-days')).isWorkday;
      officialDays.set(d, (w = officialWorkday(d)));
    }
    return w;
  },
};

const MIN = 60_000;
const DAY = 24 * 3600_000;
export const DAY_START = 9 * 60; // minutes after local midnight
export const DAY_END = 17 * 60;
export const WORKDAY_MINUTES = DAY_END - DAY_START;

// Deadlines walk day by day over the same few hundred days: each walk finds its first China day once
// (core/time), then counts days by number, and each day's name is made once per process.
const dayNames = new Map<number, string>();

function dayName(dayNumber: number, t: number): string {
  let name = dayNames.get(dayNumber);
  if (name === undefined) {
    if (dayNames.size >= 20_000) dayNames.clear();
    dayNames.set(dayNumber, (name = dayKey(t)));
  }
  return name;
}

/** Local date of an instant, "YYYY-MM-DD". */
export function localDate(t: number): string {
  return dayName(chinaDayNumber(t), t);
}

/** Minutes after local midnight. */
function localMinutes(t: number): number {
  return Math.floor(msIntoChinaDay(t) / MIN);
}

/** Adds `minutes` of working time to `t`. Never looks further than ~3 years ahead. */
export function addWorkingMinutes(cal: Calendar, t: number, minutes: number): number {
  if (minutes < 0) throw new Error('working minutes must not be negative');
  if (minutes === 0) return t;
  let day = chinaMidnight(t);
  let n = chinaDayNumber(t);
  let at = t - day; // ms after midnight
  let left = minutes * MIN;
  for (let guard = 0; guard < 1200; guard++) {
    if (cal.isWorkday(dayName(n, day))) {
      const start = Math.max(at, DAY_START * MIN);
      const end = DAY_END * MIN;
      if (start < end) {
        if (left <= end - start) return day + start + left;
        left -= end - start;
      }
    }
    day += DAY;
    n++;
    at = 0;
  }
  throw new Error('no working time found within three years');
}

export function addWorkingDays(cal: Calendar, t: number, days: number): number {
  return addWorkingMinutes(cal, t, days * WORKDAY_MINUTES);
}

/** Working minutes between two instants (0 if `to` is not after `from`). */
export function workingMinutesBetween(cal: Calendar, from: number, to: number): number {
  if (to <= from) return 0;
  let total = 0;
  let day = chinaMidnight(from);
  let n = chinaDayNumber(from);
  for (let guard = 0; day < to && guard < 1200; guard++, day += DAY, n++) {
    if (!cal.isWorkday(dayName(n, day))) continue;
    const s = Math.max(from, day + DAY_START * MIN);
    const e = Math.min(to, day + DAY_END * MIN);
    if (e > s) total += (e - s) / MIN;
  }
  return Math.round(total);
}

export { localMinutes };
