/**
 * The management page's reads of reports on CloudBase: the desk filter as one document query,
 * and the dashboard's figures as aggregation pipelines (match → project → group), computed by the
 * database rather than by reading every report.
 *
 * A bounded search. The document database has no index for text inside a field: the desk's text
 * search is a regular expression that the database tries on each report the query's other conditions
 * leave, which the indexes find (path_created: the subtree and its creation dates; status_path_due and
 * others for the rest). Over a community of 200,000 reports that is 200,000 documents read for one
 * search. So a search looks at SEARCH_BOUND reports at most: when the filter without its text holds
 * more, the search runs over the newest of them only, those created in the longest of SEARCH_WINDOWS
 * (ending at the filter's end date, or now) that holds no more than SEARCH_BOUND (the last window
 * whatever it holds). The regular expression then reads a bounded, indexed candidate set.
 * searchScope answers the narrowed query and `capped`; the desk writes under its table that the search
 * looked only at reports from that day on, and staff pick dates (登记时间) to search an older period.
 * SQLite has an index for the text (sqlite/report-search.ts) and never bounds a search.
 *
 * Nothing else here is bounded. The tallies are read a page of groups at a time past the 1,000 one
 * aggregation answers (kit.groups); the desk's orders have indexes that read a page off in order
 * (collections.ts); timeline entries carry their report's path, so a subtree's of a date range
 * (eventsBetween) are found by index, not among the whole environment's.
 */
import { isOpen, LEVELS, STATUSES, type DeskSort, type Level, type TimelineEntry } from '../../../../src/core';
import type { MonthTallyRow, OpenTallyRow, ReportQuery, ReportQueryRepo } from '../port';
import { chunks, type CloudbaseKit, type Condition, type Query, type Stored, type Where } from './kit';
import { toEntry, toReport, type EventDoc, type ReportDoc } from './reports';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** The most reports one text search reads (see above). */
export const SEARCH_BOUND = 10_000;
/** The periods a bounded search may cover, longest first, each ending at the filter's end (or now). */
const SEARCH_WINDOWS = [365 * DAY, 90 * DAY, 30 * DAY, 7 * DAY, DAY];
const OPEN = STATUSES.filter(isOpen);

const ORDER: Record<DeskSort, [string, 'asc' | 'desc'][]> = {
  dueAt: [
    ['dueAt', 'asc'],
    ['_id', 'asc'],
  ],
  createdAt: [
    ['createdAt', 'asc'],
    ['_id', 'asc'],
  ],
  '-createdAt': [
    ['createdAt', 'desc'],
    ['_id', 'desc'],
  ],
};

type Stage = { project: object } | { group: object };

/** A group of openTally: one level × child unit ('' for the subtree's root itself). */
interface OpenGroup {
  _id: { level: Level; child: string };
  open: number;
  dueSoon: number;
  overdue: number;
}

/** A group of monthTally, with `at_<level>` the reports resolved at that level. */
type MonthGroup = {
  _id: { month: number; child: string };
  reports: number;
  responseDue: number;
  respondedOnTime: number;
  resolved: number;
  resolvedOnTime: number;
  rated: number;
  satisfied: number;
} & Record<`at_${Level}`, number>;

/** The child of the unit at `path` a report lies under: the path segment after it ('' on the unit itself). */
const childOf = (path: string) => ({ $arrayElemAt: [{ $split: [{ $substrCP: ['$unitPath', path.length, 4000] }, '/'] }, 0] });
const countIf = (cond: unknown) => ({ $sum: { $cond: [cond, 1, 0] } });
const present = (field: string) => ({ $ne: [{ $ifNull: [field, null] }, null] });
const resolved = present('$resolvedAt');

