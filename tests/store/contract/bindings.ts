import type { Store } from '../../../cloudfunctions/lib/store/port';
import { binding, person } from '../../support/factories';
import type { ContractContext } from './context';
import { tree } from './tree';

export function bindingsContract(ctx: ContractContext) {
  describe('bindings', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    it('binds a role once, even when the same binding is sent twice at once', async () => {
      const t = await tree(store);
      const p = person('赵桂兰');
      await store.people.insert(p, null);
      const results = await Promise.all([1, 2, 3].map(() => store.bindings.insert(binding(p, t.a1, 'building_lead'))));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.bindings.listForUnit(t.a1.id)).toHaveLength(1);
      expect(await store.bindings.insert(binding(p, t.a1, 'resident'))).toBe(true);
      expect((await store.bindings.listForPerson(p.id)).map((b) => b.role).sort()).toEqual(['building_lead', 'resident']);
      expect(await store.bindings.find(p.id, t.a1.id, 'resident')).toMatchObject({ role: 'resident' });
      expect(await store.bindings.find(p.id, t.a2.id, 'resident')).toBeNull();
      expect((await store.bindings.listWithRoles([t.a1.id, t.a2.id], ['building_lead'])).map((b) => b.role)).toEqual(['building_lead']);
      expect(await store.bindings.listWithRoles([t.a2.id], ['building_lead'])).toEqual([]);
      expect(await store.bindings.listWithRoles([], ['building_lead'])).toEqual([]);
    });

    it('keeps a resident’s door, and reads none where none was given', async () => {
      const t = await tree(store);
      const p = person('王秀英');
      await store.people.insert(p, null);
      const withDoor = binding(p, t.a1, 'resident', { door: { entrance: '东', floor: null, room: '3号' } });
      const without = binding(p, t.a1, 'building_lead');
      for (const b of [withDoor, without]) await store.bindings.insert(b);
      expect(await store.bindings.get(withDoor.id)).toEqual(withDoor);
      expect(await store.bindings.find(p.id, t.a1.id, 'resident')).toEqual(withDoor);
      expect((await store.bindings.get(without.id))?.door ?? null).toBeNull();
      expect((await store.bindings.listForPerson(p.id)).map((b) => b.door ?? null)).toEqual([withDoor.door, null]);
    });

    it('removes a binding once', async () => {
      const t = await tree(store);
      const p = person('甲');
      await store.people.insert(p, null);
      const b = binding(p, t.a1, 'resident');
      await store.bindings.insert(b);
      expect(await store.bindings.get(b.id)).toMatchObject({ id: b.id });
      expect(await store.bindings.remove(b.id)).toBe(true);
      expect(await store.bindings.remove(b.id)).toBe(false);
      expect(await store.bindings.get(b.id)).toBeNull();
    });
  });
}
