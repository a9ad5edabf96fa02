/**
 * Who may do what with a report, as allow-lists: a role that no table names can do nothing with
 * reports. A grid's lead (家长) and steward (管家) see their grid's reports through 'report.view'
 * (roles.ts) and handle the grid level where a community made the grid a level (HANDLES_AT). The
 * actions ask the functions below and never compare role strings themselves.
 *
 * Two questions are answered by the permissions of `can()` (ROLE_PERMISSIONS in roles.ts), not by
 * a table here: 'report.view' (every report in the subtree of the bound unit, with who reported it)
 * and 'report.manage' (act on any report in that subtree, whoever handles it: staff, the
 * management page). One question is not about roles at all: a person always sees the reports they
 * filed or that were filed for them, bound or not.
 */
import { LEVELS, type Level } from './reports/categories';
import { isOpen } from './reports/machine';
import type { Channel, Report } from './reports/report';
import { can, scopeRoots, type Role, type ScopedBinding } from './roles';
import type { Unit, UnitKind } from './units';

/**
 * Who handles a report at each level: a binding with one of these roles on the level's unit, which
 * is a unit of that kind (a level is named for its kind of unit). Routing picks among them by the
 * category's preference (reports/routing.ts `handlerRoles`).
 */
export const HANDLES_AT: Readonly<Record<Level, readonly Role[]>> = {
  building: ['building_lead'],
  grid: ['grid_lead', 'steward'],
  compound: ['compound_secretary', 'property_manager'],
  community: ['community_staff', 'community_secretary'],
  street: ['street_officer'],
};

/** Who decides an extension asked for at the level below: a binding with one of these roles on this level's unit. */
export const DECIDES_EXTENSIONS_AT: Readonly<Record<Level, readonly Role[]>> = {
  building: [],
  grid: ['grid_lead', 'steward'],
  compound: ['compound_secretary', 'property_manager'],
  community: ['community_staff', 'community_secretary'],
  street: ['street_officer'],
};

export type OnBehalfChannel = Exclude<Channel, 'resident'>;

/**
 * Who records a report on a resident's behalf, by channel, in the subtree of the unit they are
 * bound on: a message from the building's group chat, or a visit or a phone call taken by the
 * compound's secretary or community staff.
 */
export const RECORDS_FOR_RESIDENTS: Readonly<Record<OnBehalfChannel, readonly Role[]>> = {
  group_chat: ['building_lead', 'compound_secretary', 'property_manager', 'community_staff', 'community_secretary', 'street_officer'],
  visit: ['compound_secretary', 'community_staff', 'community_secretary', 'street_officer'],
  phone: ['compound_secretary', 'community_staff', 'community_secretary', 'street_officer'],
  // No person files through Open311: a partner's system does, with a key staff issued (lib/open311).
  open311: [],
};

/**
 * Who else records a report by channel `visit`: a member visiting a household they are paired with
 * (联户), for that household only — its building or its compound (pairings.ts mayFileOnVisit).
 */
export const RECORDS_ON_PAIRED_VISITS: readonly Role[] = ['member'];

/** Who files a report for themselves: on the building they live in, or about its compound's common areas. */
export const FILES_REPORTS: readonly Role[] = ['resident'];

/** Who follows (+1) an open report filed on the unit they are bound on. */
export const FOLLOWS_REPORTS: readonly Role[] = ['resident'];

/**
 * Who sees the open reports filed on the unit they are bound on, as "already reported" before
 * filing. Everyone bound on a building or a compound; staff see them through 'report.view'.
 */
export const SEES_UNIT_REPORTS: readonly Role[] = ['resident', 'building_lead', 'compound_secretary', 'property_manager', 'member', 'volunteer'];

/**
 * Who watches ("关注") the urgent reports filed on the building they are bound on. An urgent category
 * (a lift, a fire exit) starts at the compound and goes straight to the property company, yet
 * neighbours knock on the building lead's door first. A watcher is told when one is filed, reads it
 * and lists it (the inbox's 关注 view), and that is all: not a follower (not counted, not told of each
 * step) and not a handler (acts on nothing unless another table says so).
 */
export const WATCHES_URGENT_IN_BUILDING: readonly Role[] = ['building_lead'];

/** Who calls an unsatisfied resident back: these roles on the report's community are told of the follow-up. */
export const CALLS_BACK: readonly Role[] = ['community_staff', 'community_secretary'];

/** Roles that handle reports at some level: the handler pages, and the people a report can be given to. */
export const HANDLER_ROLES: readonly Role[] = [...new Set(LEVELS.flatMap((l) => HANDLES_AT[l]))];

const isLevel = (kind: UnitKind): kind is Level => (LEVELS as readonly string[]).includes(kind);

/** Does `role`, bound on a unit of `kind`, handle the reports at that unit's level? */
export function handlesOn(role: Role, kind: UnitKind): boolean {
  return isLevel(kind) && HANDLES_AT[kind].includes(role);
}

