/**
 * A building's WeChat group on the unit (UnitRepo.findByGroupId / setGroup): a group is on one unit
 * at most, however the binds race.
 */
import type { Store } from '../../../cloudfunctions/lib/store/port';
import { unit } from '../../support/factories';
import type { ContractContext } from './context';
import { tree } from './tree';

/** openGIds as WeChat gives them: opaque strings. */
const G1 = 'tG_open_group_1';
const G2 = 'tG_open_group_2';

export function groupsContract(ctx: ContractContext) {
  describe("units: a building's WeChat group", () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    it('binds a group to a building, finds the building by it, and bumps the version', async () => {
      const t = await tree(store);
      const r = await store.units.setGroup(t.a1.id, G1, 2_000);
      expect(r).toEqual({ ok: true, unit: { ...t.a1, groupId: G1, version: 2, updatedAt: 2_000 } });
      expect(await store.units.get(t.a1.id)).toEqual({ ...t.a1, groupId: G1, version: 2, updatedAt: 2_000 });
      expect(await store.units.findByGroupId(G1)).toEqual({ ...t.a1, groupId: G1, version: 2, updatedAt: 2_000 });
      expect(await store.units.findByGroupId(G2)).toBeNull();
      // Whoever read the unit before the bind now holds a stale version.
      expect(await store.units.update(t.a1.id, 1, { name: '一号楼' }, 3_000)).toBeNull();
    });

    it('answers the unit unchanged when it is bound to the group it already has', async () => {
      const t = await tree(store);
      await store.units.setGroup(t.a1.id, G1, 2_000);
      const again = await store.units.setGroup(t.a1.id, G1, 3_000);
      expect(again).toEqual({ ok: true, unit: { ...t.a1, groupId: G1, version: 2, updatedAt: 2_000 } });
      expect(await store.units.get(t.a1.id)).toMatchObject({ groupId: G1, version: 2, updatedAt: 2_000 });
    });

    it('unbinds a group, which another building can then bind', async () => {
      const t = await tree(store);
      await store.units.setGroup(t.a1.id, G1, 2_000);
      const off = await store.units.setGroup(t.a1.id, null, 3_000);
      expect(off.ok && off.unit).toMatchObject({ id: t.a1.id, version: 3, updatedAt: 3_000 });
      expect(off.ok && (off.unit.groupId ?? null)).toBeNull();
      expect((await store.units.get(t.a1.id))?.groupId ?? null).toBeNull();
      expect(await store.units.findByGroupId(G1)).toBeNull();

      const r = await store.units.setGroup(t.b1.id, G1, 4_000);
      expect(r).toEqual({ ok: true, unit: { ...t.b1, groupId: G1, version: 2, updatedAt: 4_000 } });
      expect((await store.units.findByGroupId(G1))?.id).toBe(t.b1.id);
    });

    it('frees the old group when a building changes to another', async () => {
      const t = await tree(store);
      await store.units.setGroup(t.a1.id, G1, 2_000);
      const r = await store.units.setGroup(t.a1.id, G2, 3_000);
      expect(r.ok && r.unit).toMatchObject({ groupId: G2, version: 3 });
      expect(await store.units.findByGroupId(G1)).toBeNull();
      expect((await store.units.findByGroupId(G2))?.id).toBe(t.a1.id);
      expect(await store.units.setGroup(t.a2.id, G1, 4_000)).toMatchObject({ ok: true });
    });

    it("refuses a group another building holds as 'taken' and writes nothing", async () => {
      const t = await tree(store);
      await store.units.setGroup(t.a1.id, G1, 2_000);
      expect(await store.units.setGroup(t.a2.id, G1, 3_000)).toEqual({ ok: false, reason: 'taken' });
      expect(await store.units.get(t.a2.id)).toEqual(t.a2);
      expect(await store.units.get(t.a1.id)).toMatchObject({ groupId: G1, version: 2 });
      expect((await store.units.findByGroupId(G1))?.id).toBe(t.a1.id);
    });

    it("answers 'not_found' for an unknown unit and binds nothing", async () => {
      await tree(store);
      expect(await store.units.setGroup('missing', G1, 2_000)).toEqual({ ok: false, reason: 'not_found' });
      expect(await store.units.setGroup('missing', null, 2_000)).toEqual({ ok: false, reason: 'not_found' });
      expect(await store.units.findByGroupId(G1)).toBeNull();
    });

    it('keeps the group through a rename, an archive and a move', async () => {
      const t = await tree(store);
      await store.units.setGroup(t.a1.id, G1, 2_000);
      await store.units.update(t.a1.id, 2, { name: '一号楼' }, 3_000);
      const grid = unit(t.a, 'grid', '第1网格');
      await store.units.insert(grid);
      const moved = await store.units.move(t.a1.id, 3, grid, 4_000);
      expect(moved).toMatchObject({ groupId: G1, name: '一号楼', path: `${grid.path}${t.a1.id}/`, version: 4 });
      expect(await store.units.findByGroupId(G1)).toMatchObject({ id: t.a1.id, path: `${grid.path}${t.a1.id}/`, groupId: G1 });
      // Its compound moving carries it along, group and all.
      const c2 = unit(t.street, 'community', '明月社区');
      await store.units.insert(c2);
      await store.units.move(t.a.id, 1, c2, 5_000);
      expect(await store.units.findByGroupId(G1)).toMatchObject({ id: t.a1.id, path: `${c2.path}${t.a.id}/${grid.id}/${t.a1.id}/` });
      await store.units.update(t.a1.id, 4, { archived: true }, 6_000);
      expect(await store.units.findByGroupId(G1)).toMatchObject({ id: t.a1.id, archived: true, groupId: G1 });
      expect(await store.units.setGroup(t.a2.id, G1, 7_000)).toEqual({ ok: false, reason: 'taken' });
    });

    it('lets exactly one of several buildings binding the same group at once win', async () => {
      const t = await tree(store);
      const a3 = unit(t.a, 'building', '3号楼');
      await store.units.insert(a3);
      const buildings = [t.a1, t.a2, t.b1, a3];
      const results = await Promise.all(buildings.map((b, i) => store.units.setGroup(b.id, G1, 2_000 + i)));
      const winners = results.flatMap((r) => (r.ok ? [r.unit] : []));
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual(Array.from({ length: 3 }, () => ({ ok: false, reason: 'taken' })));
      expect(await store.units.findByGroupId(G1)).toEqual(winners[0]);
      for (const b of buildings.filter((x) => x.id !== winners[0].id)) expect(await store.units.get(b.id)).toEqual(b);
    });

    it('leaves a building binding two groups at once with one of them, and the other free', async () => {
      const t = await tree(store);
      const results = await Promise.all([store.units.setGroup(t.a1.id, G1, 2_000), store.units.setGroup(t.a1.id, G2, 2_000)]);
      // Each bind is whole: one after the other, the later one replacing the earlier.
      expect(results.every((r) => r.ok)).toBe(true);
      const final = (await store.units.get(t.a1.id))!;
      expect(final.version).toBe(3);
      expect([G1, G2]).toContain(final.groupId);
      const loser = final.groupId === G1 ? G2 : G1;
      expect((await store.units.findByGroupId(final.groupId!))?.id).toBe(t.a1.id);
      expect(await store.units.findByGroupId(loser)).toBeNull();
      // Free indeed: nothing still holds it.
      expect(await store.units.setGroup(t.b1.id, loser, 3_000)).toMatchObject({ ok: true });
    });
  });
}
