import type { Store } from '../../../cloudfunctions/lib/store/port';
import { binding, person, unit } from '../../support/factories';
import type { ContractContext } from './context';
import { tree } from './tree';

export function importsContract(ctx: ContractContext) {
  describe('imports', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    it('writes an import batch whole, and a batch that fails on its last row leaves nothing', async () => {
      const t = await tree(store);
      const lead = person('周小楼', { phone: '13711113333' });
      await store.people.insert(lead, null);
      const c = unit(t.community, 'compound', '新华小区');
      const c1 = unit(c, 'building', '1号楼');
      const p1 = person('钱多多', { phone: '13711112222' });
      await store.imports.commit({ id: 'imp_ok', units: [c, c1], people: [p1], bindings: [binding(p1, c1, 'resident'), binding(lead, c1, 'building_lead')] });
      expect((await store.units.listSubtree(c.path)).map((u) => u.name)).toEqual(['新华小区', '1号楼']);
      expect(await store.bindings.find(p1.id, c1.id, 'resident')).not.toBeNull();
      expect((await store.imports.findByPhones(['13711112222', '13711113333', '13700000000'])).map((p) => p.name).sort()).toEqual(['周小楼', '钱多多']);

      const before = { units: (await store.units.listSubtree(t.street.path)).length, people: await store.people.count() };
      const d = unit(t.community, 'compound', '东方小区');
      const d1 = unit(d, 'building', '1号楼');
      const p2 = person('孙二', { phone: '13711114444' });
      const clash = unit(t.a, 'building', '1号楼'); // taken: 幸福里小区 already has 1号楼
      await expect(store.imports.commit({ id: 'imp_bad', units: [d, d1, clash], people: [p2], bindings: [binding(p2, d1, 'resident')] })).rejects.toMatchObject({ code: 'UNIT.NAME_TAKEN' });
      expect((await store.units.listSubtree(t.street.path)).length).toBe(before.units);
      expect(await store.people.count()).toBe(before.people);
      expect(await store.units.get(d.id)).toBeNull();
      expect(await store.people.get(p2.id)).toBeNull();
      expect(await store.bindings.find(p2.id, d1.id, 'resident')).toBeNull();
      // the names it held are free again
      await store.units.insert(unit(t.community, 'compound', '东方小区'));
    });
  });
}
