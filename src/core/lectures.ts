/**
 * Community lectures (讲堂): staff publish a lecture with a number of seats, residents of the units
 * it is open to sign up, and the seats never overbook. When the seats are taken a sign-up joins the
 * waiting list (候补), ordered by a sequence number the lecture hands out (never by a timestamp); a
 * freed seat goes to the head of that list before any newcomer, and a party of 1+N moves up only
 * when all its seats fit: the list keeps its order, so the head waits and nobody passes it.
 *
 * The seat rules are here, pure; the Store applies them inside one transaction (SQLite) or one
 * transaction over the lecture's document and the sign-up's document (CloudBase). The lecture
 * holds the counters (confirmed seats, parties waiting, the next sequence number), so every change
 * of a sign-up's place also writes the lecture, and those changes happen one after another.
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

// ---------- the seat rules ----------

/** A lecture's counters, as the seat rules read and write them. */
export type SeatCounters = Pick<Lecture, 'capacity' | 'confirmedSeats' | 'waiting' | 'nextSeq'>;

export const freeSeats = (s: Pick<SeatCounters, 'capacity' | 'confirmedSeats'>) => Math.max(0, s.capacity - s.confirmedSeats);

/** How a sign-up's status moves: the one table every adapter follows (an adapter never picks a status itself). */
export const SIGNUP_MOVES = {
  /** A newcomer (or someone who cancelled before): confirmed or waiting, as `admitSignup` decides. */
  join: { from: [null, 'cancelled'], to: ['confirmed', 'waiting'] },
  /** Leaving, from the seats or from the list. */
  cancel: { from: ['confirmed', 'waiting'], to: ['cancelled'] },
  /** The head of the waiting list takes freed seats. */
  promote: { from: ['waiting'], to: ['confirmed'] },
} as const satisfies Record<string, { from: readonly (SignupStatus | null)[]; to: readonly SignupStatus[] }>;

export type SignupMove = keyof typeof SIGNUP_MOVES;

export function maySignupMove(move: SignupMove, from: SignupStatus | null): boolean {
  return (SIGNUP_MOVES[move].from as readonly (SignupStatus | null)[]).includes(from);
}

export interface Admission {
  status: 'confirmed' | 'waiting';
  seq: number;
  /** 1-based place on the waiting list; null when confirmed. */
  place: number | null;
  /** The counters after it. */
  after: SeatCounters;
}

/**
 * Where a newcomer goes: a seat only when all their seats are free and nobody is waiting (a freed
 * seat is the waiting list's head's first); otherwise the back of the list. Either way the next
 * sequence number is theirs.
 */
export function admitSignup(s: SeatCounters, seats: number): Admission {
  const seq = s.nextSeq;
  if (s.waiting === 0 && seats <= freeSeats(s)) {
    return { status: 'confirmed', seq, place: null, after: { ...s, confirmedSeats: s.confirmedSeats + seats, nextSeq: seq + 1 } };
  }
  return { status: 'waiting', seq, place: s.waiting + 1, after: { ...s, waiting: s.waiting + 1, nextSeq: seq + 1 } };
}

/** The counters after a sign-up leaves (its seats freed, or the list one shorter). */
export function leaveSeats(s: SeatCounters, signup: Pick<Signup, 'status' | 'seats'>): SeatCounters {
  if (signup.status === 'confirmed') return { ...s, confirmedSeats: s.confirmedSeats - signup.seats };
  if (signup.status === 'waiting') return { ...s, waiting: s.waiting - 1 };
  return s;
}

/**
 * How many parties of the waiting list's head (given in order) the free seats take: in order, each
 * only if all its seats fit, stopping at the first that does not (the head waits; nobody passes it).
 */
export function promotableHeads(s: Pick<SeatCounters, 'capacity' | 'confirmedSeats'>, heads: readonly Pick<Signup, 'seats'>[]): number {
  let free = freeSeats(s);
  let n = 0;
  for (const h of heads) {
    if (h.seats > free) break;
    free -= h.seats;
    n++;
  }
  return n;
}

