import type { Binding, Person, Registration } from '../../../../src/core';

/**
 * Who an applicant (a registration's, a check-in's) becomes when approved:
 * - `new`: a person made now (with the applicant's openid or web account on it);
 * - `claim`: an existing person nobody signs in as yet (an imported resident, a personal code's
 *   person): the applicant's openid (or web account) is put on them, only if they still have none;
 * - `existing`: the applicant is this person already (another household; a member who is a resident).
 */
export type ApplicantPerson = { kind: 'new'; person: Person; passwordHash: string | null } | { kind: 'claim'; personId: string } | { kind: 'existing'; personId: string };

/**
 * What approving writes, all or nothing: the registration decided, and the applicant bound to a
 * person with the resident role on the building.
 */
export interface Approval {
  registrationId: string;
  /** The version the approver read; a registration changed since is not approved. */
  version: number;
  decidedBy: string | null;
  at: number;
  autoApproved: Registration['autoApproved'];
  /** Who the applicant becomes (see ApplicantPerson). */
  person: ApplicantPerson;
  /** The resident binding on the building (with the door); not added again if the person already has it. */
  binding: Binding;
  /**
   * A move (更正门牌, Registration.moveFrom): the person's resident binding on `fromUnitId` ends in
   * the same write — or, on the building moved to, takes the new door. A home gone meanwhile is
   * not waited for: the new one is bound all the same.
   */
  move?: { fromUnitId: string };
}

export type ApprovalResult =
  | { ok: true; registration: Registration }
  /** The registration is not pending at `version` any more (decided, or changed). */
  | { ok: false; reason: 'conflict' }
  /** The person to claim has an openid (or web account) already: someone else won them. */
  | { ok: false; reason: 'taken' }
  /** The new person's openid or username is taken. */
  | { ok: false; reason: 'login_taken' };

export interface RegistrationRepo {
  /**
   * Inserts a pending registration unless the same applicant (openid, or keyHash for a web
   * applicant) has one pending already: then answers that one and inserts nothing. Of any number of
   * concurrent submits by one applicant, one registration is pending.
   */
  insertPending(r: Registration): Promise<{ registration: Registration; created: boolean }>;
  get(id: string): Promise<Registration | null>;
  /** The applicant's registrations, newest first. */
  listForOpenid(openid: string): Promise<Registration[]>;
  listForKeyHash(keyHash: string): Promise<Registration[]>;
  listForApplicant(personId: string): Promise<Registration[]>;
  /** Pending registrations for buildings under any of `paths`, oldest first, at most `limit`. */
  listPending(paths: readonly string[], limit: number): Promise<Registration[]>;
  /** Rejected registrations with this openid or web username, newest first (what the queue shows of an applicant's past). */
  listRejectedFor(applicant: { openid: string | null; username: string | null }, limit: number): Promise<Registration[]>;
  /** See Approval: atomic on every adapter. */
  approve(a: Approval): Promise<ApprovalResult>;
  /** Rejects it if still pending at `version`; the rejected registration, or null. */
  reject(id: string, version: number, by: string, at: number, reason: string): Promise<Registration | null>;
  /**
   * Takes who applied off a decided registration at `version` (its applicant left: core/leave.ts
   * forgottenRegistration): the registration after, or null if it is pending, changed or missing.
   */
  forget(id: string, version: number, at: number): Promise<Registration | null>;
}
