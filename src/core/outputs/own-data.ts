/**
 * What people.ownData answers (我的信息) and what a copy holds: everything Jinlin keeps about the
 * caller, by kind (src/core/own-data.ts), each with who besides them can see it. Only the person's
 * own data: never other people's (a report's neighbours who +1 it, a paired household's kinds and
 * contact), and never what only identifies them to machines (the openid, session tokens).
 */
import type { Door } from '../households';
import type { OwnDataKind } from '../own-data';

export interface OwnDataSection<T> {
  kind: OwnDataKind;
  label: string;
  seenBy: string;
  items: T[];
  /** More than OWN_DATA_MAX_ITEMS: the first ones only. */
  truncated: boolean;
}

export interface OwnAccount {
  id: string;
  name: string;
  /** Whole: it is the person's own. */
  phone: string | null;
  username: string | null;
  wechatBound: boolean;
  createdAt: number;
  /** What a correction sends back (people.correctName, people.correctPhone). */
  version: number;
  /** What they agreed to show others, defaults filled in (core/people.ts Consent); changed by people.setConsent. */
  consent: OwnConsent;
}

/** A person's consent as they read it and as people.setConsent answers it: every switch, the defaults filled in. */
export interface OwnConsent {
  /** Their name on the points board (公示栏). */
  board: boolean;
  /** Photos of their reports shown to neighbours and in public views. */
  photos: boolean;
}

export interface OwnHousehold {
  role: string;
  roleLabel: string;
  unitId: string;
  /** "幸福里小区 / 1号楼" */
  trail: string;
  door: Door | null;
  doorLabel: string | null;
  since: number;
}

export interface OwnReportEntry {
  at: number;
  type: string;
  note: string | null;
  /** Stored photo references (what the report's own view turns into addresses). */
  photos: string[];
}

export interface OwnReport {
  id: string;
  category: string;
  status: string;
  statusLabel: string;
  channel: string;
  unitId: string;
  description: string;
  location: string | null;
  /** Stored photo references. */
  photos: string[];
  anonymous: boolean;
  /** Name and phone given when someone else recorded it for the person. */
  contactName: string | null;
  contactPhone: string | null;
  rating: string | null;
  ratingNote: string | null;
  createdAt: number;
  closedAt: number | null;
  /** What the person themselves added to its timeline: comments, information, disputes, with photos. */
  ownEntries: OwnReportEntry[];
}

export interface OwnRegistration {
  id: string;
  status: string;
  statusLabel: string;
  buildingId: string;
  door: Door;
  name: string;
  phone: string;
  phoneVerified: boolean;
  rejectReason: string | null;
  /** A move (改门牌): the building and door it leaves. */
  moveFrom?: { buildingId: string; door: Door | null } | null;
  createdAt: number;
  decidedAt: number | null;
}

export interface OwnCheckin {
  id: string;
  status: string;
  statusLabel: string;
  unitId: string;
  name: string;
  phone: string;
  memberType: string;
  branch: { name: string; place: string | null };
  workUnit: string | null;
  skills: string[];
  services: string[];
  freeTime: string | null;
  veteran: boolean;
  household: { buildingId: string; door: Door } | null;
  reason: string | null;
  changes: { status: string; at: number; reason: string | null; date: string | null }[];
  createdAt: number;
}

export interface OwnSignup {
  id: string;
  lectureId: string;
  lectureTitle: string | null;
  status: string;
  statusLabel: string;
  seats: number;
  signedUpAt: number;
  attendedAt: number | null;
}

export interface OwnPairing {
  id: string;
  buildingId: string;
  door: Door;
  status: string;
  statusLabel: string;
  visits: number;
  lastVisitOn: string | null;
  createdAt: number;
  endedAt: number | null;
}

export interface OwnPointsEntry {
  id: string;
  at: number;
  points: number;
  reason: string;
  kindLabel: string;
  balanceAfter: number;
}

export interface OwnServiceRecord {
  id: string;
  what: string;
  date: string;
  minutes: number;
  forWhom: string | null;
  statusLabel: string;
  points: number | null;
  rejectReason: string | null;
  createdAt: number;
}