/** The counters after one party moves up from the waiting list. */
export function promoteSeats(s: SeatCounters, seats: number): SeatCounters {
  return { ...s, confirmedSeats: s.confirmedSeats + seats, waiting: s.waiting - 1 };
}

/** The sign-up a join makes (a newcomer's, or someone's who cancelled before: same id, a fresh ticket, the back of the list). */
export function joinedSignup(req: { lectureId: string; personId: string; companions: number; ticket: string; at: number }, a: Admission): Signup {
  return {
    id: signupId(req.lectureId, req.personId),
    lectureId: req.lectureId,
    personId: req.personId,
    companions: req.companions,
    seats: 1 + req.companions,
    status: a.status,
    seq: a.seq,
    ticket: req.ticket,
    signedUpAt: req.at,
    confirmedAt: a.status === 'confirmed' ? req.at : null,
    promotedAt: null,
    cancelledAt: null,
    attendedAt: null,
    attendedBy: null,
    attendedVia: null,
    remindedAt: null,
  };
}

export function cancelledSignup(s: Signup, at: number): Signup {
  if (!maySignupMove('cancel', s.status)) throw new Error(`sign-up ${s.id} is ${s.status}: it cannot be cancelled`);
  return { ...s, status: 'cancelled', cancelledAt: at };
}

export function promotedSignup(s: Signup, at: number): Signup {
  if (!maySignupMove('promote', s.status)) throw new Error(`sign-up ${s.id} is ${s.status}: it cannot move up`);
  return { ...s, status: 'confirmed', confirmedAt: at, promotedAt: at };
}

/** Why a sign-up cannot be taken at `at` from what the lecture says, or null. */
export type SignUpRefusal = 'not_found' | 'cancelled' | 'not_yet' | 'closed';

export function signUpRefusal(l: Pick<Lecture, 'status' | 'signupFrom' | 'signupUntil'>, at: number): SignUpRefusal | null {
  if (l.status === 'cancelled') return 'cancelled';
  // A draft is nobody's to see yet.
  if (l.status !== 'published') return 'not_found';
  if (at < l.signupFrom) return 'not_yet';
  if (at >= l.signupUntil) return 'closed';
  return null;
}

/** Capacity may grow at any time; it may shrink only down to the seats already confirmed. */
export function capacityFits(l: Pick<Lecture, 'confirmedSeats'>, capacity: number): boolean {
  return capacity >= l.confirmedSeats;
}

// ---------- attendance ----------

const HOUR = 3600_000;

/** The venue screen's code works from an hour before the start to an hour after it. */
export const VENUE_WINDOW_BEFORE_MS = HOUR;
export const VENUE_WINDOW_AFTER_MS = HOUR;
/** The venue screen draws a new code this often; a code is good for its own period and the one after (a scan at the turn still works). */
export const VENUE_ROTATE_MS = 3 * 60_000;
/** Staff mark attendance (scanning codes, ticking names) from an hour before the start on. */
export const MARKS_FROM_BEFORE_MS = HOUR;

export function venueWindow(l: Pick<Lecture, 'startsAt'>): { opens: number; closes: number } {
  return { opens: l.startsAt - VENUE_WINDOW_BEFORE_MS, closes: l.startsAt + VENUE_WINDOW_AFTER_MS };
}

/** The venue code's period at `at`: codes are signed per period. */
export const venuePeriod = (at: number) => Math.floor(at / VENUE_ROTATE_MS);

/** A period's code still accepted at `at`: its own and the one just before. */
export function venuePeriodFresh(period: number, at: number): boolean {
  const now = venuePeriod(at);
  return period === now || period === now - 1;
}

/** What the attendee's personal sign-up code and the venue screen's code hold (read by the mini-program's scan button). */
const TICKET_PREFIX = 'jinlin:ticket:';
const VENUE_PREFIX = 'jinlin:venue:';

export const ticketPayload = (s: Pick<Signup, 'lectureId' | 'personId' | 'ticket'>) => `${TICKET_PREFIX}${s.lectureId}:${s.personId}:${s.ticket}`;
export const venuePayload = (lectureId: string, period: number, token: string) => `${VENUE_PREFIX}${lectureId}:${period}:${token}`;

