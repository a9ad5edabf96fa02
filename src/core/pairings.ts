/**
 * Pairing (联户): a party member is paired with households of their compound — elderly people living
 * alone, low-income families, disabled people — visits them, and files a report for them when a
 * visit finds a problem (channel `visit`, 走访). 振兴社区's "147": one card per member, kinds of
 * households, kinds of help.
 *
 * A pairing is one member and one household (a building and a door): its id is
 * `<memberId>:<householdKey>`, so the same household is paired with one member once, whoever asks
 * at the same moment (the store's unique key). Ended pairings stay, with their visits; pairing the
 * two again takes the same record up again.
 *
 * The kinds of a household (低保, 残疾) are sensitive: the member reads them for their own
 * households, the branch secretary and community staff for the households they oversee; nobody
 * else — a grid lead pairs members in their grid without reading or writing kinds.
 */
import { RECORDS_ON_PAIRED_VISITS } from './access';
import { householdKey, type Door, type Household } from './households';
import type { Role, ScopedBinding } from './roles';
import type { Unit } from './units';

/** Each community's list starts as this; staff edit it (meta `pairingKinds:<communityId>`). */
export const DEFAULT_HOUSEHOLD_KINDS = ['独居老人', '空巢老人', '高龄', '低保', '残疾', '重病', '困境儿童', '优抚对象'] as const;
/** A community's list is at most this long, each kind at most KIND_MAX characters. */
export const HOUSEHOLD_KINDS_MAX = 20;
export const KIND_MAX = 10;

export const PAIRING_STATUSES = ['active', 'ended'] as const;
export type PairingStatus = (typeof PAIRING_STATUSES)[number];
export const PAIRING_STATUS_LABEL: Record<PairingStatus, string> = { active: '结对中', ended: '已解除' };

export interface Pairing {
  /** `<memberId>:<householdKey>`: see pairingId(). */
  id: string;
  /** The member (a person holding `member` on the compound or one of its grids). */
  memberId: string;
  buildingId: string;
  door: Door;
  householdKey: string;
  /** The building's path when paired: lists of a compound, a grid or a community are one prefix. */
  unitPath: string;
  communityId: string;
  /** 户类别 (独居老人, 低保): see who reads them (readsKinds). */
  kinds: string[];
  /** Whom to ask for at the door (户主 or the person looked after); null when not given. */
  contactName: string | null;
  contactPhone: string | null;
  status: PairingStatus;
  /** Visits recorded, and the day of the latest ("2026-11-23"); kept with the visits in one write. */
  visits: number;
  lastVisitOn: string | null;
  createdAt: number;
  createdBy: string;
  endedAt: number | null;
  endedBy: string | null;
  endReason: string | null;
  updatedAt: number;
  version: number;
}

export function pairingId(memberId: string, h: Household): string {
  return `${memberId}:${householdKey(h)}`;
}

/** One visit (走访): when, what was done, what the household needs, and the report it filed, if any. */
export interface Visit {
  id: string;
  pairingId: string;
  memberId: string;
  /** The building's path (lists by subtree). */
  unitPath: string;
  /** China date of the visit: "2026-11-23". */
  date: string;
  /** 做了什么: "上门问候，帮忙更换灯泡". */
  done: string;
  /** 需要什么: "希望有人每周来看看"; null when nothing. */
  needs: string | null;
  /** The report filed on the household's behalf during this visit; null when none. */
  reportId: string | null;
  /** The page's request id: a retried visit is recorded once. */
  clientRequestId: string;
  createdAt: number;
}

/**
 * Who pairs members with households and ends pairings, within the subtree of the unit they hold the
 * role on: the branch secretary, community staff, and a grid's lead in their own grid.
 */
export const PAIRS_MEMBERS: readonly Role[] = ['compound_secretary', 'community_staff', 'community_secretary', 'grid_lead'];

/** Who reads and writes households' kinds (besides the member, for their own). Nobody else. */
export const READS_HOUSEHOLD_KINDS: readonly Role[] = ['compound_secretary', 'community_staff', 'community_secretary'];

/** Who lists pairings and visits and reads their counts (kinds only as READS_HOUSEHOLD_KINDS allows). */
export const SEES_PAIRINGS: readonly Role[] = PAIRS_MEMBERS;

/** Who edits a community's list of kinds. */
export const EDITS_HOUSEHOLD_KINDS: readonly Role[] = ['community_staff', 'community_secretary'];

/** The role a member is paired as: they hold it on the household's compound or on a grid of it. */
export const PAIRED_ROLE: Role = 'member';

