/**
 * The seat rules of a lecture (see lectures.ts): where a newcomer goes, what leaving frees, which of
 * the waiting list's head move up. Pure; the Store applies them atomically.
 */
import type { Lecture, Signup, SignupStatus } from './lectures';
import { signupId } from './lectures';

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