const PART = /^[A-Za-z0-9_-]{1,64}$/;

export type LectureScan =
  | { kind: 'ticket'; lectureId: string; personId: string; ticket: string }
  | { kind: 'venue'; lectureId: string; period: number; token: string }
  | { kind: 'unknown' };

/** What a scanned text is: a sign-up code, a venue code, or neither. */
export function readLectureScan(text: string): LectureScan {
  const t = text.trim();
  if (t.startsWith(TICKET_PREFIX)) {
    const parts = t.slice(TICKET_PREFIX.length).split(':');
    if (parts.length === 3 && parts.every((p) => PART.test(p))) return { kind: 'ticket', lectureId: parts[0], personId: parts[1], ticket: parts[2] };
  }
  if (t.startsWith(VENUE_PREFIX)) {
    const parts = t.slice(VENUE_PREFIX.length).split(':');
    if (parts.length === 3 && PART.test(parts[0]) && /^\d{1,12}$/.test(parts[1]) && PART.test(parts[2]))
      return { kind: 'venue', lectureId: parts[0], period: Number(parts[1]), token: parts[2] };
  }
  return { kind: 'unknown' };
}

// ---------- reminders and figures ----------

/** The reminder goes out to confirmed sign-ups once the lecture is less than a day away. */
export const REMINDER_LEAD_MS = 24 * HOUR;

/** The mini-program pages notices open (the lectures subpackage). */
export const LECTURE_PAGE = 'lectures/detail/index';
export const MY_SIGNUPS_PAGE = 'lectures/mine/index';
export const lecturePage = (id: string) => `${LECTURE_PAGE}?id=${encodeURIComponent(id)}`;

/** A lecture's (or a month's) attendance figures, in people (a party of 3 counts 3). */
export interface LectureFigures {
  /** Confirmed seats: people signed up. */
  signedUp: number;
  /** Parties still on the waiting list. */
  waiting: number;
  /** People of the parties marked present. */
  attended: number;
  /** attended / signedUp, 0–1; null when nobody signed up or before the lecture starts. */
  attendanceRate: number | null;
  /** signedUp − attended once the lecture has ended; null before. */
  noShows: number | null;
}

/** The figures of one lecture from its sign-ups, at `now` (a cancelled lecture counts nothing). */
export function lectureFigures(l: Pick<Lecture, 'status' | 'startsAt' | 'endsAt'>, signups: readonly Signup[], now: number): LectureFigures {
  if (l.status === 'cancelled') return { signedUp: 0, waiting: 0, attended: 0, attendanceRate: null, noShows: null };
  let signedUp = 0;
  let waiting = 0;
  let attended = 0;
  for (const s of signups) {
    if (s.status === 'confirmed') {
      signedUp += s.seats;
      if (s.attendedAt !== null) attended += s.seats;
    } else if (s.status === 'waiting') waiting++;
  }
  const started = now >= l.startsAt;
  return {
    signedUp,
    waiting,
    attended,
    attendanceRate: started && signedUp > 0 ? attended / signedUp : null,
    noShows: now >= l.endsAt ? signedUp - attended : null,
  };
}

/** Figures added up (a month's lectures): rates over the lectures that have them. */
export function sumLectureFigures(all: readonly LectureFigures[]): LectureFigures {
  const sum = (f: (x: LectureFigures) => number) => all.reduce((n, x) => n + f(x), 0);
  const started = all.filter((f) => f.attendanceRate !== null);
  const startedSignedUp = started.reduce((n, f) => n + f.signedUp, 0);
  const ended = all.filter((f) => f.noShows !== null);
  return {
    signedUp: sum((f) => f.signedUp),
    waiting: sum((f) => f.waiting),
    attended: sum((f) => f.attended),
    attendanceRate: startedSignedUp > 0 ? started.reduce((n, f) => n + f.attended, 0) / startedSignedUp : null,
    noShows: ended.length > 0 ? ended.reduce((n, f) => n + (f.noShows ?? 0), 0) : null,
  };
}

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