/** `searchBound`: tests pass a small one; the functions use SEARCH_BOUND. */
export function cloudbaseReportQueries(kit: CloudbaseKit, searchBound = SEARCH_BOUND): ReportQueryRepo {
  const _ = kit.command;
  const $ = _.aggregate;

  /** The desk query as one document query: every condition on a field of the report document. */
  function queryWhere(f: ReportQuery): Where | Condition {
    const all: (Where | Condition)[] = [{ unitPath: kit.under(f.path) }];
    const w = (cond: Where | Condition) => all.push(cond);
    if (f.statuses?.length) w({ status: _.in([...f.statuses]) });
    if (f.levels?.length) w({ level: _.in([...f.levels]) });
    if (f.categories?.length) w({ category: _.in([...f.categories]) });
    if (f.channels?.length) w({ channel: _.in([...f.channels]) });
    if (f.overdue === true) w({ status: _.in(OPEN), dueAt: _.lt(f.now) });
    if (f.overdue === false) w(_.or([{ status: _.nin(OPEN) }, { dueAt: _.gte(f.now) }]));
    if (f.dueWithinHours !== undefined) w({ status: _.in(OPEN), dueAt: _.gte(f.now).and(_.lte(f.now + f.dueWithinHours * HOUR)) });
    if (f.createdFrom !== undefined) w({ createdAt: _.gte(f.createdFrom) });
    if (f.createdTo !== undefined) w({ createdAt: _.lt(f.createdTo) });
    // A numeric bound matches numbers only, so an unresolved report (null) never does.
    if (f.resolvedFrom !== undefined) w({ resolvedAt: _.gte(f.resolvedFrom) });
    if (f.resolvedTo !== undefined) w({ resolvedAt: _.lt(f.resolvedTo) });
    if (f.resolvedLevels?.length) w({ resolvedLevel: _.in([...f.resolvedLevels]) });
    if (f.breached !== undefined) w({ breached: f.breached });
    if (f.respondedOnTime !== undefined) {
      const onTime = $.and([$.neq([$.ifNull(['$respondedAt', null]), null]), $.lte(['$respondedAt', '$firstRespondBy'])]);
      w(_.expr(f.respondedOnTime ? onTime : $.not([onTime])));
    }
    // Settled by x: responded by x, or the response deadline by x (a numeric bound never matches a null respondedAt).
    if (f.responseSettledBy !== undefined) w(_.or([{ respondedAt: _.lte(f.responseSettledBy) }, { firstRespondBy: _.lte(f.responseSettledBy) }]));
    if (f.ratings?.length) w({ rating: _.in([...f.ratings]) });
    if (f.disputed !== undefined) w({ disputes: f.disputed ? _.gt(0) : 0 });
    if (f.escalated !== undefined) w({ escalations: f.escalated ? _.gt(0) : 0 });
    if (f.followUpOpen !== undefined) w({ 'followUp.status': f.followUpOpen ? 'open' : _.neq('open') });
    if (f.counted !== undefined) w({ duplicateOf: f.counted ? null : _.neq(null) });
    if (f.q) {
      // The id as SQLite's search text holds it: any part of it matches.
      const re = kit.contains(f.q);
      w(_.or([{ description: re }, { location: re }, { contactName: re }, { _id: re }]));
    }
    return all.length === 1 ? all[0] : _.and(all);
  }

  /**
   * Every group of a tally, `keys` the fields of its group key: read a page at a time past the 1,000
   * groups one answer holds (12 months × more than 83 child units), which used to cut them off without a word.
   */
  function aggregate<R>(match: Where, stages: Stage[], keys: readonly string[]): Promise<R[]> {
    return kit.groups<R>(() => {
      let a = kit.coll('reports').aggregate().match(match);
      for (const s of stages) a = 'project' in s ? a.project(s.project) : a.group(s.group);
      return a;
    }, keys);
  }

  const count = (q: ReportQuery) => kit.count(kit.coll('reports').where(queryWhere(q)));

  return {
    async list(q, sort, limit, offset) {
      if (limit <= 0) return [];
      let query = kit.coll('reports').where(queryWhere(q));
      for (const [field, dir] of ORDER[sort]) query = query.orderBy(field, dir);
      return (await kit.drainBySkip<ReportDoc>(query, limit, offset)).map(toReport);
    },
    count,
    async searchScope(q) {
      if (!q.q) return { query: q, capped: null };
      const { q: _text, ...candidates } = q;
      if ((await count(candidates)) <= searchBound) return { query: q, capped: null };
      const end = Math.min(q.createdTo ?? q.now, q.now);
      let from = end;
      for (const window of SEARCH_WINDOWS) {
        from = Math.max(q.createdFrom ?? -Infinity, end - window);
        if ((await count({ ...candidates, createdFrom: from })) <= searchBound) break;
      }
      return { query: { ...q, createdFrom: from }, capped: { createdFrom: from, bound: searchBound } };
    },
    async openTally(path, now, soonMs) {
      const data = await aggregate<OpenGroup>(
        { status: _.in(OPEN), unitPath: kit.under(path) },
        [
          { project: { level: 1, dueAt: 1, child: childOf(path) } },
          {
            group: {
              _id: { level: '$level', child: '$child' },
              open: { $sum: 1 },
              dueSoon: countIf({ $and: [{ $gte: ['$dueAt', now] }, { $lte: ['$dueAt', now + soonMs] }] }),
              overdue: countIf({ $lt: ['$dueAt', now] }),
            },
          },
        ],
        ['level', 'child'],
      );
      return data.map((d): OpenTallyRow => ({ level: d._id.level, child: d._id.child || null, open: d.open, dueSoon: d.dueSoon, overdue: d.overdue }));
    },
    async monthTally(path, bounds, now) {
      if (bounds.length < 2) return [];
      const branches = bounds.slice(1, -1).map((b, i) => ({ case: { $lt: ['$createdAt', b] }, then: i }));
      const month = branches.length ? { $switch: { branches, default: bounds.length - 2 } } : { $literal: 0 };
      const data = await aggregate<MonthGroup>(
        { unitPath: kit.under(path), createdAt: _.gte(bounds[0]).and(_.lt(bounds[bounds.length - 1])), duplicateOf: null },
        [
          {
            project: {
              month,
              child: childOf(path),
              onTime: { $and: [present('$respondedAt'), { $lte: ['$respondedAt', '$firstRespondBy'] }] },
              // Response settled by now (responseSettledAt in core): responded by now, or the deadline passed.
              // A null compares below every number, so respondedAt is tested present first.
              settled: { $or: [{ $and: [present('$respondedAt'), { $lte: ['$respondedAt', now] }] }, { $lte: ['$firstRespondBy', now] }] },
              resolved,
              breached: 1,
              rating: 1,
              resolvedLevel: 1,
            },
          },
          {
            group: {
              _id: { month: '$month', child: '$child' },
              reports: { $sum: 1 },
              responseDue: countIf('$settled'),
              respondedOnTime: countIf('$onTime'),
              resolved: countIf('$resolved'),
              resolvedOnTime: countIf({ $and: ['$resolved', { $ne: ['$breached', true] }] }),
              rated: countIf({ $in: ['$rating', ['satisfied', 'basically_satisfied', 'unsatisfied']] }),
              satisfied: countIf({ $in: ['$rating', ['satisfied', 'basically_satisfied']] }),
              ...Object.fromEntries(LEVELS.map((l) => [`at_${l}`, countIf({ $and: ['$resolved', { $eq: ['$resolvedLevel', l] }] })])),
            },
          },
        ],
        ['month', 'child'],
      );
      return data.map(
        (d): MonthTallyRow => ({
          month: d._id.month,
          child: d._id.child || null,
          reports: d.reports,
          responseDue: d.responseDue,
          respondedOnTime: d.respondedOnTime,
          resolved: d.resolved,
          resolvedOnTime: d.resolvedOnTime,
          rated: d.rated,
          satisfied: d.satisfied,
          resolvedAt: Object.fromEntries(LEVELS.map((l) => [l, d[`at_${l}`]])) as Record<Level, number>,
        }),
      );
    },
    async categoryTally(path, from, to) {
      const data = await aggregate<{ _id: { category: string }; count: number }>(
        { unitPath: kit.under(path), createdAt: _.gte(from).and(_.lt(to)), duplicateOf: null },
        [{ group: { _id: { category: '$category' }, count: { $sum: 1 } } }],
        ['category'],
      );
      return data.map((d) => ({ category: d._id.category, count: d.count })).sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
    },
    async timelines(ids) {
      const out = new Map<string, TimelineEntry[]>(ids.map((id) => [id, []]));
      for (const part of chunks([...new Set(ids)])) {
        const q = kit
          .coll('report_events')
          .where({ reportId: _.in(part) })
          .orderBy('reportId', 'asc')
          .orderBy('at', 'asc')
          .orderBy('ver', 'asc')
          .orderBy('pos', 'asc');
        for (const d of await kit.drainBySkip<EventDoc>(q)) out.get(d.reportId)?.push(toEntry(d));
      }
      return out;
    },
    async eventsBetween(path, types, from, to) {
      if (types.length === 0) return [];
      const events = () => kit.coll('report_events');
      const between = { at: _.gte(from).and(_.lt(to)), type: _.in([...types]) };
      const inOrder = (q: Query) => q.orderBy('at', 'asc').orderBy('_id', 'asc');
      // Entries carry their report's path (reports never change unit): the subtree's own, found by
      // index (type_path_at), however many entries the rest of the environment has in the range.
      const placed = await kit.drainBySkip<EventDoc>(inOrder(events().where({ ...between, unitPath: kit.under(path) })));
      // Entries written before they carried it are checked against their reports. The ranges asked
      // for are recent (the agenda's ten days), so these are none once such entries are older.
      const legacy = await kit.drainBySkip<EventDoc>(inOrder(events().where({ ...between, unitPath: _.exists(false) })));
      const inScope = new Set<string>();
      for (const part of chunks([...new Set(legacy.map((e) => e.reportId))])) {
        const docs = await kit.rows<Stored>(kit.coll('reports').where({ _id: _.in(part), unitPath: kit.under(path) }).field({ _id: true }).limit(part.length));
        for (const d of docs) inScope.add(d._id);
      }
      const found = [...placed, ...legacy.filter((e) => inScope.has(e.reportId))];
      return found.sort((a, b) => a.at - b.at || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)).map(toEntry);
    },
  };
}
