import { getHolidaysInRange } from 'chinese-days';
import {
  addWorkingDays,
  buildStreetCalendar,
  checkHolidayLists,
  chineseDaysLibrary,
  holidayWarningYear,
  libraryYear,
  officialCalendar,
  streetIdOfPath,
  type HolidayLibrary,
} from '../../src/core';
import { SAMPLE_2027 } from '../support/holidays-2027';

/** An instant in China time, written the way a person reads it. */
const cn = (s: string) => Date.parse(`${s.replace(' ', 'T')}:00+08:00`);
const show = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
const daysOf = (year: number) => Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(year, 0, 1 + i)).toISOString().slice(0, 10)).filter((d) => d.startsWith(`${year}`));

const entered2027 = { year: 2027, ...SAMPLE_2027 };

describe('holidays: a street’s calendar', () => {
  describe('a year with a stored schedule (2027, entered from the notice)', () => {
    const cal = buildStreetCalendar([entered2027]);
    const table: [string, string, number, string][] = [
      ['over New Year’s Day: filed on the last Thursday of 2026', '2026-12-31 10:00', 1, '2027-01-04 10:00'],
      ['into the Spring Festival', '2027-02-04 15:00', 1, '2027-02-12 15:00'],
      ['through the swapped Saturday after the Spring Festival', '2027-02-19 10:00', 1, '2027-02-20 10:00'],
      ['over National Day, with the swapped Sunday before it', '2027-09-24 10:00', 2, '2027-09-27 10:00'],
      ['into National Day', '2027-09-30 16:00', 1, '2027-10-08 16:00'],
      ['on a day the notice does not name: weekends as usual', '2027-11-26 10:00', 1, '2027-11-29 10:00'],
    ];
    it.each(table)('%s: %s + %d → %s', (_name, from, days, due) => {
      expect(show(addWorkingDays(cal, cn(from), days))).toBe(due);
    });

    it('answers from the entry, not the library, and falls back nowhere', () => {
      expect(cal.sourceOf(2027)).toBe('entered');
      expect(cal.isWorkday('2027-01-01')).toBe(false);
      expect(officialCalendar.isWorkday('2027-01-01')).toBe(true); // what chinese-days 1.5.7 says
      expect(cal.isWorkday('2027-09-26')).toBe(true);
      expect(cal.fallbackYears()).toEqual([]);
    });

    it('wins over the library in a year the library knows', () => {
      // A street that entered 2026 itself, keeping National Day but not the Spring Festival.
      const own = buildStreetCalendar([{ year: 2026, offDays: ['2026-10-01', '2026-10-02'], workdays: [] }]);
      expect(own.sourceOf(2026)).toBe('entered');
      expect(own.isWorkday('2026-02-16')).toBe(true);
      expect(officialCalendar.isWorkday('2026-02-16')).toBe(false);
      expect(own.isWorkday('2026-10-02')).toBe(false);
      expect(own.isWorkday('2026-10-10')).toBe(false); // a Saturday: the library's swap is not this street's
    });

    it('treats an entered year with empty lists as weekends, entered and not missing', () => {
      const empty = buildStreetCalendar([{ year: 2028, offDays: [], workdays: [] }]);
      expect(empty.sourceOf(2028)).toBe('entered');
      expect(empty.isWorkday('2028-01-03')).toBe(true);
      expect(empty.isWorkday('2028-01-01')).toBe(false);
      expect(empty.fallbackYears()).toEqual([]);
    });

    it('lets next year’s notice name days of the December before it', () => {
      // The 2019 notice: 2018-12-29 (a Saturday) worked, 12-30 to 2019-01-01 off.
      const cal2019 = buildStreetCalendar([{ year: 2019, offDays: ['2018-12-30', '2018-12-31', '2019-01-01'], workdays: ['2018-12-29'] }]);
      expect(cal2019.isWorkday('2018-12-29')).toBe(true);
      expect(cal2019.isWorkday('2018-12-31')).toBe(false);
      expect(cal2019.sourceOf(2018)).toBe('library');
    });
  });

  describe('a year with only the library (2026)', () => {
    const cal = buildStreetCalendar([entered2027]);

    it('answers every day of 2026 as chinese-days does', () => {
      expect(cal.sourceOf(2026)).toBe('library');
      for (const d of daysOf(2026)) expect([d, cal.isWorkday(d)]).toEqual([d, officialCalendar.isWorkday(d)]);
      expect(cal.fallbackYears()).toEqual([]);
    });

    it('counts over the library’s National Day and swapped Saturday', () => {
      expect(show(addWorkingDays(cal, cn('2026-09-30 16:00'), 1))).toBe('2026-10-08 16:00');
      expect(show(addWorkingDays(cal, cn('2026-10-09 10:00'), 1))).toBe('2026-10-10 10:00');
    });

    it('gives a library year as lists that, entered, make the same calendar', () => {
      const lists = libraryYear(2026)!;
      expect(lists.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
      expect(lists.offDays).toEqual(expect.arrayContaining(['2026-01-01', '2026-02-15', '2026-02-23', '2026-10-07']));
      expect(checkHolidayLists(2026, lists)).toEqual({ ok: true, value: lists });
      const copied = buildStreetCalendar([{ year: 2026, ...lists }]);
      for (const d of daysOf(2026)) expect([d, copied.isWorkday(d)]).toEqual([d, officialCalendar.isWorkday(d)]);
      expect(libraryYear(chineseDaysLibrary.lastYear() + 1)).toBeNull();
    });

    it('finds the library’s last year by asking it, so a newer chinese-days extends the calendar', () => {
      const last = chineseDaysLibrary.lastYear();
      expect(last).toBeGreaterThanOrEqual(2026);
      expect(getHolidaysInRange(`${last}-01-01`, `${last}-12-31`, false).length).toBeGreaterThan(0);
      expect(getHolidaysInRange(`${last + 1}-01-01`, `${last + 1}-12-31`, false)).toEqual([]);
      const newer: HolidayLibrary = { lastYear: () => 2027, isWorkday: (d) => d !== '2027-01-01' && officialCalendar.isWorkday(d), year: () => null };
      const cal2027 = buildStreetCalendar([], newer);
      expect(cal2027.sourceOf(2027)).toBe('library');
      expect(cal2027.isWorkday('2027-01-01')).toBe(false);
      expect(cal2027.fallbackYears()).toEqual([]);
    });
  });

  describe('a year with neither (2028)', () => {
    it('falls back to weekends and says which years did', () => {
      const cal = buildStreetCalendar([entered2027]);
      expect(cal.sourceOf(2028)).toBe('weekends');
      expect(cal.fallbackYears()).toEqual([]);
      // 2028-01-01 is a Saturday; Monday 2028-01-03 counts as a working day.
      expect(show(addWorkingDays(cal, cn('2027-12-31 10:00'), 1))).toBe('2028-01-03 10:00');
      expect(cal.isWorkday('2028-10-02')).toBe(true);
      expect(cal.isWorkday('2028-10-07')).toBe(false);
      expect(cal.fallbackYears()).toEqual([2028]);
    });

    it('is what a street without any entry gets for 2027', () => {
      const cal = buildStreetCalendar([]);
      expect(show(addWorkingDays(cal, cn('2026-12-31 10:00'), 1))).toBe('2027-01-01 10:00');
      expect(cal.fallbackYears()).toEqual([2027]);
    });
  });

  describe('checking a year as entered', () => {
    it('sorts, merges overlapping ranges and accepts weekends among the days off', () => {
      const r = checkHolidayLists(2027, { offDays: ['2027-10-02', '2027-01-01', '2027-10-02', '2027-01-02'], workdays: ['2027-10-09', '2027-09-26'] });
      expect(r).toEqual({ ok: true, value: { offDays: ['2027-01-01', '2027-01-02', '2027-10-02'], workdays: ['2027-09-26', '2027-10-09'] } });
      expect(checkHolidayLists(2027, SAMPLE_2027).ok).toBe(true);
      expect(checkHolidayLists(2027, { offDays: [], workdays: [] })).toEqual({ ok: true, value: { offDays: [], workdays: [] } });
    });

    it('accepts the December before the year and nothing further', () => {
      expect(checkHolidayLists(2019, { offDays: ['2018-12-30', '2018-12-31', '2019-01-01'], workdays: ['2018-12-29'] }).ok).toBe(true);
      const r = checkHolidayLists(2027, { offDays: ['2026-11-30', '2028-01-01'], workdays: [] });
      expect(r).toMatchObject({ ok: false, errors: [{ field: 'offDays.0', code: 'OUTSIDE_YEAR' }, { field: 'offDays.1', code: 'OUTSIDE_YEAR' }] });
    });

    it.each([
      ['a date that does not exist', { offDays: ['2027-02-30'], workdays: [] }, 'offDays.0', 'BAD_DATE'],
      ['a date written another way', { offDays: ['2027/1/1'], workdays: [] }, 'offDays.0', 'BAD_DATE'],
      ['a swapped workday on a weekday', { offDays: [], workdays: ['2027-02-08'] }, 'workdays.0', 'NOT_WEEKEND'],
      ['a day both off and worked', { offDays: ['2027-02-20'], workdays: ['2027-02-13', '2027-02-20'] }, 'workdays.1', 'BOTH'],
    ])('refuses %s, naming the field', (_name, lists, field, code) => {
      const r = checkHolidayLists(2027, lists);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.errors[0]).toMatchObject({ field, code });
        expect(r.errors[0].message).toMatch(/[\u4e00-\u9fff]/);
      }
    });

    it('refuses a year out of range and a list too long', () => {
      expect(checkHolidayLists(1999, { offDays: [], workdays: [] })).toMatchObject({ ok: false, errors: [{ field: 'year' }] });
      expect(checkHolidayLists(2027, { offDays: Array(401).fill('2027-01-01'), workdays: [] })).toMatchObject({ ok: false, errors: [{ field: 'offDays', code: 'TOO_MANY' }] });
    });
  });

  it('finds a report’s street as the first id of its unit path', () => {
    expect(streetIdOfPath('/str_1/com_2/cmp_3/bui_4/')).toBe('str_1');
    expect(() => streetIdOfPath('/')).toThrow();
  });

  it('expects next year’s schedule from November 1, China time', () => {
    expect(holidayWarningYear(cn('2026-10-31 23:59'))).toBeNull();
    expect(holidayWarningYear(Date.parse('2026-10-31T16:00:00Z'))).toBe(2027); // 00:00 on Nov 1 in China
    expect(holidayWarningYear(cn('2026-12-31 23:59'))).toBe(2027);
    expect(holidayWarningYear(cn('2027-01-01 00:00'))).toBeNull();
  });
});
