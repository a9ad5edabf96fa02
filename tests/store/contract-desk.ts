/**
 * The management page's part of the Store contract (DeskRepo, ImportRepo, AuditRepo.search,
 * MetaRepo.compareAndSet), run on every adapter from contract.ts.
 */
import type { Report, Unit } from '../../src/core';
import type { DeskQuery, Store } from '../../cloudfunctions/lib/store/port';
import { binding, person, report, unit } from '../support/factories';
import { tree } from './tree';
import type { AdapterHarness } from './contract';

const HOUR = 3600_000;
const NOW = Date.parse('2026-11-20T12:00:00+08:00');


/** Reports in different states, each named for what it shows. */
async function reports(store: Store, t: Awaited<ReturnType<typeof tree>>) {
  const at = (u: Unit, extra: Partial<Report> & { at?: number }) => report(u, { at: extra.at ?? NOW - 48 * HOUR, ...extra });
  const made = {
    openOverdue: at(t.a1, { dueAt: NOW - HOUR, description: '楼道灯坏了' }),
    openSoon: at(t.a1, { dueAt: NOW + 5 * HOUR, status: 'responded', respondedAt: NOW - 47 * HOUR, channel: 'phone' }),
    openLater: at(t.b1, { dueAt: NOW + 72 * HOUR, level: 'compound', escalations: 1, breached: true }),
    resolvedOnTime: at(t.a1, { status: 'closed', resolvedAt: NOW - 10 * HOUR, resolvedLevel: 'building', rating: 'satisfied', respondedAt: NOW - 47.5 * HOUR }),
    resolvedLate: at(t.b1, {
      status: 'closed',
      resolvedAt: NOW - 5 * HOUR,
      resolvedLevel: 'compound',
      breached: true,
      rating: 'unsatisfied',
      followUp: { status: 'open', createdAt: NOW, closedAt: null, closedBy: null, note: null },
      disputes: 1,
    }),
    duplicate: at(t.b1, { status: 'rejected', duplicateOf: 'rep_other', category: 'lift' }),
    lastMonth: at(t.a1, { at: Date.parse('2026-10-15T10:00:00+08:00'), status: 'closed', resolvedAt: Date.parse('2026-10-16T10:00:00+08:00'), resolvedLevel: 'building' }),
  };
  for (const m of Object.values(made)) await store.reports.insert(m.report, m.entries);
  return Object.fromEntries(Object.entries(made).map(([k, v]) => [k, v.report])) as Record<keyof typeof made, Report>;
}

