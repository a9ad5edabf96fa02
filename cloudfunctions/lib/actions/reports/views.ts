/**
 * How a report reads: its summary in lists, its page (detail) with the timeline and the next step
 * (next-step.ts: for the resident, and for staff), and the names both need, looked up once per page.
 */
import {
  CHANNEL_LABEL,
  EVENT_LABEL,
  LEVEL_LABEL,
  PHOTOS_WITHHELD,
  RESIDENT_SHOWN,
  ROLE_LABEL,
  STATUS_LABEL,
  ancestorIds,
  consentOf,
  findCategory,
  WATCHES_URGENT_IN_BUILDING,
  isOpen,
  isReportOwner,
  readerOf,
  viewsReportsIn,
  voiceLabel,
  watchesReport,
  type CommunityPolicy,
  type Report,
  type ReportDetail,
  type ReportSummary,
  type TimelineEntry,
  type TimelineType,
  type Unit,
} from '../../../../src/core';
import type { Deps } from '../../deps';
import type { AuthedContext } from '../define';
import { policyFor } from '../policy';
import { allowedActions, mayHandle } from './access';
import { residentNextStep, staffNextStep } from './next-step';
import { photoAddresses } from './photo-addresses';

const HOUR = 3600_000;
/** "Due soon": within a working day's worth of hours. */
export const DUE_SOON = 24 * HOUR;

export interface Names {
  units: Map<string, Unit>;
  /** `photos`: the person's consent to their reports' photos being shown to neighbours (core/people.ts). */
  people: Map<string, { name: string; phone: string | null; photos?: boolean }>;
}

/** `knownUnits`: units the caller has just read, not read again. */
export async function namesFor(deps: Deps, reports: readonly Report[], extraPeople: string[] = [], knownUnits: readonly Unit[] = []): Promise<Names> {
  const known = new Map(knownUnits.map((u) => [u.id, u]));
  const unitIds = new Set<string>();
  const personIds = new Set<string>(extraPeople);
  for (const r of reports) {
    for (const id of ancestorIds(r.unitPath)) if (!known.has(id)) unitIds.add(id);
    if (r.handlerId) personIds.add(r.handlerId);
    if (r.residentId) personIds.add(r.residentId);
  }
  const [units, people] = await Promise.all([unitIds.size ? deps.store.units.getMany([...unitIds]) : [], deps.store.people.getMany([...personIds])]);
  for (const u of units) known.set(u.id, u);
  return { units: known, people: new Map(people.map((p) => [p.id, { name: p.name, phone: p.phone, photos: consentOf(p).photos }])) };
}

/** Where a report is, as people say it: "幸福里小区 1号楼" (the compound and the building of its unit). */
export function placeOf(unitPath: string, units: ReadonlyMap<string, Pick<Unit, 'kind' | 'name'>>): string {
  const trail = ancestorIds(unitPath).map((id) => units.get(id));
  return trail.filter((u) => u && (u.kind === 'compound' || u.kind === 'building')).map((u) => u!.name).join(' ');
}

export function summary(r: Report, names: Names, policy: CommunityPolicy, now: number): ReportSummary {
  const category = findCategory(policy, r.category);
  const place = placeOf(r.unitPath, names.units);
  const open = isOpen(r.status);
  return {
    id: r.id,
    version: r.version,
    category: r.category,
    categoryName: category?.name ?? r.category,
    icon: category?.icon ?? '💬',
    urgent: r.urgent,
    // A voice-only report reads as its voice note until someone types what they heard.
    description: r.description || (r.voice ? voiceLabel(r.voice) : ''),
    status: r.status,
    statusLabel: STATUS_LABEL[r.status],
    level: r.level,
    levelLabel: LEVEL_LABEL[r.level],
    unitName: names.units.get(r.unitId)?.name ?? '',
    place,
    handlerName: r.handlerId ? (names.people.get(r.handlerId)?.name ?? null) : null,
    respondBy: r.respondBy,
    dueAt: r.dueAt,
    overdue: open && now > r.dueAt,
    dueSoon: open && now <= r.dueAt && r.dueAt - now <= DUE_SOON,
    createdAt: r.createdAt,
    followers: r.followers.length,
  };
}

