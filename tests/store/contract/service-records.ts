import type { ServiceRecord, Unit } from '../../../src/core';
import type { ServiceRecordQuery, Store } from '../../../cloudfunctions/lib/store/port';
import type { ContractContext } from './context';
import { tree } from './tree';

let n = 0;
/** A pending record of `personId`'s service, in the unit at `u`. */
function record(personId: string, u: Unit, communityId: string, extra: Partial<ServiceRecord> = {}): ServiceRecord {
  const i = ++n;
  return {
    id: `svc_c${String(i).padStart(6, '0')}`,
    personId,
    communityId,
    unitPath: u.path,
    what: '陪独居老人去医院复诊',
    date: '2026-11-23',
    minutes: 120,
    forWhom: '3号楼独居老人',
    status: 'pending',
    points: null,
    decidedBy: null,
    decidedAt: null,
    rejectReason: null,
    clientRequestId: `req-svc-${i}`,
    createdAt: 10_000 + i,
    version: 1,
    ...extra,
  };
}

export function serviceRecordsContract(ctx: ContractContext) {
  describe('service records', () => {
    let store: Store;
    let t: Awaited<ReturnType<typeof tree>>;
    beforeEach(async () => {
      store = ctx.store();
      t = await tree(store);
    });

    it('inserts a service record and gets it back as written; a retried request answers the first and writes nothing', async () => {
      const r = record('per_zhou', t.a, t.community.id, { forWhom: null });
      expect(await store.serviceRecords.insert(r)).toEqual({ record: r, created: true });
      expect(await store.serviceRecords.get(r.id)).toEqual(r);
      const retry = { ...r, id: 'svc_retry', minutes: 30, createdAt: 99_999 };
      expect(await store.serviceRecords.insert(retry)).toEqual({ record: r, created: false });
      expect(await store.serviceRecords.get('svc_retry')).toBeNull();
      // The same request id from another person is their own record.
      const theirs = { ...retry, id: 'svc_theirs', personId: 'per_wu' };
      expect(await store.serviceRecords.insert(theirs)).toEqual({ record: theirs, created: true });
    });

    it('RACE: of 20 retries of one service record at once, one record is written and every retry answers it', async () => {
      const first = record('per_zhou', t.a, t.community.id);
      const racers = Array.from({ length: 20 }, (_, i) => ({ ...first, id: `svc_race${String(i).padStart(2, '0')}`, createdAt: 20_000 + i }));
      const results = await Promise.all(racers.map((r) => store.serviceRecords.insert(r)));
      expect(results.filter((x) => x.created)).toHaveLength(1);
      const winner = results.find((x) => x.created)!.record;
      for (const x of results) expect(x.record).toEqual(winner);
      expect(await store.serviceRecords.list({ personId: 'per_zhou' }, 100, 0)).toEqual({ records: [winner], total: 1 });
    }, 60_000);

    it('decides a service record at the version read; a stale version writes nothing', async () => {
      const r = record('per_zhou', t.a, t.community.id);
      await store.serviceRecords.insert(r);
      const confirmed: ServiceRecord = { ...r, status: 'confirmed', points: 2, decidedBy: 'per_staff', decidedAt: 30_000, version: 2 };
      expect(await store.serviceRecords.update(confirmed, 1)).toEqual(confirmed);
      const rejected: ServiceRecord = { ...r, status: 'rejected', decidedBy: 'per_other', decidedAt: 31_000, rejectReason: '时长不符', version: 2 };
      expect(await store.serviceRecords.update(rejected, 1)).toBeNull();
      expect(await store.serviceRecords.get(r.id)).toEqual(confirmed);
      expect(await store.serviceRecords.update({ ...r, id: 'svc_missing', version: 2 }, 1)).toBeNull();
    });

    it('RACE: of two staff confirming one service record at once, one wins and the record is theirs', async () => {
      const r = record('per_zhou', t.a, t.community.id);
      await store.serviceRecords.insert(r);
      const deciders = ['per_staff1', 'per_staff2'];
      const results = await Promise.all(
        deciders.map((by, i) => store.serviceRecords.update({ ...r, status: 'confirmed', points: 2 + i, decidedBy: by, decidedAt: 30_000 + i, version: 2 }, 1)),
      );
      expect(results.filter((x) => x !== null)).toHaveLength(1);
      const winner = results.find((x) => x !== null)!;
      expect(await store.serviceRecords.get(r.id)).toEqual(winner);
      expect(winner.decidedBy).toBe(deciders[results.indexOf(winner)]);
    });

    it("lists a person's records and a subtree's, latest date first, by status, with a total whatever the page", async () => {
      const rs = [
        record('per_zhou', t.a1, t.community.id, { date: '2026-11-20' }),
        record('per_zhou', t.b, t.community.id, { date: '2026-11-25', status: 'confirmed', points: 2, decidedBy: 'per_staff', decidedAt: 1, version: 2 }),
        record('per_wu', t.a, t.community.id, { date: '2026-11-22' }),
        record('per_wu', t.a2, t.community.id, { date: '2026-11-25', createdAt: 50_000 }),
        record('per_qian', t.community, t.community.id, { date: '2026-11-21', status: 'rejected', rejectReason: '重复', decidedBy: 'per_staff', decidedAt: 1, version: 2 }),
      ];
      for (const r of rs) await store.serviceRecords.insert(r);
      const ids = async (q: ServiceRecordQuery, limit = 100, offset = 0) => {
        const got = await store.serviceRecords.list(q, limit, offset);
        return { ids: got.records.map((r) => r.id), total: got.total };
      };
      expect(await ids({ personId: 'per_zhou' })).toEqual({ ids: [rs[1].id, rs[0].id], total: 2 });
      expect(await ids({ personId: 'per_zhou', statuses: ['pending'] })).toEqual({ ids: [rs[0].id], total: 1 });
      // One date: the later written first.
      expect(await ids({ paths: [t.community.path] })).toEqual({ ids: [rs[3].id, rs[1].id, rs[2].id, rs[4].id, rs[0].id], total: 5 });
      expect(await ids({ paths: [t.a.path], statuses: ['pending'] })).toEqual({ ids: [rs[3].id, rs[2].id, rs[0].id], total: 3 });
      expect(await ids({ paths: [t.a1.path, t.b.path], statuses: ['pending', 'confirmed'] })).toEqual({ ids: [rs[1].id, rs[0].id], total: 2 });
      expect(await ids({ paths: [t.community.path] }, 2, 2)).toEqual({ ids: [rs[2].id, rs[4].id], total: 5 });
      expect(await ids({ paths: [t.community.path] }, 2, 4)).toEqual({ ids: [rs[0].id], total: 5 });
      expect(await ids({ paths: [] })).toEqual({ ids: [], total: 0 });
      expect(await ids({ personId: 'per_zhou', statuses: [] })).toEqual({ ids: [], total: 0 });
      expect(await ids({ personId: 'per_nobody' })).toEqual({ ids: [], total: 0 });
    });
  });
}
