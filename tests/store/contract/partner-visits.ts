import type { Store, PartnerVisitQuery } from '../../../cloudfunctions/lib/store/port';
import { partnerVisit } from '../../support/factories';
import type { ContractContext } from './context';

const C1 = 'unit_c1';
const C2 = 'unit_c2';

export function partnerVisitsContract(ctx: ContractContext) {
  describe('partner visits', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    it('inserts a visit and gets it back; a retried record answers the first and writes nothing', async () => {
      const v = partnerVisit('ptn_a', C1, '2026-11-30', { feedback: '已转物业' });
      expect(await store.partnerVisits.insert(v)).toEqual({ visit: v, created: true });
      expect(await store.partnerVisits.get(v.id)).toEqual(v);
      expect(await store.partnerVisits.insert({ ...v, id: 'pvs_retry', raised: '再来一次' })).toEqual({ visit: v, created: false });
      expect(await store.partnerVisits.get('pvs_retry')).toBeNull();
      const other = { ...v, id: 'pvs_other', by: 'per_member' };
      expect(await store.partnerVisits.insert(other)).toEqual({ visit: other, created: true });
      expect(await store.partnerVisits.get('pvs_missing')).toBeNull();
    });

    it('RACE: of 20 retries of one record at once, one visit is written and every retry answers it', async () => {
      const first = partnerVisit('ptn_a', C1, '2026-11-30');
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.partnerVisits.insert({ ...first, id: `pvs_race${i}` })));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const winner = results.find((r) => r.created)!.visit;
      for (const r of results) expect(r.visit).toEqual(winner);
      expect(await store.partnerVisits.list({ communityId: C1 }, 100, 0)).toEqual({ visits: [winner], total: 1 });
    }, 60_000);

    it('sets what a visit became, one follow-up at a time, keeping the other', async () => {
      const v = partnerVisit('ptn_a', C1, '2026-11-30');
      await store.partnerVisits.insert(v);
      expect(await store.partnerVisits.setFollowUp(v.id, { needId: 'ned_a' })).toEqual({ ...v, needId: 'ned_a' });
      expect(await store.partnerVisits.setFollowUp(v.id, { reportId: 'rep_a' })).toEqual({ ...v, needId: 'ned_a', reportId: 'rep_a' });
      expect(await store.partnerVisits.get(v.id)).toEqual({ ...v, needId: 'ned_a', reportId: 'rep_a' });
      expect(await store.partnerVisits.setFollowUp(v.id, {})).toEqual({ ...v, needId: 'ned_a', reportId: 'rep_a' });
      expect(await store.partnerVisits.setFollowUp('pvs_missing', { needId: 'ned_a' })).toBeNull();
      expect(await store.partnerVisits.get('pvs_missing')).toBeNull();
    });

    it("lists a community's or some partners' visits newest day first (then newest recorded), in a day range, with a total", async () => {
      const vs = [
        partnerVisit('ptn_a', C1, '2026-11-01', { createdAt: 1_000 }),
        partnerVisit('ptn_b', C1, '2026-11-20', { createdAt: 2_000 }),
        partnerVisit('ptn_a', C1, '2026-11-20', { createdAt: 3_000 }),
        partnerVisit('ptn_a', C2, '2026-11-25', { createdAt: 4_000 }),
        partnerVisit('ptn_c', C1, '2026-10-31', { createdAt: 5_000 }),
      ];
      for (const v of vs) await store.partnerVisits.insert(v);
      const ids = async (q: PartnerVisitQuery, limit = 100, offset = 0) => {
        const got = await store.partnerVisits.list(q, limit, offset);
        return { ids: got.visits.map((v) => v.id), total: got.total };
      };
      expect(await ids({ communityId: C1 })).toEqual({ ids: [vs[2].id, vs[1].id, vs[0].id, vs[4].id], total: 4 });
      expect(await ids({ communityId: C1, fromDay: '2026-11-01', toDay: '2026-11-30' })).toEqual({ ids: [vs[2].id, vs[1].id, vs[0].id], total: 3 });
      expect(await ids({ communityId: C1, fromDay: '2026-11-02' })).toEqual({ ids: [vs[2].id, vs[1].id], total: 2 });
      expect(await ids({ communityId: C1, toDay: '2026-11-01' })).toEqual({ ids: [vs[0].id, vs[4].id], total: 2 });
      expect(await ids({ communityId: C1 }, 2, 1)).toEqual({ ids: [vs[1].id, vs[0].id], total: 4 });
      expect(await ids({ communityId: C1 }, 0, 0)).toEqual({ ids: [], total: 4 });
      expect(await ids({ partnerIds: ['ptn_a'] })).toEqual({ ids: [vs[3].id, vs[2].id, vs[0].id], total: 3 });
      expect(await ids({ partnerIds: ['ptn_a', 'ptn_c'], fromDay: '2026-10-01', toDay: '2026-11-19' })).toEqual({ ids: [vs[0].id, vs[4].id], total: 2 });
      expect(await ids({ partnerIds: [] })).toEqual({ ids: [], total: 0 });
      expect(await ids({ communityId: 'unit_none' })).toEqual({ ids: [], total: 0 });
    });

    it("gives each partner's latest visit day to a community", async () => {
      const vs = [
        partnerVisit('ptn_a', C1, '2026-11-01'),
        partnerVisit('ptn_a', C1, '2026-11-20'),
        partnerVisit('ptn_a', C2, '2026-11-28'),
        partnerVisit('ptn_b', C1, '2026-10-05'),
        partnerVisit('ptn_c', C2, '2026-11-01'),
      ];
      for (const v of vs) await store.partnerVisits.insert(v);
      expect(await store.partnerVisits.lastDays(C1, ['ptn_a', 'ptn_b', 'ptn_c', 'ptn_none'])).toEqual(
        new Map([
          ['ptn_a', '2026-11-20'],
          ['ptn_b', '2026-10-05'],
        ]),
      );
      expect(await store.partnerVisits.lastDays(C2, ['ptn_a'])).toEqual(new Map([['ptn_a', '2026-11-28']]));
      expect(await store.partnerVisits.lastDays(C1, [])).toEqual(new Map());
    });
  });
}
