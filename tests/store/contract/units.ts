import type { Unit } from '../../../src/core';
import type { Store } from '../../../cloudfunctions/lib/store/port';
import { unit } from '../../support/factories';
import type { ContractContext } from './context';
import { rejectsWith } from './rejects-with';
import { tree } from './tree';

export function unitsContract(ctx: ContractContext) {
  describe('units', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    it('lists a subtree in path order and leaves out archived units unless asked', async () => {
      const t = await tree(store);
      await store.units.update(t.a2.id, 1, { archived: true }, 2_000);
      const live = await store.units.listSubtree(t.a.path);
      expect(live.map((u) => u.id)).toEqual([t.a.id, t.a1.id]);
      const all = await store.units.listSubtree(t.a.path, { includeArchived: true });
      expect(all.map((u) => u.id).sort()).toEqual([t.a.id, t.a1.id, t.a2.id].sort());
      expect((await store.units.listSubtree(t.street.path)).length).toBe(6);
      expect((await store.units.listRoots()).map((u) => u.id)).toEqual([t.street.id]);
    });

    it('finds live children by name and counts them', async () => {
      const t = await tree(store);
      expect((await store.units.findChildByName(t.a.id, '1号楼'))?.id).toBe(t.a1.id);
      expect(await store.units.findChildByName(t.a.id, '9号楼')).toBeNull();
      expect(await store.units.countLiveChildren(t.a.id)).toBe(2);
      await store.units.update(t.a1.id, 1, { archived: true }, 2_000);
      expect(await store.units.findChildByName(t.a.id, '1号楼')).toBeNull();
      expect(await store.units.countLiveChildren(t.a.id)).toBe(1);
    });

    it('refuses a second live sibling with the same name, but allows it beside an archived one', async () => {
      const t = await tree(store);
      await rejectsWith(store.units.insert(unit(t.a, 'building', '1号楼')), 'UNIT.NAME_TAKEN');
      expect((await store.units.listSubtree(t.a.path)).length).toBe(3);
      await store.units.update(t.a1.id, 1, { archived: true }, 2_000);
      await store.units.insert(unit(t.a, 'building', '1号楼'));
      expect(await store.units.countLiveChildren(t.a.id)).toBe(2);
    });

    it('gets many by id, ignoring unknown ids', async () => {
      const t = await tree(store);
      const got = await store.units.getMany([t.a1.id, 'nope', t.b.id]);
      expect(got.map((u) => u.id).sort()).toEqual([t.a1.id, t.b.id].sort());
      expect(await store.units.getMany([])).toEqual([]);
    });

    it('updates only when the version is the one the caller read, and bumps it', async () => {
      const t = await tree(store);
      const renamed = await store.units.update(t.a1.id, 1, { name: '一号楼' }, 2_000);
      expect(renamed).toMatchObject({ name: '一号楼', version: 2, updatedAt: 2_000 });
      expect(await store.units.update(t.a1.id, 1, { name: '壹号楼' }, 3_000)).toBeNull();
      expect(await store.units.get(t.a1.id)).toMatchObject({ name: '一号楼', version: 2 });
      expect(await store.units.update('missing', 1, { name: 'x' }, 3_000)).toBeNull();
    });

    it('lets exactly one of several concurrent writers with the same version win', async () => {
      const t = await tree(store);
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => store.units.update(t.a1.id, 1, { name: `${i + 1}栋` }, 2_000 + i)),
      );
      const winners = results.filter((r): r is Unit => r !== null);
      expect(winners).toHaveLength(1);
      expect(await store.units.get(t.a1.id)).toMatchObject({ name: winners[0].name, version: 2 });
    });

    it('refuses a rename onto a live sibling name and writes nothing', async () => {
      const t = await tree(store);
      await rejectsWith(store.units.update(t.a2.id, 1, { name: '1号楼' }, 2_000), 'UNIT.NAME_TAKEN');
      expect(await store.units.get(t.a2.id)).toMatchObject({ name: '2号楼', version: 1 });
    });

    it('moves a unit and rewrites the path of everything below it', async () => {
      const t = await tree(store);
      const grid = unit(t.a, 'grid', '第1网格');
      await store.units.insert(grid);
      const moved = await store.units.move(t.a1.id, 1, grid, 2_000);
      expect(moved).toMatchObject({ parentId: grid.id, path: `${grid.path}${t.a1.id}/`, version: 2 });
      // moving the compound carries its grid and building along
      const c2 = unit(t.street, 'community', '明月社区');
      await store.units.insert(c2);
      await store.units.move(t.a.id, 1, c2, 3_000);
      const sub = await store.units.listSubtree(`${c2.path}${t.a.id}/`);
      expect(sub.map((u) => u.id).sort()).toEqual([t.a.id, grid.id, t.a1.id, t.a2.id].sort());
      expect((await store.units.get(t.a1.id))!.path).toBe(`${c2.path}${t.a.id}/${grid.id}/${t.a1.id}/`);
      expect(await store.units.listSubtree(t.community.path)).toHaveLength(3);
    });

    it('refuses a move with a stale version and changes no path', async () => {
      const t = await tree(store);
      expect(await store.units.move(t.a.id, 7, t.community, 2_000)).toBeNull();
      expect(await store.units.get(t.a1.id)).toMatchObject({ path: t.a1.path });
    });

    it('refuses to move a unit under its own descendant', async () => {
      const t = await tree(store);
      await rejectsWith(store.units.move(t.a.id, 1, t.a1, 2_000), 'UNIT.CYCLE');
      expect(await store.units.get(t.a.id)).toMatchObject({ path: t.a.path, version: 1 });
    });

    it('lets only one of two concurrent moves of the same unit win, leaving one consistent subtree', async () => {
      const t = await tree(store);
      const c2 = unit(t.street, 'community', '明月社区');
      const c3 = unit(t.street, 'community', '清风社区');
      await store.units.insert(c2);
      await store.units.insert(c3);
      const [r1, r2] = await Promise.all([store.units.move(t.a.id, 1, c2, 2_000), store.units.move(t.a.id, 1, c3, 2_000)]);
      expect([r1, r2].filter(Boolean)).toHaveLength(1);
      const winner = (r1 ?? r2)!;
      const building = await store.units.get(t.a1.id);
      expect(building!.path).toBe(`${winner.path}${t.a1.id}/`);
    });
  });
}
