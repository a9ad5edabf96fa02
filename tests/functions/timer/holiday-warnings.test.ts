/**
 * warnMissingHolidays beyond what jobs.test.ts checks of every job: who is told, and when.
 */
import { fixedClock } from '../../../src/core';
import { holidayWarningKey, warnMissingHolidays } from '../../../cloudfunctions/lib/jobs/holiday-warnings';
import { makeDeps, silentLogger } from '../../../cloudfunctions/lib/deps';
import { openSqliteStore } from '../../../cloudfunctions/lib/store/sqlite';
import { buildFixture, copyOf, ENTERED_STREET, RUN_AT } from './fixture';

let base: string;
beforeAll(async () => {
  base = await buildFixture();
}, 60_000);

const cn = (s: string) => Date.parse(`${s.replace(' ', 'T')}:00+08:00`);

function open(at: number) {
  const store = openSqliteStore(copyOf(base));
  const clock = fixedClock(at);
  const logged: { msg: string; extra?: Record<string, unknown> }[] = [];
  const deps = makeDeps(store, { clock, log: { ...silentLogger, info: (msg, extra) => logged.push({ msg, extra }) } });
  return { store, clock, deps, logged };
}

async function messagesOfStreetOfficers(deps: ReturnType<typeof open>['deps']) {
  const officer = (await deps.store.people.findByUsername('jiedao'))!;
  return (await deps.store.messages.listForPerson(officer.id, 20)).filter((m) => m.kind === 'holidays.missing');
}

describe('warnMissingHolidays', () => {
  it('tells the street officers of a street that has not entered next year, and logs it', async () => {
    const { store, deps, logged } = open(RUN_AT);
    const streets = await store.units.listRoots();
    const demo = streets.find((s) => s.name !== ENTERED_STREET)!;
    const result = await warnMissingHolidays(deps);
    expect(result).toEqual({ year: 2027, warned: [demo.id] });
    const [message] = await messagesOfStreetOfficers(deps);
    expect(message).toMatchObject({ title: '2027年节假日安排还没有录入' });
    expect(message.body).toContain('幸福街道');
    expect(logged).toEqual([{ msg: 'holidays.missing', extra: { streetId: demo.id, year: 2027, officers: 1 } }]);
    expect(await store.meta.get(holidayWarningKey(demo.id))).toBe('2026-11-30');
    await store.close();
  });

  it('tells them once a day, and again the next day until the year is entered', async () => {
    const { store, clock, deps } = open(RUN_AT);
    await Promise.all([warnMissingHolidays(deps), warnMissingHolidays(deps)]);
    expect((await warnMissingHolidays(deps)).warned).toEqual([]);
    expect(await messagesOfStreetOfficers(deps)).toHaveLength(1);
    clock.set(cn('2026-12-01 00:05'));
    expect((await warnMissingHolidays(deps)).warned).toHaveLength(1);
    expect(await messagesOfStreetOfficers(deps)).toHaveLength(2);
    await store.close();
  });

  it('says nothing before November, nor for a year chinese-days knows', async () => {
    const october = open(cn('2026-10-31 23:00'));
    expect(await warnMissingHolidays(october.deps)).toEqual({ year: null, warned: [] });
    await october.store.close();
    const lastYear = open(cn('2025-11-15 09:00'));
    expect(await warnMissingHolidays(lastYear.deps)).toEqual({ year: 2026, warned: [] });
    expect(await messagesOfStreetOfficers(lastYear.deps)).toEqual([]);
    await lastYear.store.close();
  });
});
