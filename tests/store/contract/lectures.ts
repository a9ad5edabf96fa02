/**
 * Lectures' seats and waiting list, on every adapter: confirmed seats never pass the capacity under
 * any concurrency, a freed seat goes to the head of the waiting list before any newcomer, a party
 * moves up only when all its seats fit and nobody passes the head.
 */
import type { Store } from '../../../cloudfunctions/lib/store/port';
import { person } from '../../support/factories';
import type { ContractContext } from './context';
import { T, editable, idOf, lectureWorld, sign, standing, teller } from './lecture-fixture';

export function lecturesContract(ctx: ContractContext) {
  describe('lectures: seats and the waiting list', () => {
    let store: Store;
    let world: Awaited<ReturnType<typeof lectureWorld>>;
    const who = (i: number) => world.people[i].id;
    beforeEach(async () => {
      store = ctx.store();
      world = await lectureWorld(store, 12);
    });

    it('takes a seat while seats are free, then answers with a place on the waiting list', async () => {
      const l = await world.make({ capacity: 2 });
      const a = await sign(store, l, who(0), 1);
      expect(a).toMatchObject({ ok: true, place: null, signup: { id: idOf(l, who(0)), status: 'confirmed', seats: 2, companions: 1, seq: 1, confirmedAt: T + 1 } });
      const b = await sign(store, l, who(1));
      expect(b).toMatchObject({ ok: true, place: 1, signup: { status: 'waiting', seq: 2, confirmedAt: null } });
      const c = await sign(store, l, who(2));
      expect(c).toMatchObject({ ok: true, place: 2, signup: { status: 'waiting', seq: 3 } });
      expect(await store.lectures.get(l.id)).toMatchObject({ confirmedSeats: 2, waiting: 2, nextSeq: 4, version: 1 });
      expect(await store.lectures.placeOf({ lectureId: l.id, seq: 3 })).toBe(2);
      expect(await store.lectures.getSignup(idOf(l, who(1)))).toEqual(b.ok ? b.signup : null);
    });

    it('refuses sign-ups outside the window, to a draft, a cancelled or a missing lecture, writing nothing', async () => {
      const open = await world.make();
      expect(await sign(store, open, who(0), 0, T - 1)).toEqual({ ok: false, reason: 'window' });
      expect(await sign(store, open, who(0), 0, open.signupUntil)).toEqual({ ok: false, reason: 'window' });
      const draft = await world.make({ status: 'draft', publishedAt: null });
      expect(await sign(store, draft, who(0))).toEqual({ ok: false, reason: 'not_published' });
      const gone = await world.make({ status: 'cancelled', cancelledAt: T, cancelledBy: 'per_staff', cancelReason: '讲师生病' });
      expect(await sign(store, gone, who(0))).toEqual({ ok: false, reason: 'cancelled' });
      expect(await sign(store, { id: 'lec_missing' }, who(0))).toEqual({ ok: false, reason: 'not_found' });
      for (const l of [open, draft, gone]) {
        expect(await store.lectures.listSignups(l.id)).toEqual([]);
        expect(await store.lectures.get(l.id)).toMatchObject({ confirmedSeats: 0, waiting: 0, nextSeq: 1 });
      }
    });

    it('lets exactly 10 of 200 concurrent sign-ups take 10 seats and puts 190 on the list in distinct increasing seqs', async () => {
      const people = Array.from({ length: 200 }, (_, i) => person(`报名人${i + 1}`));
      for (const p of people) await store.people.insert(p, null);
      const l = await world.make({ capacity: 10 });
      const answers = await Promise.all(people.map((p) => sign(store, l, p.id)));
      expect(answers.every((a) => a.ok)).toBe(true);
      const { lecture, confirmed, waiting } = await standing(store, l.id);
      expect(confirmed).toHaveLength(10);
      expect(waiting).toHaveLength(190);
      expect(lecture).toMatchObject({ confirmedSeats: 10, waiting: 190, nextSeq: 201 });
      const seqs = [...confirmed, ...waiting].map((s) => s.seq);
      expect(new Set(seqs).size).toBe(200);
      expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      // Seats went to the first ten to arrive; everyone after waits, in arrival order.
      expect(Math.max(...confirmed.map((s) => s.seq))).toBeLessThan(Math.min(...waiting.map((s) => s.seq)));
      const places = answers.flatMap((a) => (a.ok && a.place !== null ? [[a.signup.seq, a.place]] : []));
      expect(places.sort((x, y) => x[0] - y[0]).map(([, p]) => p)).toEqual(Array.from({ length: 190 }, (_, i) => i + 1));
    }, 120_000);

    it('takes one sign-up per person: a duplicate (twice at once, or again later) is answered with the one there is', async () => {
      const l = await world.make();
      const [x, y] = await Promise.all([sign(store, l, who(0)), sign(store, l, who(0), 1)]);
      expect([x, y].filter((a) => a.ok)).toHaveLength(1);
      const refused = [x, y].find((a) => !a.ok)!;
      expect(refused).toMatchObject({ ok: false, reason: 'already', signup: { id: idOf(l, who(0)) } });
      expect(await sign(store, l, who(0))).toMatchObject({ ok: false, reason: 'already' });
      const { lecture, all } = await standing(store, l.id);
      expect(all).toHaveLength(1);
      expect(lecture).toMatchObject({ confirmedSeats: all[0].seats, nextSeq: 2 });
    });

    it('signs up again after cancelling under the same id, at the back of the list', async () => {
      const { tell } = teller();
      const l = await world.make({ capacity: 1 });
      await sign(store, l, who(0));
      await sign(store, l, who(1));
      await sign(store, l, who(2));
      expect(await store.lectures.cancelSignup(idOf(l, who(1)), T + 2, tell)).toMatchObject({ ok: true, signup: { status: 'cancelled', cancelledAt: T + 2 }, promoted: [] });
      const again = await sign(store, l, who(1), 0, T + 3);
      expect(again).toMatchObject({ ok: true, place: 2, signup: { id: idOf(l, who(1)), status: 'waiting', seq: 4, signedUpAt: T + 3, cancelledAt: null } });
      const { waiting } = await standing(store, l.id);
      expect(waiting.map((s) => s.personId)).toEqual([who(2), who(1)]);
    });

    it('gives a freed seat to the head of the waiting list, in the same transaction, and tells them', async () => {
      const { tell, told } = teller();
      const l = await world.make({ capacity: 1 });
      await sign(store, l, who(0));
      await sign(store, l, who(1));
      await sign(store, l, who(2));
      const out = await store.lectures.cancelSignup(idOf(l, who(0)), T + 5, tell);
      expect(out).toMatchObject({ ok: true, leftBehind: false, promoted: [{ personId: who(1), status: 'confirmed', confirmedAt: T + 5, promotedAt: T + 5, seq: 2 }] });
      expect(told).toContain(who(1));
      const { lecture, confirmed, waiting } = await standing(store, l.id);
      expect(confirmed.map((s) => s.personId)).toEqual([who(1)]);
      expect(waiting.map((s) => s.personId)).toEqual([who(2)]);
      expect(lecture).toMatchObject({ confirmedSeats: 1, waiting: 1 });
      expect((await store.messages.listForPerson(who(1), 10)).map((m) => m.kind)).toEqual(['lecture.promoted']);
      expect(await store.lectures.cancelSignup(idOf(l, who(0)), T + 6, tell)).toEqual({ ok: false, reason: 'not_active' });
      expect(await store.lectures.cancelSignup('lec_missing:per_x', T + 6, tell)).toEqual({ ok: false, reason: 'not_found' });
    });

    it('lets the waiting head win a freed seat over a newcomer signing up at the same moment', async () => {
      const { tell } = teller();
      const l = await world.make({ capacity: 1 });
      await sign(store, l, who(0));
      await sign(store, l, who(1));
      const [cancel, newcomer] = await Promise.all([store.lectures.cancelSignup(idOf(l, who(0)), T + 5, tell), sign(store, l, who(2), 0, T + 5)]);
      expect(cancel.ok && newcomer.ok).toBe(true);
      const { lecture, confirmed, waiting } = await standing(store, l.id);
      expect(confirmed.map((s) => s.personId)).toEqual([who(1)]);
      expect(waiting.map((s) => s.personId)).toEqual([who(2)]);
      expect(lecture).toMatchObject({ confirmedSeats: 1, waiting: 1, nextSeq: 4 });
    });

    it('keeps a party of 3 at the head waiting with 2 seats free: nobody moves up past it, nor does a newcomer take them', async () => {
      const { tell } = teller();
      const l = await world.make({ capacity: 3 });
      await sign(store, l, who(0));
      await sign(store, l, who(1), 1);
      await sign(store, l, who(2), 2); // a party of 3: the head
      await sign(store, l, who(3)); // a party of 1 behind it
      const out = await store.lectures.cancelSignup(idOf(l, who(1)), T + 5, tell);
      expect(out).toMatchObject({ ok: true, promoted: [], leftBehind: false });
      expect(await sign(store, l, who(4), 0, T + 6)).toMatchObject({ ok: true, place: 3, signup: { status: 'waiting' } });
      let now = await standing(store, l.id);
      expect(now.lecture).toMatchObject({ confirmedSeats: 1, waiting: 3 });
      expect(now.waiting.map((s) => s.personId)).toEqual([who(2), who(3), who(4)]);
      expect(await store.lectures.promote(l.id, T + 7, tell)).toEqual({ promoted: [], leftBehind: false });
      // The last seat frees: the party of 3 fits now and moves up; the seats are all taken again.
      const last = await store.lectures.cancelSignup(idOf(l, who(0)), T + 8, tell);
      expect(last).toMatchObject({ ok: true, promoted: [{ personId: who(2), seats: 3 }] });
      now = await standing(store, l.id);
      expect(now.lecture).toMatchObject({ confirmedSeats: 3, waiting: 2 });
      expect(now.waiting.map((s) => s.personId)).toEqual([who(3), who(4)]);
    });

    it('moves up as many heads as fit, in order, and stops at the first that does not', async () => {
      const { tell } = teller();
      const l = await world.make({ capacity: 3 });
      await sign(store, l, who(0), 2);
      await sign(store, l, who(1));
      await sign(store, l, who(2));
      await sign(store, l, who(3), 1);
      await sign(store, l, who(4));
      const out = await store.lectures.cancelSignup(idOf(l, who(0)), T + 5, tell);
      expect(out.ok && out.promoted.map((s) => s.personId)).toEqual([who(1), who(2)]);
      const { lecture, waiting } = await standing(store, l.id);
      expect(lecture).toMatchObject({ confirmedSeats: 2, waiting: 2 });
      expect(waiting.map((s) => s.personId)).toEqual([who(3), who(4)]);
    });

    it('hands the seats a larger capacity adds to the waiting list’s head, and refuses one below the confirmed seats', async () => {
      const { tell } = teller();
      const l = await world.make({ capacity: 1 });
      await sign(store, l, who(0));
      await sign(store, l, who(1));
      await sign(store, l, who(2), 1);
      const fields = (capacity: number) => ({ ...editable(l), capacity, title: '改过的题目' });
      const grown = await store.lectures.edit(l.id, 1, fields(2), T + 5, tell);
      expect(grown).toMatchObject({ ok: true, lecture: { capacity: 2, confirmedSeats: 2, waiting: 1, version: 2, title: '改过的题目', updatedAt: T + 5 }, promoted: [{ personId: who(1) }] });
      expect(await store.lectures.edit(l.id, 2, fields(1), T + 6, tell)).toEqual({ ok: false, reason: 'below_confirmed' });
      expect(await store.lectures.edit(l.id, 1, fields(9), T + 6, tell)).toEqual({ ok: false, reason: 'conflict' });
      expect(await store.lectures.get(l.id)).toMatchObject({ capacity: 2, version: 2, confirmedSeats: 2 });
      const more = await store.lectures.edit(l.id, 2, fields(4), T + 7, tell);
      expect(more).toMatchObject({ ok: true, lecture: { capacity: 4, confirmedSeats: 4, waiting: 0 }, promoted: [{ personId: who(2), seats: 2 }] });
      expect(await store.lectures.edit(l.id, 3, fields(4), T + 8, tell)).toMatchObject({ ok: true, promoted: [] });
      expect(await store.lectures.edit('lec_missing', 1, fields(4), T + 8, tell)).toEqual({ ok: false, reason: 'not_found' });
    });

    it('leaves the seats alone when a lecture is cancelled, and refuses to edit it after', async () => {
      const { tell } = teller();
      const l = await world.make({ capacity: 1 });
      await sign(store, l, who(0));
      await sign(store, l, who(1));
      const gone = await store.lectures.cancel(l.id, 1, T + 5, 'per_staff', '场地临时有事');
      expect(gone).toMatchObject({ status: 'cancelled', cancelledAt: T + 5, cancelledBy: 'per_staff', cancelReason: '场地临时有事', version: 2 });
      expect(await store.lectures.cancel(l.id, 2, T + 6, 'per_staff', '再取消一次')).toBeNull();
      expect(await store.lectures.edit(l.id, 2, { ...editable(l), capacity: 5 }, T + 7, tell)).toEqual({ ok: false, reason: 'cancelled' });
      // Leaving a cancelled lecture moves nobody up.
      expect(await store.lectures.cancelSignup(idOf(l, who(0)), T + 8, tell)).toMatchObject({ ok: true, promoted: [] });
      expect(await store.lectures.promote(l.id, T + 9, tell)).toEqual({ promoted: [], leftBehind: false });
      expect((await standing(store, l.id)).waiting.map((s) => s.personId)).toEqual([who(1)]);
    });
  });
}
