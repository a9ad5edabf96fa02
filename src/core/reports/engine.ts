/**
 * What each action does to a report, as pure functions: (report, what happened) → the new report
 * and the timeline entries to append. Status changes only through transition(); routing
 * bookkeeping (level, handler, clocks, breaches) is set here beside it.
 */
import { DomainError } from '../errors';
import type { Calendar } from './calendar';
import { nextLevel, type Category, type Level } from './categories';
import { clocksFor, extendClocks, type CommunityPolicy } from './deadlines';
import { isOpen, transition, type ReportEvent, type Status } from './machine';
import type { Rating, Report, TimelineEntry, TimelineType } from './report';
import type { Route } from './routing';
import type { Voice } from './voice';
import type { Unit } from '../units';

const DAY = 24 * 3600_000;

export interface Act {
  cal: Calendar;
  policy: CommunityPolicy;
  now: number;
  /** null: the timer. */
  actorId: string | null;
  newId: () => string;
}

export interface Change {
  report: Report;
  entries: TimelineEntry[];
}

function entry(act: Act, r: Report, type: TimelineType, extra: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    id: act.newId(),
    reportId: r.id,
    at: act.now,
    actorId: act.actorId,
    type,
    fromStatus: null,
    toStatus: null,
    fromLevel: null,
    toLevel: null,
    note: null,
    photos: [],
    ...extra,
  };
}

/** The status after `event`, or REPORT.NOT_ALLOWED with a message naming the current status. */
export function next(r: Report, event: ReportEvent): Status {
  const s = transition(r.status, event);
  if (!s) throw new DomainError('REPORT.NOT_ALLOWED', undefined, 'action');
  return s;
}

/** When the timer must look again: the warning, the deadline, or the auto-close. */
export function nextCheck(r: Pick<Report, 'status' | 'warned' | 'warnAt' | 'dueAt' | 'resolvedAt' | 'flagged'>, policy: CommunityPolicy): number | null {
  if (isOpen(r.status)) {
    if (r.flagged) return r.warned ? null : r.warnAt; // at the top and breached: nothing more to escalate
    return r.warned ? r.dueAt : Math.min(r.warnAt, r.dueAt);
  }
  if (r.status === 'resolved' && r.resolvedAt !== null) return r.resolvedAt + policy.autoCloseDays * DAY;
  return null;
}

function settle(r: Report, act: Act): Report {
  return { ...r, nextCheckAt: nextCheck(r, act.policy), updatedAt: act.now };
}

/** Puts the report at a route's stop with fresh clocks; records skipped levels. */
function arrive(act: Act, r: Report, category: Category, route: Route): { report: Report; entries: TimelineEntry[] } {
  const clocks = clocksFor(act.cal, act.policy, category, route.stop.level, act.now);
  const entries = route.skipped.map((s) =>
    entry(act, r, 'skip', { actorId: null, fromLevel: s.level, toLevel: s.level, note: '该级没有绑定负责人' }),
  );
  return {
    report: {
      ...r,
      level: route.stop.level,
      levelUnitId: route.stop.unitId,
      handlerId: route.stop.handlerId,
      levelStartedAt: act.now,
      ...clocks,
      respondedAt: r.respondedAt,
      warned: false,
      extension: null,
    },
    entries,
  };
}

export interface NewReport {
  id: string;
  clientRequestId: string;
  residentId: string | null;
  createdBy: string;
  channel: Report['channel'];
  contactName: string | null;
  contactPhone: string | null;
  unitId: string;
  unitPath: string;
  communityId: string | null;
  category: Category;
  description: string;
  location: string | null;
  photos: string[];
  voice?: Voice | null;
  anonymous: boolean;
  /** The echo wall may show the photos (the form's choice, off unless ticked). */
  photosPublic?: boolean;
}

export function createReport(act: Act, input: NewReport, route: Route): Change {
  const base: Report = {
    id: input.id,
    clientRequestId: input.clientRequestId,
    residentId: input.residentId,
    createdBy: input.createdBy,
    channel: input.channel,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    unitId: input.unitId,
    unitPath: input.unitPath,
    communityId: input.communityId,
    category: input.category.code,
    urgent: input.category.urgent,
    description: input.description,
    location: input.location,
    photos: input.photos,
    voice: input.voice ?? null,
    anonymous: input.anonymous,
    photosPublic: input.photosPublic === true,
    status: 'submitted',
    level: route.stop.level,
    levelUnitId: null,
    handlerId: null,
    levelStartedAt: act.now,
    respondBy: act.now,
    warnAt: act.now,
    dueAt: act.now,
    respondedAt: null,
    firstRespondBy: act.now,
    warned: false,
    breached: false,
    breaches: [],
    escalations: 0,
    disputes: 0,
    extension: null,
    flagged: false,
    transferredTo: null,
    resolvedAt: null,
    resolvedLevel: null,
    closedAt: null,
    rating: null,
    ratingNote: null,
    followUp: null,
    duplicateOf: null,
    rejectReason: null,
    followers: [],
    nextCheckAt: null,
    version: 1,
    createdAt: act.now,
    updatedAt: act.now,
  };
  const created = entry(act, base, 'create', { toStatus: 'submitted', toLevel: route.stop.level, photos: input.photos, note: input.description });
  const arrived = arrive(act, base, input.category, route);
  return { report: settle({ ...arrived.report, firstRespondBy: arrived.report.respondBy }, act), entries: [created, ...arrived.entries] };
}

