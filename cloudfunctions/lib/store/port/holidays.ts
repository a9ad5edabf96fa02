import type { HolidayYear } from '../../../../src/core';

/**
 * Each street's entered holiday years (节假日 and 调休), one record per street and year (CloudBase `_id`
 * `${streetId}:${year}`). Library years are not stored: see src/core/holidays.ts.
 */
export interface HolidayRepo {
  /** The street's entered years, oldest first. */
  listForStreet(streetId: string): Promise<HolidayYear[]>;
  get(streetId: string, year: number): Promise<HolidayYear | null>;
  /**
   * Creates the year when `expectedVersion` is 0 and the street has none for it yet; otherwise replaces
   * it if the stored version is `expectedVersion`. The stored year gets version `expectedVersion + 1`
   * (the `version` passed in is ignored) and is returned. Returns null, writing nothing, when another
   * save got there first (a year already there for 0, another version or none for n > 0).
   */
  save(year: HolidayYear, expectedVersion: number): Promise<HolidayYear | null>;
  /** Live streets (units of kind street, not archived) that have no entered schedule for `year`, by id. */
  listStreetsMissing(year: number): Promise<string[]>;
}
