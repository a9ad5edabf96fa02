/**
 * The dashboard: open, due-soon and overdue reports by level and child unit, and the month figures.
 * Every number carries the filter that lists exactly the reports it counts, and the store computes
 * both from the same columns.
 */
import {
  DEFAULT_POLICY,
  LEVELS,
  RATINGS,
  STATUSES,
  findCategory,
  isOpen,
  monthKey,
  monthStartOf,
  streetIdOfPath,
  type CalendarWarning,
  type CommunityPolicy,
  type Counted,
  type Dashboard,
  type DeskFilter,
  type Level,
  type MonthFigures,
  type OpenCounts,
  type PerLevel,
  type RateFigure,
  type Unit,
} from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/management';
import type { Deps } from '../../deps';
import type { MonthTallyRow, OpenTallyRow } from '../../store/port';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { policyFor } from '../policy';
import { chainOf } from '../reports/routing';
import { missingScheduleYear } from './holidays';
import { ref, staffUnit } from './scope';

const HOUR = 3600_000;
/** "Due soon" on the dashboard: within a day. */
const DUE_SOON_HOURS = 24;
const OPEN = STATUSES.filter(isOpen);
const SATISFIED = ['satisfied', 'basically_satisfied'] as const;

const counted = (value: number, filter: DeskFilter): Counted => ({ value, filter });
const rateOf = (numerator: Counted, denominator: Counted): RateFigure => ({ rate: denominator.value === 0 ? null : numerator.value / denominator.value, numerator, denominator });

function openCounts(rows: readonly OpenTallyRow[], base: DeskFilter): OpenCounts {
  const sum = (k: 'open' | 'dueSoon' | 'overdue') => rows.reduce((n, r) => n + r[k], 0);
  return {
    open: counted(sum('open'), { ...base, statuses: [...OPEN] }),
    dueSoon: counted(sum('dueSoon'), { ...base, dueWithinHours: DUE_SOON_HOURS }),
    overdue: counted(sum('overdue'), { ...base, overdue: true }),
  };
}

