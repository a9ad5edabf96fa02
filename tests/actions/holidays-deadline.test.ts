/**
 * #13's done-when: with 2027 entered from the notice, a building report filed on 2026-12-31 at 10:00
 * is due after New Year's Day. chinese-days 1.5.7 knows no 2027, so without the entry it would be due on
 * New Year's Day itself.
 */
import type { HolidayYear, Outputs, Unit } from '../../src/core';
import { sweep } from '../../cloudfunctions/lib/jobs/sweep';
import { SAMPLE_2027 } from '../support/holidays-2027';
import { data, harness, type Harness } from '../support/harness';

type Created = Outputs['reports']['create'];
const cn = (s: string) => Date.parse(`${s.replace(' ', 'T')}:00+08:00`);

describe('deadlines on the street’s calendar', () => {
  let h: Harness;
  let building: Unit;
  let street: Unit;
  let req = 0;
  beforeEach(async () => {
    h = await harness({ residents: 5 });
    building = await h.unitNamed('1号楼', '幸福里小区');
    street = (await h.allUnits()).find((u) => u.kind === 'street')!;
    h.clock.set(cn('2026-12-31 10:00'));
  });
  afterEach(() => h.close());

  const file = async () =>
    data(
      await h.call<Created>('reports', 'create', { clientRequestId: `holiday-deadline-${++req}`, unitId: building.id, category: 'noise', description: '楼道灯坏了好几天了' }, await h.as('jumin')),
    ).report;

  const enter2027 = async () => {
    const year: HolidayYear = { streetId: street.id, year: 2027, ...SAMPLE_2027, entered: true, source: 'notice', version: 0, updatedAt: h.clock.now(), updatedBy: null };
    expect(await h.store.holidays.save(year, 0)).not.toBeNull();
    h.deps.calendars.forget(street.id);
  };

  it('makes a building report filed on 2026-12-31 at 10:00 due after New Year’s Day', async () => {
    await enter2027();
    const report = await file();
    expect(report.level).toBe('building');
    // Thursday 10:00–17:00 is 7 of its 8 working hours; Jan 1–3 are off; the last hour is Monday 09:00–10:00.
    expect(report.dueAt).toBe(cn('2027-01-04 10:00'));
  });

  it('would count New Year’s Day as a working day without the entry (chinese-days stops at 2026)', async () => {
    expect((await file()).dueAt).toBe(cn('2027-01-01 10:00'));
  });

  it('applies an entered year to clocks started after it, leaving running ones alone', async () => {
    const before = await file();
    await enter2027();
    const after = await file();
    expect(before.dueAt).toBe(cn('2027-01-01 10:00'));
    expect(after.dueAt).toBe(cn('2027-01-04 10:00'));
    expect((await h.store.reports.get(before.id))!.dueAt).toBe(cn('2027-01-01 10:00'));
  });

  it('reads a year saved elsewhere within a minute, at once where it was saved', async () => {
    await file(); // loads the street's calendar into this process's cache
    await h.store.holidays.save({ streetId: street.id, year: 2027, ...SAMPLE_2027, entered: true, source: 'notice', version: 0, updatedAt: 0, updatedBy: null }, 0);
    expect((await file()).dueAt).toBe(cn('2027-01-01 10:00')); // another instance saved it: not seen yet
    h.clock.advance(60_000);
    expect((await file()).dueAt).toBe(cn('2027-01-04 10:01'));
  });

  it('has the sweep escalate on the street’s calendar: not on New Year’s Day, but after it', async () => {
    await enter2027();
    const report = await file();
    h.clock.set(cn('2027-01-01 12:00'));
    expect(await sweep(h.deps, 'holiday-sweep-1')).toMatchObject({ escalated: 0 });
    h.clock.set(cn('2027-01-04 10:01'));
    expect(await sweep(h.deps, 'holiday-sweep-2')).toMatchObject({ escalated: 1 });
    const up = (await h.store.reports.get(report.id))!;
    // The compound's 3 working days start now: Mon 10:01 → Thu 10:01.
    expect(up).toMatchObject({ level: 'compound', dueAt: cn('2027-01-07 10:01') });
  });
});
