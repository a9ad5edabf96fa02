/** The management page's reads of reports: desk filters, the dashboard's tallies, timelines and events. */
import type { DeskSort, Report, Unit } from '../../../src/core';
import type { ReportQuery, Store } from '../../../cloudfunctions/lib/store/port';
import { SEARCH_BATCH } from '../../../cloudfunctions/lib/store/sqlite/report-search';
import { report, unit } from '../../support/factories';
import type { ContractContext } from './context';
import { tree } from './tree';

const HOUR = 3600_000;
const NOW = Date.parse('2026-11-20T12:00:00+08:00');

/** What the desk's text search looks in, folded as LIKE folds: ASCII letters only. */
const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const holds = (r: Report, q: string) => fold([r.description, r.location ?? '', r.contactName ?? '', r.id].join('\n')).includes(fold(q));

/** Description, location, contact name: Chinese of every length, names, ASCII in any case, LIKE's own characters. */
const TEXTS: [string, string | null, string | null][] = [
  ['3单元电梯停了，老人下不了楼', '3单元', null],
  ['楼上楼下因为漏水的事吵起来了，请帮忙调解', null, '王建国'],
  ['电梯门关不严，运行时有异响 Otis', '2号楼', '来电居民'],
  ['小区东门路灯坏了一个星期了，晚上很黑', '东门 A-3', null],
  ['WiFi 信号差，100%_的网页打不开 "quoted"', null, 'Mary Wang'],
  ['想开居住证明，不知道要带什么材料', '社区服务中心', '李梅'],
  ['垃圾桶满了 😀 没人清运，C:\\temp 里的照片', '垃圾房', '王'],
  ['楼', null, null],
];

/** Queries of 1, 2, 3, 5 characters and more, in ASCII of any case, with LIKE's own characters, found in each field or nowhere. */
const QUERIES = ['梯', '王', '楼', '😀', 'a', '3'].concat(
  ['电梯', '漏水', '李梅', '东门', '来电'],
  ['电梯停', '王建国', '停了，老人', '路灯坏了一个星期'],
  ['otis', 'WIFI', 'a-3', 'mary wang', '社区服务'],
  ['100%_', '%', '_', '"quoted"', '\\temp', '没有这个词', 'zzz'],
);

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

