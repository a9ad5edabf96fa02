/**
 * Community lectures (讲堂): staff publish a lecture with a number of seats, residents of the units
 * it is open to sign up, and the seats never overbook. When the seats are taken a sign-up joins the
 * waiting list (候补), ordered by a sequence number the lecture hands out (never by a timestamp); a
 * freed seat goes to the head of that list before any newcomer, and a party of 1+N moves up only
 * when all its seats fit: the list keeps its order, so the head waits and nobody passes it.
 *
 * Here: what lectures, speakers and sign-ups are, and who may do what. The seat rules are
 * lecture-seats.ts, attendance lecture-attendance.ts, figures lecture-figures.ts: all pure. The
 * Store applies the seat rules inside one transaction (SQLite) or one transaction over the
 * lecture's document and the sign-ups' documents (CloudBase). The lecture holds the counters
 * (confirmed seats, parties waiting, the next sequence number), so every change of a sign-up's
 * place also writes the lecture, and those changes happen one after another.
 */
import type { Role, ScopedBinding } from './roles';
import { formatChina } from './time';
import { ancestorIds, type Unit } from './units';

export const LECTURE_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type LectureStatus = (typeof LECTURE_STATUSES)[number];

export const LECTURE_STATUS_LABEL: Record<LectureStatus, string> = {
  draft: '草稿',
  published: '已发布',
  cancelled: '已取消',
};

