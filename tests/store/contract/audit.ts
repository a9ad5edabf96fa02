import type { Store } from '../../../cloudfunctions/lib/store/port';
import type { ContractContext } from './context';
import { tree } from './tree';

export function auditContract(ctx: ContractContext) {
  describe('audit', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    it('lists audit entries of a target, newest first', async () => {
      for (const [id, at] of [['a1', 10], ['a2', 30], ['a3', 20]] as const)
        await store.audit.append({ id, at, actorId: null, action: 'units.rename', targetKind: 'unit', targetId: 'u1', detail: { n: at } });
      await store.audit.append({ id: 'a4', at: 40, actorId: null, action: 'units.rename', targetKind: 'unit', targetId: 'u2', detail: {} });
      const list = await store.audit.listForTarget('u1', 2);
      expect(list.map((e) => e.id)).toEqual(['a2', 'a3']);
      expect(list[0].detail).toEqual({ n: 30 });
    });

    it('searches the audit log by subtree, target, actor, action and time, newest first', async () => {
      const t = await tree(store);
      const e = (id: string, at: number, extra: Record<string, unknown> = {}) => ({ id, at, actorId: 'per_a', action: 'units.create', targetKind: 'unit' as const, targetId: t.a1.id, unitPath: t.a1.path, detail: { n: id }, ...extra });
      await store.audit.append(e('aud_1', 1_000));
      await store.audit.append(e('aud_2', 2_000, { actorId: 'per_b', unitPath: t.b1.path, targetId: t.b1.id }));
      await store.audit.append(e('aud_3', 3_000, { action: 'units.rename' }));
      await store.audit.append(e('aud_4', 3_000, { unitPath: null, targetKind: 'person', targetId: 'per_x' }));
      const ids = async (f: Parameters<Store['audit']['search']>[0], limit = 10) => (await store.audit.search(f, limit)).map((x) => x.id);
      expect(await ids({})).toEqual(['aud_4', 'aud_3', 'aud_2', 'aud_1']);
      expect(await ids({ path: t.a.path })).toEqual(['aud_3', 'aud_1']);
      expect(await ids({ actorId: 'per_b' })).toEqual(['aud_2']);
      expect(await ids({ action: 'units.rename' })).toEqual(['aud_3']);
      expect(await ids({ targetId: t.a1.id, before: 3_000 })).toEqual(['aud_1']);
      expect(await ids({ from: 2_000, to: 3_000 })).toEqual(['aud_2']);
      expect(await ids({}, 2)).toEqual(['aud_4', 'aud_3']);
      expect((await store.audit.search({ path: t.b.path }, 1))[0]).toMatchObject({ unitPath: t.b1.path, detail: { n: 'aud_2' } });
    });
  });
}
