import { BOARD_KINDS, pointsKey, type PointsSourceKind } from '../../../src/core';
import type { NewPointsEntry, Store } from '../../../cloudfunctions/lib/store/port';
import type { ContractContext } from './context';
import { tree } from './tree';

let n = 0;
/** An entry of `points` for `personId`: a staff grant (a correction when negative) with a source of its own unless given. */
export function pointsEntry(personId: string, points: number, extra: Partial<NewPointsEntry> = {}): NewPointsEntry {
  const i = ++n;
  const source = extra.source ?? { kind: (points < 0 ? 'correction' : 'grant') as PointsSourceKind, id: `src_${String(i).padStart(6, '0')}` };
  return {
    id: pointsKey(source.kind, source.id),
    personId,
    communityId: 'com_contract',
    unitPath: '/street/community/compound/',
    points,
    reason: points < 0 ? '更正：重复登记' : '社区奖励',
    source,
    grantedBy: 'per_staff',
    at: 100_000 + i,
    ...extra,
  };
}

/** Every entry of a person, as the ledger lists them. */
export async function ledgerOf(store: Store, personId: string) {
  return (await store.points.list({ personId }, 10_000, 0)).entries;
}

export function pointsContract(ctx: ContractContext) {
  describe('points', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    it('appends an entry, moves the balance by its points and records the balance after it', async () => {
      expect(await store.points.balance('per_zhou')).toBe(0);
      const e = pointsEntry('per_zhou', 5, { source: { kind: 'lecture', id: 'sig_1' }, grantedBy: null });
      expect(e.id).toBe('lecture:sig_1');
      expect(await store.points.append(e)).toEqual({ ok: true, entry: { ...e, balanceAfter: 5 }, created: true });
      const spend = pointsEntry('per_zhou', -2);
      expect(await store.points.append(spend)).toEqual({ ok: true, entry: { ...spend, balanceAfter: 3 }, created: true });
      expect(await store.points.balance('per_zhou')).toBe(3);
      expect(await store.points.get(e.id)).toEqual({ ...e, balanceAfter: 5 });
      expect(await store.points.get('lecture:nothing')).toBeNull();
      expect(await store.points.balance('per_wu')).toBe(0);
    });

    it('grants a source once: the same key again answers the entry as stored and moves nothing', async () => {
      const e = pointsEntry('per_zhou', 3, { source: { kind: 'service', id: 'svc_1' } });
      await store.points.append(e);
      const again = { ...e, points: 30, reason: '又确认了一次', at: e.at + 1 };
      expect(await store.points.append(again)).toEqual({ ok: true, entry: { ...e, balanceAfter: 3 }, created: false });
      expect(await store.points.balance('per_zhou')).toBe(3);
      expect(await ledgerOf(store, 'per_zhou')).toHaveLength(1);
    });

    it('of 50 appends of the same source at once writes one entry and moves the balance once', async () => {
      const e = pointsEntry('per_zhou', 4, { source: { kind: 'wish', id: 'wis_1' } });
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => store.points.append({ ...e, at: e.at + i })));
      expect(results.every((r) => r.ok)).toBe(true);
      expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
      const stored = await store.points.get(e.id);
      for (const r of results) if (r.ok) expect(r.entry).toEqual(stored);
      expect(await store.points.balance('per_zhou')).toBe(4);
      expect(await ledgerOf(store, 'per_zhou')).toHaveLength(1);
    });

    it('refuses a correction that would take the balance below zero, with the balance, and writes nothing', async () => {
      await store.points.append(pointsEntry('per_zhou', 5));
      const correction = pointsEntry('per_zhou', -6, { source: { kind: 'correction', id: 'cor_1' } });
      expect(await store.points.append(correction)).toEqual({ ok: false, reason: 'below_zero', balance: 5 });
      expect(await store.points.get(correction.id)).toBeNull();
      expect(await store.points.balance('per_zhou')).toBe(5);
      expect(await ledgerOf(store, 'per_zhou')).toHaveLength(1);
      // Down to exactly zero is allowed; someone with nothing cannot be corrected at all.
      expect(await store.points.append({ ...correction, points: -5 })).toMatchObject({ ok: true, created: true, entry: { balanceAfter: 0 } });
      expect(await store.points.append(pointsEntry('per_wu', -1))).toEqual({ ok: false, reason: 'below_zero', balance: 0 });
    });

    it('counts every one of many appends of one person at once, and lets corrections at once take the balance to zero, never below', async () => {
      const grants = await Promise.all(Array.from({ length: 12 }, () => store.points.append(pointsEntry('per_zhou', 1))));
      expect(grants.every((r) => r.ok && r.created)).toBe(true);
      expect(await store.points.balance('per_zhou')).toBe(12);
      // Each saw the balance the one before it left.
      expect(grants.map((r) => (r.ok ? r.entry.balanceAfter : -1)).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      const corrections = await Promise.all(Array.from({ length: 10 }, () => store.points.append(pointsEntry('per_zhou', -2))));
      expect(corrections.filter((r) => r.ok)).toHaveLength(6);
      for (const r of corrections) if (!r.ok) expect(r).toEqual({ ok: false, reason: 'below_zero', balance: 0 });
      expect(await store.points.balance('per_zhou')).toBe(0);
      const entries = await ledgerOf(store, 'per_zhou');
      expect(entries).toHaveLength(18);
      expect(entries.reduce((s, e) => s + e.points, 0)).toBe(0);
      expect(entries.every((e) => e.balanceAfter >= 0)).toBe(true);
    });

    it('throws on an entry of 0 points or a fraction (a bug, not a refusal) and writes nothing', async () => {
      const zero = pointsEntry('per_zhou', 0);
      await expect(store.points.append(zero)).rejects.toThrow();
      await expect(store.points.append(pointsEntry('per_zhou', 1.5))).rejects.toThrow();
      expect(await store.points.get(zero.id)).toBeNull();
      expect(await store.points.balance('per_zhou')).toBe(0);
    });

    it("lists a person's entries newest first (ties by id), by period and kind, with a total whatever the page", async () => {
      const a = pointsEntry('per_zhou', 2, { source: { kind: 'lecture', id: 'sig_a' }, at: 1_000 });
      const b = pointsEntry('per_zhou', 3, { source: { kind: 'service', id: 'svc_b' }, at: 3_000 });
      const c = pointsEntry('per_zhou', 1, { source: { kind: 'visit', id: 'vis_c' }, at: 3_000 });
      const d = pointsEntry('per_zhou', -1, { source: { kind: 'correction', id: 'cor_d' }, at: 5_000 });
      const other = pointsEntry('per_wu', 7, { at: 4_000 });
      for (const e of [a, b, c, d, other]) await store.points.append(e);
      const ids = async (q: Parameters<Store['points']['list']>[0], limit = 100, offset = 0) => {
        const r = await store.points.list(q, limit, offset);
        return { ids: r.entries.map((e) => e.id), total: r.total };
      };
      // b and c at the same moment: 'visit:vis_c' sorts after 'service:svc_b', so it comes first.
      expect(await ids({ personId: 'per_zhou' })).toEqual({ ids: [d.id, c.id, b.id, a.id], total: 4 });
      expect(await ids({ personId: 'per_zhou' }, 2, 1)).toEqual({ ids: [c.id, b.id], total: 4 });
      expect(await ids({ personId: 'per_zhou' }, 2, 4)).toEqual({ ids: [], total: 4 });
      expect(await ids({ personId: 'per_zhou', from: 3_000, to: 5_000 })).toEqual({ ids: [c.id, b.id], total: 2 });
      expect(await ids({ personId: 'per_zhou', from: 3_001 })).toEqual({ ids: [d.id], total: 1 });
      expect(await ids({ personId: 'per_zhou', to: 3_000 })).toEqual({ ids: [a.id], total: 1 });
      expect(await ids({ personId: 'per_zhou', kinds: ['lecture', 'correction'] })).toEqual({ ids: [d.id, a.id], total: 2 });
      expect(await ids({ personId: 'per_zhou', kinds: [] })).toEqual({ ids: [], total: 0 });
      const listed = await store.points.list({ personId: 'per_zhou' }, 1, 3);
      expect(listed.entries).toEqual([{ ...a, balanceAfter: 2 }]);
    });

    it('lists the entries under any of some paths for the staff and the export, by period', async () => {
      const t = await tree(store);
      const inA1 = pointsEntry('per_zhou', 2, { unitPath: t.a1.path, at: 1_000 });
      const inA = pointsEntry('per_wu', 3, { unitPath: t.a.path, at: 2_000 });
      const inB1 = pointsEntry('per_qian', 4, { unitPath: t.b1.path, at: 3_000 });
      const inCommunity = pointsEntry('per_sun', 5, { unitPath: t.community.path, at: 4_000 });
      for (const e of [inA1, inA, inB1, inCommunity]) await store.points.append(e);
      const ids = async (paths: string[], extra: { from?: number; to?: number } = {}, limit = 100, offset = 0) => {
        const r = await store.points.list({ paths, ...extra }, limit, offset);
        return { ids: r.entries.map((e) => e.id), total: r.total };
      };
      expect(await ids([t.a.path])).toEqual({ ids: [inA.id, inA1.id], total: 2 });
      expect(await ids([t.a1.path, t.b.path])).toEqual({ ids: [inB1.id, inA1.id], total: 2 });
      expect(await ids([t.community.path])).toEqual({ ids: [inCommunity.id, inB1.id, inA.id, inA1.id], total: 4 });
      expect(await ids([t.community.path], { from: 2_000, to: 4_000 })).toEqual({ ids: [inB1.id, inA.id], total: 2 });
      expect(await ids([t.community.path], {}, 2, 2)).toEqual({ ids: [inA.id, inA1.id], total: 4 });
      expect(await ids([])).toEqual({ ids: [], total: 0 });
    });

    it('ranks the board by points earned within the period and the subtree, of the kinds asked, highest first', async () => {
      const t = await tree(store);
      const nov = { from: 10_000, to: 20_000 };
      const at = (x: number) => ({ at: x });
      const entries = [
        // 周: 2 + 3 in 幸福里 in November, less a correction of 1 = 4; one lecture in October does not count.
        pointsEntry('per_zhou', 2, { unitPath: t.a1.path, source: { kind: 'lecture', id: 'sig_z1' }, ...at(11_000) }),
        pointsEntry('per_zhou', 3, { unitPath: t.a2.path, source: { kind: 'service', id: 'svc_z2' }, ...at(12_000) }),
        pointsEntry('per_zhou', -1, { unitPath: t.a2.path, source: { kind: 'correction', id: 'cor_z3' }, ...at(13_000) }),
        pointsEntry('per_zhou', 9, { unitPath: t.a1.path, source: { kind: 'lecture', id: 'sig_z0' }, ...at(9_999) }),
        // 吴: 6 in 幸福里, but spends 5 in the shop: spending does not lower a ranking.
        pointsEntry('per_wu', 6, { unitPath: t.a.path, source: { kind: 'wish', id: 'wis_w1' }, ...at(14_000) }),
        pointsEntry('per_wu', -5, { unitPath: t.a.path, source: { kind: 'redemption', id: 'per_wu:r1' }, ...at(15_000) }),
        // 钱: 4 in 幸福里, ties with 周 and comes after by id; 孙 in 阳光花园 is elsewhere.
        pointsEntry('per_qian', 4, { unitPath: t.a1.path, source: { kind: 'visit', id: 'vis_q1' }, ...at(19_999) }),
        pointsEntry('per_sun', 8, { unitPath: t.b1.path, source: { kind: 'grant', id: 'gr_s1' }, ...at(16_000) }),
        // 李 was given 1 and corrected by 1: a sum of 0 leaves them off. 郑 earned at the end of the period: not in it.
        pointsEntry('per_li', 1, { unitPath: t.a1.path, source: { kind: 'grant', id: 'gr_l1' }, ...at(11_000) }),
        pointsEntry('per_li', -1, { unitPath: t.a1.path, source: { kind: 'correction', id: 'cor_l2' }, ...at(11_500) }),
        pointsEntry('per_zheng', 7, { unitPath: t.a1.path, source: { kind: 'grant', id: 'gr_zh' }, ...at(20_000) }),
      ];
      for (const e of entries) expect((await store.points.append(e)).ok).toBe(true);
      const board = (path: string, kinds = BOARD_KINDS, limit = 10, period = nov) => store.points.board({ path, ...period, kinds }, limit);
      expect(await board(t.a.path)).toEqual([
        { personId: 'per_wu', points: 6 },
        { personId: 'per_qian', points: 4 },
        { personId: 'per_zhou', points: 4 },
      ]);
      expect(await board(t.a.path, BOARD_KINDS, 2)).toEqual([
        { personId: 'per_wu', points: 6 },
        { personId: 'per_qian', points: 4 },
      ]);
      expect(await board(t.community.path)).toEqual([
        { personId: 'per_sun', points: 8 },
        { personId: 'per_wu', points: 6 },
        { personId: 'per_qian', points: 4 },
        { personId: 'per_zhou', points: 4 },
      ]);
      expect(await board(t.a1.path, ['lecture', 'visit'], 10, { from: 0, to: 20_000 })).toEqual([
        { personId: 'per_zhou', points: 11 },
        { personId: 'per_qian', points: 4 },
      ]);
      expect(await board(t.b.path, ['lecture'])).toEqual([]);
      expect(await board(t.a.path, [])).toEqual([]);
    });
  });
}