export const SIGNUP_STATUSES = ['confirmed', 'waiting', 'cancelled'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

export const SIGNUP_STATUS_LABEL: Record<SignupStatus, string> = {
  confirmed: '已报名',
  waiting: '候补中',
  cancelled: '已取消',
};

/** How an attendance was marked: the attendee's code scanned by staff, the venue screen's code scanned by the attendee, or a name ticked by staff. */
export const ATTENDANCE_VIA = ['ticket', 'venue', 'list'] as const;
export type AttendanceVia = (typeof ATTENDANCE_VIA)[number];

export const ATTENDANCE_VIA_LABEL: Record<AttendanceVia, string> = {
  ticket: '扫报名码',
  venue: '扫现场签到码',
  list: '工作人员勾选',
};

/** A speaker of the community's pool (主讲人, 人才库). The contact is for staff only. */
export interface Speaker {
  id: string;
  /** The community whose pool it is. */
  communityId: string;
  name: string;
  /** 职称: 教授, 主任医师. */
  title: string | null;
  /** What they speak about: 健康养生, 法律. */
  field: string | null;
  /** Where they work: 某某大学, 市第一医院. */
  affiliation: string | null;
  /** A phone or WeChat id; staff only, never shown to residents. */
  contact: string | null;
  archived: boolean;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  version: number;
}

export interface Lecture {
  id: string;
  /** The community that runs it (its staff manage it). */
  communityId: string;
  /** The community's path when the lecture was made (the audit log is scoped by it). */
  communityPath: string;
  title: string;
  speakerId: string;
  description: string;
  /** A photo reference (as report photos are kept: the Photos port), or null. */
  picture: string | null;
  startsAt: number;
  endsAt: number;
  venue: string;
  capacity: number;
  /** Who may sign up: residents and members of these units' subtrees (the community, or some of its compounds). */
  openTo: string[];
  /** Sign-ups are taken from signupFrom (inclusive) until signupUntil (exclusive). */
  signupFrom: number;
  signupUntil: number;
  /** How many people one resident may bring along (0: none). */
  companionsAllowed: number;
  status: LectureStatus;
  /** SeatCounters held by confirmed sign-ups: never above capacity. */
  confirmedSeats: number;
  /** Parties on the waiting list. */
  waiting: number;
  /** The next sign-up's sequence number: the waiting list's order. */
  nextSeq: number;
  /** Signs the venue screen's rotating code; never leaves the server. */
  venueSecret: string;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  publishedAt: number | null;
  cancelledAt: number | null;
  cancelledBy: string | null;
  cancelReason: string | null;
  /** Staff edits (not sign-ups, which change only the counters). */
  version: number;
}

export interface Signup {
  /** `<lectureId>:<personId>` (signupId): nobody holds two; signing up again reuses it. */
  id: string;
  lectureId: string;
  personId: string;
  companions: number;
  /** 1 + companions. */
  seats: number;
  status: SignupStatus;
  /** Handed out by the lecture at sign-up; the waiting list is in this order. */
  seq: number;
  /** The secret of the attendee's personal sign-up code (a fresh one each time they sign up). */
  ticket: string;
  signedUpAt: number;
  confirmedAt: number | null;
  /** Set when the seat came from the waiting list. */
  promotedAt: number | null;
  cancelledAt: number | null;
  attendedAt: number | null;
  /** Who marked it: a staff person, or the attendee (venue code). */
  attendedBy: string | null;
  attendedVia: AttendanceVia | null;
  /** When the day-before reminder went out. */
  remindedAt: number | null;
}

/** The fields staff set on a lecture (create and edit). */
export type LectureFields = Pick<
  Lecture,
  'title' | 'speakerId' | 'description' | 'picture' | 'startsAt' | 'endsAt' | 'venue' | 'capacity' | 'openTo' | 'signupFrom' | 'signupUntil' | 'companionsAllowed'
>;

export const LECTURE_FIELDS = [
  'title',
  'speakerId',
  'description',
  'picture',
  'startsAt',
  'endsAt',
  'venue',
  'capacity',
  'openTo',
  'signupFrom',
  'signupUntil',
  'companionsAllowed',
] as const satisfies readonly (keyof LectureFields)[];

/** Just the fields staff set (a whole lecture passed as its fields brings no counters along). */
export function pickLectureFields(f: LectureFields): LectureFields {
  return Object.fromEntries(LECTURE_FIELDS.map((k) => [k, k === 'openTo' ? [...f.openTo] : f[k]])) as LectureFields;
}

export const MAX_COMPANIONS = 5;
export const MAX_CAPACITY = 5_000;
export const MAX_OPEN_TO = 50;

export const signupId = (lectureId: string, personId: string) => `${lectureId}:${personId}`;

// ---------- who may do what (allow-lists) ----------

/** Who runs lectures and the speaker pool: a binding with one of these roles on the lecture's community (or above it). */
export const MANAGES_LECTURES: readonly Role[] = ['community_staff', 'community_secretary'];

/** Who signs up: a binding with one of these roles on a unit inside one of the lecture's openTo subtrees. */
export const SIGNS_UP_FOR_LECTURES: readonly Role[] = ['resident', 'member'];

export function managesLectures(bindings: readonly ScopedBinding[], community: Pick<Unit, 'path'>): boolean {
  return bindings.some((b) => !b.unit.archived && MANAGES_LECTURES.includes(b.role) && community.path.startsWith(b.unit.path));
}

/** The units (by id) a person signs up from: every unit on the paths of their live resident and member bindings. */
export function signUpUnits(bindings: readonly ScopedBinding[]): Set<string> {
  const ids = new Set<string>();
  for (const b of bindings) if (!b.unit.archived && SIGNS_UP_FOR_LECTURES.includes(b.role)) for (const id of ancestorIds(b.unit.path)) ids.add(id);
  return ids;
}

export function maySignUp(bindings: readonly ScopedBinding[], lecture: Pick<Lecture, 'openTo'>): boolean {
  const units = signUpUnits(bindings);
  return lecture.openTo.some((id) => units.has(id));
}

// ---------- reminders and pages ----------

/** The reminder goes out to confirmed sign-ups once the lecture is less than a day away. */
export const REMINDER_LEAD_MS = 24 * 3600_000;

/** The mini-program pages notices open (the lectures subpackage). */
export const LECTURE_PAGE = 'lectures/detail/index';
export const MY_SIGNUPS_PAGE = 'lectures/mine/index';
export const lecturePage = (id: string) => `${LECTURE_PAGE}?id=${encodeURIComponent(id)}`;

// ---------- subscribe-message fields ----------

/** WeChat's `thing` keyword: at most 20 characters. */
export const THING_MAX = 20;

/** Text cut to fit a `thing` keyword (20 characters, an ellipsis when cut). */
export function subscribeThing(text: string, max = THING_MAX): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** WeChat's `time` keyword, 24-hour: '2026年12月1日 15:00'. */
export function subscribeTime(t: number): string {
  return formatChina(t, 'YYYY年M月D日 HH:mm');
}
