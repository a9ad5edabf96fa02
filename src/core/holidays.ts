/**
 * A street's holidays (节假日) and swapped workdays (调休), year by year, and the working-day calendar
 * its deadlines are counted on.
 *
 * Where a date's answer comes from, first match wins:
 * 1. a year entered by the street's staff (from the State Council's notice, a spreadsheet or an .ics):
 *    its off days and swapped workdays, weekends for every other date;
 * 2. `chinese-days`, for the years it knows (detected, so a newer version extends it by itself);
 * 3. weekends only (Mon–Fri work): the calendar remembers such years so callers can warn.
 *
 * Library years are not copied into the store: the library stays the source for the years it knows
 * (a newer version that corrects a year corrects every street), and `entered` keeps meaning that a
 * person put the year there. A street that wants to change a library year enters it, starting from
 * `libraryYear(year)`, and from then on its entry wins.
 */
import type { Calendar } from './reports/calendar';
import { officialCalendar } from './reports/calendar';
import { dayKey } from './time';
import { ancestorIds } from './units';

export interface HolidayLists {
  /** Days off ('YYYY-MM-DD', sorted, unique), as the notice lists them: weekends inside a range may be listed. */
  offDays: string[];
  /** Saturdays and Sundays that are working days (调休), sorted, unique. */
  workdays: string[];
}

/** Where an entered year came from (shown on the management page and in the audit log). */
export type HolidaySource = 'notice' | 'spreadsheet' | 'ics';

/** One street's schedule for one year, as stored. */
export interface HolidayYear extends HolidayLists {
  streetId: string;
  year: number;
  /** The explicit mark: an entered year with empty lists is a year without holidays, not a missing year. */
  entered: true;
  source: HolidaySource;
  /** Free text, e.g. the notice's number (国办发明电〔2026〕…). */
  note?: string;
  /** 1 on creation, +1 on every save. */
  version: number;
  updatedAt: number;
  /** The person who saved it; null when the system did. */
  updatedBy: string | null;
}

export type HolidayListField = 'offDays' | 'workdays';

export interface HolidayListError {
  /** The dotted path of the bad entry in the input, e.g. "workdays.2", or "offDays" for the list itself. */
  field: string;
  code: 'BAD_DATE' | 'OUTSIDE_YEAR' | 'BOTH' | 'NOT_WEEKEND' | 'TOO_MANY';
  date?: string;
  /** Chinese, for the person entering the year. */
  message: string;
}

export type HolidayListsCheck = { ok: true; value: HolidayLists } | { ok: false; errors: HolidayListError[] };

export const HOLIDAY_YEAR_MIN = 2000;
export const HOLIDAY_YEAR_MAX = 2100;
/** From this month (China time) on, next year's schedule is expected: warnings start on November 1. */
export const HOLIDAY_WARNING_MONTH = 11;

const DAY_MS = 24 * 3600_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a 'YYYY-MM-DD', or null if it is no real date. */
function dayNumberOf(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / DAY_MS;
}

