/**
 * Lectures and sign-ups on SQLite. Every change of a sign-up's place (sign up, cancel, promote, a
 * capacity edit) is one IMMEDIATE transaction that reads the lecture's counters, applies the seat
 * rules of src/core/lecture-seats.ts and writes the sign-ups and the counters together, the promoted
 * people's in-app messages with them. SQLite runs one writer at a time, so of any number of
 * concurrent sign-ups each sees the counters the one before it left: the confirmed seats never pass
 * the capacity (the table's CHECK says so too) and sequence numbers never repeat (a unique index).
 * The waiting list is the sign-ups with status 'waiting' in seq order (index lecture_signups_queue).
 * Sign-ups go through the group commit (kit.ts): a crowd of them costs one commit per turn of the
 * event loop, not one each.
 */
import type { Database as Db } from 'better-sqlite3';
import {
  admitSignup,
  cancelledSignup,
  capacityFits,
  freeSeats,
  joinedSignup,
  leaveSeats,
  maySignupMove,
  promotableHeads,
  promotedSignup,
  pickLectureFields,
  promoteSeats,
  signUpRefusal,
  signupId,
  type Lecture,
  type SeatCounters,
  type Signup,
} from '../../../../src/core';
import type { LectureRepo, Promotion, SignUpOutcome, SignUpRequest, TellPromoted } from '../port';
import type { SqliteKit } from './kit';
import { INSERT_LECTURE, PUT_SIGNUP, lectureParams, toLecture, toSignup, type LectureRow, type SignupRow } from './lecture-rows';
import { messageWriter } from './messages';

/** Waiting sign-ups read at a time while handing out freed seats. */
const HEADS = 16;

const counters = (l: Lecture): SeatCounters => ({ capacity: l.capacity, confirmedSeats: l.confirmedSeats, waiting: l.waiting, nextSeq: l.nextSeq });

