/** Outputs of the registration function (and whoAmI for a WeChat user nobody knows). */
import type { UnitRef } from '../views';
import type { Door } from '../households';
import type { AutoApproval, RegistrationStatus } from '../registrations';
import type { Me } from './auth';

/** A registration as its applicant reads it. */
export interface RegistrationView {
  id: string;
  status: RegistrationStatus;
  statusLabel: string;
  building: UnitRef;
  trail: string;
  /** The code it was made from (to register again with it); null when from a building group's card. */
  codeId: string | null;
  door: Door;
  doorLabel: string;
  name: string;
  /** Masked for the applicant's own screen too: 138****5678. */
  phone: string;
  phoneVerified: boolean;
  autoApproved: AutoApproval | null;
  rejectReason: string | null;
  createdAt: number;
  decidedAt: number | null;
  version: number;
  /** A move (更正门牌): the home it leaves, as people say it; null for a newcomer or another household. */
  moveFrom?: MovedFrom | null;
}

/** The home a move leaves: "幸福里小区 1号楼", "2单元 5层 502室". */
export interface MovedFrom {
  building: UnitRef;
  trail: string;
  doorLabel: string | null;
}

/** What 改门牌 offers a resident (registration.moveChoices). */
export interface MoveChoices {
  /** Their homes (resident bindings): where a move leaves from. */
  homes: { building: UnitRef; trail: string; door: Door | null; doorLabel: string | null }[];
  /** The live buildings of their homes' compounds, their own included: where a move may go. */
  buildings: (UnitRef & { trail: string })[];
  /** Their move waiting for the lead, if any: a second is refused until it is decided. */
  pending: RegistrationView | null;
}

/** A registration as an approver reads it in the queue: the whole phone, and who it may be. */
export interface RegistrationQueueItem extends RegistrationView {
  phone: string;
  /** Residents already on this building with the same phone whom nobody has claimed: approving may make the applicant one of them. */
  matches: { id: string; name: string; phone: string | null }[];
  /** This applicant's earlier registrations that were rejected, newest first (reasons). */
  rejectedBefore: { at: number; reason: string | null }[];
  /** Already a person (applying for another household). */
  applicant: { id: string; name: string } | null;
}

/** What submit answered: the registration, and for a new web applicant the key to read it with (shown once). */
export interface Submitted {
  registration: RegistrationView;
  /** True when this submit made it; false when a pending one was returned. */
  created: boolean;
  key: string | null;
  /** Set when it was approved at once: sign in (web) or go on (WeChat). */
  me: Me | null;
}

/** whoAmI for a WeChat user nobody registered yet. */
export interface NotRegistered {
  registered: false;
  howToRegister: string;
  registration: RegistrationView | null;
}