function simple(act: Act, r: Report, event: ReportEvent, patch: Partial<Report>, note: string | null = null, photos: string[] = []): Change {
  const to = next(r, event);
  const report = settle({ ...r, ...patch, status: to }, act);
  return { report, entries: [entry(act, r, event, { fromStatus: r.status, toStatus: to, fromLevel: r.level, toLevel: r.level, note, photos })] };
}

export function respond(act: Act, r: Report, note: string | null): Change {
  return simple(act, r, 'respond', { respondedAt: r.respondedAt ?? act.now }, note);
}

export function comment(act: Act, r: Report, note: string, photos: string[] = []): Change {
  return simple(act, r, 'comment', {}, note, photos);
}

/**
 * Moves the report up to the next level with a handler (manual, with a reason; or automatic on
 * breach, recorded against the level that breached). At the street it stays, flagged.
 */
export function escalate(act: Act, r: Report, category: Category, routeUp: Route | null, reason: string, auto: boolean): Change {
  const to = next(r, 'escalate');
  const entries: TimelineEntry[] = [];
  let report: Report = { ...r };
  if (auto) {
    report.breached = true;
    report.breaches = [...r.breaches, { level: r.level, unitId: r.levelUnitId, handlerId: r.handlerId, at: act.now }];
    entries.push(entry(act, r, 'breach', { actorId: null, fromLevel: r.level, toLevel: r.level, note: reason }));
  }
  if (!routeUp) {
    // The street is the top: a breach there flags the report for the street's leaders.
    if (!auto) throw new DomainError('REPORT.TOP_LEVEL');
    report = settle({ ...report, flagged: true }, act);
    return { report, entries };
  }
  const arrived = arrive(act, report, category, routeUp);
  report = settle({ ...arrived.report, status: to, escalations: r.escalations + 1, transferredTo: null }, act);
  entries.push(
    entry(act, r, 'escalate', { actorId: auto ? null : act.actorId, fromStatus: r.status, toStatus: to, fromLevel: r.level, toLevel: routeUp.stop.level, note: reason }),
    ...arrived.entries,
  );
  return { report, entries };
}

export function transfer(act: Act, r: Report, department: string, note: string | null): Change {
  return simple(act, r, 'transfer', { transferredTo: department, respondedAt: r.respondedAt ?? act.now }, note ? `转交${department}：${note}` : `转交${department}`);
}

export function requestInfo(act: Act, r: Report, question: string): Change {
  return simple(act, r, 'requestInfo', { respondedAt: r.respondedAt ?? act.now }, question);
}

export function provideInfo(act: Act, r: Report, answer: string, photos: string[]): Change {
  return simple(act, r, 'provideInfo', { photos: [...r.photos, ...photos].slice(0, 18) }, answer, photos);
}

/** `ancestors`: the report's unit and the units above it, so a building's extension goes to its grid only when it has one. */
export function requestExtension(act: Act, r: Report, days: number, reason: string, ancestors?: readonly Pick<Unit, 'kind'>[]): Change {
  next(r, 'requestExtension');
  if (r.extension) throw new DomainError('REPORT.EXTENSION_PENDING');
  const deciderLevel = nextLevel(r.level, act.policy, ancestors);
  if (!deciderLevel) throw new DomainError('REPORT.TOP_LEVEL', '街道是最高一级，没有上级可以审批延期');
  return simple(
    act,
    r,
    'requestExtension',
    { extension: { requestedBy: act.actorId ?? '', requestedAt: act.now, days, reason, deciderLevel } },
    `申请延期 ${days} 个工作日：${reason}`,
  );
}

export function decideExtension(act: Act, r: Report, approve: boolean, note: string | null): Change {
  next(r, 'decideExtension');
  if (!r.extension) throw new DomainError('REPORT.NO_EXTENSION');
  const clocks = approve ? extendClocks(act.cal, act.policy, r, r.extension.days, r.urgent) : { respondBy: r.respondBy, warnAt: r.warnAt, dueAt: r.dueAt };
  return simple(
    act,
    r,
    'decideExtension',
    { ...clocks, extension: null, warned: approve ? false : r.warned },
    `${approve ? '同意' : '不同意'}延期 ${r.extension.days} 个工作日${note ? `：${note}` : ''}`,
  );
}