export function deskStoreContract(name: string, harness: AdapterHarness) {
  describe(`Store contract, management page: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await harness.open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('lists and counts reports by every desk filter field', async () => {
      const t = await tree(store);
      const r = await reports(store, t);
      const q = (extra: Partial<DeskQuery>): DeskQuery => ({ path: t.community.path, now: NOW, ...extra });
      const ids = async (extra: Partial<DeskQuery>) => (await store.desk.list(q(extra), 'dueAt', 100, 0)).map((x) => x.id).sort();
      const expectIds = async (extra: Partial<DeskQuery>, want: Report[]) => {
        expect(await ids(extra)).toEqual(want.map((x) => x.id).sort());
        expect(await store.desk.count(q(extra))).toBe(want.length);
      };
      await expectIds({}, Object.values(r));
      await expectIds({ path: t.a.path }, [r.openOverdue, r.openSoon, r.resolvedOnTime, r.lastMonth]);
      await expectIds({ statuses: ['submitted', 'responded'] }, [r.openOverdue, r.openSoon, r.openLater]);
      await expectIds({ levels: ['compound'] }, [r.openLater]);
      await expectIds({ categories: ['lift'] }, [r.duplicate]);
      await expectIds({ channels: ['phone'] }, [r.openSoon]);
      await expectIds({ overdue: true }, [r.openOverdue]);
      expect(await store.desk.count(q({ overdue: false }))).toBe(6);
      await expectIds({ dueWithinHours: 24 }, [r.openSoon]);
      await expectIds({ createdFrom: Date.parse('2026-11-01T00:00:00+08:00'), createdTo: NOW }, Object.values(r).filter((x) => x !== r.lastMonth));
      await expectIds({ resolvedFrom: 0 }, [r.resolvedOnTime, r.resolvedLate, r.lastMonth]);
      await expectIds({ resolvedFrom: NOW - 6 * HOUR, resolvedTo: NOW }, [r.resolvedLate]);
      await expectIds({ resolvedLevels: ['compound'] }, [r.resolvedLate]);
      await expectIds({ breached: true }, [r.openLater, r.resolvedLate]);
      await expectIds({ respondedOnTime: true }, [r.openSoon, r.resolvedOnTime]);
      expect(await store.desk.count(q({ respondedOnTime: false }))).toBe(5);
      await expectIds({ ratings: ['unsatisfied'] }, [r.resolvedLate]);
      await expectIds({ disputed: true }, [r.resolvedLate]);
      await expectIds({ escalated: true }, [r.openLater]);
      await expectIds({ followUpOpen: true }, [r.resolvedLate]);
      await expectIds({ counted: false }, [r.duplicate]);
      await expectIds({ q: '楼道灯' }, [r.openOverdue]);
      await expectIds({ q: r.openSoon.id }, [r.openSoon]);
      await expectIds({ q: '100%_' }, []);
      // sorted and paged
      const byDue = await store.desk.list(q({}), 'dueAt', 3, 1);
      const all = await store.desk.list(q({}), 'dueAt', 100, 0);
      expect(byDue.map((x) => x.id)).toEqual(all.slice(1, 4).map((x) => x.id));
      expect(all.map((x) => x.dueAt)).toEqual([...all.map((x) => x.dueAt)].sort((x, y) => x - y));
      const newest = await store.desk.list(q({}), '-createdAt', 1, 0);
      expect(newest[0].createdAt).toBe(Math.max(...Object.values(r).map((x) => x.createdAt)));
    });

    it('keeps the filter columns in step with every save', async () => {
      const t = await tree(store);
      const { report: rep, entries } = report(t.a1, { at: NOW - HOUR });
      await store.reports.insert(rep, entries);
      const q: DeskQuery = { path: t.street.path, now: NOW, ratings: ['satisfied'], resolvedLevels: ['building'] };
      expect(await store.desk.count(q)).toBe(0);
      await store.reports.save({ ...rep, status: 'closed', rating: 'satisfied', resolvedAt: NOW, resolvedLevel: 'building' }, rep.version, []);
      expect(await store.desk.count(q)).toBe(1);
    });

    it('tallies open reports by level and child unit, and the month figures, in the database', async () => {
      const t = await tree(store);
      const r = await reports(store, t);
      const open = await store.desk.openTally(t.community.path, NOW, 24 * HOUR);
      const row = (level: string, child: string) => open.find((x) => x.level === level && x.child === child);
      expect(row('building', t.a.id)).toMatchObject({ open: 2, dueSoon: 1, overdue: 1 });
      expect(row('compound', t.b.id)).toMatchObject({ open: 1, dueSoon: 0, overdue: 0 });
      expect(open).toHaveLength(2);
      expect((await store.desk.openTally(t.a1.path, NOW, 24 * HOUR))[0]).toMatchObject({ child: null, open: 2 });

      const bounds = [Date.parse('2026-10-01T00:00:00+08:00'), Date.parse('2026-11-01T00:00:00+08:00'), Date.parse('2026-12-01T00:00:00+08:00')];
      const months = await store.desk.monthTally(t.community.path, bounds);
      const nov = months.filter((m) => m.month === 1);
      const sum = (k: 'reports' | 'respondedOnTime' | 'resolved' | 'resolvedOnTime' | 'rated' | 'satisfied') => nov.reduce((n, m) => n + m[k], 0);
      // the duplicate is not counted
      expect([sum('reports'), sum('respondedOnTime'), sum('resolved'), sum('resolvedOnTime'), sum('rated'), sum('satisfied')]).toEqual([5, 2, 2, 1, 2, 1]);
      expect(nov.find((m) => m.child === t.b.id)).toMatchObject({ reports: 2, resolvedAt: { building: 0, compound: 1, community: 0, street: 0 } });
      expect(months.filter((m) => m.month === 0)).toEqual([expect.objectContaining({ child: t.a.id, reports: 1, resolved: 1 })]);
      const cats = await store.desk.categoryTally(t.community.path, bounds[1], bounds[2]);
      expect(cats).toEqual([{ category: 'noise', count: 5 }]);
      void r;
    });

    it('reads the timelines of many reports and the entries of a date range in a subtree', async () => {
      const t = await tree(store);
      const a = report(t.a1, { at: NOW - 5 * HOUR });
      const b = report(t.b1, { at: NOW - 3 * HOUR });
      for (const m of [a, b]) await store.reports.insert(m.report, m.entries);
      const esc = { ...a.entries[0], id: `${a.report.id}-esc`, type: 'escalate' as const, at: NOW - HOUR };
      await store.reports.save(a.report, a.report.version, [esc]);
      const tl = await store.desk.timelines([a.report.id, b.report.id, 'rep_none']);
      expect(tl.get(a.report.id)!.map((e) => e.type)).toEqual(['create', 'escalate']);
      expect(tl.get(b.report.id)!.map((e) => e.type)).toEqual(['create']);
      expect(tl.get('rep_none')).toEqual([]);
      expect((await store.desk.eventsBetween(t.community.path, ['escalate', 'create'], NOW - 4 * HOUR, NOW)).map((e) => e.id)).toEqual([b.entries[0].id, esc.id]);
      expect(await store.desk.eventsBetween(t.b.path, ['escalate'], 0, NOW)).toEqual([]);
    });

    it('writes an import batch whole, and a batch that fails on its last row leaves nothing', async () => {
      const t = await tree(store);
      const lead = person('周小楼', { phone: '13711113333' });
      await store.people.insert(lead, null);
      const c = unit(t.community, 'compound', '新华小区');
      const c1 = unit(c, 'building', '1号楼');
      const p1 = person('钱多多', { phone: '13711112222' });
      await store.imports.commit({ id: 'imp_ok', units: [c, c1], people: [p1], bindings: [binding(p1, c1, 'resident'), binding(lead, c1, 'building_lead')] });
      expect((await store.units.listSubtree(c.path)).map((u) => u.name)).toEqual(['新华小区', '1号楼']);
      expect(await store.bindings.find(p1.id, c1.id, 'resident')).not.toBeNull();
      expect((await store.imports.findByPhones(['13711112222', '13711113333', '13700000000'])).map((p) => p.name).sort()).toEqual(['周小楼', '钱多多']);

      const before = { units: (await store.units.listSubtree(t.street.path)).length, people: await store.people.count() };
      const d = unit(t.community, 'compound', '东方小区');
      const d1 = unit(d, 'building', '1号楼');
      const p2 = person('孙二', { phone: '13711114444' });
      const clash = unit(t.a, 'building', '1号楼'); // taken: 幸福里小区 already has 1号楼
      await expect(store.imports.commit({ id: 'imp_bad', units: [d, d1, clash], people: [p2], bindings: [binding(p2, d1, 'resident')] })).rejects.toMatchObject({ code: 'UNIT.NAME_TAKEN' });
      expect((await store.units.listSubtree(t.street.path)).length).toBe(before.units);
      expect(await store.people.count()).toBe(before.people);
      expect(await store.units.get(d.id)).toBeNull();
      expect(await store.people.get(p2.id)).toBeNull();
      expect(await store.bindings.find(p2.id, d1.id, 'resident')).toBeNull();
      // the names it held are free again
      await store.units.insert(unit(t.community, 'compound', '东方小区'));
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

    it('compares and sets a meta value, one winner among racing writers', async () => {
      expect(await store.meta.compareAndSet('policy:x', 'old', 'v1')).toBe(false);
      expect(await store.meta.compareAndSet('policy:x', null, 'v1')).toBe(true);
      expect(await store.meta.compareAndSet('policy:x', null, 'v1b')).toBe(false);
      const results = await Promise.all(['a', 'b', 'c', 'd'].map((v) => store.meta.compareAndSet('policy:x', 'v1', v)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(['a', 'b', 'c', 'd']).toContain(await store.meta.get('policy:x'));
    });
  });
}
