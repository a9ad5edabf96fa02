/**
 * The CloudBase side of the management page: the desk filter as a document query, the
 * dashboard's figures as aggregation pipelines (match → group, computed by the database), the
 * audit search, the meta compare-and-set, and the import.
 *
 * The import is all-or-nothing only as far as CloudBase allows: its transactions are meant for a
 * few single-document operations, and an import can be 20,000 rows. So it is written row by row
 * behind a marker document in `import_batches` that lists every id it is about to write; a row
 * that fails undoes the rows before it (units with their sibling-name guards, people, bindings)
 * and marks the batch rolled back. Two limits remain: for the seconds it takes, other readers can
 * see part of the batch; and a process that dies halfway leaves the marker in state "writing" —
 * `rollbackImport(id)` removes what it lists, and is safe to run again.
 */
import { DomainError, LEVELS, STATUSES, isOpen, type DeskSort, type Level, type Person, type Report, type TimelineEntry } from '../../../../src/core';
import type { AuditEntry, AuditFilter, DeskQuery, DeskRepo, ImportBatch, ImportRepo, MonthTallyRow, OpenTallyRow, Store } from '../port';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Doc = Record<string, any>;

/** What the adapter lends this module (its collection helpers and the repositories it builds on). */
export interface CloudbaseDeskContext {
  db: any;
  coll(name: string): any;
  rows(q: any): Promise<Doc[]>;
  drainBySkip(q: any, max?: number, from?: number): Promise<Doc[]>;
  toReport(d: Doc): Report;
  toEntry(d: Doc): TimelineEntry;
  toAudit(d: Doc): AuditEntry;
  toPerson(d: Doc): Person;
  units: Store['units'];
  people: Store['people'];
  bindings: Store['bindings'];
  /** The `uniques` key of a live sibling name and of a binding (see the adapter). */
  siblingKey(parentId: string | null, name: string): string;
  bindingKey(personId: string, unitId: string, role: Binding['role']): string;
}
type Binding = ImportBatch['bindings'][number];

