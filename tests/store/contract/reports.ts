/** Reports: creates that are safe to retry, saves over the version read, and the lists the app shows. */
import type { Store } from '../../../cloudfunctions/lib/store/port';
import { report } from '../../support/factories';
import type { ContractContext } from './context';
import { tree } from './tree';

export function reportsContract(ctx: ContractContext) {
  describe('reports', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    it('inserts a report with its timeline, and a retried create makes no second report', async () => {
      const t = await tree(store);
      const a = report(t.a1, { clientRequestId: 'client-1', createdBy: 'p1' });
      expect(await store.reports.insert(a.report, a.entries)).toMatchObject({ created: true, report: { id: a.report.id } });
      const retry = report(t.a1, { clientRequestId: 'client-1', createdBy: 'p1' });
      const again = await store.reports.insert(retry.report, retry.entries);
      expect(again).toMatchObject({ created: false, report: { id: a.report.id } });
      expect(await store.reports.get(retry.report.id)).toBeNull();
      expect((await store.reports.timeline(a.report.id)).map((e) => e.type)).toEqual(['create']);
      // the same request id from another person is another report
      const other = report(t.a1, { clientRequestId: 'client-1', createdBy: 'p2' });
      expect((await store.reports.insert(other.report, other.entries)).created).toBe(true);
    });

    it('makes one report when the same create arrives twice at once', async () => {
      const t = await tree(store);
      const tries = [1, 2, 3].map(() => report(t.a1, { clientRequestId: 'client-race', createdBy: 'p1' }));
      const results = await Promise.all(tries.map((x) => store.reports.insert(x.report, x.entries)));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.report.id)).size).toBe(1);
      expect(await store.reports.count({ path: t.street.path })).toBe(1);
    });

    it('saves only over the version read, appending timeline entries with the write', async () => {
      const t = await tree(store);
      const a = report(t.a1);
      await store.reports.insert(a.report, a.entries);
      const e = { ...a.entries[0], id: 'evt-respond', type: 'respond' as const, at: a.report.createdAt + 1 };
      const saved = await store.reports.save({ ...a.report, status: 'responded' }, 1, [e]);
      expect(saved).toMatchObject({ status: 'responded', version: 2 });
      const stale = await store.reports.save({ ...a.report, status: 'resolved' }, 1, [{ ...e, id: 'evt-stale' }]);
      expect(stale).toBeNull();
      expect(await store.reports.get(a.report.id)).toMatchObject({ status: 'responded', version: 2 });
      expect((await store.reports.timeline(a.report.id)).map((x) => x.id)).toEqual([a.entries[0].id, 'evt-respond']);
    });

    it('lets one of two handlers resolving at once win', async () => {
      const t = await tree(store);
      const a = report(t.a1);
      await store.reports.insert(a.report, a.entries);
      const [r1, r2] = await Promise.all([
        store.reports.save({ ...a.report, status: 'resolved' }, 1, [{ ...a.entries[0], id: 'e1', type: 'resolve' }]),
        store.reports.save({ ...a.report, status: 'resolved' }, 1, [{ ...a.entries[0], id: 'e2', type: 'resolve' }]),
      ]);
      expect([r1, r2].filter(Boolean)).toHaveLength(1);
      expect((await store.reports.timeline(a.report.id)).filter((e) => e.type === 'resolve')).toHaveLength(1);
    });

    it('lists a resident’s own reports, those recorded for them too, newest first', async () => {
      const t = await tree(store);
      const own = report(t.a1, { createdBy: 'p1', residentId: 'p1', createdAt: 100 });
      const forMe = report(t.a1, { createdBy: 'lead', residentId: 'p1', createdAt: 200 });
      const notMine = report(t.a1, { createdBy: 'p2', residentId: 'p2', createdAt: 300 });
      for (const x of [own, forMe, notMine]) await store.reports.insert(x.report, x.entries);
      expect((await store.reports.listForResident('p1', 10)).map((r) => r.id)).toEqual([forMe.report.id, own.report.id]);
      expect((await store.reports.listForResident('p1', 10, 200)).map((r) => r.id)).toEqual([own.report.id]);
    });

    it('filters by subtree, status, level, handler and deadline, soonest deadline first', async () => {
      const t = await tree(store);
      const x1 = report(t.a1, { dueAt: 300, status: 'responded', handlerId: 'h1' });
      const x2 = report(t.a2, { dueAt: 100, handlerId: 'h2' });
      const x3 = report(t.b1, { dueAt: 200, level: 'compound' });
      for (const x of [x1, x2, x3]) await store.reports.insert(x.report, x.entries);
      expect((await store.reports.list({ path: t.community.path }, 10)).map((r) => r.dueAt)).toEqual([100, 200, 300]);
      expect((await store.reports.list({ path: t.a.path }, 10)).map((r) => r.id)).toEqual([x2.report.id, x1.report.id]);
      expect((await store.reports.list({ path: t.street.path, statuses: ['responded'] }, 10)).map((r) => r.id)).toEqual([x1.report.id]);
      expect((await store.reports.list({ path: t.street.path, levels: ['compound'] }, 10)).map((r) => r.id)).toEqual([x3.report.id]);
      expect((await store.reports.list({ path: t.street.path, handlerId: 'h2' }, 10)).map((r) => r.id)).toEqual([x2.report.id]);
      expect(await store.reports.count({ path: t.street.path, dueBefore: 250 })).toBe(2);
      expect((await store.reports.list({ path: t.street.path }, 1, 1)).map((r) => r.dueAt)).toEqual([200]);
    });

    it('finds open reports of the same category on the same building since a moment', async () => {
      const t = await tree(store);
      const open = report(t.a1, { createdAt: 1_000 });
      const old = report(t.a1, { createdAt: 10 });
      const closed = report(t.a1, { createdAt: 1_000, status: 'closed' });
      const otherKind = report(t.a1, { createdAt: 1_000, category: 'lift' });
      for (const x of [open, old, closed, otherKind]) await store.reports.insert(x.report, x.entries);
      expect((await store.reports.findOpenSimilar(t.a1.id, 'noise', 500)).map((r) => r.id)).toEqual([open.report.id]);
    });
  });
}