/** 0 = Sunday … 6 = Saturday, of a valid 'YYYY-MM-DD'. */
export function weekdayOf(date: string): number {
  const n = dayNumberOf(date);
  if (n === null) throw new Error(`not a date: ${date}`);
  return (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function isWeekend(date: string): boolean {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
}

/**
 * A notice's dates may begin in the December before its year (元旦 from 12月30日, with a Saturday worked
 * on 12月29日, as in the 2019 notice), so a year's lists take dates of the year and of that December.
 */
export function inNoticeSpan(year: number, date: string): boolean {
  return date.startsWith(`${year}-`) || date.startsWith(`${year - 1}-12-`);
}

/**
 * Checks and normalises a year's lists as entered: real dates, inside the notice's span, no date both off
 * and worked, swapped workdays on Saturdays or Sundays. Off days may include weekends (the notice's
 * ranges do) and repeat (overlapping ranges): the value is sorted and unique.
 */
export function checkHolidayLists(year: number, input: { offDays: readonly string[]; workdays: readonly string[] }): HolidayListsCheck {
  const errors: HolidayListError[] = [];
  const clean: Record<HolidayListField, Set<string>> = { offDays: new Set(), workdays: new Set() };
  if (!Number.isInteger(year) || year < HOLIDAY_YEAR_MIN || year > HOLIDAY_YEAR_MAX) {
    errors.push({ field: 'year', code: 'OUTSIDE_YEAR', message: `年份应在 ${HOLIDAY_YEAR_MIN}–${HOLIDAY_YEAR_MAX} 之间` });
    return { ok: false, errors };
  }
  for (const field of ['offDays', 'workdays'] as const) {
    const list = input[field];
    if (list.length > 400) {
      errors.push({ field, code: 'TOO_MANY', message: '日期太多了，一年最多 366 天' });
      continue;
    }
    list.forEach((date, i) => {
      const at = `${field}.${i}`;
      if (typeof date !== 'string' || dayNumberOf(date) === null) {
        errors.push({ field: at, code: 'BAD_DATE', date: String(date), message: `“${String(date)}”不是有效日期，请写成 2027-01-01` });
      } else if (!inNoticeSpan(year, date)) {
        errors.push({ field: at, code: 'OUTSIDE_YEAR', date, message: `${date} 不在 ${year} 年（或上一年 12 月）之内` });
      } else if (field === 'workdays' && !isWeekend(date)) {
        errors.push({ field: at, code: 'NOT_WEEKEND', date, message: `${date} 不是周六或周日，平时本来就上班，不用列为调休上班日` });
      } else {
        clean[field].add(date);
      }
    });
  }
  input.workdays.forEach((date, i) => {
    if (clean.offDays.has(date) && clean.workdays.has(date)) {
      errors.push({ field: `workdays.${i}`, code: 'BOTH', date, message: `${date} 同时列为放假和上班，请只保留一个` });
    }
  });
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { offDays: [...clean.offDays].sort(), workdays: [...clean.workdays].sort() } };
}

/** The street a unit path lies in: the path's first id (the street is the root of the unit tree). */
export function streetIdOfPath(path: string): string {
  const id = ancestorIds(path)[0];
  if (!id) throw new Error(`no street in unit path "${path}"`);
  return id;
}

/** The year whose schedule should already be entered at `t` (China time), or null before November. */
export function holidayWarningYear(t: number): number | null {
  const day = dayKey(t);
  return +day.slice(5, 7) >= HOLIDAY_WARNING_MONTH ? +day.slice(0, 4) + 1 : null;
}

/** What the calendar knows from a library of official schedules. */
export interface HolidayLibrary {
  /** The last year the library has a schedule for. */
  lastYear(): number;
  isWorkday(date: string): boolean;
  /** A year's lists as the library has them, or null for a year it does not know. */
  year(year: number): HolidayLists | null;
}

type ChineseDays = typeof import('chinese-days');
let chineseDays: ChineseDays | undefined;
// Loaded on the first question, like calendar.ts does, so a cold function that counts no deadline does not pay for it.
const lib = (): ChineseDays => (chineseDays ??= require('chinese-days') as ChineseDays);

let libraryLast: number | undefined;
/**
 * chinese-days answers weekends-only for years it has no schedule for, so its last year is found by
 * asking whether it has a New Year's Day (a statutory holiday every year). Its years run without a gap
 * from 2004, so a binary search asks seven times (under a millisecond) where a walk would ask twenty.
 */
function detectLastYear(): number {
  const { getHolidaysInRange } = lib();
  const knows = (y: number) => getHolidaysInRange(`${y}-01-01`, `${y}-01-07`, false).length > 0;
  let known = 2004;
  let unknown = HOLIDAY_YEAR_MAX + 1;
  while (unknown - known > 1) {
    const mid = (known + unknown) >> 1;
    if (knows(mid)) known = mid;
    else unknown = mid;
  }
  return known;
}

export const chineseDaysLibrary: HolidayLibrary = {
  lastYear: () => (libraryLast ??= detectLastYear()),
  isWorkday: (date) => officialCalendar.isWorkday(date),
  year(year) {
    if (year > chineseDaysLibrary.lastYear()) return null;
    const { getHolidaysInRange, getWorkdaysInRange } = lib();
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    return {
      offDays: getHolidaysInRange(from, to, false).sort(),
      workdays: getWorkdaysInRange(from, to, true).filter(isWeekend).sort(),
    };
  },
};

/** A year's lists as chinese-days has them (the starting point when a street enters a year it knows). */
export function libraryYear(year: number, library: HolidayLibrary = chineseDaysLibrary): HolidayLists | null {
  return library.year(year);
}

export type HolidayYearSource = 'entered' | 'library' | 'weekends';

/** A street's working-day calendar, built from its stored years. */
export interface StreetCalendar extends Calendar {
  /** Where the answers for a year come from. */
  sourceOf(year: number): HolidayYearSource;
  /** Years asked about so far that had neither an entered schedule nor the library's (counted as Mon–Fri). */
  fallbackYears(): number[];
}

/**
 * Builds the calendar for a street's stored years (entered ones; the library and weekends fill the rest).
 * Every answer is worked out once per calendar and kept: deadline math asks for the same days again and
 * again, and does it synchronously, so everything it needs is loaded before this is called.
 */
export function buildStreetCalendar(
  years: readonly Pick<HolidayYear, 'year' | 'offDays' | 'workdays'>[],
  library: HolidayLibrary = chineseDaysLibrary,
): StreetCalendar {
  const entered = new Set<number>();
  // Dates an entered year names; a December date named by next year's notice as well is answered by that notice.
  const named = new Map<string, boolean>();
  for (const y of [...years].sort((a, b) => a.year - b.year)) {
    entered.add(y.year);
    for (const d of y.offDays) named.set(d, false);
    for (const d of y.workdays) named.set(d, true);
  }
  const fellBack = new Set<number>();
  const answers = new Map<string, boolean>();
  const sourceOf = (year: number): HolidayYearSource =>
    entered.has(year) ? 'entered' : year <= library.lastYear() ? 'library' : 'weekends';
  return {
    sourceOf,
    fallbackYears: () => [...fellBack].sort((a, b) => a - b),
    isWorkday(date) {
      let w = answers.get(date);
      if (w !== undefined) return w;
      w = named.get(date);
      if (w === undefined) {
        const year = +date.slice(0, 4);
        const source = sourceOf(year);
        if (source === 'library') w = library.isWorkday(date);
        else {
          if (source === 'weekends') fellBack.add(year);
          w = !isWeekend(date);
        }
      }
      if (answers.size >= 20_000) answers.clear();
      answers.set(date, w);
      return w;
    },
  };
}