/**
 * What the handler pages and actions answer someone who handles nothing (isHandler false), so a
 * page can refuse before its form and say what to do instead.
 */
export const NOT_A_HANDLER = '这个页面是给楼栋长、物业和社区工作人员用的；您可以在首页随手拍反映问题';

/** Any binding handling reports somewhere (a live one: on a unit not archived). */
export function isHandler(bindings: readonly ScopedBinding[]): boolean {
  return bindings.some((b) => !b.unit.archived && HANDLER_ROLES.includes(b.role));
}

/** Should a holder of `role` on the report's community be told of a follow-up? */
export function callsBack(role: Role): boolean {
  return CALLS_BACK.includes(role);
}

type ReportRef = Pick<Report, 'residentId' | 'createdBy' | 'followers' | 'unitPath' | 'urgent'>;

/** The person the report is for, or who filed it. */
export function isReportOwner(personId: string, r: Pick<Report, 'residentId' | 'createdBy'>): boolean {
  return r.residentId === personId || r.createdBy === personId;
}

/** Sees every report in `target`'s subtree, with who reported it. */
export function viewsReportsIn(bindings: readonly ScopedBinding[], target: Pick<Unit, 'path'>): boolean {
  return can(bindings, 'report.view', target);
}

/** Acts on any report in `target`'s subtree whoever handles it (staff). */
export function managesReportsIn(bindings: readonly ScopedBinding[], target: Pick<Unit, 'path'>): boolean {
  return can(bindings, 'report.manage', target);
}

/** The top units whose reports the person sees (the handler's "all" list). */
export function reportViewRoots(bindings: readonly ScopedBinding[]): ScopedBinding['unit'][] {
  return scopeRoots(bindings, 'report.view');
}

/** The top units whose reports the person manages: where the management page starts. */
export function reportManageRoots(bindings: readonly ScopedBinding[]): ScopedBinding['unit'][] {
  return scopeRoots(bindings, 'report.manage');
}

/** The live buildings whose urgent reports the person watches (WATCHES_URGENT_IN_BUILDING). */
export function urgentWatchRoots(bindings: readonly ScopedBinding[]): ScopedBinding['unit'][] {
  const units = bindings.filter((b) => !b.unit.archived && b.unit.kind === 'building' && WATCHES_URGENT_IN_BUILDING.includes(b.role)).map((b) => b.unit);
  return units.filter((u, i) => units.findIndex((v) => v.id === u.id) === i);
}

/** Watches this report: it is urgent and filed in a building the person watches (not its compound's common areas). */
export function watchesReport(bindings: readonly ScopedBinding[], r: Pick<Report, 'urgent' | 'unitPath'>): boolean {
  return r.urgent && urgentWatchRoots(bindings).some((u) => r.unitPath.startsWith(u.path));
}

/** May the person read this report at all: their own, one they follow or watch, or one in a subtree they see. */
export function mayViewReport(personId: string, bindings: readonly ScopedBinding[], r: ReportRef): boolean {
  return isReportOwner(personId, r) || r.followers.includes(personId) || watchesReport(bindings, r) || viewsReportsIn(bindings, { path: r.unitPath });
}

/** Sees this open report as "already reported" because they are bound on its unit (besides `mayViewReport`). */
export function seesOnItsUnit(bindings: readonly ScopedBinding[], r: Pick<Report, 'unitId'>): boolean {
  return bindings.some((b) => b.unit.id === r.unitId && SEES_UNIT_REPORTS.includes(b.role));
}

/** May follow a report on its unit (the caller lives there); the report's state is the action's business. */
export function mayFollowReport(bindings: readonly ScopedBinding[], r: Pick<Report, 'unitId'>): boolean {
  return bindings.some((b) => b.unit.id === r.unitId && FOLLOWS_REPORTS.includes(b.role));
}

/**
 * May file a report for themselves on `unit`: they live in it, or it is the compound of the
 * building they live in. (The compound case counts a binding on an archived building, as it always did.)
 */
export function mayFileReport(bindings: readonly ScopedBinding[], unit: Pick<Unit, 'path' | 'kind'>): boolean {
  return bindings.some(
    (b) => FILES_REPORTS.includes(b.role) && ((!b.unit.archived && unit.path.startsWith(b.unit.path)) || (unit.kind === 'compound' && b.unit.path.startsWith(unit.path))),
  );
}

/** May record a report on `unit` for a resident by `channel`; without a channel, by any channel. */
export function mayRecordForResident(bindings: readonly ScopedBinding[], unit: Pick<Unit, 'path'>, channel?: OnBehalfChannel): boolean {
  const roles = channel ? RECORDS_FOR_RESIDENTS[channel] : Object.values(RECORDS_FOR_RESIDENTS).flat();
  return bindings.some((b) => !b.unit.archived && unit.path.startsWith(b.unit.path) && roles.includes(b.role));
}

