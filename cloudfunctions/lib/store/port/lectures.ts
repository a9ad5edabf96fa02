import type { AttendanceVia, Lecture, LectureFields, Signup } from '../../../../src/core';
import type { Message } from './messages';

/**
 * The in-app message for a sign-up that just moved up from the waiting list, written in the same
 * transaction as the move (so whoever got the seat is told, whatever happens next). It must have
 * no side effects: a CloudBase transaction may run it again.
 */
export type TellPromoted = (signup: Signup, lecture: Lecture) => Message;

export interface SignUpRequest {
  lectureId: string;
  personId: string;
  companions: number;
  /** The personal sign-up code's secret, fresh for this sign-up. */
  ticket: string;
  at: number;
}

export type SignUpOutcome =
  | {
      ok: true;
      signup: Signup;
      lecture: Lecture;
      /** 1-based place on the waiting list; null when a seat was taken. */
      place: number | null;
    }
  /** `window`: outside the sign-up window at `at`; `already`: confirmed or waiting already (that sign-up is given). */
  | { ok: false; reason: 'not_found' | 'not_published' | 'cancelled' | 'window'; signup?: undefined }
  | { ok: false; reason: 'already'; signup: Signup };

/** What a change that may free seats moved up, and whether seats it could not hand out are left for the catch-up job. */
export interface Promotion {
  promoted: Signup[];
  /**
   * Seats are free and someone waits whose turn this call could not settle (CloudBase: the head it
   * read before its transaction had changed, or it read too few). The caller may try `promote`;
   * the timer's catch-up job does in any case.
   */
  leftBehind: boolean;
}

export type CancelOutcome = ({ ok: true; signup: Signup; lecture: Lecture } & Promotion) | { ok: false; reason: 'not_found' | 'not_active' };

export type EditOutcome =
  | ({ ok: true; lecture: Lecture } & Promotion)
  | { ok: false; reason: 'not_found' | 'conflict' | 'cancelled' | 'below_confirmed' };

export type AttendanceOutcome =
  | { ok: true; signup: Signup; /** False when it was marked before: the first mark stands. */ first: boolean }
  | { ok: false; reason: 'not_found' | 'not_confirmed'; signup: Signup | null };

/**
 * Lectures and their sign-ups: one aggregate, because the invariant spans both. A lecture never
 * has more confirmed seats than its capacity, whatever runs at once, and a freed seat goes to the
 * head of its waiting list (lowest `seq` first) before any newcomer; a party is moved up only when
 * all its seats fit, and nobody passes the head. The seat rules are src/core/lecture-seats.ts; each
 * adapter applies them atomically (SQLite: one transaction; CloudBase: one transaction over the
 * lecture's and the sign-ups' documents, by id).
 */
export interface LectureRepo {
  insert(lecture: Lecture): Promise<void>;
  get(id: string): Promise<Lecture | null>;
  getMany(ids: readonly string[]): Promise<Lecture[]>;
  /** A community's lectures (every status), latest start first; `from`/`to` bound the start (to exclusive). */
  listForCommunity(communityId: string, opts?: { from?: number; to?: number; limit?: number }): Promise<Lecture[]>;
  /** Published lectures of these communities that end after `endsAfter`, soonest first. */
  listPublished(communityIds: readonly string[], endsAfter: number, limit: number): Promise<Lecture[]>;
  /** Published lectures starting after `startsAfter` with someone waiting: the catch-up job's work. */
  listWaitlisted(startsAfter: number, limit: number): Promise<Lecture[]>;
  /** Published lectures starting in [from, to): the reminders' work. */
  listStarting(from: number, to: number, limit: number): Promise<Lecture[]>;
  /**
   * Changes the fields staff set, if the lecture is at `version` and not cancelled; a capacity
   * below the confirmed seats is refused, a larger one hands its new seats to the waiting list.
   */
  edit(id: string, version: number, fields: LectureFields, at: number, tell: TellPromoted): Promise<EditOutcome>;
  /** A draft at `version` becomes published; null otherwise. */
  publish(id: string, version: number, at: number): Promise<Lecture | null>;
  /** Cancels a lecture at `version` that is not cancelled yet; null otherwise. Its sign-ups stay as they were. */
  cancel(id: string, version: number, at: number, by: string, reason: string): Promise<Lecture | null>;

  /**
   * Signs up: checks the lecture is published and `at` inside its window, then takes the seats or
   * joins the back of the waiting list (core admitSignup), handing out the lecture's next sequence
   * number. A sign-up id is `<lecture>:<person>`: someone confirmed or waiting is `already`; someone
   * who cancelled signs up again under the same id, at the back.
   */
  signUp(req: SignUpRequest): Promise<SignUpOutcome>;
  /** Cancels a confirmed or waiting sign-up and, in the same transaction, moves the waiting list's head into the freed seats. */
  cancelSignup(signupId: string, at: number, tell: TellPromoted): Promise<CancelOutcome>;
  /** Moves the waiting list's head into whatever seats are free (the catch-up job; a cancel that left some behind). */
  promote(lectureId: string, at: number, tell: TellPromoted): Promise<Promotion>;

  getSignup(id: string): Promise<Signup | null>;
  /** Every sign-up of a lecture, cancelled ones too, by `seq`. */
  listSignups(lectureId: string): Promise<Signup[]>;
  /** A person's sign-ups, the latest signed up first. */
  listSignupsOf(personId: string, limit: number): Promise<Signup[]>;
  /** 1-based place on the waiting list of a waiting sign-up (parties waiting with a lower seq, plus one). */
  placeOf(signup: Pick<Signup, 'lectureId' | 'seq'>): Promise<number>;

  /** Marks a confirmed sign-up attended, once: a repeat leaves the first mark and says so. */
  markAttended(signupId: string, at: number, by: string, via: AttendanceVia): Promise<AttendanceOutcome>;

  /** Confirmed sign-ups of the lecture not reminded yet, by seq. */
  listToRemind(lectureId: string, limit: number): Promise<Signup[]>;
  /** Records the reminder of a confirmed sign-up not reminded yet, with its in-app message, atomically; false if it was not one. */
  remind(signupId: string, at: number, message: Message): Promise<boolean>;
}
