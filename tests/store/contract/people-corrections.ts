import type { Store } from '../../../cloudfunctions/lib/store/port';
import { binding, person } from '../../support/factories';
import type { ContractContext } from './context';
import { tree } from './tree';

/** A person correcting their own name and phone (我的信息): versioned, and found by what they are now. */
export function peopleCorrectionsContract(ctx: ContractContext) {
  describe('people: corrections', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    it('corrects the name and the phone, moving the version on; search finds the new and not the old', async () => {
      const t = await tree(store);
      const p = person('王小明', { phone: '13900000001', username: 'xiaoming' });
      await store.people.insert(p, 'scrypt$keep');
      await store.bindings.insert(binding(p, t.a1, 'resident'));
      const after = await store.people.correct(p.id, p.version, { name: '王晓明', phone: '13900000002' }, 7_000);
      expect(after).toMatchObject({ id: p.id, name: '王晓明', phone: '13900000002', username: 'xiaoming', version: p.version + 1, updatedAt: 7_000 });
      expect(await store.people.get(p.id)).toEqual(after);
      expect(await store.people.passwordHash(p.id)).toBe('scrypt$keep');
      expect((await store.people.search('晓明', [t.a.path], 10)).map((x) => x.id)).toEqual([p.id]);
      expect(await store.people.search('小明', [t.a.path], 10)).toEqual([]);
      expect((await store.people.search('13900000002', [t.a.path], 10)).map((x) => x.id)).toEqual([p.id]);
      expect(await store.people.search('13900000001', [t.a.path], 10)).toEqual([]);
      expect((await store.people.search('xiaoming', [t.a.path], 10)).map((x) => x.id)).toEqual([p.id]);
    });

    it('corrects one field and leaves the other', async () => {
      const p = person('李四', { phone: '13900000003' });
      await store.people.insert(p, null);
      expect(await store.people.correct(p.id, p.version, { name: '李肆' }, 8_000)).toMatchObject({ name: '李肆', phone: '13900000003' });
      expect(await store.people.correct(p.id, p.version + 1, { phone: '13900000004' }, 9_000)).toMatchObject({ name: '李肆', phone: '13900000004', version: p.version + 2 });
    });

    it('writes nothing on a stale version or for no one', async () => {
      const p = person('赵五', { phone: '13900000005' });
      await store.people.insert(p, null);
      expect(await store.people.correct(p.id, p.version + 1, { name: '赵伍' }, 8_000)).toBeNull();
      expect(await store.people.correct('per_nobody', 1, { name: '赵伍' }, 8_000)).toBeNull();
      expect(await store.people.get(p.id)).toEqual({ ...p, createdInUnitId: null });
    });

    it('lets one of two corrections from the same version win', async () => {
      const p = person('钱六');
      await store.people.insert(p, null);
      const results = await Promise.all([store.people.correct(p.id, p.version, { name: '钱陆' }, 8_000), store.people.correct(p.id, p.version, { name: '钱禄' }, 8_000)]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect((await store.people.get(p.id))!.version).toBe(p.version + 1);
    });
  });
}
