/**
 * Lectures and sign-ups on CloudBase: a document per lecture (`_id` its id) holding the counters —
 * confirmed seats, parties waiting, the next sequence number — and a document per sign-up (`_id`
 * `<lecture>:<person>`). The waiting list is the sign-ups with status 'waiting' by `seq` (index
 * lectureId_status_seq).
 *
 * How the seats hold when requests race: every change of a sign-up's place is one transaction over
 * the lecture's document and the sign-ups' documents, each read and written by id (the only kind a
 * CloudBase transaction takes). Each one writes the lecture's document, so the database lets one
 * commit and re-runs the others on what it committed (transaction.ts): they happen one after another,
 * each deciding on the counters the last one left, by the seat rules of src/core/lecture-seats.ts.
 *
 * Handing freed seats to the waiting list needs its head, and a transaction cannot query: the head
 * is read by a query (lowest seq first) just before the transaction and read again by id inside it.
 * That read is enough: a sequence number is handed out once and only ever grows, so no sign-up can
 * join the list ahead of those the query saw; inside, one that has left the list since (cancelled,
 * moved up, or signed up again at the back with a new seq) is passed over, and the rest keep their
 * order. When the query's sign-ups run out with seats still free and people waiting (more joined
 * behind them meanwhile), the answer says `leftBehind`: the caller runs `promote` again, and the
 * timer's catch-up job does whatever a failure left undone.
 *
 * Many sign-ups for one lecture at once contend for its document: within one process they take
 * turns (inTurn); between processes a conflict is retried with a random pause that doubles each
 * time, for as long as SEAT_PATIENCE_MS.
 */
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
import type { CancelOutcome, EditOutcome, LectureRepo, Promotion, SignUpOutcome, TellPromoted } from '../port';
import type { CloudbaseKit } from './kit';
import { countersOf, lectureDoc, signupDoc, signupFields, toLecture, toSignup, type LectureDoc, type SignupDoc } from './lecture-docs';
import { messageDoc } from './messages';
import type { Tx } from './transaction';

/** Waiting sign-ups read before a transaction that may free seats. */
export const HEADS = 20;
/** How long a change of seats keeps trying while others win the lecture's document. */
const SEAT_PATIENCE_MS = 30_000;
const CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';

const BACKOFF_BASE_MS = 5;
const BACKOFF_CAP_MS = 500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isConflict = (e: unknown) => (e as { code?: string } | null)?.code === CONFLICT;

/** A seat transaction lost its lecture's document to another: tried again by seatTx, not by the SDK. */
class SeatsBusy extends Error {
  readonly code = 'LECTURE_SEATS_BUSY';
}
const counters = (l: Lecture): SeatCounters => ({ capacity: l.capacity, confirmedSeats: l.confirmedSeats, waiting: l.waiting, nextSeq: l.nextSeq });

/**
 * Inside a transaction: hands the free seats of `l` (counters as the transaction has them) to the
 * heads read before it, in order, passing over those that left the list, stopping at the first that
 * does not fit; writes the moves, the counters and the messages.
 */
async function promoteIn(t: Tx, l: Lecture, heads: readonly SignupDoc[], at: number, tell: TellPromoted): Promise<{ lecture: Lecture } & Promotion> {
  let seats = counters(l);
  const promoted: Signup[] = [];
  let headWaits = false;
  for (const h of heads) {
    if (seats.waiting === 0 || freeSeats(seats) === 0) break;
    const d = await t.get<SignupDoc>('lecture_signups', h._id);
    if (!d || d.status !== 'waiting' || d.seq !== h.seq) continue;
    const s = toSignup(d);
    if (promotableHeads(seats, [s]) === 0) {
      headWaits = true;
      break;
    }
    const p = promotedSignup(s, at);
    await t.set('lecture_signups', p.id, signupFields(p));
    seats = promoteSeats(seats, p.seats);
    promoted.push(p);
  }
  const lecture = { ...l, ...seats };
  await t.update('lectures', l.id, countersOf(lecture));
  for (const p of promoted) await t.add('messages', messageDoc(tell(p, lecture)));
  return { lecture, promoted, leftBehind: !headWaits && seats.waiting > 0 && freeSeats(seats) > 0 };
}

