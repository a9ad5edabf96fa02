/**
 * The timer's claims on due reports (claimDue, release) and the sweep they make safe to run twice
 * at once: a claim keeps a second timer run away until it expires, and never stops a handler.
 */
import { fixedClock, type Report } from '../../../src/core';
import type { Store } from '../../../cloudfunctions/lib/store/port';
import { makeDeps, silentLogger } from '../../../cloudfunctions/lib/deps';
import { sweep } from '../../../cloudfunctions/lib/jobs/sweep';
import { binding, person, report } from '../../support/factories';
import type { ContractContext } from './context';
import { tree } from './tree';

export function timerClaimsContract(ctx: ContractContext) {
  describe('the timer’s claims on due reports', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    it('gives a claim to one timer run only, until it expires', async () => {
      const t = await tree(store);
      const a = report(t.a1, { nextCheckAt: 100 });
      await store.reports.insert(a.report, a.entries);
      const [c1, c2] = await Promise.all([store.reports.claimDue(100, 1, 'run-1', 500), store.reports.claimDue(100, 1, 'run-2', 500)]);
      expect([...c1, ...c2]).toHaveLength(1);
      // A claim is not a write of the report: it comes back as stored, its version unchanged.
      const [held] = [...c1, ...c2];
      expect(held).toEqual(a.report);
      expect(await store.reports.get(a.report.id)).toEqual(a.report);
      expect(await store.reports.claimDue(200, 1, 'run-3', 600)).toEqual([]);
      expect(await store.reports.claimDue(600, 1, 'run-3', 900)).toEqual([a.report]);
      // Its owner is not handed it twice before it expires, only after letting go.
      expect(await store.reports.claimDue(700, 1, 'run-3', 950)).toEqual([]);
      await store.reports.release([a.report.id], 'run-3');
      expect(await store.reports.claimDue(700, 1, 'run-3', 950)).toEqual([a.report]);
      // A save ends the claim, and a claim only ever hands out the version now stored, never a stale one.
      const saved = await store.reports.save({ ...a.report, status: 'responded' }, 1, []);
      expect(saved).toMatchObject({ version: 2 });
      expect(await store.reports.claimDue(800, 1, 'run-4', 2000)).toEqual([saved]);
    });

    it('ends a claim when the report is saved, and when its owner lets go', async () => {
      const t = await tree(store);
      const [a, b, c] = [report(t.a1, { nextCheckAt: 100 }), report(t.a1, { nextCheckAt: 110 }), report(t.a1, { nextCheckAt: 120 })];
      for (const x of [a, b, c]) await store.reports.insert(x.report, x.entries);
      expect((await store.reports.claimDue(200, 10, 'run-1', 900)).map((r) => r.id)).toEqual([a.report.id, b.report.id, c.report.id]);
      expect(await store.reports.claimDue(200, 10, 'run-2', 900)).toEqual([]);
      // A handler's save ends the claim on a; run-1 lets go of b; another owner cannot let go of c.
      expect(await store.reports.save({ ...a.report, status: 'responded' }, 1, [])).toMatchObject({ version: 2 });
      await store.reports.release([b.report.id, c.report.id], 'someone-else');
      await store.reports.release([b.report.id], 'run-1');
      await store.reports.release([], 'run-1');
      expect((await store.reports.claimDue(200, 10, 'run-2', 900)).map((r) => r.id)).toEqual([a.report.id, b.report.id]);
      expect(await store.reports.get(b.report.id)).toEqual(b.report);
    });

    it('claims what is due, oldest first, and nothing that needs no look', async () => {
      const t = await tree(store);
      const mk = (next: number | null) => report(t.a1, { nextCheckAt: next });
      for (const x of [mk(300), mk(100), mk(null), mk(900), mk(200)]) await store.reports.insert(x.report, x.entries);
      const due = await store.reports.claimDue(300, 10, 'run-1', 1000);
      expect(due.map((r) => r.nextCheckAt)).toEqual([100, 200, 300]);
      await store.reports.release(due.map((r) => r.id), 'run-1');
      expect((await store.reports.claimDue(300, 2, 'run-2', 1000)).map((r) => r.nextCheckAt)).toEqual([100, 200]);
    });

    it('claims due reports in bulk, oldest first, leaving out those under anyone’s unexpired claim', async () => {
      const t = await tree(store);
      const mk = (next: number | null) => report(t.a1, { nextCheckAt: next });
      const [r300, r100, , r200, r250] = [mk(300), mk(100), mk(null), mk(200), mk(250), mk(900)];
      for (const x of [r300, r100, r200, r250, mk(null), mk(900)]) await store.reports.insert(x.report, x.entries);
      // r250 is held by another run until 400; r200 by this run, expired at 250. Each run claims the
      // oldest due first, so it lets go of the older ones it took on the way.
      const ids = (rs: Report[]) => rs.map((r) => r.id);
      expect(ids(await store.reports.claimDue(250, 3, 'other', 400))).toEqual([r100.report.id, r200.report.id, r250.report.id]);
      await store.reports.release([r100.report.id, r200.report.id], 'other');
      expect(ids(await store.reports.claimDue(200, 2, 'run-1', 250))).toEqual([r100.report.id, r200.report.id]);
      await store.reports.release([r100.report.id], 'run-1');
      const got = await store.reports.claimDue(300, 2, 'run-1', 600);
      expect(got.map((r) => r.id)).toEqual([r100.report.id, r200.report.id]);
      expect(got[1]).toEqual(r200.report);
      // Its own unexpired claims are not handed back either; the other run's is not due for it.
      expect((await store.reports.claimDue(300, 10, 'run-1', 600)).map((r) => r.id)).toEqual([r300.report.id]);
      expect(await store.reports.claimDue(300, 10, 'run-1', 600)).toEqual([]);
      expect((await store.reports.claimDue(400, 10, 'run-2', 900)).map((r) => r.id)).toEqual([r250.report.id]);
      // The claim holds off other timer runs, not a handler: a save in between wins the version,
      // and the timer's save of the version it claimed then writes nothing.
      expect(await store.reports.save({ ...got[0], status: 'responded' }, 1, [])).toMatchObject({ version: 2 });
      expect(await store.reports.save({ ...got[0], escalations: 1 }, got[0].version, [])).toBeNull();
      expect(await store.reports.get(r100.report.id)).toMatchObject({ status: 'responded', escalations: 0 });
      expect(await store.reports.claimDue(300, 0, 'run-3', 900)).toEqual([]);
    });

    it('gives each due report to one of two timer runs claiming at once', async () => {
      const t = await tree(store);
      const due = Array.from({ length: 9 }, (_, i) => report(t.a1, { nextCheckAt: 100 + i }));
      for (const x of due) await store.reports.insert(x.report, x.entries);
      const run = async (owner: string) => {
        const mine: string[] = [];
        for (let got = await store.reports.claimDue(500, 2, owner, 900); got.length > 0; got = await store.reports.claimDue(500, 2, owner, 900)) mine.push(...got.map((r) => r.id));
        return mine;
      };
      const [a, b] = await Promise.all([run('run-a'), run('run-b')]);
      expect([...a, ...b].sort()).toEqual(due.map((x) => x.report.id).sort());
      expect(new Set([...a, ...b]).size).toBe(9);
    });

    it('escalates each overdue report exactly once when two sweeps run at once', async () => {
      const t = await tree(store);
      const [lead, secretary, resident] = [person('楼长', { id: 'per_lead' }), person('支部书记', { id: 'per_sec' }), person('居民', { id: 'per_res' })];
      for (const p of [lead, secretary, resident]) await store.people.insert(p, null);
      await store.bindings.insert(binding(lead, t.a1, 'building_lead'));
      await store.bindings.insert(binding(secretary, t.a, 'compound_secretary'));
      const at = Date.parse('2026-11-24T10:00:00+08:00');
      const filed = Array.from({ length: 7 }, () => report(t.a1, { at, handlerId: lead.id, createdBy: resident.id }));
      for (const x of filed) await store.reports.insert({ ...x.report, levelUnitId: t.a1.id }, x.entries);
      const clock = fixedClock(at + 10 * 24 * 3600_000);
      const deps = makeDeps(store, { clock, log: silentLogger });
      const [r1, r2] = await Promise.all([sweep(deps, 'run-a', 3), sweep(deps, 'run-b', 2)]);
      expect(r1.escalated + r2.escalated).toBe(7);
      for (const x of filed) {
        const r = (await store.reports.get(x.report.id))!;
        expect(r).toMatchObject({ level: 'compound', handlerId: secretary.id, escalations: 1 });
        expect((await store.reports.timeline(r.id)).filter((e) => e.type === 'escalate')).toHaveLength(1);
      }
      // The building lead hears of each breach once, the compound secretary of each arrival once.
      expect(await store.messages.listForPerson(lead.id, 50)).toHaveLength(7);
      expect(await store.messages.listForPerson(secretary.id, 50)).toHaveLength(7);
      expect(await sweep(deps, 'run-c')).toMatchObject({ escalated: 0, warned: 0 });
    });
  });
}
