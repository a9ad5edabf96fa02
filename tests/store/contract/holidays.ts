import type { HolidayYear } from '../../../src/core';
import type { Store } from '../../../cloudfunctions/lib/store/port';
import { unit } from '../../support/factories';
import type { ContractContext } from './context';

function year(streetId: string, y: number, extra: Partial<HolidayYear> = {}): HolidayYear {
  return {
    streetId,
    year: y,
    offDays: [`${y}-01-01`],
    workdays: [],
    entered: true,
    source: 'notice',
    version: 0,
    updatedAt: 5_000,
    updatedBy: 'per_staff',
    ...extra,
  };
}

export function holidaysContract(ctx: ContractContext) {
  describe('holidays', () => {
    let store: Store;
    let streetId: string;
    beforeEach(async () => {
      store = ctx.store();
      const street = unit(null, 'street', '幸福街道');
      await store.units.insert(street);
      streetId = street.id;
    });

    it('creates a year, gets it and lists the street’s years oldest first', async () => {
      expect(await store.holidays.get(streetId, 2027)).toBeNull();
      expect(await store.holidays.listForStreet(streetId)).toEqual([]);
      const saved = await store.holidays.save(year(streetId, 2027, { note: '国办发明电', offDays: ['2027-01-01', '2027-02-06'], workdays: ['2027-02-13'] }), 0);
      expect(saved).toMatchObject({ streetId, year: 2027, version: 1, entered: true, note: '国办发明电' });
      await store.holidays.save(year(streetId, 2026), 0);
      expect(await store.holidays.get(streetId, 2027)).toEqual(saved);
      expect((await store.holidays.listForStreet(streetId)).map((y) => y.year)).toEqual([2026, 2027]);
      expect(await store.holidays.listForStreet('another_street')).toEqual([]);
    });

    it('keeps an entered year with empty lists apart from a missing year', async () => {
      const saved = await store.holidays.save(year(streetId, 2028, { offDays: [], workdays: [] }), 0);
      expect(await store.holidays.get(streetId, 2028)).toEqual(saved);
      expect(saved).toMatchObject({ offDays: [], workdays: [], entered: true });
      expect(await store.holidays.get(streetId, 2029)).toBeNull();
    });

    it('replaces a year only over the version the caller read, and bumps it', async () => {
      await store.holidays.save(year(streetId, 2027, { note: 'first' }), 0);
      expect(await store.holidays.save(year(streetId, 2027), 0)).toBeNull();
      const second = await store.holidays.save(year(streetId, 2027, { offDays: ['2027-10-01'], updatedAt: 6_000 }), 1);
      expect(second).toMatchObject({ version: 2, offDays: ['2027-10-01'], updatedAt: 6_000 });
      expect(second).not.toHaveProperty('note');
      expect(await store.holidays.save(year(streetId, 2027, { offDays: [] }), 1)).toBeNull();
      expect(await store.holidays.save(year(streetId, 2030), 3)).toBeNull();
      expect(await store.holidays.get(streetId, 2027)).toEqual(second);
      expect(await store.holidays.get(streetId, 2030)).toBeNull();
    });

    it('lets exactly one of two saves of the same year at the same version win', async () => {
      const creates = await Promise.all(['A', 'B'].map((n) => store.holidays.save(year(streetId, 2027, { note: n }), 0)));
      expect(creates.filter(Boolean)).toHaveLength(1);
      const first = creates.find(Boolean)!;
      expect(await store.holidays.get(streetId, 2027)).toEqual(first);
      const updates = await Promise.all(['C', 'D', 'E'].map((n) => store.holidays.save(year(streetId, 2027, { note: n }), 1)));
      expect(updates.filter(Boolean)).toHaveLength(1);
      expect(await store.holidays.get(streetId, 2027)).toEqual(updates.find(Boolean));
    });

    it('lists the live streets that have not entered a year', async () => {
      const other = unit(null, 'street', '和平街道');
      const closed = unit(null, 'street', '旧街道', { archived: true });
      await store.units.insert(other);
      await store.units.insert(closed);
      await store.holidays.save(year(streetId, 2027), 0);
      expect(await store.holidays.listStreetsMissing(2027)).toEqual([other.id]);
      expect(await store.holidays.listStreetsMissing(2028)).toEqual([streetId, other.id].sort());
    });
  });
}
