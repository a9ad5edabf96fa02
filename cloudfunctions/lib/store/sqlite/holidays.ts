import type { Database as Db } from 'better-sqlite3';
import type { HolidayYear } from '../../../../src/core';
import type { HolidayRepo } from '../port';

interface HolidayRow {
  doc: string;
  version: number;
}

const toYear = (r: HolidayRow): HolidayYear => ({ ...(JSON.parse(r.doc) as HolidayYear), version: r.version });

export function sqliteHolidays(db: Db): HolidayRepo {
  const q = {
    list: db.prepare<[string], HolidayRow>('SELECT doc, version FROM holiday_years WHERE street_id = ? ORDER BY year'),
    get: db.prepare<[string, number], HolidayRow>('SELECT doc, version FROM holiday_years WHERE street_id = ? AND year = ?'),
    // A second create of the same year finds the primary key taken and changes nothing.
    insert: db.prepare('INSERT OR IGNORE INTO holiday_years (street_id, year, doc, version) VALUES (?, ?, ?, 1)'),
    update: db.prepare('UPDATE holiday_years SET doc = ?, version = version + 1 WHERE street_id = ? AND year = ? AND version = ?'),
    missing: db.prepare<[number], { id: string }>(
      `SELECT u.id FROM units u
       WHERE u.kind = 'street' AND u.archived = 0
         AND NOT EXISTS (SELECT 1 FROM holiday_years h WHERE h.year = ? AND h.street_id = u.id)
       ORDER BY u.id`,
    ),
  };

  return {
    async listForStreet(streetId) {
      return q.list.all(streetId).map(toYear);
    },
    async get(streetId, year) {
      const r = q.get.get(streetId, year);
      return r ? toYear(r) : null;
    },
    async save(year, expectedVersion) {
      const stored: HolidayYear = { ...year, version: expectedVersion + 1 };
      const { version: _v, ...doc } = stored;
      const json = JSON.stringify(doc);
      const changes =
        expectedVersion === 0
          ? q.insert.run(year.streetId, year.year, json).changes
          : q.update.run(json, year.streetId, year.year, expectedVersion).changes;
      return changes === 1 ? stored : null;
    },
    async listStreetsMissing(year) {
      return q.missing.all(year).map((r) => r.id);
    },
  };
}
