/**
 * Reports on CloudBase: one document per report (`_id` its id, every other field of the port's
 * Report as it is, so filters and indexes see them), and one document per timeline entry in
 * `report_events`.
 *
 * How the report invariants hold when requests race:
 * - A retried create: a guard in `uniques` keyed by hash(createdBy, clientRequestId) is added in
 *   the same transaction as the report and its first timeline entries (guards.ts). A create that
 *   finds the guard writes nothing and returns the report it names, read in the same snapshot,
 *   so the two are always seen together. Racing creates all write the guard; the database lets
 *   one commit and the SDK re-runs the others, which then find it.
 * - save: a transaction that reads the report, checks its version, replaces the document
 *   (version + 1) and adds the timeline entries under their own ids, so a re-run callback writes
 *   the same documents. Of two saves of one report the database aborts one, and its re-run on
 *   the new snapshot finds the version moved and returns null. A claim written while a save is
 *   open makes the save re-run too; a claim leaves the version alone, so the save still lands.
 * - The audit entries and messages a report write brings (`also`) are added in its transaction,
 *   under their own ids: they land with the report or not at all.
 * - saveAll runs each save as `save` does (its own transaction): there is no transaction over
 *   many documents to put them in. Saves of different reports touch different documents, so
 *   SAVES_AT_ONCE of them run at once (one after another, 200 of the timer's saves outlast its
 *   budget); saves of one report keep their order.
 * - The timer's claim (claimDue) is a lease written beside the report's own fields: `claimOwner`
 *   and `claimUntil` on its document, and nothing else. Each due report is claimed by one
 *   conditional update, `where(_id, version as read, no unexpired claim).update({ claimOwner,
 *   claimUntil })` and `updated === 1`, so of two timer runs that read the same report only one
 *   claims it, and what it returns is the report as stored when claimed. The claim does not bump
 *   the version: the timer's later save is checked against the version it read, like anyone's.
 *   A handler who saves meanwhile is not stopped by the claim; that save moves the version, so
 *   the timer's save of the older one writes nothing. Any save ends the claim, since it replaces
 *   the document with the port's fields only; `release` ends it without a save.
 * - Timeline order is (at, ver, pos): the report version the write produced, then the entry's
 *   place in that write, i.e. the order they were appended in.
 */
import { isOpen, STATUSES, type Report, type TimelineEntry } from '../../../../src/core';
import type { ReportFilter, ReportRepo, ReportSideWrites } from '../port';
import { auditDoc } from './audit';
import { claimReportRequest, reportRequestKey, requestedReport } from './guards';
import { chunks, inParallel, type CloudbaseKit, type Stored, type Where } from './kit';
import { messageDoc } from './messages';
import type { Tx } from './transaction';

/** A report as stored: its own fields, plus the timer's claim, which is the adapter's. */
export interface ReportDoc extends Omit<Report, 'id'>, Stored {
  claimOwner?: string | null;
  claimUntil?: number | null;
  /** Set by CloudBase on documents a user's client wrote; not part of the report. */
  _openid?: string;
}

/** A timeline entry as stored, with its place in the order it was appended (see above). */
export interface EventDoc extends Omit<TimelineEntry, 'id'>, Stored {
  ver: number;
  pos: number;
  /**
   * The report's unit path when the entry was written, so a subtree's entries of a date range are
   * found by index (eventsBetween). Absent on entries written before it was recorded.
   */
  unitPath?: string;
}

/** Claims written by one claimDue at once. */
const PARALLEL = 10;
/** Transactions saveAll runs at once: each holds a few requests; more would only queue at the service. */
export const SAVES_AT_ONCE = 8;
/** Statuses in which a report still needs someone (the duplicate hint looks at these). */
const OPEN_STATUSES = STATUSES.filter(isOpen);

function reportDoc(r: Report): ReportDoc {
  const { id, ...fields } = r;
  return { _id: id, ...fields };
}

export function toReport(d: ReportDoc): Report {
  const { _id, _openid: _o, claimOwner: _c, claimUntil: _u, ...fields } = d;
  return { id: _id, ...fields };
}