/** `now`: the response rate counts only reports whose response is settled by then (responded, or past its deadline). */
function monthFigures(month: string, rows: readonly MonthTallyRow[], base: DeskFilter, levels: readonly Level[], now: number): MonthFigures {
  const sum = (f: (r: MonthTallyRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  const all = { ...base, counted: true };
  const resolved = { ...all, resolvedFrom: 0 };
  const reports = counted(sum((r) => r.reports), all);
  const resolvedCount = counted(sum((r) => r.resolved), resolved);
  const resolvedAtLevel = Object.fromEntries(levels.map((l) => [l, counted(sum((r) => r.resolvedAt[l]), { ...resolved, resolvedLevels: [l] })])) as PerLevel<Counted>;
  return {
    month,
    responseRate: rateOf(counted(sum((r) => r.respondedOnTime), { ...all, respondedOnTime: true }), counted(sum((r) => r.responseDue), { ...all, responseSettledBy: now })),
    onTimeRate: rateOf(counted(sum((r) => r.resolvedOnTime), { ...resolved, breached: false }), resolvedCount),
    satisfactionRate: rateOf(counted(sum((r) => r.satisfied), { ...all, ratings: [...SATISFIED] }), counted(sum((r) => r.rated), { ...all, ratings: [...RATINGS] })),
    reports,
    resolvedAtLevel,
    shareAtLevel: Object.fromEntries(levels.map((l) => [l, resolvedCount.value === 0 ? null : resolvedAtLevel[l]!.value / resolvedCount.value])) as PerLevel<number | null>,
  };
}

/** The policy whose category names a unit's pages show: its community's, else the defaults. */
async function policyOfUnit(deps: Deps, unit: Unit): Promise<CommunityPolicy> {
  if (unit.kind === 'street') return DEFAULT_POLICY;
  const community = unit.kind === 'community' ? unit : (await chainOf(deps, unit)).find((u) => u.kind === 'community');
  return policyFor(deps, community?.id ?? null);
}

/**
 * The levels the dashboard shows: the grid where the unit's community (for a street, any of its
 * communities) made it a level, or where reports are or were resolved at a grid. A community that
 * leaves it off reads the four levels it always read.
 */
async function shownLevels(deps: Deps, unit: Unit, policy: CommunityPolicy, subtree: readonly Unit[], open: readonly OpenTallyRow[], tally: readonly MonthTallyRow[]): Promise<Level[]> {
  let grid = policy.gridLevel || open.some((r) => r.level === 'grid') || tally.some((r) => (r.resolvedAt.grid ?? 0) > 0);
  if (!grid && unit.kind === 'street') {
    const communities = subtree.filter((u) => u.kind === 'community' && !u.archived);
    grid = (await Promise.all(communities.map((c) => policyFor(deps, c.id)))).some((p) => p.gridLevel);
  }
  return LEVELS.filter((l) => l !== 'grid' || grid);
}

/** Told to every staff member, community staff too: their reports' deadlines count on the street's calendar. */
async function calendarWarning(deps: Deps, unit: Unit): Promise<CalendarWarning | null> {
  const streetId = streetIdOfPath(unit.path);
  const year = await missingScheduleYear(deps, streetId);
  if (year === null) return null;
  const street = unit.id === streetId ? unit : await deps.store.units.get(streetId);
  return street ? { year, street: ref(street) } : null;
}

async function dashboard(ctx: AuthedContext, input: { unitId?: string; month?: string }): Promise<Dashboard> {
  const { deps } = ctx;
  const unit = await staffUnit(ctx, input.unitId);
  const now = deps.clock.now();
  const month = input.month ?? monthKey(now);
  const [y, m] = month.split('-').map(Number);
  // 13 bounds: the starts of the 12 months ending with `month`, and the end of `month`.
  const bounds = Array.from({ length: 13 }, (_, i) => monthStartOf(y, m - 11 + i));
  const months = bounds.slice(0, 12).map((b) => monthKey(b));
  const [open, tally, cats, subtree, policy, warning] = await Promise.all([
    deps.store.reportQueries.openTally(unit.path, now, DUE_SOON_HOURS * HOUR),
    deps.store.reportQueries.monthTally(unit.path, bounds, now),
    deps.store.reportQueries.categoryTally(unit.path, bounds[11], bounds[12]),
    deps.store.units.listSubtree(unit.path),
    policyOfUnit(deps, unit),
    calendarWarning(deps, unit),
  ]);
  // Live children, and any archived child that still has reports.
  const children = subtree.filter((u) => u.parentId === unit.id);
  const known = new Set(children.map((u) => u.id));
  const missing = [...new Set([...open.map((r) => r.child), ...tally.map((r) => r.child)])].filter((c): c is string => !!c && !known.has(c));
  if (missing.length) children.push(...(await deps.store.units.getMany(missing)));

  const levels = await shownLevels(deps, unit, policy, subtree, open, tally);
  const base: DeskFilter = { unitId: unit.id };
  const monthRange = (i: number) => ({ createdFrom: bounds[i], createdTo: bounds[i + 1] });
  const monthsFigures = months.map((key, i) => monthFigures(key, tally.filter((r) => r.month === i), { ...base, ...monthRange(i) }, levels, now));
  const ranking = children
    .map((c) => {
      const f = monthFigures(month, tally.filter((r) => r.month === 11 && r.child === c.id), { unitId: c.id, ...monthRange(11) }, levels, now);
      return { unit: ref(c), onTimeRate: f.onTimeRate, reports: f.reports };
    })
    .sort(
      (a, b) =>
        (a.onTimeRate.rate === null ? 1 : 0) - (b.onTimeRate.rate === null ? 1 : 0) ||
        (b.onTimeRate.rate ?? 0) - (a.onTimeRate.rate ?? 0) ||
        b.reports.value - a.reports.value ||
        a.unit.name.localeCompare(b.unit.name, 'zh-Hans-CN', { numeric: true }),
    );

  return {
    unit: ref(unit),
    month,
    now,
    totals: openCounts(open, base),
    byLevel: Object.fromEntries(levels.map((l) => [l, openCounts(open.filter((r) => r.level === l), { ...base, levels: [l] })])) as PerLevel<OpenCounts>,
    byUnit: children
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN', { numeric: true }))
      .map((c) => ({ unit: ref(c), ...openCounts(open.filter((r) => r.child === c.id), { unitId: c.id }) })),
    thisMonth: monthsFigures[11],
    months: monthsFigures,
    topCategories: cats.slice(0, 10).map((c) => {
      const cat = findCategory(policy, c.category) ?? findCategory(DEFAULT_POLICY, c.category);
      return { category: c.category, name: cat?.name ?? c.category, icon: cat?.icon ?? '💬', count: counted(c.count, { ...base, ...monthRange(11), counted: true, categories: [c.category] }) };
    }),
    ranking,
    calendarWarning: warning,
  };
}

export const dashboardActions: FunctionDef = {
  dashboard: personAction(schemas.management.dashboard, (ctx, input) => dashboard(ctx, input)),
};