export function reportQueriesContract(ctx: ContractContext) {
  describe('report queries (the management page)', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    it('lists and counts reports by every desk filter field', async () => {
      const t = await tree(store);
      const r = await reports(store, t);
      const q = (extra: Partial<ReportQuery>): ReportQuery => ({ path: t.community.path, now: NOW, ...extra });
      const ids = async (extra: Partial<ReportQuery>) => (await store.reportQueries.list(q(extra), 'dueAt', 100, 0)).map((x) => x.id).sort();
      const expectIds = async (extra: Partial<ReportQuery>, want: Report[]) => {
        expect(await ids(extra)).toEqual(want.map((x) => x.id).sort());
        expect(await store.reportQueries.count(q(extra))).toBe(want.length);
      };
      await expectIds({}, Object.values(r));
      await expectIds({ path: t.a.path }, [r.openOverdue, r.openSoon, r.resolvedOnTime, r.lastMonth]);
      await expectIds({ statuses: ['submitted', 'responded'] }, [r.openOverdue, r.openSoon, r.openLater]);
      await expectIds({ levels: ['compound'] }, [r.openLater]);
      await expectIds({ categories: ['lift'] }, [r.duplicate]);
      await expectIds({ channels: ['phone'] }, [r.openSoon]);
      await expectIds({ overdue: true }, [r.openOverdue]);
      expect(await store.reportQueries.count(q({ overdue: false }))).toBe(6);
      await expectIds({ dueWithinHours: 24 }, [r.openSoon]);
      await expectIds({ createdFrom: Date.parse('2026-11-01T00:00:00+08:00'), createdTo: NOW }, Object.values(r).filter((x) => x !== r.lastMonth));
      await expectIds({ resolvedFrom: 0 }, [r.resolvedOnTime, r.resolvedLate, r.lastMonth]);
      await expectIds({ resolvedFrom: NOW - 6 * HOUR, resolvedTo: NOW }, [r.resolvedLate]);
      await expectIds({ resolvedLevels: ['compound'] }, [r.resolvedLate]);
      await expectIds({ breached: true }, [r.openLater, r.resolvedLate]);
      await expectIds({ respondedOnTime: true }, [r.openSoon, r.resolvedOnTime]);
      expect(await store.reportQueries.count(q({ respondedOnTime: false }))).toBe(5);
      await expectIds({ ratings: ['unsatisfied'] }, [r.resolvedLate]);
      await expectIds({ disputed: true }, [r.resolvedLate]);
      await expectIds({ escalated: true }, [r.openLater]);
      await expectIds({ followUpOpen: true }, [r.resolvedLate]);
      await expectIds({ counted: false }, [r.duplicate]);
      await expectIds({ q: '楼道灯' }, [r.openOverdue]);
      await expectIds({ q: r.openSoon.id }, [r.openSoon]);
      await expectIds({ q: '100%_' }, []);
      // sorted and paged
      const byDue = await store.reportQueries.list(q({}), 'dueAt', 3, 1);
      const all = await store.reportQueries.list(q({}), 'dueAt', 100, 0);
      expect(byDue.map((x) => x.id)).toEqual(all.slice(1, 4).map((x) => x.id));
      expect(all.map((x) => x.dueAt)).toEqual([...all.map((x) => x.dueAt)].sort((x, y) => x - y));
      const newest = await store.reportQueries.list(q({}), '-createdAt', 1, 0);
      expect(newest[0].createdAt).toBe(Math.max(...Object.values(r).map((x) => x.createdAt)));
    });

    it('finds text of any length in description, location, contact name and id exactly as a substring filter does', async () => {
      const t = await tree(store);
      // More than SQLite indexes at once: the first SEARCH_BATCH are found through the index, the rest as they wait for it.
      const made: Report[] = [];
      for (let i = 0; i < SEARCH_BATCH + 20; i++) {
        const [description, location, contactName] = TEXTS[i % TEXTS.length];
        const { report: r, entries } = report(i % 10 ? t.a1 : t.b1, {
          // ids that sort against the order of filing, and times that tie: the order must come from the ids
          id: `rep_s${10_000 - i}`,
          at: NOW - (1 + (i % 60)) * HOUR,
          dueAt: NOW + ((i * 7) % 5) * HOUR,
          description,
          location,
          contactName,
          status: i % 4 ? 'submitted' : 'closed',
        });
        await store.reports.insert(r, entries);
        made.push(r);
      }
      const byDue = (a: Report, b: Report) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      const expectFound = async (extra: Partial<ReportQuery>, keep: (r: Report) => boolean) => {
        const query: ReportQuery = { path: t.community.path, now: NOW, ...extra };
        const want = made.filter((r) => keep(r) && holds(r, query.q!)).sort(byDue).map((r) => r.id);
        expect({ q: query.q, ids: (await store.reportQueries.list(query, 'dueAt', 5_000, 0)).map((r) => r.id) }).toEqual({ q: query.q, ids: want });
        expect(await store.reportQueries.count(query)).toBe(want.length);
        return want;
      };
      for (const q of [...QUERIES, made[5].id, made[SEARCH_BATCH + 7].id, made[40].id.slice(-4)]) expect(await expectFound({ q }, () => true)).toBeDefined();
      // in a smaller subtree, with other filters, and page by page in every order (deadlines tie: by id)
      await expectFound({ q: '电梯', path: t.a.path }, (r) => r.unitId === t.a1.id);
      await expectFound({ q: '楼', path: t.b.path }, (r) => r.unitId === t.b1.id);
      await expectFound({ q: '电梯', path: t.a.path, statuses: ['submitted'] }, (r) => r.unitId === t.a1.id && r.status === 'submitted');
      const byId = (a: Report, b: Report) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      const orders: [DeskSort, (a: Report, b: Report) => number][] = [
        ['dueAt', byDue],
        ['createdAt', (a, b) => a.createdAt - b.createdAt || byId(a, b)],
        ['-createdAt', (a, b) => b.createdAt - a.createdAt || byId(b, a)],
      ];
      for (const q of ['楼', '了', '的', '电梯', '来电'])
        for (const [sort, order] of orders) {
          const want = made.filter((r) => holds(r, q)).sort(order).map((r) => r.id);
          for (const [limit, offset] of [[7, 0], [7, 7], [10, 35], [50, 100]]) {
            const page = (await store.reportQueries.list({ path: t.community.path, now: NOW, q }, sort, limit, offset)).map((r) => r.id);
            expect({ q, sort, offset, page }).toEqual({ q, sort, offset, page: want.slice(offset, offset + limit) });
          }
        }
      // nothing here is bounded: the search scope is the query itself
      const scoped = { path: t.community.path, now: NOW, q: '电梯' };
      expect(await store.reportQueries.searchScope(scoped)).toEqual({ query: scoped, capped: null });

      // a changed text is found by its new words only, indexed or waiting
      for (const r of [made[2], made[SEARCH_BATCH + 2]]) {
        const saved = (await store.reports.save({ ...r, description: '井盖松动，车过有响声' }, r.version, []))!;
        made[made.indexOf(r)] = saved;
      }
      for (const q of ['井盖', '井', '车过有响声', made[2].id, '漏水', '电梯', TEXTS[2][0]]) await expectFound({ q }, () => true);
    });

    it('keeps the filter columns in step with every save', async () => {
      const t = await tree(store);
      const { report: rep, entries } = report(t.a1, { at: NOW - HOUR });
      await store.reports.insert(rep, entries);
      const q: ReportQuery = { path: t.street.path, now: NOW, ratings: ['satisfied'], resolvedLevels: ['building'] };
      expect(await store.reportQueries.count(q)).toBe(0);
      await store.reports.save({ ...rep, status: 'closed', rating: 'satisfied', resolvedAt: NOW, resolvedLevel: 'building' }, rep.version, []);
      expect(await store.reportQueries.count(q)).toBe(1);
    });

    it('tallies open reports by level and child unit, and the month figures, in the database', async () => {
      const t = await tree(store);
      const r = await reports(store, t);
      const open = await store.reportQueries.openTally(t.community.path, NOW, 24 * HOUR);
      const row = (level: string, child: string) => open.find((x) => x.level === level && x.child === child);
      expect(row('building', t.a.id)).toMatchObject({ open: 2, dueSoon: 1, overdue: 1 });
      expect(row('compound', t.b.id)).toMatchObject({ open: 1, dueSoon: 0, overdue: 0 });
      expect(open).toHaveLength(2);
      expect((await store.reportQueries.openTally(t.a1.path, NOW, 24 * HOUR))[0]).toMatchObject({ child: null, open: 2 });

      const bounds = [Date.parse('2026-10-01T00:00:00+08:00'), Date.parse('2026-11-01T00:00:00+08:00'), Date.parse('2026-12-01T00:00:00+08:00')];
      const months = await store.reportQueries.monthTally(t.community.path, bounds, NOW);
      const nov = months.filter((m) => m.month === 1);
      const sum = (k: 'reports' | 'responseDue' | 'respondedOnTime' | 'resolved' | 'resolvedOnTime' | 'rated' | 'satisfied') => nov.reduce((n, m) => n + m[k], 0);
      // the duplicate is not counted; every report here was filed two days ago, so each one's response is settled
      expect(sum('responseDue')).toBe(5);
      expect([sum('reports'), sum('respondedOnTime'), sum('resolved'), sum('resolvedOnTime'), sum('rated'), sum('satisfied')]).toEqual([5, 2, 2, 1, 2, 1]);
      expect(nov.find((m) => m.child === t.b.id)).toMatchObject({ reports: 2, resolvedAt: { building: 0, compound: 1, community: 0, street: 0 } });
      expect(months.filter((m) => m.month === 0)).toEqual([expect.objectContaining({ child: t.a.id, reports: 1, resolved: 1 })]);
      const cats = await store.reportQueries.categoryTally(t.community.path, bounds[1], bounds[2]);
      expect(cats).toEqual([{ category: 'noise', count: 5 }]);
      void r;
    });

    it('counts toward the response rate only reports whose response is settled by now, tallied and filtered alike', async () => {
      const t = await tree(store);
      const made = {
        // responded within its deadline
        onTime: report(t.a1, { at: NOW - 48 * HOUR, firstRespondBy: NOW - 44 * HOUR, respondedAt: NOW - 47 * HOUR, status: 'responded' }),
        // not responded, its deadline passed: missed
        missed: report(t.a1, { at: NOW - 48 * HOUR, firstRespondBy: NOW - 44 * HOUR }),
        // filed an hour ago, not responded, its deadline still ahead: neither on time nor missed yet
        notYetDue: report(t.b1, { at: NOW - HOUR, firstRespondBy: NOW + 3 * HOUR }),
      };
      for (const m of Object.values(made)) await store.reports.insert(m.report, m.entries);
      const bounds = [Date.parse('2026-11-01T00:00:00+08:00'), Date.parse('2026-12-01T00:00:00+08:00')];
      const months = await store.reportQueries.monthTally(t.community.path, bounds, NOW);
      const sum = (k: 'reports' | 'responseDue' | 'respondedOnTime') => months.reduce((n, m) => n + m[k], 0);
      expect([sum('reports'), sum('responseDue'), sum('respondedOnTime')]).toEqual([3, 2, 1]);
      expect(months.find((m) => m.child === t.b.id)).toMatchObject({ reports: 1, responseDue: 0 });

      // The desk lists exactly the reports the tally counts.
      const q: ReportQuery = { path: t.community.path, now: NOW, counted: true, createdFrom: bounds[0], createdTo: bounds[1], responseSettledBy: NOW };
      const ids = async (query: ReportQuery) => (await store.reportQueries.list(query, 'dueAt', 10, 0)).map((r) => r.id).sort();
      expect(await ids(q)).toEqual([made.onTime.report.id, made.missed.report.id].sort());
      expect(await store.reportQueries.count(q)).toBe(2);
      // Once its deadline passes it is settled (the deadline itself counts as passed).
      expect(await store.reportQueries.count({ ...q, responseSettledBy: NOW + 3 * HOUR })).toBe(3);
      expect(await store.reportQueries.count({ ...q, responseSettledBy: NOW - 47 * HOUR - 1 })).toBe(0);
      expect((await store.reportQueries.monthTally(t.community.path, bounds, NOW + 3 * HOUR)).reduce((n, m) => n + m.responseDue, 0)).toBe(3);

      // Responded now, before its deadline: settled from the save on.
      const r = made.notYetDue.report;
      await store.reports.save({ ...r, status: 'responded', respondedAt: NOW }, r.version, []);
      expect(await store.reportQueries.count(q)).toBe(3);
      const after = await store.reportQueries.monthTally(t.community.path, bounds, NOW);
      expect([after.reduce((n, m) => n + m.responseDue, 0), after.reduce((n, m) => n + m.respondedOnTime, 0)]).toEqual([3, 2]);
    });

    it('keeps the grid level in the stored level columns: open at a grid, resolved at a grid, filtered and tallied', async () => {
      const t = await tree(store);
      const grid = unit(t.a, 'grid', '第1网格');
      const g1 = unit(grid, 'building', '7号楼');
      for (const u of [grid, g1]) await store.units.insert(u);
      const made = [
        report(g1, { at: NOW - 48 * HOUR, level: 'grid', levelUnitId: grid.id, dueAt: NOW - HOUR, escalations: 1 }),
        report(g1, { at: NOW - 48 * HOUR, status: 'closed', level: 'grid', resolvedAt: NOW - 5 * HOUR, resolvedLevel: 'grid', rating: 'satisfied' }),
        report(t.a1, { at: NOW - 48 * HOUR, status: 'closed', resolvedAt: NOW - 5 * HOUR, resolvedLevel: 'building' }),
      ];
      for (const m of made) await store.reports.insert(m.report, m.entries);
      const q = (extra: Partial<ReportQuery>): ReportQuery => ({ path: t.community.path, now: NOW, ...extra });
      expect((await store.reportQueries.list(q({ levels: ['grid'], statuses: ['submitted'] }), 'dueAt', 10, 0)).map((r) => r.id)).toEqual([made[0].report.id]);
      expect(await store.reportQueries.count(q({ resolvedLevels: ['grid'] }))).toBe(1);
      expect(await store.reportQueries.count(q({ resolvedLevels: ['building', 'grid'] }))).toBe(2);

      const open = await store.reportQueries.openTally(t.community.path, NOW, 24 * HOUR);
      expect(open).toEqual([expect.objectContaining({ level: 'grid', child: t.a.id, open: 1, overdue: 1 })]);
      const bounds = [Date.parse('2026-11-01T00:00:00+08:00'), Date.parse('2026-12-01T00:00:00+08:00')];
      const [month] = await store.reportQueries.monthTally(t.community.path, bounds, NOW);
      expect(month).toMatchObject({ child: t.a.id, reports: 3, resolved: 2, resolvedAt: { building: 1, grid: 1, compound: 0, community: 0, street: 0 } });
    });

    it('reads the timelines of many reports and the entries of a date range in a subtree', async () => {
      const t = await tree(store);
      const a = report(t.a1, { at: NOW - 5 * HOUR });
      const b = report(t.b1, { at: NOW - 3 * HOUR });
      for (const m of [a, b]) await store.reports.insert(m.report, m.entries);
      const esc = { ...a.entries[0], id: `${a.report.id}-esc`, type: 'escalate' as const, at: NOW - HOUR };
      await store.reports.save(a.report, a.report.version, [esc]);
      const tl = await store.reportQueries.timelines([a.report.id, b.report.id, 'rep_none']);
      expect(tl.get(a.report.id)!.map((e) => e.type)).toEqual(['create', 'escalate']);
      expect(tl.get(b.report.id)!.map((e) => e.type)).toEqual(['create']);
      expect(tl.get('rep_none')).toEqual([]);
      expect((await store.reportQueries.eventsBetween(t.community.path, ['escalate', 'create'], NOW - 4 * HOUR, NOW)).map((e) => e.id)).toEqual([b.entries[0].id, esc.id]);
      expect(await store.reportQueries.eventsBetween(t.b.path, ['escalate'], 0, NOW)).toEqual([]);
    });
  });
}
