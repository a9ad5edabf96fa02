/**
 * From November 1, every day until it is entered: streets with no schedule for next year hear of it.
 * The State Council publishes next year's holidays in November; a street that does not enter them
 * has its deadlines counted as if New Year's Day, the Spring Festival and National Day were working
 * days (chinese-days knows no later year than it shipped with). A timer job, safe to run twice at once.
 */
import { chineseDaysLibrary, dayKey, holidayWarningYear } from '../../../src/core';
import type { Deps } from '../deps';

export interface HolidayWarningResult {
  /** The year whose schedule is expected now, or null before November. */
  year: number | null;
  /** Streets told today by this run. */
  warned: string[];
}

/** The meta key holding the China date a street was last warned on. */
export const holidayWarningKey = (streetId: string) => `holidays:warned:${streetId}`;

export async function warnMissingHolidays(deps: Deps): Promise<HolidayWarningResult> {
  const now = deps.clock.now();
  const year = holidayWarningYear(now);
  // A year chinese-days knows is covered without anyone entering it.
  if (year === null || year <= chineseDaysLibrary.lastYear()) return { year, warned: [] };
  const today = dayKey(now);
  const warned: string[] = [];
  for (const streetId of await deps.store.holidays.listStreetsMissing(year)) {
    const key = holidayWarningKey(streetId);
    const last = await deps.store.meta.get(key);
    // Once a day per street: of two runs at once, the one whose mark lands warns, the other moves on.
    if (last === today || !(await deps.store.meta.compareAndSet(key, last, today))) continue;
    const street = await deps.store.units.get(streetId);
    const officers = await deps.store.bindings.listWithRoles([streetId], ['street_officer']);
    deps.log.info('holidays.missing', { streetId, year, officers: officers.length });
    for (const personId of new Set(officers.map((b) => b.personId))) {
      await deps.notifier.notify({
        personId,
        kind: 'holidays.missing',
        title: `${year}年节假日安排还没有录入`,
        body: `${street?.name ?? '本街道'}还没有录入${year}年的放假和调休安排。国务院通知发布后请在管理后台“节假日”页录入，否则${year}年的办理时限会把节假日算作工作日。`,
      });
    }
    warned.push(streetId);
  }
  return { year, warned };
}
