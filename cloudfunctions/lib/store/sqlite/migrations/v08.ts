import type { Migration } from './migration';

export const v08: Migration = {
  version: 8,
  name: 'holidays: the years each street entered',
  // One row per street and year that staff entered; library years are not copied (core/holidays.ts).
  sql: `
    CREATE TABLE holiday_years (
      street_id TEXT NOT NULL REFERENCES units(id),
      year INTEGER NOT NULL,
      doc TEXT NOT NULL,
      version INTEGER NOT NULL,
      PRIMARY KEY (street_id, year)
    ) WITHOUT ROWID;
    -- The missing-year warning: which streets have a year.
    CREATE INDEX holiday_years_year ON holiday_years(year, street_id);
  `,
};