function eventDoc(e: TimelineEntry, ver: number, pos: number, unitPath: string): EventDoc {
  const { id, ...fields } = e;
  return { _id: id, ...fields, ver, pos, unitPath };
}

export const toEntry = (d: EventDoc): TimelineEntry => ({
  id: d._id,
  reportId: d.reportId,
  at: d.at,
  actorId: d.actorId ?? null,
  type: d.type,
  fromStatus: d.fromStatus ?? null,
  toStatus: d.toStatus ?? null,
  fromLevel: d.fromLevel ?? null,
  toLevel: d.toLevel ?? null,
  note: d.note ?? null,
  photos: d.photos ?? [],
});

/** The side writes of a report write, inside its transaction. */
async function addAlso(t: Tx, also: ReportSideWrites | undefined): Promise<void> {
  for (const e of also?.audit ?? []) await t.add('audit', auditDoc(e));
  for (const m of also?.messages ?? []) await t.add('messages', messageDoc(m));
}

async function addEntries(t: Tx, entries: readonly TimelineEntry[], r: Pick<Report, 'version' | 'unitPath'>): Promise<void> {
  for (const [i, e] of entries.entries()) await t.add('report_events', eventDoc(e, r.version, i, r.unitPath));
}

export function cloudbaseReports(kit: CloudbaseKit): ReportRepo {
  const _ = kit.command;
  const coll = () => kit.coll('reports');

  /** The query of a ReportFilter: every condition on an indexed field of the report document. */
  function reportWhere(f: ReportFilter): Where {
    const w: Where = { unitPath: kit.under(f.path) };
    if (f.statuses?.length) w.status = _.in([...f.statuses]);
    if (f.levels?.length) w.level = _.in([...f.levels]);
    if (f.category) w.category = f.category;
    if (f.handlerId) w.handlerId = f.handlerId;
    if (f.dueBefore !== undefined) w.dueAt = _.lt(f.dueBefore);
    if (f.createdFrom !== undefined && f.createdTo !== undefined) w.createdAt = _.gte(f.createdFrom).and(_.lt(f.createdTo));
    else if (f.createdFrom !== undefined) w.createdAt = _.gte(f.createdFrom);
    else if (f.createdTo !== undefined) w.createdAt = _.lt(f.createdTo);
    return w;
  }

  /** No claim, or one that has expired (the owner's own unexpired claim counts as held). */
  const unclaimed = (now: number) => _.or([{ claimOwner: null }, { claimUntil: null }, { claimUntil: _.lte(now) }]);

  const reports: ReportRepo = {
    async insert(report, timeline, also) {
      const existing = await kit.transaction(async (t) => {
        const heldId = await requestedReport(t, report.createdBy, report.clientRequestId);
        if (heldId !== null) {
          // The guard and the report were committed together: this snapshot has both.
          const d = await t.get<ReportDoc>('reports', heldId);
          if (!d) throw new Error(`report guard ${reportRequestKey(report.createdBy, report.clientRequestId)} names a missing report ${heldId}`);
          return d;
        }
        await claimReportRequest(t, report.createdBy, report.clientRequestId, report.id);
        await t.add('reports', reportDoc(report));
        await addEntries(t, timeline, report);
        await addAlso(t, also);
        return null;
      });
      return existing ? { report: toReport(existing), created: false } : { report, created: true };
    },
    async get(id) {
      const d = await kit.docById<ReportDoc>('reports', id);
      return d ? toReport(d) : null;
    },
    async timeline(reportId) {
      const q = kit.coll('report_events').where({ reportId }).orderBy('at', 'asc').orderBy('ver', 'asc').orderBy('pos', 'asc');
      return (await kit.drainBySkip<EventDoc>(q)).map(toEntry);
    },
    async save(report, expected, entries, also) {
      const next: Report = { ...report, version: expected + 1 };
      const { _id, ...fields } = reportDoc(next);
      return kit.transaction(async (t) => {
        const snap = await t.get<ReportDoc>('reports', report.id);
        if (!snap || snap.version !== expected) return null;
        // set replaces the document: nested fields (extension, followUp, …) hold nothing stale,
        // and the timer's claim fields go with the rest.
        await t.set('reports', report.id, fields);
        await addEntries(t, entries, next);
        await addAlso(t, also);
        return next;
      });
    },
    async saveAll(saves) {
      // `before` is not needed: the transaction reads the report to check its version anyway.
      const out: (Report | null)[] = new Array(saves.length).fill(null);
      // One lane per report, in the order given: a second save of a report expects the version the first made.
      const lanes = new Map<string, number[]>();
      for (const [i, x] of saves.entries()) (lanes.get(x.report.id) ?? lanes.set(x.report.id, []).get(x.report.id)!).push(i);
      await inParallel([...lanes.values()], SAVES_AT_ONCE, async (lane) => {
        for (const i of lane) out[i] = await reports.save(saves[i].report, saves[i].expectedVersion, saves[i].entries, saves[i].also);
      });
      return out;
    },
    async claimDue(now, limit, owner, until) {
      if (limit <= 0) return [];
      // A numeric bound matches numbers only (MongoDB compares within a type), so a report that
      // needs nothing (nextCheckAt null) never does.
      const q = coll()
        .where(_.and([{ nextCheckAt: _.lte(now) }, unclaimed(now)]))
        .orderBy('nextCheckAt', 'asc')
        .orderBy('_id', 'asc');
      const due = (await kit.drainBySkip<ReportDoc>(q, limit)).map(toReport);
      const claimed: (Report | null)[] = new Array(due.length).fill(null);
      await inParallel([...due.keys()], PARALLEL, async (i) => {
        const cur = due[i];
        const n = await kit.update(coll().where(_.and([{ _id: cur.id, version: cur.version }, unclaimed(now)])), { claimOwner: owner, claimUntil: until });
        if (n === 1) claimed[i] = cur;
      });
      return claimed.filter((r): r is Report => r !== null);
    },
    async release(ids, owner) {
      for (const part of chunks(ids)) await kit.update(coll().where({ _id: _.in(part), claimOwner: owner }), { claimOwner: null, claimUntil: null });
    },
    async listForResident(personId, limit, before) {
      if (limit <= 0) return [];
      const at = before === undefined ? {} : { createdAt: _.lt(before) };
      // One branch per index (residentId+createdAt, createdBy+createdAt).
      const q = coll()
        .where(_.or([{ residentId: personId, ...at }, { createdBy: personId, ...at }]))
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc');
      return (await kit.drainBySkip<ReportDoc>(q, limit)).map(toReport);
    },
    async list(filter, limit, offset = 0) {
      if (limit <= 0) return [];
      const q = coll().where(reportWhere(filter)).orderBy('dueAt', 'asc').orderBy('_id', 'asc');
      return (await kit.drainBySkip<ReportDoc>(q, limit, offset)).map(toReport);
    },
    async count(filter) {
      return kit.count(coll().where(reportWhere(filter)));
    },
    async findOpenSimilar(unitId, category, since) {
      const q = coll()
        .where({ unitId, category, createdAt: _.gte(since), status: _.in(OPEN_STATUSES) })
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc');
      return (await kit.drainBySkip<ReportDoc>(q)).map(toReport);
    },
    async listContactKept(communityId, closedBefore, limit) {
      if (limit <= 0) return [];
      // The index community_closed (collections.ts); a numeric bound never matches a null closedAt.
      const q = coll()
        .where(
          _.and([
            { communityId, closedAt: _.lt(closedBefore), status: _.in(['closed', 'rejected']) },
            _.or([{ contactName: _.neq(null) }, { contactPhone: _.neq(null) }]),
          ]),
        )
        .orderBy('closedAt', 'asc')
        .orderBy('_id', 'asc');
      return (await kit.drainBySkip<ReportDoc>(q, limit)).map(toReport);
    },
  };
  return reports;
}