export function sqliteLectures(db: Db, { stmt, grouped }: SqliteKit): LectureRepo {
  const writeMessage = messageWriter(db);
  const q = {
    insert: db.prepare(INSERT_LECTURE),
    get: db.prepare<[string], LectureRow>('SELECT * FROM lectures WHERE id = ?'),
    counters: db.prepare('UPDATE lectures SET confirmed_seats = @confirmedSeats, waiting = @waiting, next_seq = @nextSeq WHERE id = @id'),
    edit: db.prepare(
      `UPDATE lectures SET title = @title, speaker_id = @speakerId, description = @description, picture = @picture, starts_at = @startsAt,
         ends_at = @endsAt, venue = @venue, capacity = @capacity, open_to = @openTo, signup_from = @signupFrom, signup_until = @signupUntil,
         companions_allowed = @companionsAllowed, updated_at = @at, version = version + 1
       WHERE id = @id AND version = @version`,
    ),
    publish: db.prepare<[number, number, string, number], LectureRow>(
      "UPDATE lectures SET status = 'published', published_at = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ? AND status = 'draft' RETURNING *",
    ),
    cancel: db.prepare<{ id: string; version: number; at: number; by: string; reason: string }, LectureRow>(
      `UPDATE lectures SET status = 'cancelled', cancelled_at = @at, cancelled_by = @by, cancel_reason = @reason, updated_at = @at, version = version + 1
       WHERE id = @id AND version = @version AND status != 'cancelled' RETURNING *`,
    ),
    waitlisted: db.prepare<[number, number], LectureRow>("SELECT * FROM lectures WHERE status = 'published' AND starts_at > ? AND waiting > 0 ORDER BY starts_at, id LIMIT ?"),
    starting: db.prepare<[number, number, number], LectureRow>(
      "SELECT * FROM lectures WHERE status = 'published' AND starts_at >= ? AND starts_at < ? ORDER BY starts_at, id LIMIT ?",
    ),
    signup: db.prepare<[string], SignupRow>('SELECT * FROM lecture_signups WHERE id = ?'),
    putSignup: db.prepare(PUT_SIGNUP),
    heads: db.prepare<[string, number], SignupRow>("SELECT * FROM lecture_signups WHERE lecture_id = ? AND status = 'waiting' ORDER BY seq LIMIT ?"),
    signups: db.prepare<[string], SignupRow>('SELECT * FROM lecture_signups WHERE lecture_id = ? ORDER BY seq'),
    signupsOf: db.prepare<[string, number], SignupRow>('SELECT * FROM lecture_signups WHERE person_id = ? ORDER BY signed_up_at DESC, id DESC LIMIT ?'),
    ahead: db.prepare<[string, number], { n: number }>("SELECT count(*) AS n FROM lecture_signups WHERE lecture_id = ? AND status = 'waiting' AND seq < ?"),
    attend: db.prepare<{ id: string; at: number; by: string; via: string }, SignupRow>(
      `UPDATE lecture_signups SET attended_at = @at, attended_by = @by, attended_via = @via
       WHERE id = @id AND status = 'confirmed' AND attended_at IS NULL RETURNING *`,
    ),
    toRemind: db.prepare<[string, number], SignupRow>(
      "SELECT * FROM lecture_signups WHERE lecture_id = ? AND status = 'confirmed' AND reminded_at IS NULL ORDER BY seq LIMIT ?",
    ),
    remind: db.prepare("UPDATE lecture_signups SET reminded_at = ? WHERE id = ? AND status = 'confirmed' AND reminded_at IS NULL"),
  };

  const lectureOf = (id: string) => {
    const r = q.get.get(id);
    return r ? toLecture(r) : null;
  };
  const signupOf = (id: string) => {
    const r = q.signup.get(id);
    return r ? toSignup(r) : null;
  };
  const saveCounters = (l: Lecture) => q.counters.run({ id: l.id, confirmedSeats: l.confirmedSeats, waiting: l.waiting, nextSeq: l.nextSeq });

  /** Inside a transaction: hands the free seats to the waiting list's head, in order, and tells each person moved up. */
  const promoteIn = (l: Lecture, at: number, tell: TellPromoted): { lecture: Lecture } & Promotion => {
    let seats = counters(l);
    const promoted: Signup[] = [];
    while (seats.waiting > 0 && freeSeats(seats) > 0) {
      const heads = q.heads.all(l.id, HEADS).map(toSignup);
      const n = promotableHeads(seats, heads);
      for (const h of heads.slice(0, n)) {
        const p = promotedSignup(h, at);
        q.putSignup.run(p);
        seats = promoteSeats(seats, p.seats);
        promoted.push(p);
      }
      // The head did not fit (it waits, and so does everyone behind it), or the list is done.
      if (n < heads.length || heads.length < HEADS) break;
    }
    const lecture = { ...l, ...seats };
    if (promoted.length > 0) {
      saveCounters(lecture);
      for (const p of promoted) writeMessage(tell(p, lecture));
    }
    return { lecture, promoted, leftBehind: false };
  };

  const signUpTx = db.transaction((req: SignUpRequest): SignUpOutcome => {
    const l = lectureOf(req.lectureId);
    if (!l) return { ok: false, reason: 'not_found' };
    const refused = signUpRefusal(l, req.at);
    if (refused === 'not_found') return { ok: false, reason: 'not_published' };
    if (refused === 'cancelled') return { ok: false, reason: 'cancelled' };
    if (refused) return { ok: false, reason: 'window' };
    const existing = signupOf(signupId(l.id, req.personId));
    if (existing && !maySignupMove('join', existing.status)) return { ok: false, reason: 'already', signup: existing };
    const admission = admitSignup(counters(l), 1 + req.companions);
    const signup = joinedSignup(req, admission);
    q.putSignup.run(signup);
    const lecture = { ...l, ...admission.after };
    saveCounters(lecture);
    return { ok: true, signup, lecture, place: admission.place };
  });

  const cancelSignupTx = db.transaction((id: string, at: number, tell: TellPromoted) => {
    const s = signupOf(id);
    if (!s) return { ok: false as const, reason: 'not_found' as const };
    if (!maySignupMove('cancel', s.status)) return { ok: false as const, reason: 'not_active' as const };
    const l = lectureOf(s.lectureId)!;
    const signup = cancelledSignup(s, at);
    q.putSignup.run(signup);
    const left = { ...l, ...leaveSeats(counters(l), s) };
    saveCounters(left);
    const p = l.status === 'published' ? promoteIn(left, at, tell) : { lecture: left, promoted: [], leftBehind: false };
    return { ok: true as const, signup, ...p };
  });

  const editTx = db.transaction((id: string, version: number, given: Parameters<LectureRepo['edit']>[2], at: number, tell: TellPromoted) => {
    const fields = pickLectureFields(given);
    const l = lectureOf(id);
    if (!l) return { ok: false as const, reason: 'not_found' as const };
    if (l.version !== version) return { ok: false as const, reason: 'conflict' as const };
    if (l.status === 'cancelled') return { ok: false as const, reason: 'cancelled' as const };
    if (!capacityFits(l, fields.capacity)) return { ok: false as const, reason: 'below_confirmed' as const };
    q.edit.run({ ...fields, openTo: JSON.stringify(fields.openTo), id, version, at });
    const edited: Lecture = { ...l, ...fields, updatedAt: at, version: version + 1 };
    return { ok: true as const, ...(edited.status === 'published' ? promoteIn(edited, at, tell) : { lecture: edited, promoted: [], leftBehind: false }) };
  });

  const promoteTx = db.transaction((lectureId: string, at: number, tell: TellPromoted): Promotion => {
    const l = lectureOf(lectureId);
    if (!l || l.status !== 'published') return { promoted: [], leftBehind: false };
    const { promoted, leftBehind } = promoteIn(l, at, tell);
    return { promoted, leftBehind };
  });

  const remindTx = db.transaction((id: string, at: number, message: Parameters<LectureRepo['remind']>[2]) => {
    if (q.remind.run(at, id).changes !== 1) return false;
    writeMessage(message);
    return true;
  });

  return {
    async insert(l) {
      q.insert.run(lectureParams(l));
    },
    async get(id) {
      return lectureOf(id);
    },
    async getMany(ids) {
      if (ids.length === 0) return [];
      const unique = [...new Set(ids)];
      return (stmt(`SELECT * FROM lectures WHERE id IN (${unique.map(() => '?').join(',')})`).all(...unique) as LectureRow[]).map(toLecture);
    },
    async listForCommunity(communityId, opts = {}) {
      const args: unknown[] = [communityId];
      let sql = 'SELECT * FROM lectures WHERE community_id = ?';
      if (opts.from !== undefined) (sql += ' AND starts_at >= ?'), args.push(opts.from);
      if (opts.to !== undefined) (sql += ' AND starts_at < ?'), args.push(opts.to);
      sql += ' ORDER BY starts_at DESC, id DESC';
      if (opts.limit !== undefined) (sql += ' LIMIT ?'), args.push(opts.limit);
      return (stmt(sql).all(...args) as LectureRow[]).map(toLecture);
    },
    async listPublished(communityIds, endsAfter, limit) {
      const ids = [...new Set(communityIds)];
      if (ids.length === 0 || limit <= 0) return [];
      const sql = `SELECT * FROM lectures WHERE community_id IN (${ids.map(() => '?').join(',')}) AND status = 'published' AND ends_at > ? ORDER BY starts_at, id LIMIT ?`;
      return (stmt(sql).all(...ids, endsAfter, limit) as LectureRow[]).map(toLecture);
    },
    async listWaitlisted(startsAfter, limit) {
      return q.waitlisted.all(startsAfter, limit).map(toLecture);
    },
    async listStarting(from, to, limit) {
      return q.starting.all(from, to, limit).map(toLecture);
    },
    async edit(id, version, fields, at, tell) {
      return editTx.immediate(id, version, fields, at, tell);
    },
    async publish(id, version, at) {
      const r = q.publish.get(at, at, id, version);
      return r ? toLecture(r) : null;
    },
    async cancel(id, version, at, by, reason) {
      const r = q.cancel.get({ id, version, at, by, reason });
      return r ? toLecture(r) : null;
    },
    async signUp(req) {
      // Sign-ups come in crowds (a lecture opening): those that arrive together commit together,
      // each in its own savepoint, one after another in arrival order.
      return grouped(() => signUpTx(req));
    },
    async cancelSignup(id, at, tell) {
      return cancelSignupTx.immediate(id, at, tell);
    },
    async promote(lectureId, at, tell) {
      return promoteTx.immediate(lectureId, at, tell);
    },
    async getSignup(id) {
      return signupOf(id);
    },
    async listSignups(lectureId) {
      return q.signups.all(lectureId).map(toSignup);
    },
    async listSignupsOf(personId, limit) {
      return q.signupsOf.all(personId, limit).map(toSignup);
    },
    async placeOf(s) {
      return q.ahead.get(s.lectureId, s.seq)!.n + 1;
    },
    async markAttended(id, at, by, via) {
      const marked = q.attend.get({ id, at, by, via });
      if (marked) return { ok: true, signup: toSignup(marked), first: true };
      const s = signupOf(id);
      if (s?.status === 'confirmed') return { ok: true, signup: s, first: false };
      return { ok: false, reason: s ? 'not_confirmed' : 'not_found', signup: s };
    },
    async listToRemind(lectureId, limit) {
      return q.toRemind.all(lectureId, limit).map(toSignup);
    },
    async remind(id, at, message) {
      return remindTx.immediate(id, at, message);
    },
  };
}