/** How a reader who may not know the resident sees the author of the resident's entries. */
const RESIDENT_AUTHOR = '居民';

/** Entries only the resident's side writes, whoever wrote them (a recorder may answer for a resident who has no app). */
const RESIDENT_EVENTS: readonly TimelineType[] = ['provideInfo', 'dispute', 'rate'];

/** Entries a follower writes: their +1, and the words they typed with it (reports.follow's note). */
const FOLLOWER_EVENTS: readonly TimelineType[] = ['plusOne', 'comment'];

/**
 * The resident's side of a report: the neighbours who +1 it, the entries whose notes and photos are
 * the resident's, and those that are a follower's own (`byFollower`: the follower, else null).
 */
function residentSide(r: Report, timeline: readonly TimelineEntry[]) {
  const followers = new Set<string>(r.followers);
  for (const e of timeline) if (e.type === 'plusOne' && e.actorId) followers.add(e.actorId);
  return {
    followers,
    wrote: (e: TimelineEntry) => RESIDENT_EVENTS.includes(e.type) || (e.actorId !== null && e.actorId === r.residentId),
    byFollower: (e: TimelineEntry) => (e.actorId !== null && e.actorId !== r.residentId && followers.has(e.actorId) && FOLLOWER_EVENTS.includes(e.type) ? e.actorId : null),
  };
}

/** Why a watcher reads a report they neither filed nor handle: "这条紧急反映由物业办理，您作为楼栋长可以查看，不用您办理。" */
function watchNoteOf(caller: AuthedContext['caller'], r: Report, handlerRole: string | null): string {
  // Watching means one of the caller's bindings is a watcher's over the report.
  const watcher = caller.bindings.find((b) => WATCHES_URGENT_IN_BUILDING.includes(b.role) && !b.unit.archived && r.unitPath.startsWith(b.unit.path))!;
  return `这条紧急反映由${handlerRole ?? LEVEL_LABEL[r.level]}办理，您作为${ROLE_LABEL[watcher.role]}可以查看，不用您办理。`;
}

/** The report's unit and those above it, as read for its names: whether it sits under a grid. */
const chainOfNames = (r: Report, names: Names): Unit[] => ancestorIds(r.unitPath).flatMap((id) => names.units.get(id) ?? []);