export function cloudbaseLectures(kit: CloudbaseKit): LectureRepo {
  const _ = kit.command;
  const lectures = () => kit.coll('lectures');
  const signups = () => kit.coll('lecture_signups');

  /**
   * A transaction on a lecture's seats: in turn with this process's others, tried again on
   * conflicts with other processes'. With `withHeads`, each attempt reads the waiting list's head
   * just before its transaction and hands it to `fn` (which reads each again by id inside).
   */
  async function seatTx<T>(lectureId: string, fn: (t: Tx, heads: readonly SignupDoc[]) => Promise<T>, withHeads = false): Promise<T> {
    return inTurn(lectureId, () => retried(lectureId, fn, withHeads));
  }

  /**
   * Seat transactions on one lecture from this process take turns, in the order they came: racing
   * each other for the lecture's document would only make all but one start over. Other processes
   * (function instances) still race this one; their conflicts are what `retried` is for.
   */
  const turns = new Map<string, Promise<unknown>>();
  function inTurn<T>(lectureId: string, run: () => Promise<T>): Promise<T> {
    const mine = (turns.get(lectureId) ?? Promise.resolve()).then(run, run);
    const done = mine.then(
      () => undefined,
      () => undefined,
    );
    turns.set(lectureId, done);
    void done.then(() => turns.get(lectureId) === done && turns.delete(lectureId));
    return mine;
  }

  /**
   * The transaction writes the lecture's document before anything else. A conflict inside the
   * callback (another transaction holds that document) ends the attempt at once instead of going
   * through the SDK's immediate re-runs, which under many contenders only collide again: it is
   * tried again here after a random pause that doubles with each try (full jitter), so contenders
   * spread out and one after another gets through.
   */
  async function retried<T>(lectureId: string, fn: (t: Tx, heads: readonly SignupDoc[]) => Promise<T>, withHeads: boolean): Promise<T> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        const before = withHeads ? await heads(lectureId) : [];
        return await kit.transaction(async (t) => {
          try {
            // The lecture's document first, before anything is read: from here this transaction
            // holds it, and one that lost it learns so at its first step, not after reading.
            await t.update('lectures', lectureId, { seatTurn: _.inc(1) });
            return await fn(t, before);
          } catch (e) {
            throw isConflict(e) ? new SeatsBusy() : e;
          }
        });
      } catch (e) {
        if (!(e instanceof SeatsBusy) && !isConflict(e)) throw e;
        if (Date.now() - started > SEAT_PATIENCE_MS) throw e instanceof SeatsBusy ? new Error('the lecture is too busy: gave up after many write conflicts') : e;
        await sleep(Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 12)));
      }
    }
  }

  const heads = (lectureId: string) =>
    kit.rows<SignupDoc>(signups().where({ lectureId, status: 'waiting' }).orderBy('seq', 'asc').limit(HEADS));

  const getLecture = async (id: string) => {
    const d = await kit.docById<LectureDoc>('lectures', id);
    return d ? toLecture(d) : null;
  };

  return {
    async insert(l) {
      await lectures().add(lectureDoc(l));
    },
    get: getLecture,
    async getMany(ids) {
      return (await kit.byIds<LectureDoc>('lectures', ids)).map(toLecture);
    },
    async listForCommunity(communityId, opts = {}) {
      const { from, to, limit } = opts;
      if (limit !== undefined && limit <= 0) return [];
      const where: Record<string, unknown> = { communityId };
      if (from !== undefined && to !== undefined) where.startsAt = _.gte(from).and(_.lt(to));
      else if (from !== undefined) where.startsAt = _.gte(from);
      else if (to !== undefined) where.startsAt = _.lt(to);
      const q = lectures().where(where).orderBy('startsAt', 'desc').orderBy('_id', 'desc');
      return (await kit.drainBySkip<LectureDoc>(q, limit)).map(toLecture);
    },
    async listPublished(communityIds, endsAfter, limit) {
      const ids = [...new Set(communityIds)];
      if (ids.length === 0 || limit <= 0) return [];
      const q = lectures()
        .where({ communityId: _.in(ids), status: 'published', endsAt: _.gt(endsAfter) })
        .orderBy('startsAt', 'asc')
        .orderBy('_id', 'asc');
      return (await kit.drainBySkip<LectureDoc>(q, limit)).map(toLecture);
    },
    async listWaitlisted(startsAfter, limit) {
      if (limit <= 0) return [];
      const q = lectures().where({ status: 'published', startsAt: _.gt(startsAfter), waiting: _.gt(0) }).orderBy('startsAt', 'asc').orderBy('_id', 'asc');
      return (await kit.drainBySkip<LectureDoc>(q, limit)).map(toLecture);
    },
    async listStarting(from, to, limit) {
      if (limit <= 0) return [];
      const q = lectures().where({ status: 'published', startsAt: _.gte(from).and(_.lt(to)) }).orderBy('startsAt', 'asc').orderBy('_id', 'asc');
      return (await kit.drainBySkip<LectureDoc>(q, limit)).map(toLecture);
    },
    async edit(id, version, given, at, tell) {
      const fields = pickLectureFields(given);
      return seatTx(
        id,
        async (t, before): Promise<EditOutcome> => {
          const d = await t.get<LectureDoc>('lectures', id);
          if (!d) return { ok: false, reason: 'not_found' };
          const l = toLecture(d);
          if (l.version !== version) return { ok: false, reason: 'conflict' };
          if (l.status === 'cancelled') return { ok: false, reason: 'cancelled' };
          if (!capacityFits(l, fields.capacity)) return { ok: false, reason: 'below_confirmed' };
          const edited: Lecture = { ...l, ...fields, openTo: [...fields.openTo], updatedAt: at, version: version + 1 };
          // _.set: openTo is an array, written whole.
          await t.update('lectures', id, { ...fields, openTo: _.set([...fields.openTo]), updatedAt: at, version: version + 1 });
          if (edited.status !== 'published') return { ok: true, lecture: edited, promoted: [], leftBehind: false };
          return { ok: true, ...(await promoteIn(t, edited, before, at, tell)) };
        },
        true,
      );
    },
    async publish(id, version, at) {
      const n = await kit.update(lectures().where({ _id: id, version, status: 'draft' }), { status: 'published', publishedAt: at, updatedAt: at, version: version + 1 });
      return n === 1 ? getLecture(id) : null;
    },
    async cancel(id, version, at, by, reason) {
      const n = await kit.update(lectures().where({ _id: id, version, status: _.neq('cancelled') }), {
        status: 'cancelled',
        cancelledAt: at,
        cancelledBy: by,
        cancelReason: reason,
        updatedAt: at,
        version: version + 1,
      });
      return n === 1 ? getLecture(id) : null;
    },
    async signUp(req) {
      const id = signupId(req.lectureId, req.personId);
      return seatTx(req.lectureId, async (t): Promise<SignUpOutcome> => {
        const [d, existingDoc] = await Promise.all([t.get<LectureDoc>('lectures', req.lectureId), t.get<SignupDoc>('lecture_signups', id)]);
        if (!d) return { ok: false, reason: 'not_found' };
        const l = toLecture(d);
        const refused = signUpRefusal(l, req.at);
        if (refused === 'not_found') return { ok: false, reason: 'not_published' };
        if (refused === 'cancelled') return { ok: false, reason: 'cancelled' };
        if (refused) return { ok: false, reason: 'window' };
        const existing = existingDoc ? toSignup(existingDoc) : null;
        if (existing && !maySignupMove('join', existing.status)) return { ok: false, reason: 'already', signup: existing };
        const admission = admitSignup(counters(l), 1 + req.companions);
        const signup = joinedSignup(req, admission);
        await t.update('lectures', l.id, countersOf(admission.after));
        if (existing) await t.set('lecture_signups', id, signupFields(signup));
        else await t.add('lecture_signups', signupDoc(signup));
        return { ok: true, signup, lecture: { ...l, ...admission.after }, place: admission.place };
      });
    },
    async cancelSignup(id, at, tell) {
      const known = await kit.docById<SignupDoc>('lecture_signups', id);
      if (!known) return { ok: false, reason: 'not_found' };
      return seatTx(
        known.lectureId,
        async (t, before): Promise<CancelOutcome> => {
          const d = await t.get<SignupDoc>('lecture_signups', id);
          if (!d) return { ok: false, reason: 'not_found' };
          const s = toSignup(d);
          if (!maySignupMove('cancel', s.status)) return { ok: false, reason: 'not_active' };
          const ld = await t.get<LectureDoc>('lectures', s.lectureId);
          if (!ld) throw new Error(`sign-up ${id} names a missing lecture ${s.lectureId}`);
          const l = toLecture(ld);
          const signup = cancelledSignup(s, at);
          await t.set('lecture_signups', id, signupFields(signup));
          const left = { ...l, ...leaveSeats(counters(l), s) };
          if (left.status !== 'published') {
            await t.update('lectures', l.id, countersOf(left));
            return { ok: true, signup, lecture: left, promoted: [], leftBehind: false };
          }
          return { ok: true, signup, ...(await promoteIn(t, left, before, at, tell)) };
        },
        true,
      );
    },
    async promote(lectureId, at, tell) {
      // Nothing to hand over unless seats are free and someone waits: no transaction then.
      const now = await getLecture(lectureId);
      if (!now || now.status !== 'published' || now.waiting === 0 || freeSeats(now) === 0) return { promoted: [], leftBehind: false };
      return seatTx(
        lectureId,
        async (t, before): Promise<Promotion> => {
          const d = await t.get<LectureDoc>('lectures', lectureId);
          if (!d || d.status !== 'published') return { promoted: [], leftBehind: false };
          const l = toLecture(d);
          if (l.waiting === 0 || freeSeats(l) === 0) return { promoted: [], leftBehind: false };
          const { promoted, leftBehind } = await promoteIn(t, l, before, at, tell);
          return { promoted, leftBehind };
        },
        true,
      );
    },
    async getSignup(id) {
      const d = await kit.docById<SignupDoc>('lecture_signups', id);
      return d ? toSignup(d) : null;
    },
    async listSignups(lectureId) {
      return (await kit.drainBySkip<SignupDoc>(signups().where({ lectureId }).orderBy('seq', 'asc'))).map(toSignup);
    },
    async listSignupsOf(personId, limit) {
      if (limit <= 0) return [];
      const q = signups().where({ personId }).orderBy('signedUpAt', 'desc').orderBy('_id', 'desc');
      return (await kit.drainBySkip<SignupDoc>(q, limit)).map(toSignup);
    },
    async placeOf(s) {
      return (await kit.count(signups().where({ lectureId: s.lectureId, status: 'waiting', seq: _.lt(s.seq) }))) + 1;
    },
    async markAttended(id, at, by, via) {
      // Conditional on not being marked: of two scans at once, one marks; the other reads the first mark.
      const n = await kit.update(signups().where({ _id: id, status: 'confirmed', attendedAt: null }), { attendedAt: at, attendedBy: by, attendedVia: via });
      const d = await kit.docById<SignupDoc>('lecture_signups', id);
      const s = d ? toSignup(d) : null;
      if (s?.status === 'confirmed') return { ok: true, signup: s, first: n === 1 };
      return { ok: false, reason: s ? 'not_confirmed' : 'not_found', signup: s };
    },
    async listToRemind(lectureId, limit) {
      if (limit <= 0) return [];
      const q = signups().where({ lectureId, status: 'confirmed', remindedAt: null }).orderBy('seq', 'asc');
      return (await kit.drainBySkip<SignupDoc>(q, limit)).map(toSignup);
    },
    async remind(id, at, message) {
      return kit.transaction(async (t) => {
        const d = await t.get<SignupDoc>('lecture_signups', id);
        if (!d || d.status !== 'confirmed' || (d.remindedAt ?? null) !== null) return false;
        await t.update('lecture_signups', id, { remindedAt: at });
        await t.add('messages', messageDoc(message));
        return true;
      });
    },
  };
}
