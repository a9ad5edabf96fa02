/** Outputs of the members function: check-ins, the roster, counts and check-in points. */
import type { UnitRef } from '../views';
import type { Door } from '../households';
import type { Branch, CheckinStatus, MemberType } from '../checkins';
import type { CodeView } from './codes';

/** One change of a check-in's status, as its history shows it. */
export interface CheckinChangeView {
  status: CheckinStatus;
  statusLabel: string;
  at: number;
  /** 转出 / 撤回: the day it took effect ("2026-11-23"). */
  date: string | null;
  reason: string | null;
  by: { id: string; name: string } | null;
}

/**
 * A party member's check-in (报到): to the member in 我的报到 (the phone masked, as registration's),
 * and to the approvers and the roster's readers (the phone whole).
 */
export interface CheckinView {
  id: string;
  status: CheckinStatus;
  statusLabel: string;
  /** The compound (or community, for 直管 members) checked in with. */
  unit: UnitRef;
  trail: string;
  codeId: string;
  name: string;
  phone: string;
  phoneVerified: boolean;
  memberType: MemberType;
  memberTypeLabel: string;
  veteran: boolean;
  branch: Branch;
  workUnit: string | null;
  skills: string[];
  services: string[];
  freeTime: string | null;
  household: { building: UnitRef; trail: string; door: Door; doorLabel: string } | null;
  /** The person the member role is bound to, once approved. */
  person: { id: string; name: string } | null;
  /** Why it was returned, transferred out or withdrawn (the last of these). */
  reason: string | null;
  /** The day it was transferred out or withdrawn. */
  endedOn: string | null;
  history: CheckinChangeView[];
  createdAt: number;
  decidedAt: number | null;
  version: number;
}

/** A pending check-in in an approver's queue: who the applicant may be, and their earlier check-ins. */
export interface CheckinQueueItem extends CheckinView {
  /** People under the unit with the same phone whom nobody signs in as yet: approving may make the applicant one of them. */
  matches: { id: string; name: string; phone: string | null }[];
  /** The applicant's earlier check-ins, newest first (a returning member's history). */
  earlier: { id: string; status: CheckinStatus; statusLabel: string; unitName: string; at: number; reason: string | null }[];
}

/** Members of one unit (a compound, or the community for 直管 members) by type. */
export interface MemberCountRow {
  unit: UnitRef;
  trail: string;
  byType: Record<MemberType, number>;
  veterans: number;
  total: number;
}

/** A check-in point's member code with its scans and its check-ins by status. */
export interface MemberCodeView extends CodeView {
  checkins: Record<CheckinStatus, number>;
}
