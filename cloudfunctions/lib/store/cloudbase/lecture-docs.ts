/** Lectures and sign-ups as CloudBase documents: the port's fields with the id as `_id`; optional fields null, never absent. */
import type { Lecture, SeatCounters, Signup } from '../../../../src/core';
import type { Stored } from './kit';

export interface LectureDoc extends Stored, Omit<Lecture, 'id'> {
  /**
   * How many seat transactions have written the lecture (lectures.ts): each writes it first, so of
   * racing ones the first holds the document and the others find out at once. Not the port's.
   */
  seatTurn?: number;
}
/** `_id` is `<lectureId>:<personId>` (signupId). */
export interface SignupDoc extends Stored, Omit<Signup, 'id'> {}

export const toLecture = ({ _id, seatTurn: _turn, ...d }: LectureDoc): Lecture => ({
  id: _id,
  ...d,
  picture: d.picture ?? null,
  publishedAt: d.publishedAt ?? null,
  cancelledAt: d.cancelledAt ?? null,
  cancelledBy: d.cancelledBy ?? null,
  cancelReason: d.cancelReason ?? null,
});

export const lectureDoc = ({ id, ...l }: Lecture): LectureDoc => ({ _id: id, ...l });

export const toSignup = ({ _id, ...d }: SignupDoc): Signup => ({
  id: _id,
  ...d,
  confirmedAt: d.confirmedAt ?? null,
  promotedAt: d.promotedAt ?? null,
  cancelledAt: d.cancelledAt ?? null,
  attendedAt: d.attendedAt ?? null,
  attendedBy: d.attendedBy ?? null,
  attendedVia: d.attendedVia ?? null,
  remindedAt: d.remindedAt ?? null,
});

/** A sign-up's fields without its id: what `set` writes over the document. */
export const signupFields = ({ id: _id, ...s }: Signup): Omit<SignupDoc, '_id'> => s;
export const signupDoc = (s: Signup): SignupDoc => ({ _id: s.id, ...signupFields(s) });

export const countersOf = (s: SeatCounters) => ({ confirmedSeats: s.confirmedSeats, waiting: s.waiting, nextSeq: s.nextSeq });
