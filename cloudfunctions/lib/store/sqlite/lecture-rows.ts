/** Lectures and sign-ups as SQLite rows (migration 14), and back. Every field is a column; openTo is JSON. */
import type { AttendanceVia, Lecture, LectureStatus, Signup, SignupStatus } from '../../../../src/core';

export interface LectureRow {
  id: string;
  community_id: string;
  community_path: string;
  title: string;
  speaker_id: string;
  description: string;
  picture: string | null;
  starts_at: number;
  ends_at: number;
  venue: string;
  capacity: number;
  open_to: string;
  signup_from: number;
  signup_until: number;
  companions_allowed: number;
  status: string;
  confirmed_seats: number;
  waiting: number;
  next_seq: number;
  venue_secret: string;
  created_by: string;
  created_at: number;
  updated_at: number;
  published_at: number | null;
  cancelled_at: number | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  version: number;
}

export interface SignupRow {
  id: string;
  lecture_id: string;
  person_id: string;
  companions: number;
  seats: number;
  status: string;
  seq: number;
  ticket: string;
  signed_up_at: number;
  confirmed_at: number | null;
  promoted_at: number | null;
  cancelled_at: number | null;
  attended_at: number | null;
  attended_by: string | null;
  attended_via: string | null;
  reminded_at: number | null;
}

export const toLecture = (r: LectureRow): Lecture => ({
  id: r.id,
  communityId: r.community_id,
  communityPath: r.community_path,
  title: r.title,
  speakerId: r.speaker_id,
  description: r.description,
  picture: r.picture,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  venue: r.venue,
  capacity: r.capacity,
  openTo: JSON.parse(r.open_to) as string[],
  signupFrom: r.signup_from,
  signupUntil: r.signup_until,
  companionsAllowed: r.companions_allowed,
  status: r.status as LectureStatus,
  confirmedSeats: r.confirmed_seats,
  waiting: r.waiting,
  nextSeq: r.next_seq,
  venueSecret: r.venue_secret,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  publishedAt: r.published_at,
  cancelledAt: r.cancelled_at,
  cancelledBy: r.cancelled_by,
  cancelReason: r.cancel_reason,
  version: r.version,
});

/** Named parameters for INSERT_LECTURE. */
export const lectureParams = (l: Lecture) => ({ ...l, openTo: JSON.stringify(l.openTo) });

export const INSERT_LECTURE = `INSERT INTO lectures (id, community_id, community_path, title, speaker_id, description, picture, starts_at, ends_at, venue, capacity, open_to,
    signup_from, signup_until, companions_allowed, status, confirmed_seats, waiting, next_seq, venue_secret, created_by, created_at, updated_at,
    published_at, cancelled_at, cancelled_by, cancel_reason, version)
  VALUES (@id, @communityId, @communityPath, @title, @speakerId, @description, @picture, @startsAt, @endsAt, @venue, @capacity, @openTo,
    @signupFrom, @signupUntil, @companionsAllowed, @status, @confirmedSeats, @waiting, @nextSeq, @venueSecret, @createdBy, @createdAt, @updatedAt,
    @publishedAt, @cancelledAt, @cancelledBy, @cancelReason, @version)`;

export const toSignup = (r: SignupRow): Signup => ({
  id: r.id,
  lectureId: r.lecture_id,
  personId: r.person_id,
  companions: r.companions,
  seats: r.seats,
  status: r.status as SignupStatus,
  seq: r.seq,
  ticket: r.ticket,
  signedUpAt: r.signed_up_at,
  confirmedAt: r.confirmed_at,
  promotedAt: r.promoted_at,
  cancelledAt: r.cancelled_at,
  attendedAt: r.attended_at,
  attendedBy: r.attended_by,
  attendedVia: r.attended_via as AttendanceVia | null,
  remindedAt: r.reminded_at,
});

/** Writes a whole sign-up: a new one, or the same id again (signing up after cancelling, a move). */
export const PUT_SIGNUP = `INSERT INTO lecture_signups (id, lecture_id, person_id, companions, seats, status, seq, ticket, signed_up_at, confirmed_at, promoted_at,
    cancelled_at, attended_at, attended_by, attended_via, reminded_at)
  VALUES (@id, @lectureId, @personId, @companions, @seats, @status, @seq, @ticket, @signedUpAt, @confirmedAt, @promotedAt,
    @cancelledAt, @attendedAt, @attendedBy, @attendedVia, @remindedAt)
  ON CONFLICT (id) DO UPDATE SET companions = excluded.companions, seats = excluded.seats, status = excluded.status, seq = excluded.seq,
    ticket = excluded.ticket, signed_up_at = excluded.signed_up_at, confirmed_at = excluded.confirmed_at, promoted_at = excluded.promoted_at,
    cancelled_at = excluded.cancelled_at, attended_at = excluded.attended_at, attended_by = excluded.attended_by,
    attended_via = excluded.attended_via, reminded_at = excluded.reminded_at`;