export interface OwnOrder {
  id: string;
  goodsName: string;
  price: number;
  statusLabel: string;
  orderedAt: number;
  collectedAt: number | null;
  cancelledAt: number | null;
}

export interface OwnWish {
  id: string;
  /** 许的 (posted by or for the person) or 认领的 (claimed by them). */
  role: 'wisher' | 'claimer';
  what: string;
  forWhom: string;
  byDate: string;
  statusLabel: string;
  door: Door | null;
  phone: string | null;
  phoneShared: boolean;
  fulfilNote: string | null;
  points: number | null;
  createdAt: number;
}

/** An opinion the person left on a topic, or their household's vote they cast last. */
export interface OwnDeliberation {
  what: 'opinion' | 'vote';
  topicId: string;
  topicTitle: string | null;
  /** The opinion's text, or the option voted for. */
  text: string;
  /** Why staff hid the opinion, if they did. */
  hiddenReason: string | null;
  at: number;
}

/** The person with partner organisations: the partner they are the contact of or linked to, a project they own, a visit they recorded. */
export interface OwnPartner {
  what: 'contact' | 'member' | 'project' | 'visit';
  partnerId: string;
  partnerName: string;
  /** The project's title and status, or the visit's day and what was raised; empty for a link. */
  text: string;
  at: number;
}

export interface OwnCode {
  id: string;
  purpose: string;
  unitId: string;
  label: string | null;
  createdAt: number;
  revokedAt: number | null;
}

export interface OwnMessages {
  total: number;
  unread: number;
}

export interface OwnData {
  takenAt: number;
  account: OwnDataSection<OwnAccount>;
  households: OwnDataSection<OwnHousehold>;
  reports: OwnDataSection<OwnReport>;
  registrations: OwnDataSection<OwnRegistration>;
  checkins: OwnDataSection<OwnCheckin>;
  signups: OwnDataSection<OwnSignup>;
  pairings: OwnDataSection<OwnPairing>;
  points: OwnDataSection<OwnPointsEntry>;
  services: OwnDataSection<OwnServiceRecord>;
  orders: OwnDataSection<OwnOrder>;
  wishes: OwnDataSection<OwnWish>;
  deliberation: OwnDataSection<OwnDeliberation>;
  partners: OwnDataSection<OwnPartner>;
  codes: OwnDataSection<OwnCode>;
  messages: OwnDataSection<OwnMessages>;
}

/**
 * A copy of OwnData as a JSON file: in a browser (h5) the file itself; in the mini-program a link valid
 * for a day, sent to the person's in-app messages as well (a mini-program cannot save a file it is sent).
 */
export type OwnDataCopy =
  | { via: 'file'; fileName: string; mimeType: string; base64: string }
  | { via: 'message'; fileName: string; url: string; expiresAt: number };

/** The first step of leaving: what it does, and the token the second step sends. */
export interface LeaveConfirmation {
  token: string;
  expiresAt: number;
  consequences: readonly string[];
}

/** What leaving ended, counted (nothing that says who the person was). */
export interface Left {
  left: true;
  reportsKept: number;
  registrationsForgotten: number;
  checkinsEnded: number;
  pairingsEnded: number;
  signupsCancelled: number;
  codesRevoked: number;
  bindingsRemoved: number;
  sessionsEnded: number;
  /** Orders not collected, cancelled (their points and stock back) before the points were cleared. */
  ordersCancelled: number;
  /** The balance taken to zero by a last correction. */
  pointsCleared: number;
  /** Wishes the person posted withdrawn, and wishes they claimed given back. */
  wishesClosed: number;
  /** Service records still waiting, closed unconfirmed. */
  servicesClosed: number;
  /** Opinions whose text was removed. */
  opinionsScrubbed: number;
  /** Household votes kept, no longer naming the person. */
  votesReassigned: number;
  /** Links to a partner ended and contact roles cleared (the organisation's contact name and phone stay). */
  partnerLinksEnded: number;
  /** Projects that no longer name the person as the partner's owner. */
  projectOwnersCleared: number;
}
