import type { Binding, Checkin, CheckinStatus, MemberType } from '../../../../src/core';
import type { ApplicantPerson } from './registrations';

/**
 * What approving a check-in writes, all or nothing: the check-in decided (as the action's
 * checkinTransition() made it), the applicant bound to a person (made, claimed or as they are), and the
 * member role on the check-in's unit.
 */
export interface CheckinApproval {
  /** The check-in as approved: status, personId, history and version already moved. */
  next: Checkin;
  /** The version the approver read; a check-in changed since is not approved. */
  version: number;
  /** Who the applicant becomes (see ApplicantPerson); a claim puts the check-in's openid on them. */
  person: ApplicantPerson;
  /** The member binding on the unit; not added again if the person holds it already. */
  binding: Binding;
}

export type CheckinApprovalResult =
  | { ok: true; checkin: Checkin }
  /** The check-in is not at `version` any more (decided, or changed). */
  | { ok: false; reason: 'conflict' }
  /** The person to claim has an openid (or web account) already: someone else won them. */
  | { ok: false; reason: 'taken' }
  /** The applicant's openid is someone else's already. */
  | { ok: false; reason: 'login_taken' };

/** What the roster lists: check-ins under any of `paths`. */
export interface RosterQuery {
  paths: readonly string[];
  /** Only these statuses (the members are 'approved'). */
  statuses: readonly CheckinStatus[];
  /** Only these types; absent or empty: every type. */
  types?: readonly MemberType[];
  /** Only members with any of these skills. */
  skills?: readonly string[];
  veteran?: boolean;
}

/** How many check-ins of one kind there are under the tallied paths. */
export interface CheckinTallyRow {
  unitId: string;
  codeId: string;
  status: CheckinStatus;
  memberType: MemberType;
  veteran: boolean;
  count: number;
}

export interface CheckinRepo {
  /**
   * Inserts a pending check-in unless its applicant (the same openid, or the same person) has one
   * pending already: then answers that one and inserts nothing. Of any number of concurrent submits
   * by one applicant, one check-in is pending.
   */
  insertPending(c: Checkin): Promise<{ checkin: Checkin; created: boolean }>;
  get(id: string): Promise<Checkin | null>;
  /** A WeChat user's check-ins, newest first. */
  listForOpenid(openid: string): Promise<Checkin[]>;
  /** A person's check-ins, newest first: those they submitted as a person and those approval bound to them. */
  listForPerson(personId: string): Promise<Checkin[]>;
  /** Pending check-ins under any of `paths`, oldest first, at most `limit`. */
  listPending(paths: readonly string[], limit: number): Promise<Checkin[]>;
  /** The roster: by unit path, then name; `total` counts every match, whatever the page. */
  roster(q: RosterQuery, limit: number, offset: number): Promise<{ checkins: Checkin[]; total: number }>;
  /** Every check-in under any of `paths`, counted by unit, code, status, type and veteran tag. */
  tally(paths: readonly string[]): Promise<CheckinTallyRow[]>;
  /** See CheckinApproval: atomic on every adapter. */
  approve(a: CheckinApproval): Promise<CheckinApprovalResult>;
  /** Writes a pending check-in's return (next, as checkinTransition() made it) if it is still at `version`; the check-in, or null. */
  decide(next: Checkin, version: number): Promise<Checkin | null>;
  /**
   * Writes a transfer out or withdrawal (next, as checkinTransition() made it) if the check-in is still at
   * `version`, and takes the member role of `next.personId` off `next.unitId` in the same atomic
   * step; the check-in and its history stay. The check-in, or null.
   */
  end(next: Checkin, version: number): Promise<Checkin | null>;
  /**
   * Takes who checked in off a decided check-in at `version` (its member left: core/leave.ts
   * forgottenCheckin), its status and history kept for the figures: the check-in after, or null
   * if it is pending, changed or missing.
   */
  forget(id: string, version: number, at: number): Promise<Checkin | null>;
}
