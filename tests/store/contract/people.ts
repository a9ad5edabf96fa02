import type { Store } from '../../../cloudfunctions/lib/store/port';
import { binding, person, unit } from '../../support/factories';
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

    it('replaces a password hash, moving the version on, and answers null for no one', async () => {
      const p = person('孙改密', { username: 'gaimi' });
      await store.people.insert(p, 'scrypt$old');
      const after = await store.people.setPasswordHash(p.id, 'scrypt$new', 5_000);
      expect(after).toMatchObject({ id: p.id, version: p.version + 1, updatedAt: 5_000, username: 'gaimi' });
      expect(JSON.stringify(after)).not.toContain('scrypt');
      expect(await store.people.passwordHash(p.id)).toBe('scrypt$new');
      expect(await store.people.findByUsername('gaimi')).toMatchObject({ version: p.version + 1 });
      expect(await store.people.setPasswordHash('per_nobody', 'scrypt$x', 5_000)).toBeNull();
      expect(await store.people.count()).toBe(1);
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

    it('searches within the given subtrees and among people bound nowhere of unknown origin', async () => {
      const t = await tree(store);
      const inA = person('王小明', { phone: '13900000001' });
      const inB = person('王小红');
      const loose = person('王小刚');
      const other = person('李四');
      for (const p of [inA, inB, loose, other]) await store.people.insert(p, null);
      await store.bindings.insert(binding(inA, t.a1, 'resident'));
      await store.bindings.insert(binding(inB, t.b1, 'resident'));
      await store.bindings.insert(binding(other, t.a1, 'resident'));
      const found = await store.people.search('王', [t.a.path], 10, { unplaced: true });
      expect(found.map((p) => p.name).sort()).toEqual(['王小刚', '王小明']);
      expect((await store.people.search('0000001', [t.a.path], 10)).map((p) => p.id)).toEqual([inA.id]);
      expect(await store.people.search('%', [t.street.path], 10)).toEqual([]);
      expect(await store.people.search('', [t.street.path], 2, { unplaced: true })).toHaveLength(2);
    });

    it('finds a person bound nowhere only from the unit that created them and the units above it', async () => {
      const t = await tree(store);
      const other = unit(t.street, 'community', '和平社区');
      const otherCompound = unit(other, 'compound', '和平新村');
      for (const u of [other, otherCompound]) await store.units.insert(u);
      const createdInA = person('周新来', { createdInUnitId: t.community.id });
      const createdInB = person('周外来', { createdInUnitId: other.id });
      const unplaced = person('周无据');
      for (const p of [createdInA, createdInB, unplaced]) await store.people.insert(p, null);
      const names = async (paths: string[], unplacedToo = false) => (await store.people.search('周', paths, 10, { unplaced: unplacedToo })).map((p) => p.name).sort();
      expect(await names([other.path])).toEqual(['周外来']);
      expect(await names([otherCompound.path])).toEqual([]);
      expect(await names([t.community.path])).toEqual(['周新来']);
      expect(await names([t.a.path])).toEqual([]);
      expect(await names([t.street.path])).toEqual(['周外来', '周新来']);
      // Of unknown origin: only when the searcher may see those (the street).
      expect(await names([t.street.path], true)).toEqual(['周外来', '周新来', '周无据']);
      expect(await names([other.path], true)).toEqual(['周外来', '周无据']);
      expect(await store.people.get(createdInA.id)).toMatchObject({ createdInUnitId: t.community.id });
      expect(await store.people.get(unplaced.id)).toMatchObject({ createdInUnitId: null });
      // Once bound, a person is found where they are bound, wherever they were created.
      await store.bindings.insert(binding(createdInB, t.a1, 'resident'));
      expect(await names([other.path])).toEqual([]);
      expect(await names([t.a.path])).toEqual(['周外来']);
    });

    it('lists demo people only', async () => {
      await store.people.insert(person('演示', { demo: true, username: 'demo' }), null);
      await store.people.insert(person('真人'), null);
      expect((await store.people.listDemo()).map((p) => p.name)).toEqual(['演示']);
    });
  });
}
