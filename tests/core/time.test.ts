import {
  CHINA_OFFSET_MS,
  addMonths,
  chinaDayNumber,
  chinaMidnight,
  chinaParts,
  dayKey,
  dayStart,
  formatChina,
  formatDate,
  formatDateAndTime,
  formatDateTime,
  formatDay,
  formatMonthDayTime,
  formatWhen,
  monthKey,
  monthRange,
  monthStart,
  monthStartOf,
  msIntoChinaDay,
  nextMonth,
  previousMonth,
} from '../../src/core/time';

// Fixed instants written in UTC, so the tests say exactly which side of China midnight they fall.
const utc = (s: string) => Date.parse(`${s}Z`);

describe('China time', () => {
  describe('the wall-clock reading of an instant', () => {
    const table: [string, string, string, string, string][] = [
      // name, instant (UTC), China day, China month, China date-time
      ['China midnight is 16:00 UTC the day before', '2025-11-30T16:00:00', '2025-12-01', '2025-12', '2025-12-01 00:00'],
      ['one ms before China midnight', '2025-11-30T15:59:59.999', '2025-11-30', '2025-11', '2025-11-30 23:59'],
      ['UTC midnight is 08:00 in China', '2025-12-01T00:00:00', '2025-12-01', '2025-12', '2025-12-01 08:00'],
      ['evening UTC is the next China day', '2025-06-15T20:30:00', '2025-06-16', '2025-06', '2025-06-16 04:30'],
      ['new year comes to China eight hours early', '2025-12-31T16:00:00', '2026-01-01', '2026-01', '2026-01-01 00:00'],
      ['last minute of the China year', '2025-12-31T15:59:00', '2025-12-31', '2025-12', '2025-12-31 23:59'],
      ['leap day', '2028-02-29T03:00:00', '2028-02-29', '2028-02', '2028-02-29 11:00'],
      ['the day after the leap day, in China only', '2028-02-29T16:00:00', '2028-03-01', '2028-03', '2028-03-01 00:00'],
      ['end of a 30-day month', '2026-04-30T16:00:00', '2026-05-01', '2026-05', '2026-05-01 00:00'],
      ['before the epoch', '1969-12-31T15:00:00', '1969-12-31', '1969-12', '1969-12-31 23:00'],
    ];
    it.each(table)('%s', (_name, instant, day, month, dateTime) => {
      const t = utc(instant);
      expect(dayKey(t)).toBe(day);
      expect(formatChina(t, 'YYYY-MM-DD')).toBe(day);
      expect(monthKey(t)).toBe(month);
      expect(formatDateTime(t)).toBe(dateTime);
      // the integer helpers agree with dayjs
      expect(chinaMidnight(t)).toBe(dayStart(day));
      expect(msIntoChinaDay(t)).toBe(t - dayStart(day));
      expect(chinaDayNumber(t)).toBe((dayStart(day) + CHINA_OFFSET_MS) / 86_400_000);
    });
  });

  it('splits an instant into China parts', () => {
    expect(chinaParts(utc('2025-11-30T16:05:09'))).toEqual({ year: 2025, month: 12, day: 1, hour: 0, minute: 5, second: 9, weekday: 1 });
    expect(chinaParts(utc('2025-12-31T23:59:59'))).toEqual({ year: 2026, month: 1, day: 1, hour: 7, minute: 59, second: 59, weekday: 4 });
  });

  describe('starts of days and months', () => {
    const days: [string, string][] = [
      ['2025-12-01', '2025-11-30T16:00:00'],
      ['2026-01-01', '2025-12-31T16:00:00'],
      ['2028-02-29', '2028-02-28T16:00:00'],
      ['2028-03-01', '2028-02-29T16:00:00'],
    ];
    it.each(days)('day %s starts at %s UTC', (day, instant) => {
      expect(dayStart(day)).toBe(utc(instant));
    });

    const months: [string, number, number, string][] = [
      ['2025-12', 2025, 12, '2025-11-30T16:00:00'],
      ['2026-01', 2026, 1, '2025-12-31T16:00:00'],
      ['2028-03', 2028, 3, '2028-02-29T16:00:00'],
    ];
    it.each(months)('month %s (%d, %d) starts at %s UTC', (month, y, m, instant) => {
      expect(monthStart(month)).toBe(utc(instant));
      expect(monthStartOf(y, m)).toBe(utc(instant));
    });

    it('rolls a month number past the year', () => {
      expect(monthStartOf(2025, 13)).toBe(monthStart('2026-01'));
      expect(monthStartOf(2026, 0)).toBe(monthStart('2025-12'));
    });

    it('gives a month as a half-open range', () => {
      expect(monthRange('2028-02')).toEqual({ from: utc('2028-01-31T16:00:00'), to: utc('2028-02-29T16:00:00') });
      expect(monthRange('2025-12')).toEqual({ from: utc('2025-11-30T16:00:00'), to: utc('2025-12-31T16:00:00') });
    });
  });

  describe('month arithmetic', () => {
    const table: [string, number, string][] = [
      ['2025-11', 1, '2025-12'],
      ['2025-12', 1, '2026-01'],
      ['2026-01', -1, '2025-12'],
      ['2026-03', -14, '2025-01'],
      ['2026-03', 0, '2026-03'],
      ['2026-03', 22, '2028-01'],
    ];
    it.each(table)('%s + %d months → %s', (month, n, out) => {
      expect(addMonths(month, n)).toBe(out);
    });
    it('names the next and the previous month', () => {
      expect(nextMonth('2025-12')).toBe('2026-01');
      expect(previousMonth('2026-01')).toBe('2025-12');
      expect(previousMonth('2028-03')).toBe('2028-02');
    });
  });

  describe('written for people', () => {
    const now = utc('2025-12-01T02:00:00'); // 2025-12-01 10:00 in China
    const table: [string, string, string, string, string][] = [
      // name, instant (UTC), formatDay, formatWhen, formatDate
      ['earlier today', '2025-12-01T00:30:00', '今天', '今天 08:30', '12月1日'],
      ['China midnight today', '2025-11-30T16:00:00', '今天', '今天 00:00', '12月1日'],
      ['the last minute of yesterday', '2025-11-30T15:59:00', '昨天', '昨天 23:59', '11月30日'],
      ['yesterday morning, still "today" in UTC', '2025-11-30T01:12:00', '昨天', '昨天 09:12', '11月30日'],
      ['tomorrow (a deadline)', '2025-12-02T07:00:00', '明天', '明天 15:00', '12月2日'],
      ['two days ago', '2025-11-29T07:00:00', '11月29日', '11月29日 15:00', '11月29日'],
      ['last year', '2024-12-01T02:00:00', '2024年12月1日', '2024年12月1日 10:00', '2024年12月1日'],
      ['New Year’s Eve in UTC is next year in China', '2025-12-31T17:00:00', '2026年1月1日', '2026年1月1日 01:00', '2026年1月1日'],
    ];
    it.each(table)('%s', (_name, instant, day, when, date) => {
      const t = utc(instant);
      expect(formatDay(t, now)).toBe(day);
      expect(formatWhen(t, now)).toBe(when);
      expect(formatDate(t, now)).toBe(date);
    });

    it('keeps the China day when now is just after China midnight', () => {
      const justAfter = utc('2025-11-30T16:01:00'); // 2025-12-01 00:01 China, still Nov 30 in UTC
      expect(formatDay(utc('2025-11-30T15:00:00'), justAfter)).toBe('昨天');
      expect(formatDay(utc('2025-11-30T16:00:00'), justAfter)).toBe('今天');
    });

    it('compares years in China time', () => {
      const newYear = utc('2025-12-31T16:30:00'); // 2026-01-01 00:30 China
      expect(formatDate(utc('2025-12-31T15:00:00'), newYear)).toBe('2025年12月31日');
      expect(formatDateAndTime(utc('2025-12-29T15:00:00'), newYear)).toBe('2025年12月29日 23:00');
      expect(formatDateAndTime(utc('2026-02-01T01:05:00'), newYear)).toBe('2月1日 09:05');
    });

    it('writes fixed formats', () => {
      const t = utc('2025-11-30T17:05:00');
      expect(formatDateTime(t)).toBe('2025-12-01 01:05');
      expect(formatMonthDayTime(t)).toBe('12月1日 01:05');
      expect(formatChina(t, 'YYYY/MM/DD HH:mm')).toBe('2025/12/01 01:05');
    });
  });
});
