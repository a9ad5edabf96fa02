import { householdKey, pairingId, type Door, type Pairing, type Unit, type Visit } from '../../../src/core';
import type { Store } from '../../../cloudfunctions/lib/store/port';
import type { ContractContext } from './context';
import { tree } from './tree';

const door = (room: string, entrance = '1'): Door => ({ entrance, floor: Number(room.slice(0, -2)) || null, room });

/** An active pairing of `memberId` with the household at `room` of `building`. */
function pairing(memberId: string, building: Unit, communityId: string, room: string, extra: Partial<Pairing> = {}): Pairing {
  const household = { buildingId: building.id, door: door(room) };
  return {
    id: pairingId(memberId, household),
    memberId,
    buildingId: building.id,
    door: household.door,
    householdKey: householdKey(household),
    unitPath: building.path,
    communityId,
    kinds: ['独居老人'],
    contactName: '王奶奶',
    contactPhone: null,
    status: 'active',
    visits: 0,
    lastVisitOn: null,
    createdAt: 10_000,
    createdBy: 'per_secretary',
    endedAt: null,
    endedBy: null,
    endReason: null,
    updatedAt: 10_000,
    version: 1,
    ...extra,
  };
}

let n = 0;
function visit(p: Pairing, date: string, extra: Partial<Visit> = {}): Visit {
  const i = ++n;
  return {
    id: `vis_c${String(i).padStart(6, '0')}`,
    pairingId: p.id,
    memberId: p.memberId,
    unitPath: p.unitPath,
    date,
    done: '上门问候',
    needs: null,
    reportId: null,
    clientRequestId: `req-visit-${i}`,
    createdAt: 20_000 + i,
    ...extra,
  };
}

