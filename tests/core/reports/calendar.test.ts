import { addWorkingDays, addWorkingMinutes, clocksFor, DEFAULT_POLICY, extendClocks, findCategory, localDate, officialCalendar as cal, workingMinutesBetween } from '../../../src/core';

/** An instant in China time, written the way a person reads it. */
const cn = (s: string) => Date.parse(`${s.replace(' ', 'T')}:00+08:00`);
const show = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('WorkingDays on the official calendar', () => {
  describe('adding working days', () => {
    const table: [string, string, number, string][] = [
      ['an ordinary Tuesday', '2026-11-24 10:00', 1, '2026-11-25 10:00'],
      ['across a weekend', '2026-11-27 10:00', 1, '2026-11-30 10:00'],
      ['filed on Friday evening: a whole Monday', '2026-11-27 18:00', 1, '2026-11-30 17:00'],
      ['filed on Saturday', '2026-11-28 11:00', 1, '2026-11-30 17:00'],
      ['filed before work starts', '2026-11-24 07:30', 1, '2026-11-24 17:00'],
      ['three days across a weekend', '2026-11-26 15:00', 3, '2026-12-01 15:00'],
      // National Day 2026: Oct 1–7 off; Sunday Sep 20 and Saturday Oct 10 are swapped workdays.
      ['into National Day', '2026-09-30 16:00', 1, '2026-10-08 16:00'],
      ['on the swapped Saturday after National Day', '2026-10-09 10:00', 1, '2026-10-10 10:00'],
      ['from the swapped Saturday', '2026-10-10 09:00', 1, '2026-10-10 17:00'],
      ['on the swapped Sunday before National Day', '2026-09-19 12:00', 1, '2026-09-20 17:00'],
      ['five days across National Day', '2026-09-29 09:00', 5, '2026-10-10 17:00'],
      // Spring Festival 2026: Feb 15–23 off; Saturday Feb 14 and Saturday Feb 28 are workdays.
      ['into Spring Festival', '2026-02-13 15:00', 1, '2026-02-14 15:00'],
      ['over Spring Festival', '2026-02-14 15:00', 1, '2026-02-24 15:00'],
      ['ten days after Spring Festival, through the swapped Saturday', '2026-02-24 09:00', 5, '2026-02-28 17:00'],
    ];
    it.each(table)('%s: %s + %d → %s', (_name, from, days, due) => {
      expect(show(addWorkingDays(cal, cn(from), days))).toBe(due);
    });
  });

  it('adds working hours within and across days', () => {
    expect(show(addWorkingMinutes(cal, cn('2026-11-24 10:00'), 4 * 60))).toBe('2026-11-24 14:00');
    expect(show(addWorkingMinutes(cal, cn('2026-11-24 15:00'), 4 * 60))).toBe('2026-11-25 11:00');
    expect(show(addWorkingMinutes(cal, cn('2026-11-27 16:30'), 4 * 60))).toBe('2026-11-30 12:30');
    expect(addWorkingMinutes(cal, cn('2026-11-28 03:00'), 0)).toBe(cn('2026-11-28 03:00'));
  });

  it('counts working minutes between two instants', () => {
    expect(workingMinutesBetween(cal, cn('2026-11-27 16:00'), cn('2026-11-30 10:00'))).toBe(120);
    expect(workingMinutesBetween(cal, cn('2026-09-30 16:00'), cn('2026-10-08 16:00'))).toBe(480);
    expect(workingMinutesBetween(cal, cn('2026-10-08 16:00'), cn('2026-09-30 16:00'))).toBe(0);
  });

  it('reads the local date in China time', () => {
    expect(localDate(cn('2026-10-01 00:30'))).toBe('2026-10-01');
    expect(localDate(Date.parse('2026-09-30T16:30:00Z'))).toBe('2026-10-01');
  });
});

describe('deadlines per level and category', () => {
  const noise = findCategory(DEFAULT_POLICY, 'noise')!;
  const lift = findCategory(DEFAULT_POLICY, 'lift')!;

  it('gives a building report 4 working hours to respond, one working day to resolve, and warns at 75 %', () => {
    const c = clocksFor(cal, DEFAULT_POLICY, noise, 'building', cn('2026-11-27 15:00'));
    expect(show(c.respondBy)).toBe('2026-11-30 11:00');
    expect(show(c.warnAt)).toBe('2026-11-30 13:00');
    expect(show(c.dueAt)).toBe('2026-11-30 15:00');
  });

  it('gives the compound 3 working days, the community 5 and the street 10', () => {
    const start = cn('2026-11-24 10:00');
    expect(show(clocksFor(cal, DEFAULT_POLICY, noise, 'compound', start).dueAt)).toBe('2026-11-27 10:00');
    expect(show(clocksFor(cal, DEFAULT_POLICY, noise, 'community', start).dueAt)).toBe('2026-12-01 10:00');
    expect(show(clocksFor(cal, DEFAULT_POLICY, noise, 'street', start).dueAt)).toBe('2026-12-08 10:00');
  });

  it('counts urgent categories in plain hours, across midnight and holidays', () => {
    const c = clocksFor(cal, DEFAULT_POLICY, lift, 'compound', cn('2026-09-30 22:00'));
    expect(show(c.respondBy)).toBe('2026-09-30 23:00');
    expect(show(c.warnAt)).toBe('2026-10-01 16:00');
    expect(show(c.dueAt)).toBe('2026-10-01 22:00');
    expect(show(clocksFor(cal, DEFAULT_POLICY, lift, 'building', cn('2026-11-28 23:30')).dueAt)).toBe('2026-11-29 03:30');
  });

  it('lets a community override one category at one level', () => {
    const policy = { ...DEFAULT_POLICY, overrides: { noise: { building: { resolveDays: 2 } } } };
    expect(show(clocksFor(cal, policy, noise, 'building', cn('2026-11-24 10:00')).dueAt)).toBe('2026-11-26 10:00');
    expect(show(clocksFor(cal, policy, noise, 'compound', cn('2026-11-24 10:00')).dueAt)).toBe('2026-11-27 10:00');
  });

  it('moves the resolve deadline by an approved extension', () => {
    const c = clocksFor(cal, DEFAULT_POLICY, noise, 'compound', cn('2026-11-24 10:00'));
    const e = extendClocks(cal, DEFAULT_POLICY, c, 2, false);
    expect(show(e.dueAt)).toBe('2026-12-01 10:00');
    expect(e.respondBy).toBe(c.respondBy);
  });
});
