import type { Store } from '../../../cloudfunctions/lib/store/port';
import { binding, person } from '../../support/factories';
import type { ContractContext } from './context';
import { rejectsWith } from './rejects-with';
import { tree } from './tree';

export function peopleContract(ctx: ContractContext) {
  describe('people', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    it('finds people by username and openid, and keeps the password hash apart', async () => {
      const p = person('孙福贵', { username: 'jumin', openid: 'o-123', phone: '13800000007' });
      await store.people.insert(p, 'scrypt$hash');
      expect(await store.people.findByUsername('jumin')).toMatchObject({ id: p.id, name: '孙福贵' });
      expect(await store.people.findByOpenid('o-123')).toMatchObject({ id: p.id });
      expect(await store.people.findByUsername('nobody')).toBeNull();
      expect(await store.people.passwordHash(p.id)).toBe('scrypt$hash');
      expect(await store.people.count()).toBe(1);
      expect(JSON.stringify(await store.people.get(p.id))).not.toContain('scrypt');
    });

    it('refuses a taken username and writes nothing', async () => {
      await store.people.insert(person('甲', { username: 'same' }), null);
      await rejectsWith(store.people.insert(person('乙', { username: 'same' }), null), 'INPUT.INVALID');
      expect(await store.people.count()).toBe(1);
    });

    it('allows many people without a username or openid', async () => {
      await store.people.insert(person('甲'), null);
      await store.people.insert(person('乙'), null);
      expect(await store.people.count()).toBe(2);
    });

    it('searches within the given subtrees and among people bound nowhere', async () => {
      const t = await tree(store);
      const inA = person('王小明', { phone: '13900000001' });
      const inB = person('王小红');
      const loose = person('王小刚');
      const other = person('李四');
      for (const p of [inA, inB, loose, other]) await store.people.insert(p, null);
      await store.bindings.insert(binding(inA, t.a1, 'resident'));
      await store.bindings.insert(binding(inB, t.b1, 'resident'));
      await store.bindings.insert(binding(other, t.a1, 'resident'));
      const found = await store.people.search('王', [t.a.path], 10);
      expect(found.map((p) => p.name).sort()).toEqual(['王小刚', '王小明']);
      expect((await store.people.search('0000001', [t.a.path], 10)).map((p) => p.id)).toEqual([inA.id]);
      expect(await store.people.search('%', [t.street.path], 10)).toEqual([]);
      expect(await store.people.search('', [t.street.path], 2)).toHaveLength(2);
    });

    it('lists demo people only', async () => {
      await store.people.insert(person('演示', { demo: true, username: 'demo' }), null);
      await store.people.insert(person('真人'), null);
      expect((await store.people.listDemo()).map((p) => p.name)).toEqual(['演示']);
    });
  });
}