export function pairingsContract(ctx: ContractContext) {
  describe('pairings', () => {
    let store: Store;
    let t: Awaited<ReturnType<typeof tree>>;
    beforeEach(async () => {
      store = ctx.store();
      t = await tree(store);
    });

    it('pairs a member with a household once: the same household again is refused with the pairing as stored, nothing written', async () => {
      const p = pairing('per_zhou', t.a1, t.community.id, '502');
      expect(await store.pairings.insert(p)).toEqual({ ok: true, pairing: p });
      expect(await store.pairings.get(p.id)).toEqual(p);
      // "2单元" and "2", "502室" and "502" are one household: the same id.
      const again = pairing('per_zhou', t.a1, t.community.id, '502', { kinds: ['低保'], door: { entrance: '1单元', floor: 5, room: '502室' }, createdAt: 30_000 });
      expect(again.id).toBe(p.id);
      expect(await store.pairings.insert(again)).toEqual({ ok: false, reason: 'taken', existing: p });
      expect(await store.pairings.get(p.id)).toEqual(p);
      // Another member may pair with the same household.
      expect((await store.pairings.insert(pairing('per_wu', t.a1, t.community.id, '502'))).ok).toBe(true);
    });

    it('writes one of many racing pairings of one member and one household', async () => {
      const racers = Array.from({ length: 6 }, (_, i) => pairing('per_zhou', t.a2, t.community.id, '301', { createdAt: 10_000 + i, contactName: `户主${i}` }));
      const results = await Promise.all(racers.map((p) => store.pairings.insert(p)));
      const won = results.filter((r) => r.ok);
      expect(won).toHaveLength(1);
      const stored = await store.pairings.get(racers[0].id);
      expect(won[0]).toEqual({ ok: true, pairing: stored });
      for (const r of results) if (!r.ok) expect(r.existing).toEqual(stored);
      expect((await store.pairings.listForMember('per_zhou')).length).toBe(1);
    });

    it('updates at the version read, keeping the visit counters; a stale version writes nothing', async () => {
      const p = pairing('per_zhou', t.a1, t.community.id, '502', { kinds: ['独居老人', '高龄'] });
      await store.pairings.insert(p);
      expect((await store.pairings.insertVisit(visit(p, '2026-11-20'))).ok).toBe(true);
      const next: Pairing = { ...p, kinds: ['低保'], updatedAt: 40_000, version: 2 };
      const saved = await store.pairings.update(next, 1);
      expect(saved).toEqual({ ...next, visits: 1, lastVisitOn: '2026-11-20' });
      expect(await store.pairings.update({ ...p, status: 'ended', version: 2 }, 1)).toBeNull();
      expect(await store.pairings.get(p.id)).toEqual(saved);
      const ended = await store.pairings.update({ ...saved!, status: 'ended', endedAt: 50_000, endedBy: 'per_secretary', endReason: '住户搬走', version: 3 }, 2);
      expect(ended).toMatchObject({ status: 'ended', endReason: '住户搬走', kinds: ['低保'], visits: 1, version: 3 });
    });

    it('lists a subtree by building and door, by status, member and kind, with a total whatever the page', async () => {
      const ps = [
        pairing('per_zhou', t.a1, t.community.id, '502', { kinds: ['独居老人', '高龄'] }),
        pairing('per_zhou', t.a2, t.community.id, '101', { kinds: ['低保'] }),
        pairing('per_wu', t.a1, t.community.id, '301', { kinds: ['残疾'] }),
        pairing('per_wu', t.b1, t.community.id, '201', { kinds: ['独居老人'] }),
        pairing('per_qian', t.a2, t.community.id, '601', { kinds: ['独居老人'], status: 'ended' }),
      ];
      for (const p of ps) await store.pairings.insert(p);
      const ids = async (q: Parameters<Store['pairings']['list']>[0], limit = 100, offset = 0) => {
        const r = await store.pairings.list(q, limit, offset);
        return { ids: r.pairings.map((p) => p.id), total: r.total };
      };
      const inA = await ids({ paths: [t.a.path], statuses: ['active'] });
      expect(inA.total).toBe(3);
      expect(new Set(inA.ids)).toEqual(new Set([ps[0].id, ps[1].id, ps[2].id]));
      // By building path: 1号楼's two before 2号楼's.
      expect(inA.ids.slice(0, 2).sort()).toEqual([ps[0].id, ps[2].id].sort());
      expect(inA.ids[2]).toBe(ps[1].id);
      expect((await ids({ paths: [t.community.path], statuses: ['active', 'ended'] })).total).toBe(5);
      expect((await ids({ paths: [t.community.path], statuses: ['active'], kind: '独居老人' })).ids.sort()).toEqual([ps[0].id, ps[3].id].sort());
      expect((await ids({ paths: [t.a.path, t.b.path], statuses: ['active'], memberId: 'per_wu' })).ids.sort()).toEqual([ps[2].id, ps[3].id].sort());
      const page = await ids({ paths: [t.a.path], statuses: ['active'] }, 2, 2);
      expect(page).toEqual({ ids: [ps[1].id], total: 3 });
      expect(await ids({ paths: [], statuses: ['active'] })).toEqual({ ids: [], total: 0 });
      expect((await store.pairings.listForMember('per_zhou')).map((p) => p.id)).toEqual([ps[0].id, ps[1].id]);
    });

    it('records a visit once and counts it on its pairing; a retried request answers the first', async () => {
      const p = pairing('per_zhou', t.a1, t.community.id, '502');
      await store.pairings.insert(p);
      const v = visit(p, '2026-11-21', { needs: '希望每周有人来看看', reportId: 'rep_1' });
      expect(await store.pairings.insertVisit(v)).toEqual({ ok: true, visit: v, created: true });
      const retry = { ...v, id: 'vis_other', done: '又写了一遍', createdAt: 99_999 };
      expect(await store.pairings.insertVisit(retry)).toEqual({ ok: true, visit: v, created: false });
      expect(await store.pairings.insertVisit(visit(p, '2026-11-02'))).toMatchObject({ ok: true, created: true });
      expect(await store.pairings.get(p.id)).toMatchObject({ visits: 2, lastVisitOn: '2026-11-21', version: 1 });
      expect(await store.pairings.insertVisit(visit({ ...p, id: 'per_x:nobody' }, '2026-11-21'))).toEqual({ ok: false, reason: 'not_found' });
    });

    it('counts every one of many visits recorded at once, and one of many retries of the same', async () => {
      const p = pairing('per_zhou', t.a1, t.community.id, '502');
      await store.pairings.insert(p);
      const days = ['2026-11-01', '2026-11-09', '2026-11-05', '2026-11-03', '2026-11-07'];
      const results = await Promise.all(days.map((d) => store.pairings.insertVisit(visit(p, d))));
      expect(results.every((r) => r.ok && r.created)).toBe(true);
      const same = visit(p, '2026-11-10');
      const retries = await Promise.all(Array.from({ length: 4 }, (_, i) => store.pairings.insertVisit({ ...same, id: `vis_retry${i}` })));
      expect(retries.filter((r) => r.ok && r.created)).toHaveLength(1);
      expect(await store.pairings.get(p.id)).toMatchObject({ visits: 6, lastVisitOn: '2026-11-10' });
    });

    it('lists visits of a pairing and of a subtree, latest day first', async () => {
      const p = pairing('per_zhou', t.a1, t.community.id, '502');
      const q = pairing('per_wu', t.b1, t.community.id, '201');
      await store.pairings.insert(p);
      await store.pairings.insert(q);
      const v1 = visit(p, '2026-11-01');
      const v2 = visit(p, '2026-11-15');
      const v3 = visit(q, '2026-11-10');
      for (const v of [v1, v2, v3]) await store.pairings.insertVisit(v);
      expect(await store.pairings.listVisits({ pairingId: p.id }, 10, 0)).toEqual({ visits: [v2, v1], total: 2 });
      expect((await store.pairings.listVisits({ paths: [t.community.path] }, 10, 0)).visits.map((v) => v.id)).toEqual([v2.id, v3.id, v1.id]);
      expect(await store.pairings.listVisits({ paths: [t.b.path] }, 10, 0)).toEqual({ visits: [v3], total: 1 });
      expect(await store.pairings.listVisits({ paths: [t.community.path] }, 1, 1)).toEqual({ visits: [v3], total: 3 });
    });
  });
}
