import type { DeskFilter, DeskSort, Level, Report, SearchCap, TimelineEntry, TimelineType } from '../../../../src/core';

/** The management page's report filter as the store runs it: a DeskFilter with the unit as its path and "now" fixed. */
export interface ReportQuery extends Omit<DeskFilter, 'unitId'> {
  path: string;
  now: number;
}

/**
 * Open reports of a subtree counted by level and by child unit. `child` is the id of the unit
 * right below the subtree's root that the report lies under (null: on the root itself).
 */
export interface OpenTallyRow {
  level: Level;
  child: string | null;
  open: number;
  /** Open, dueAt in [now, now + soonMs]. */
  dueSoon: number;
  /** Open, dueAt < now. */
  overdue: number;
}

/** The figures' counts (core/reports/figures.ts) of one month × child unit. Only counted reports (not duplicates). */
export interface MonthTallyRow {
  /** Index into the months asked for. */
  month: number;
  child: string | null;
  reports: number;
  /** Response settled by `now`: responded, or its response deadline passed (the response rate's denominator). */
  responseDue: number;
  respondedOnTime: number;
  resolved: number;
  resolvedOnTime: number;
  rated: number;
  satisfied: number;
  resolvedAt: Record<Level, number>;
}

/** What the management page reads: filtered lists and the dashboard's aggregates, computed by the store. */
export interface ReportQueryRepo {
  list(q: ReportQuery, sort: DeskSort, limit: number, offset: number): Promise<Report[]>;
  count(q: ReportQuery): Promise<number>;
  /**
   * What a text search (q.q) runs over: the query itself, or where the store bounds a search
   * (CloudBase), the query narrowed to the newer reports it may search, with `capped` saying so.
   * list and count then take `query`.
   */
  searchScope(q: ReportQuery): Promise<{ query: ReportQuery; capped: SearchCap | null }>;
  /** Open reports of the subtree at `path`, by level × child unit. */
  openTally(path: string, now: number, soonMs: number): Promise<OpenTallyRow[]>;
  /**
   * Counted reports of the subtree created in [bounds[0], bounds[n]), by month × child unit, the
   * month i being [bounds[i], bounds[i+1]). Rows with no report are left out. `now` decides which
   * reports' response is settled (responseDue).
   */
  monthTally(path: string, bounds: readonly number[], now: number): Promise<MonthTallyRow[]>;
  /** Counted reports of the subtree created in [from, to), per category. */
  categoryTally(path: string, from: number, to: number): Promise<{ category: string; count: number }[]>;
  /** The timelines of these reports, each in order. */
  timelines(reportIds: readonly string[]): Promise<Map<string, TimelineEntry[]>>;
  /** Timeline entries of these types, at in [from, to), on reports of the subtree. */
  eventsBetween(path: string, types: readonly TimelineType[], from: number, to: number): Promise<TimelineEntry[]>;
}