/**
 * How a reader stands towards a report, for what they read of the resident behind it: its
 * `filer` (the resident, or whoever recorded it for them), a `handler` (handles it now, or sees
 * every report of its unit through 'report.view': the building's lead, the compound's secretary and
 * property manager, staff, the street), or a `neighbour`: anyone else who reads it (follows it,
 * sees it as already reported on their unit, and every public view).
 */
export const REPORT_READERS = ['filer', 'handler', 'neighbour'] as const;
export type ReportReader = (typeof REPORT_READERS)[number];

/** What a reader reads of the resident behind a report. */
export interface ResidentShown {
  /** The resident's name and phone on the report, and their name on the entries they wrote (else "居民"). */
  identity: boolean;
  /** What the resident added beyond the description: their photos, answers, disputes and the rating's note. */
  additions: boolean;
}

const EVERYTHING: ResidentShown = { identity: true, additions: true };
const NOTHING: ResidentShown = { identity: false, additions: false };

/**
 * Who reads the resident behind a report, for a named report and one filed with "keep my name
 * private". A neighbour reads neither, even of a named report: a follower is told what was
 * reported and how it is handled, and an answer to a handler can hold a door and a phone number.
 */
export const RESIDENT_SHOWN: Readonly<Record<ReportReader, Readonly<Record<'named' | 'anonymous', ResidentShown>>>> = {
  filer: { named: EVERYTHING, anonymous: EVERYTHING },
  handler: { named: EVERYTHING, anonymous: EVERYTHING },
  neighbour: { named: NOTHING, anonymous: NOTHING },
};

type ReaderRef = Pick<Report, 'residentId' | 'createdBy' | 'handlerId' | 'unitPath' | 'urgent'>;

/**
 * The reader the person is of this report (reading it at all is `mayViewReport`'s question).
 * A watcher of an urgent report reads it as a handler does, resident included: the building's lead
 * approved the people of their building and is the one who goes to their door when the lift stops,
 * so hiding who reported it would only send them asking round the building.
 */
export function readerOf(personId: string, bindings: readonly ScopedBinding[], r: ReaderRef): ReportReader {
  if (isReportOwner(personId, r)) return 'filer';
  if (r.handlerId === personId || viewsReportsIn(bindings, { path: r.unitPath })) return 'handler';
  if (watchesReport(bindings, r)) return 'handler';
  return 'neighbour';
}

/** What the person reads of the resident behind this report. */
export function residentShownTo(personId: string, bindings: readonly ScopedBinding[], r: ReaderRef & Pick<Report, 'anonymous'>): ResidentShown {
  return RESIDENT_SHOWN[readerOf(personId, bindings, r)][r.anonymous ? 'anonymous' : 'named'];
}

/** Whom a report is recorded for, when named (`residentId`): people bound with these roles. */
export const RECORDED_FOR: readonly Role[] = ['resident'];

/**
 * May record a report on `unit` by `channel` for the person holding `residentBindings`: one
 * binding of the recorder covers both the unit and a live home of theirs (a binding in RECORDED_FOR).
 * Anyone else is recorded by name and phone only.
 */
export function mayRecordFor(bindings: readonly ScopedBinding[], unit: Pick<Unit, 'path'>, channel: OnBehalfChannel, residentBindings: readonly ScopedBinding[]): boolean {
  const homes = residentBindings.filter((h) => !h.unit.archived && RECORDED_FOR.includes(h.role));
  return bindings.some(
    (b) => !b.unit.archived && RECORDS_FOR_RESIDENTS[channel].includes(b.role) && unit.path.startsWith(b.unit.path) && homes.some((h) => h.unit.path.startsWith(b.unit.path)),
  );
}

type HandledReport = Pick<Report, 'status' | 'handlerId' | 'levelUnitId' | 'unitPath'>;

/** The current handler, anyone handling the level on the report's level unit, or staff above it; while open or resolved. */
export function mayHandleReport(personId: string, bindings: readonly ScopedBinding[], r: HandledReport): boolean {
  if (!isOpen(r.status) && r.status !== 'resolved') return false;
  if (r.handlerId === personId) return true;
  if (managesReportsIn(bindings, { path: r.unitPath })) return true;
  return !!r.levelUnitId && bindings.some((b) => b.unit.id === r.levelUnitId && !b.unit.archived && handlesOn(b.role, b.unit.kind));
}

/**
 * May decide the report's pending extension: staff above it, or a decider on `deciderUnit`, the
 * unit of the level above the report's (the caller looks it up in the report's chain). A binding
 * on an archived decider unit still counts, as it always did.
 */
export function mayDecideExtension(bindings: readonly ScopedBinding[], r: Pick<Report, 'extension' | 'unitPath'>, deciderUnit: Pick<Unit, 'id'> | undefined): boolean {
  if (!r.extension) return false;
  if (managesReportsIn(bindings, { path: r.unitPath })) return true;
  const deciders = DECIDES_EXTENSIONS_AT[r.extension.deciderLevel];
  return !!deciderUnit && bindings.some((b) => b.unit.id === deciderUnit.id && deciders.includes(b.role));
}