const END = '\uffff';
const HOUR = 3600_000;
const OPEN = STATUSES.filter(isOpen);
const IN_CHUNK = 100;
/** Group rows an aggregation may return at once (levels × child units, months × child units). */
const GROUP_LIMIT = 1000;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export function cloudbaseDesk(c: CloudbaseDeskContext) {
  const _ = c.db.command;
  const $ = _.aggregate;

  /** The desk query as one document query: every condition on a field of the report document. */
  function deskWhere(f: DeskQuery): any {
    const all: any[] = [{ unitPath: _.gte(f.path).and(_.lt(f.path + END)) }];
    const w = (cond: Doc) => all.push(cond);
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
    if (f.ratings?.length) w({ rating: _.in([...f.ratings]) });
    if (f.disputed !== undefined) w({ disputes: f.disputed ? _.gt(0) : 0 });
    if (f.escalated !== undefined) w({ escalations: f.escalated ? _.gt(0) : 0 });
    if (f.followUpOpen !== undefined) w({ 'followUp.status': f.followUpOpen ? 'open' : _.neq('open') });
    if (f.counted !== undefined) w({ duplicateOf: f.counted ? null : _.neq(null) });
    if (f.q) {
      const re = c.db.RegExp({ regexp: escapeRegExp(f.q), options: 'i' });
      w(_.or([{ description: re }, { location: re }, { contactName: re }, { _id: f.q }]));
    }
    return all.length === 1 ? all[0] : _.and(all);
  }

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

  /** The child of the unit at `path` a report lies under: the path segment after it ('' on the unit itself). */
  const childOf = (path: string) => ({ $arrayElemAt: [{ $split: [{ $substrCP: ['$unitPath', path.length, 4000] }, '/'] }, 0] });
  const countIf = (cond: unknown) => ({ $sum: { $cond: [cond, 1, 0] } });
  const present = (field: string) => ({ $ne: [{ $ifNull: [field, null] }, null] });
  const resolved = present('$resolvedAt');

  async function aggregate(match: any, stages: Doc[]): Promise<Doc[]> {
    let a = c.coll('reports').aggregate().match(match);
    for (const s of stages) {
      const [k, v] = Object.entries(s)[0];
      a = a[k](v);
    }
    return ((await a.limit(GROUP_LIMIT).end()) as { data: Doc[] }).data;
  }

  const desk: DeskRepo = {
    async list(q, sort, limit, offset) {
      if (limit <= 0) return [];
      let query = c.coll('reports').where(deskWhere(q));
      for (const [field, dir] of ORDER[sort]) query = query.orderBy(field, dir);
      return (await c.drainBySkip(query, limit, offset)).map(c.toReport);
    },
    async count(q) {
      return (await c.coll('reports').where(deskWhere(q)).count()).total as number;
    },
    async openTally(path, now, soonMs) {
      const data = await aggregate({ status: _.in(OPEN), unitPath: _.gte(path).and(_.lt(path + END)) }, [
        { project: { level: 1, dueAt: 1, child: childOf(path) } },
        {
          group: {
            _id: { level: '$level', child: '$child' },
            open: { $sum: 1 },
            dueSoon: countIf({ $and: [{ $gte: ['$dueAt', now] }, { $lte: ['$dueAt', now + soonMs] }] }),
            overdue: countIf({ $lt: ['$dueAt', now] }),
          },
        },
      ]);
      return data.map((d): OpenTallyRow => ({ level: d._id.level, child: d._id.child || null, open: d.open, dueSoon: d.dueSoon, overdue: d.overdue }));
    },
    async monthTally(path, bounds) {
      if (bounds.length < 2) return [];
      const branches = bounds.slice(1, -1).map((b, i) => ({ case: { $lt: ['$createdAt', b] }, then: i }));
      const month = branches.length ? { $switch: { branches, default: bounds.length - 2 } } : { $literal: 0 };
      const data = await aggregate(
        { unitPath: _.gte(path).and(_.lt(path + END)), createdAt: _.gte(bounds[0]).and(_.lt(bounds[bounds.length - 1])), duplicateOf: null },
        [
          {
            project: {
              month,
              child: childOf(path),
              onTime: { $and: [present('$respondedAt'), { $lte: ['$respondedAt', '$firstRespondBy'] }] },
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
              respondedOnTime: countIf('$onTime'),
              resolved: countIf('$resolved'),
              resolvedOnTime: countIf({ $and: ['$resolved', { $ne: ['$breached', true] }] }),
              rated: countIf({ $in: ['$rating', ['satisfied', 'basically_satisfied', 'unsatisfied']] }),
              satisfied: countIf({ $in: ['$rating', ['satisfied', 'basically_satisfied']] }),
              ...Object.fromEntries(LEVELS.map((l) => [`at_${l}`, countIf({ $and: ['$resolved', { $eq: ['$resolvedLevel', l] }] })])),
            },
          },
        ],
      );
      return data.map(
        (d): MonthTallyRow => ({
          month: d._id.month,
          child: d._id.child || null,
          reports: d.reports,
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
      const data = await aggregate({ unitPath: _.gte(path).and(_.lt(path + END)), createdAt: _.gte(from).and(_.lt(to)), duplicateOf: null }, [
        { group: { _id: '$category', count: { $sum: 1 } } },
      ]);
      return data.map((d) => ({ category: d._id as string, count: d.count as number })).sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
    },
    async timelines(ids) {
      const out = new Map<string, TimelineEntry[]>(ids.map((id) => [id, []]));
      for (const part of chunks([...new Set(ids)], IN_CHUNK)) {
        const q = c.coll('report_events').where({ reportId: _.in(part) }).orderBy('reportId', 'asc').orderBy('at', 'asc').orderBy('ver', 'asc').orderBy('pos', 'asc');
        for (const d of await c.drainBySkip(q)) out.get(d.reportId)?.push(c.toEntry(d));
      }
      return out;
    },
    async eventsBetween(path, types, from, to) {
      if (types.length === 0) return [];
      const q = c.coll('report_events').where({ at: _.gte(from).and(_.lt(to)), type: _.in([...types]) }).orderBy('at', 'asc').orderBy('_id', 'asc');
      const events = (await c.drainBySkip(q)).map(c.toEntry);
      const inScope = new Set<string>();
      for (const part of chunks([...new Set(events.map((e) => e.reportId))], IN_CHUNK)) {
        const docs = await c.rows(c.coll('reports').where({ _id: _.in(part), unitPath: _.gte(path).and(_.lt(path + END)) }).field({ _id: true }).limit(part.length));
        for (const d of docs) inScope.add(d._id);
      }
      return events.filter((e) => inScope.has(e.reportId));
    },
  };

  /** Undoes what a batch marker lists; safe to repeat (removing a missing document removes nothing). */
  async function undo(marker: Doc): Promise<void> {
    for (const key of marker.bindingKeys ?? []) await c.coll('bindings').doc(key).remove();
    for (const part of chunks<string>(marker.people ?? [], IN_CHUNK)) await c.coll('people').where({ _id: _.in(part) }).remove();
    for (const u of [...(marker.units ?? [])].reverse() as { id: string; parentId: string | null; name: string }[]) {
      await c.coll('units').doc(u.id).remove();
      const guard = (await c.coll('uniques').doc(c.siblingKey(u.parentId, u.name)).get()).data?.[0];
      if (guard?.unitId === u.id) await c.coll('uniques').doc(guard._id).remove();
    }
  }

  const imports: ImportRepo & { rollbackImport(id: string): Promise<boolean> } = {
    async commit(batch) {
      // Only bindings that did not exist before are ours to undo.
      const fresh: Binding[] = [];
      for (const b of batch.bindings) if (!(await c.bindings.find(b.personId, b.unitId, b.role))) fresh.push(b);
      const marker = {
        _id: batch.id,
        state: 'writing',
        units: batch.units.map((u) => ({ id: u.id, parentId: u.parentId, name: u.name })),
        people: batch.people.map((p) => p.id),
        bindingKeys: fresh.map((b) => c.bindingKey(b.personId, b.unitId, b.role)),
      };
      await c.coll('import_batches').add(marker);
      try {
        for (const u of batch.units) await c.units.insert(u);
        for (const p of batch.people) await c.people.insert(p, null);
        for (const b of fresh) await c.bindings.insert(b);
      } catch (e) {
        await undo(marker);
        await c.coll('import_batches').doc(batch.id).update({ state: 'rolledBack' });
        throw e instanceof DomainError ? e : new DomainError('INTERNAL', '导入没有完成，已全部撤回，请重试');
      }
      await c.coll('import_batches').doc(batch.id).update({ state: 'done' });
    },
    async findByPhones(phones) {
      const out: Person[] = [];
      for (const part of chunks([...new Set(phones)], IN_CHUNK)) {
        const docs = await c.drainBySkip(c.coll('people').where({ phone: _.in(part) }).field({ passwordHash: false }).orderBy('_id', 'asc'));
        out.push(...docs.map(c.toPerson));
      }
      return out;
    },
    async rollbackImport(id) {
      const marker = (await c.coll('import_batches').doc(id).get()).data?.[0];
      if (!marker || marker.state === 'done') return false;
      await undo(marker);
      await c.coll('import_batches').doc(id).update({ state: 'rolledBack' });
      return true;
    },
  };

  async function auditSearch(f: AuditFilter, limit: number): Promise<AuditEntry[]> {
    if (limit <= 0) return [];
    const w: Doc = {};
    if (f.path !== undefined) w.unitPath = _.gte(f.path).and(_.lt(f.path + END));
    if (f.targetId !== undefined) w.targetId = f.targetId;
    if (f.actorId !== undefined) w.actorId = f.actorId;
    if (f.action !== undefined) w.action = f.action;
    const at: any[] = [];
    if (f.from !== undefined) at.push(_.gte(f.from));
    if (f.to !== undefined) at.push(_.lt(f.to));
    if (f.before !== undefined) at.push(_.lt(f.before));
    if (at.length) w.at = at.reduce((a, b) => a.and(b));
    const q = (Object.keys(w).length ? c.coll('audit').where(w) : c.coll('audit')).orderBy('at', 'desc').orderBy('_id', 'desc');
    return (await c.drainBySkip(q, limit)).map(c.toAudit);
  }

  async function compareAndSet(key: string, expected: string | null, next: string): Promise<boolean> {
    if (expected === null) {
      try {
        await c.coll('meta').add({ _id: key, value: next });
        return true;
      } catch (e) {
        if ((await c.coll('meta').doc(key).get()).data?.[0]) return false;
        throw e;
      }
    }
    const r = await c.coll('meta').where({ _id: key, value: expected }).update({ value: next });
    return r.updated === 1;
  }

  return { desk, imports, auditSearch, compareAndSet };
}