/** `known`: what the caller has just read or written for this report (a new report's timeline, its policy and units). */
export async function detail(ctx: AuthedContext, r: Report, known: { policy?: CommunityPolicy; timeline?: TimelineEntry[]; units?: readonly Unit[] } = {}): Promise<ReportDetail> {
  const { deps, caller } = ctx;
  const policy = known.policy ?? (await policyFor(deps, r.communityId));
  const timeline = known.timeline ?? (await deps.store.reports.timeline(r.id));
  const names = await namesFor(deps, [r], timeline.map((e) => e.actorId).filter((x): x is string => !!x), known.units);
  const s = summary(r, names, policy, deps.clock.now());
  const seesAllHere = viewsReportsIn(caller.bindings, { path: r.unitPath });
  const reader = readerOf(caller.person.id, caller.bindings, r);
  const shown = RESIDENT_SHOWN[reader][r.anonymous ? 'anonymous' : 'named'];
  const resident = r.residentId ? names.people.get(r.residentId) : null;
  // The handler's own bindings are a handful; the unit's can be every resident of a building.
  const handlerBinding = r.handlerId && r.levelUnitId ? (await deps.store.bindings.listForPerson(r.handlerId)).find((b) => b.unitId === r.levelUnitId) : undefined;
  const handler = r.handlerId ? names.people.get(r.handlerId) : null;
  const side = residentSide(r, timeline);
  // A neighbour who +1s is the resident of their own +1, as private as the filer: the table is asked about them as such.
  const followerShown = (id: string) => RESIDENT_SHOWN[readerOf(caller.person.id, caller.bindings, { ...r, residentId: id, createdBy: id })].named;
  const hideName = (actorId: string) =>
    actorId === r.residentId ? !shown.identity : side.followers.has(actorId) && !followerShown(actorId).identity;
  // A follower's words are theirs as the resident's are the resident's: the same table decides who reads them.
  const hideAdded = (e: TimelineEntry) => {
    const follower = side.byFollower(e);
    return follower ? !followerShown(follower).additions : !shown.additions && side.wrote(e);
  };
  const watching = !isReportOwner(caller.person.id, r) && !mayHandle(caller, r) && watchesReport(caller.bindings, r);
  const handlerRole = handlerBinding ? ROLE_LABEL[handlerBinding.role] : null;
  // The resident said no to photos for readers beyond the handlers: the report's own go too, whoever took them.
  const photosWithheld = reader === 'neighbour' && resident?.photos === false;
  const hiddenPhotos = new Set([...timeline.filter(hideAdded).flatMap((e) => e.photos), ...(photosWithheld ? r.photos : [])]);
  // A voice is the person: readers who may not know who filed it read what was heard, never hear it.
  const voice = r.voice && shown.identity ? r.voice : null;
  const photoUrl = await photoAddresses(deps, caller, [...(voice ? [voice.file] : []), ...r.photos, ...timeline.filter((e) => !hideAdded(e)).flatMap((e) => e.photos)].filter((p) => !hiddenPhotos.has(p)));
  return {
    ...s,
    location: r.location,
    photos: r.photos.filter((p) => !hiddenPhotos.has(p)).map(photoUrl),
    photosWithheld: photosWithheld && r.photos.length > 0 ? PHOTOS_WITHHELD : null,
    voice: voice ? { url: photoUrl(voice.file), seconds: voice.seconds, type: voice.type, heard: voice.heard ?? null } : null,
    channel: r.channel,
    channelLabel: CHANNEL_LABEL[r.channel],
    anonymous: r.anonymous,
    resident: shown.identity ? (resident ? { name: resident.name, phone: resident.phone } : r.contactName ? { name: r.contactName, phone: r.contactPhone } : null) : null,
    handler: handler ? { name: handler.name, roleLabel: handlerRole ?? LEVEL_LABEL[r.level], phone: handler.phone } : null,
    nextStep: residentNextStep(r, s, policy, deps.clock.now(), chainOfNames(r, names)),
    // Staff and handlers read whose move it is; a resident or a neighbour has no use for it.
    nextStepForStaff: reader === 'handler' ? staffNextStep(r, s, policy, deps.clock.now(), chainOfNames(r, names)) : null,
    rating: r.rating,
    ratingNote: shown.additions ? r.ratingNote : null,
    rejectReason: r.rejectReason,
    transferredTo: r.transferredTo,
    extension: r.extension,
    followUp: seesAllHere ? r.followUp : null,
    breached: r.breached,
    flagged: r.flagged,
    escalations: r.escalations,
    disputes: r.disputes,
    timeline: timeline
      .slice()
      .reverse()
      .map((e) => ({
        id: e.id,
        at: e.at,
        type: e.type,
        label: e.type === 'escalate' && e.toLevel ? `上报到${LEVEL_LABEL[e.toLevel]}` : EVENT_LABEL[e.type],
        actorName: !e.actorId ? '系统' : hideName(e.actorId) ? RESIDENT_AUTHOR : (names.people.get(e.actorId)?.name ?? null),
        fromLevel: e.fromLevel,
        toLevel: e.toLevel,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        // The create entry's note is the description, which every reader reads.
        note: hideAdded(e) && e.type !== 'create' ? null : e.note,
        photos: hideAdded(e) ? [] : e.photos.filter((p) => !hiddenPhotos.has(p)).map(photoUrl),
      })),
    can: await allowedActions(deps, caller, r),
    watching,
    watchNote: watching ? watchNoteOf(caller, r, handlerRole) : null,
  };
}
