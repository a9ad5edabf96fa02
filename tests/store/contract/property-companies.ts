import type { PropertyCompany } from '../../../src/core';
import type { Store } from '../../../cloudfunctions/lib/store/port';
import type { ContractContext } from './context';
import { tree } from './tree';

function company(id: string, communityId: string, compoundIds: string[], extra: Partial<PropertyCompany> = {}): PropertyCompany {
  return {
    id,
    communityId,
    name: `物业${id}`,
    contactPhone: '13800000001',
    compoundIds,
    archived: false,
    createdAt: 10_000,
    createdBy: 'per_staff',
    updatedAt: 10_000,
    version: 1,
    ...extra,
  };
}

export function propertyCompaniesContract(ctx: ContractContext) {
  describe('property companies', () => {
    let store: Store;
    let t: Awaited<ReturnType<typeof tree>>;
    beforeEach(async () => {
      store = ctx.store();
      t = await tree(store);
    });

    it('stores a company and finds it by the compounds it serves', async () => {
      const c = company('pco_1', t.community.id, [t.a.id, t.b.id], { name: '幸福物业' });
      expect(await store.propertyCompanies.insert(c)).toEqual({ ok: true, company: c });
      expect(await store.propertyCompanies.get(c.id)).toEqual(c);
      expect(await store.propertyCompanies.forCompound(t.a.id)).toEqual(c);
      expect(await store.propertyCompanies.forCompound(t.b.id)).toEqual(c);
      expect(await store.propertyCompanies.forCompound('unit_none')).toBeNull();
      expect(await store.propertyCompanies.get('pco_none')).toBeNull();
    });

    it('refuses a compound another company serves, writing nothing', async () => {
      await store.propertyCompanies.insert(company('pco_1', t.community.id, [t.a.id]));
      const second = company('pco_2', t.community.id, [t.b.id, t.a.id]);
      expect(await store.propertyCompanies.insert(second)).toEqual({ ok: false, reason: 'compound_taken', compoundId: t.a.id, companyId: 'pco_1' });
      expect(await store.propertyCompanies.get('pco_2')).toBeNull();
      // Nothing of the refused write stays: b is still free.
      expect(await store.propertyCompanies.forCompound(t.b.id)).toBeNull();
      const other = company('pco_3', t.community.id, [t.b.id]);
      expect((await store.propertyCompanies.insert(other)).ok).toBe(true);
    });

    it('updates at the version read, moving its compounds; a stale version or a taken compound writes nothing', async () => {
      const c = company('pco_1', t.community.id, [t.a.id]);
      await store.propertyCompanies.insert(c);
      await store.propertyCompanies.insert(company('pco_2', t.community.id, []));
      const moved: PropertyCompany = { ...c, name: '新名字', compoundIds: [t.b.id], updatedAt: 20_000, version: 2 };
      expect(await store.propertyCompanies.update(moved, 1)).toEqual({ ok: true, company: moved });
      expect(await store.propertyCompanies.forCompound(t.a.id)).toBeNull();
      expect(await store.propertyCompanies.forCompound(t.b.id)).toEqual(moved);
      expect(await store.propertyCompanies.update({ ...c, version: 2 }, 1)).toEqual({ ok: false, reason: 'conflict' });
      // The other company now takes a; b stays with pco_1.
      const p2 = (await store.propertyCompanies.get('pco_2'))!;
      expect((await store.propertyCompanies.update({ ...p2, compoundIds: [t.a.id], version: 2 }, 1)).ok).toBe(true);
      expect(await store.propertyCompanies.update({ ...moved, compoundIds: [t.b.id, t.a.id], version: 3 }, 2)).toEqual({
        ok: false,
        reason: 'compound_taken',
        compoundId: t.a.id,
        companyId: 'pco_2',
      });
      expect(await store.propertyCompanies.get('pco_1')).toEqual(moved);
      expect((await store.propertyCompanies.forCompound(t.b.id))?.id).toBe('pco_1');
    });

    it('frees every compound of an archived company', async () => {
      const c = company('pco_1', t.community.id, [t.a.id]);
      await store.propertyCompanies.insert(c);
      const archived = { ...c, archived: true, version: 2 };
      expect((await store.propertyCompanies.update(archived, 1)).ok).toBe(true);
      expect(await store.propertyCompanies.forCompound(t.a.id)).toBeNull();
      expect((await store.propertyCompanies.insert(company('pco_2', t.community.id, [t.a.id]))).ok).toBe(true);
    });

    it('lists a community\'s companies by name', async () => {
      await store.propertyCompanies.insert(company('pco_1', t.community.id, [], { name: '乙物业' }));
      await store.propertyCompanies.insert(company('pco_2', t.community.id, [], { name: '甲物业' }));
      await store.propertyCompanies.insert(company('pco_3', 'unit_elsewhere', [], { name: '别处物业' }));
      const names = (await store.propertyCompanies.listForCommunity(t.community.id)).map((c) => c.name);
      expect(names).toEqual(['乙物业', '甲物业'].sort());
    });

    it('gives a compound to one of many companies saved with it at once', async () => {
      const racers = Array.from({ length: 8 }, (_, i) => company(`pco_r${i}`, t.community.id, [t.a.id]));
      const results = await Promise.all(racers.map((c) => store.propertyCompanies.insert(c)));
      const won = results.filter((r) => r.ok);
      expect(won).toHaveLength(1);
      const winner = won[0].ok ? won[0].company.id : '';
      expect((await store.propertyCompanies.forCompound(t.a.id))?.id).toBe(winner);
      for (const r of results) if (!r.ok) expect(r).toEqual({ ok: false, reason: 'compound_taken', compoundId: t.a.id, companyId: winner });
    });
  });
}
