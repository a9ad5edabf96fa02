/**
 * The management page's reads of reports past the size of one answer: CloudBase returns at most
 * 1,000 groups of an aggregation, or documents of a query, at once. A community with 1,200 units
 * under it has 1,200 groups in a single month, and its agenda can hold more than 1,000 entries.
 * Every group is counted and every entry read, on every adapter alike.
 */
import type { Report, TimelineEntry, Unit } from '../../../src/core';
import type { Store } from '../../../cloudfunctions/lib/store/port';
import { report, unit } from '../../support/factories';
import type { ContractContext } from './context';

const HOUR = 3600_000;
const NOW = Date.parse('2026-11-20T12:00:00+08:00');
const CHILDREN = 1_200;

/** A community with CHILDREN compounds, each with one open report this month (every third overdue) and every tenth a second, resolved one. */
async function wide(store: Store) {
  const street = unit(null, 'street', '宽街道');
  const community = unit(street, 'community', '宽社区');
  for (const u of [street, community]) await store.units.insert(u);
  // Reports carry their unit's path; the tallies group by it and never read the units themselves.
  const children: Unit[] = Array.from({ length: CHILDREN }, (_, i) => unit(community, 'compound', `${i + 1}号院`));
  const written: { report: Report; entries: TimelineEntry[] }[] = [];
  for (const [i, c] of children.entries()) {
    written.push(report(c, { id: `rep_w${String(i).padStart(5, '0')}`, at: NOW - (1 + (i % 48)) * HOUR, dueAt: i % 3 === 0 ? NOW - HOUR : NOW + 72 * HOUR }));
    if (i % 10 === 0)
      written.push(
        report(c, { id: `rep_w${String(i).padStart(5, '0')}r`, at: NOW - 50 * HOUR, category: 'lift', status: 'closed', resolvedAt: NOW - 2 * HOUR, resolvedLevel: 'building', rating: 'satisfied' }),
      );
  }
  for (let i = 0; i < written.length; i += 20) await Promise.all(written.slice(i, i + 20).map((w) => store.reports.insert(w.report, w.entries)));
  return { community, children, made: written.map((w) => w.report), entries: written.flatMap((w) => w.entries) };
}

export function reportScaleContract(ctx: ContractContext) {
  describe('report reads past one answer', () => {
    it('counts every child unit of a month when there are more than 1,000 of them', async () => {
      const store = ctx.store();
      const { community, children, made } = await wide(store);
      const open = made.filter((r) => r.status !== 'closed');

      const tally = await store.reportQueries.openTally(community.path, NOW, 24 * HOUR);
      expect(tally).toHaveLength(CHILDREN);
      expect(new Set(tally.map((t) => t.child))).toEqual(new Set(children.map((c) => c.id)));
      expect(tally.reduce((n, t) => n + t.open, 0)).toBe(open.length);
      expect(tally.reduce((n, t) => n + t.overdue, 0)).toBe(open.filter((r) => r.dueAt < NOW).length);
      expect(tally.find((t) => t.child === children[1_197].id)).toMatchObject({ level: 'building', open: 1, overdue: 1 });

      const bounds = [Date.parse('2026-11-01T00:00:00+08:00'), Date.parse('2026-12-01T00:00:00+08:00')];
      const months = await store.reportQueries.monthTally(community.path, bounds, NOW);
      expect(months).toHaveLength(CHILDREN);
      const sum = (k: 'reports' | 'resolved' | 'rated' | 'satisfied') => months.reduce((n, m) => n + m[k], 0);
      expect([sum('reports'), sum('resolved'), sum('rated'), sum('satisfied')]).toEqual([made.length, CHILDREN / 10, CHILDREN / 10, CHILDREN / 10]);
      expect(months.reduce((n, m) => n + m.resolvedAt.building, 0)).toBe(CHILDREN / 10);
      expect(months.find((m) => m.child === children[1_190].id)).toMatchObject({ month: 0, reports: 2, resolved: 1 });

      expect(await store.reportQueries.categoryTally(community.path, bounds[0], bounds[1])).toEqual([
        { category: 'noise', count: CHILDREN },
        { category: 'lift', count: CHILDREN / 10 },
      ]);
    }, 120_000);

    it('reads every entry of a date range in a subtree when there are more than 1,000, in order', async () => {
      const store = ctx.store();
      const { community, children, entries } = await wide(store);
      const from = NOW - 48 * HOUR;
      const want = entries.filter((e) => e.type === 'create' && e.at >= from && e.at < NOW);
      expect(want.length).toBeGreaterThan(1_000);
      const got = await store.reportQueries.eventsBetween(community.path, ['create'], from, NOW);
      expect(got.map((e) => e.id)).toEqual(want.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((e) => e.id));
      // One child's alone.
      const one = await store.reportQueries.eventsBetween(children[7].path, ['create'], 0, NOW);
      expect(one.map((e) => e.reportId)).toEqual(['rep_w00007']);
    }, 120_000);
  });
}
