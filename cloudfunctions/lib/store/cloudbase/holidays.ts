/**
 * Each street's entered holiday years: one document per street and year, `_id` `${streetId}:${year}`,
 * so the first create of a year is the only one that lands (`addOnce`), and a change is an update
 * conditional on the version the caller read (`updated === 1`).
 */
import type { HolidayYear } from '../../../../src/core';
import type { HolidayRepo } from '../port';
import type { CloudbaseKit, Stored } from './kit';

interface HolidayDoc extends Stored, Omit<HolidayYear, 'note'> {
  /** null rather than absent: an update sets fields and cannot drop one. */
  note: string | null;
}

interface StreetDoc extends Stored {
  kind: string;
  archived: boolean;
  path: string;
}

const holidayId = (streetId: string, year: number) => `${streetId}:${year}`;

function toYear({ _id, note, ...d }: HolidayDoc): HolidayYear {
  return note === null ? d : { ...d, note };
}

export function cloudbaseHolidays(kit: CloudbaseKit): HolidayRepo {
  const coll = () => kit.coll('holidays');
  return {
    async listForStreet(streetId) {
      // A street has a handful of years: one page is plenty.
      const docs = await kit.rows<HolidayDoc>(coll().where({ streetId }).orderBy('year', 'asc').limit(200));
      return docs.map(toYear);
    },
    async get(streetId, year) {
      const d = await kit.docById<HolidayDoc>('holidays', holidayId(streetId, year));
      return d ? toYear(d) : null;
    },
    async save(year, expectedVersion) {
      const stored: HolidayYear = { ...year, version: expectedVersion + 1 };
      const doc: HolidayDoc = { ...stored, _id: holidayId(year.streetId, year.year), note: year.note ?? null };
      if (expectedVersion === 0) return (await kit.addOnce('holidays', doc)) ? stored : null;
      const { _id, streetId, year: y, ...patch } = doc;
      const changed = await kit.update(coll().where({ _id, version: expectedVersion }), patch);
      return changed === 1 ? stored : null;
    },
    async listStreetsMissing(year) {
      const _ = kit.command;
      const streets = await kit.drain<StreetDoc>(
        (after) => kit.coll('units').where(after === null ? { parentId: null } : { parentId: null, path: _.gt(after) }).orderBy('path', 'asc'),
        (d) => d.path,
      );
      const live = streets.filter((s) => s.kind === 'street' && !s.archived).map((s) => s._id);
      const entered = new Set(
        (await kit.byIds<HolidayDoc>('holidays', live.map((id) => holidayId(id, year)), { streetId: true })).map((d) => d.streetId),
      );
      return live.filter((id) => !entered.has(id)).sort();
    },
  };
}