const holds = (bindings: readonly ScopedBinding[], roles: readonly Role[], unit: Pick<Unit, 'path'>): boolean =>
  bindings.some((b) => !b.unit.archived && roles.includes(b.role) && unit.path.startsWith(b.unit.path));

/** The top units of the caller's live bindings with one of `roles` (none under another). */
export function pairingRootsOf(bindings: readonly ScopedBinding[], roles: readonly Role[]): ScopedBinding['unit'][] {
  const units = bindings.filter((b) => !b.unit.archived && roles.includes(b.role)).map((b) => b.unit);
  return units
    .filter((u, i) => units.findIndex((v) => v.id === u.id) === i)
    .filter((u) => !units.some((v) => v.id !== u.id && u.path.startsWith(v.path)));
}

export function mayPair(bindings: readonly ScopedBinding[], building: Pick<Unit, 'path'>): boolean {
  return holds(bindings, PAIRS_MEMBERS, building);
}

export function maySeePairings(bindings: readonly ScopedBinding[], unit: Pick<Unit, 'path'>): boolean {
  return holds(bindings, SEES_PAIRINGS, unit);
}

export function mayEditKinds(bindings: readonly ScopedBinding[], community: Pick<Unit, 'path'>): boolean {
  return holds(bindings, EDITS_HOUSEHOLD_KINDS, community);
}

/** Does the person read this pairing's kinds: it is theirs, or they oversee its household. */
export function readsKinds(personId: string, bindings: readonly ScopedBinding[], p: Pick<Pairing, 'memberId' | 'unitPath'>): boolean {
  return p.memberId === personId || holds(bindings, READS_HOUSEHOLD_KINDS, { path: p.unitPath });
}

/** May write kinds on a household under `unit` (the member does not: the secretary and staff decide them). */
export function mayWriteKinds(bindings: readonly ScopedBinding[], unit: Pick<Unit, 'path'>): boolean {
  return holds(bindings, READS_HOUSEHOLD_KINDS, unit);
}

/**
 * Is the person holding `memberBindings` a member of the building's compound: `member` on the
 * compound or on a grid of it (the building lies below). A 直管 member, checked in with the
 * community, belongs to no compound's branch and is paired by none.
 */
export function isMemberOf(memberBindings: readonly ScopedBinding[], building: Pick<Unit, 'path'>): boolean {
  return memberBindings.some(
    (b) => !b.unit.archived && b.role === PAIRED_ROLE && (b.unit.kind === 'compound' || b.unit.kind === 'grid') && building.path.startsWith(b.unit.path),
  );
}

/** Holds a role that records visits for paired households (RECORDS_ON_PAIRED_VISITS) on the household's compound or grid. */
function recordsOnVisits(bindings: readonly ScopedBinding[], building: Pick<Unit, 'path'>): boolean {
  return bindings.some(
    (b) => !b.unit.archived && RECORDS_ON_PAIRED_VISITS.includes(b.role) && (b.unit.kind === 'compound' || b.unit.kind === 'grid') && building.path.startsWith(b.unit.path),
  );
}

/**
 * May the caller file a report on `unit` for this pairing's household, during a visit (channel
 * `visit`): it is their own pairing, still on, they are still a member there, and the report is on
 * the household's building or its compound. Anyone else files visits as the access table says
 * (access.ts RECORDS_FOR_RESIDENTS).
 */
export function mayFileOnVisit(
  personId: string,
  bindings: readonly ScopedBinding[],
  p: Pick<Pairing, 'memberId' | 'status' | 'unitPath'>,
  unit: Pick<Unit, 'path' | 'kind'>,
): boolean {
  const onHousehold = p.unitPath === unit.path || (unit.kind === 'compound' && p.unitPath.startsWith(unit.path));
  return p.memberId === personId && p.status === 'active' && onHousehold && recordsOnVisits(bindings, { path: p.unitPath });
}

/** A list of kinds as kept: trimmed, empty ones dropped, each once, in the order given. */
export function normaliseKinds(kinds: readonly string[]): string[] {
  const out: string[] = [];
  for (const k of kinds.map((x) => x.trim())) if (k && !out.includes(k)) out.push(k);
  return out;
}

/** The kinds not on the community's list, if any. */
export function unknownKinds(kinds: readonly string[], allowed: readonly string[]): string[] {
  return kinds.filter((k) => !allowed.includes(k));
}

/** What a person who may not read pairings is told instead. */
export function pairingRefusal(bindings: readonly ScopedBinding[]): string {
  const isMember = bindings.some((b) => !b.unit.archived && b.role === PAIRED_ROLE);
  const who = '联户结对只有小区党支部书记、社区工作人员和网格长（家长）能查看和安排';
  return isMember ? `${who}；您结对的住户请在“我的联户”里查看` : who;
}