export function resolve(act: Act, r: Report, note: string, photos: string[]): Change {
  return simple(act, r, 'resolve', { resolvedAt: act.now, resolvedLevel: r.level, respondedAt: r.respondedAt ?? act.now, extension: null }, note, photos);
}

export function reject(act: Act, r: Report, kind: 'duplicate' | 'notActionable', reason: string, duplicateOf: string | null): Change {
  const event = kind === 'duplicate' ? 'rejectDuplicate' : 'rejectNotActionable';
  return simple(act, r, event, { rejectReason: reason, duplicateOf, closedAt: act.now, respondedAt: r.respondedAt ?? act.now }, reason);
}

export function rate(act: Act, r: Report, rating: Rating, note: string | null): Change {
  const followUp = rating === 'unsatisfied' ? { status: 'open' as const, createdAt: act.now, closedAt: null, closedBy: null, note: null } : null;
  return simple(act, r, 'rate', { rating, ratingNote: note, closedAt: act.now, followUp }, note);
}

/** Not fixed: reopens at the same level with a fresh clock, counted. */
export function dispute(act: Act, r: Report, category: Category, reason: string, photos: string[]): Change {
  const to = next(r, 'dispute');
  const clocks = clocksFor(act.cal, act.policy, category, r.level, act.now);
  const report = settle(
    { ...r, ...clocks, status: to, disputes: r.disputes + 1, resolvedAt: null, resolvedLevel: null, warned: false, levelStartedAt: act.now, respondedAt: r.respondedAt },
    act,
  );
  return { report, entries: [entry(act, r, 'dispute', { fromStatus: r.status, toStatus: to, fromLevel: r.level, toLevel: r.level, note: reason, photos })] };
}

export function autoClose(act: Act, r: Report): Change {
  return simple(act, r, 'autoClose', { closedAt: act.now });
}

export function warn(act: Act, r: Report): Change {
  const report = settle({ ...r, warned: true }, act);
  return { report, entries: [entry(act, r, 'warn', { actorId: null, fromLevel: r.level, toLevel: r.level })] };
}

export function closeFollowUp(act: Act, r: Report, note: string): Change {
  if (!r.followUp || r.followUp.status !== 'open') throw new DomainError('REPORT.NO_FOLLOW_UP');
  const report = settle({ ...r, followUp: { ...r.followUp, status: 'done', closedAt: act.now, closedBy: act.actorId, note } }, act);
  return { report, entries: [entry(act, r, 'followUpClosed', { note })] };
}

/**
 * Staff hand an open report to another handler at the same level ("改派"): routing bookkeeping
 * only, so the status and the level's clock stay as they are.
 */
export function reassign(act: Act, r: Report, handlerId: string, levelUnitId: string, note: string | null): Change {
  if (!isOpen(r.status)) throw new DomainError('REPORT.NOT_ALLOWED');
  const report = settle({ ...r, handlerId, levelUnitId }, act);
  return { report, entries: [entry(act, r, 'reassign', { fromLevel: r.level, toLevel: r.level, note })] };
}

export function addFollower(act: Act, r: Report, personId: string): Change {
  if (!isOpen(r.status)) throw new DomainError('REPORT.NOT_ALLOWED');
  if (r.followers.includes(personId) || r.residentId === personId) return { report: r, entries: [] };
  const report = settle({ ...r, followers: [...r.followers, personId] }, act);
  return { report, entries: [entry(act, r, 'plusOne')] };
}

/**
 * What a handler or staff heard on the voice note, typed (reports.describe). It becomes the report's
 * description when the resident typed none (or it was the last one heard), so lists, notices and the
 * echo wall have words to show; a resident's own words are never overwritten.
 */
export function describeVoice(act: Act, r: Report, text: string): Change {
  if (!r.voice) throw new DomainError('VOICE.NONE');
  if (!isOpen(r.status) && r.status !== 'resolved') throw new DomainError('REPORT.NOT_ALLOWED');
  const ownWords = r.description.trim() !== '' && r.description !== r.voice.heard;
  const report = settle({ ...r, voice: { ...r.voice, heard: text }, description: ownWords ? r.description : text }, act);
  return { report, entries: [entry(act, r, 'describe', { fromLevel: r.level, toLevel: r.level, note: text })] };
}

/** What the timer does to a due report now, if anything. */
export function timerStep(r: Pick<Report, 'status' | 'warned' | 'warnAt' | 'dueAt' | 'resolvedAt' | 'flagged'>, policy: CommunityPolicy, now: number): 'escalate' | 'warn' | 'autoClose' | null {
  if (isOpen(r.status)) {
    if (now >= r.dueAt && !r.flagged) return 'escalate';
    if (now >= r.warnAt && !r.warned) return 'warn';
    return null;
  }
  if (r.status === 'resolved' && r.resolvedAt !== null && now >= r.resolvedAt + policy.autoCloseDays * DAY) return 'autoClose';
  return null;
}

export type { Level };
