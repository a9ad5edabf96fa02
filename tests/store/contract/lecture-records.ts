/** Lectures' lists, publishing, attendance and reminders, on every adapter. */
import type { Message, Store } from '../../../cloudfunctions/lib/store/port';
import type { ContractContext } from './context';
import { T, idOf, lectureWorld, sign } from './lecture-fixture';

const DAY = 24 * 3600_000;

export function lectureRecordsContract(ctx: ContractContext) {
  describe('lectures: lists, attendance and reminders', () => {
    let store: Store;
    let world: Awaited<ReturnType<typeof lectureWorld>>;
    const who = (i: number) => world.people[i].id;
    beforeEach(async () => {
      store = ctx.store();
      world = await lectureWorld(store, 4);
    });

    it('inserts a lecture and reads it back as made', async () => {
      const l = await world.make({ openTo: [world.a.id, world.b.id], picture: 'pho_abc' });
      expect(await store.lectures.get(l.id)).toEqual(l);
      expect(await store.lectures.getMany([l.id, 'lec_missing', l.id])).toEqual([l]);
      expect(await store.lectures.get('lec_missing')).toBeNull();
    });

    it('lists a community’s lectures latest first, by start range and limit', async () => {
      const early = await world.make({ startsAt: T + 1 * DAY, endsAt: T + 1 * DAY + 1 });
      const mid = await world.make({ startsAt: T + 5 * DAY, endsAt: T + 5 * DAY + 1, status: 'draft' });
      const late = await world.make({ startsAt: T + 9 * DAY, endsAt: T + 9 * DAY + 1, status: 'cancelled' });
      const ids = (ls: { id: string }[]) => ls.map((l) => l.id);
      expect(ids(await store.lectures.listForCommunity(world.community.id))).toEqual([late.id, mid.id, early.id]);
      expect(ids(await store.lectures.listForCommunity(world.community.id, { from: T + 2 * DAY, to: T + 9 * DAY }))).toEqual([mid.id]);
      expect(ids(await store.lectures.listForCommunity(world.community.id, { limit: 2 }))).toEqual([late.id, mid.id]);
      expect(await store.lectures.listForCommunity(world.a.id)).toEqual([]);
    });

    it('lists published lectures still to end, soonest first, and those the timer works on', async () => {
      const ended = await world.make({ startsAt: T - 2 * DAY, endsAt: T - DAY });
      const soon = await world.make({ startsAt: T + DAY, endsAt: T + DAY + 7_200_000 });
      const later = await world.make({ startsAt: T + 3 * DAY, endsAt: T + 3 * DAY + 7_200_000, waiting: 2 });
      await world.make({ startsAt: T + 2 * DAY, endsAt: T + 2 * DAY + 1, status: 'draft', waiting: 1 });
      const ids = (ls: { id: string }[]) => ls.map((l) => l.id);
      expect(ids(await store.lectures.listPublished([world.community.id, world.street.id], T, 10))).toEqual([soon.id, later.id]);
      expect(ids(await store.lectures.listPublished([world.community.id], T - 3 * DAY, 1))).toEqual([ended.id]);
      expect(await store.lectures.listPublished([], T, 10)).toEqual([]);
      expect(ids(await store.lectures.listWaitlisted(T, 10))).toEqual([later.id]);
      expect(ids(await store.lectures.listStarting(T, T + 2 * DAY, 10))).toEqual([soon.id]);
      expect(ids(await store.lectures.listStarting(T + DAY + 1, T + 4 * DAY, 10))).toEqual([later.id]);
    });

    it('publishes a draft once, at the version read', async () => {
      const l = await world.make({ status: 'draft', publishedAt: null });
      expect(await store.lectures.publish(l.id, 2, T + 1)).toBeNull();
      expect(await store.lectures.publish(l.id, 1, T + 1)).toMatchObject({ status: 'published', publishedAt: T + 1, updatedAt: T + 1, version: 2 });
      expect(await store.lectures.publish(l.id, 2, T + 2)).toBeNull();
    });

    it('lists a person’s sign-ups latest first', async () => {
      const a = await world.make();
      const b = await world.make();
      await sign(store, a, who(0), 0, T + 1);
      await sign(store, b, who(0), 0, T + 2);
      await sign(store, b, who(1), 0, T + 3);
      expect((await store.lectures.listSignupsOf(who(0), 10)).map((s) => s.lectureId)).toEqual([b.id, a.id]);
      expect((await store.lectures.listSignupsOf(who(0), 1)).map((s) => s.lectureId)).toEqual([b.id]);
      expect(await store.lectures.listSignupsOf(who(3), 10)).toEqual([]);
    });

    it('marks attendance once: a repeat (or two at once) keeps the first mark', async () => {
      const l = await world.make({ capacity: 1 });
      await sign(store, l, who(0));
      await sign(store, l, who(1));
      const id = idOf(l, who(0));
      const [x, y] = await Promise.all([store.lectures.markAttended(id, T + 10, 'per_staff', 'ticket'), store.lectures.markAttended(id, T + 11, 'per_other', 'list')]);
      expect([x, y].filter((r) => r.ok && r.first)).toHaveLength(1);
      const first = (await store.lectures.getSignup(id))!;
      expect(first.attendedAt === T + 10 || first.attendedAt === T + 11).toBe(true);
      const again = await store.lectures.markAttended(id, T + 20, 'per_staff', 'venue');
      expect(again).toEqual({ ok: true, first: false, signup: first });
      expect(await store.lectures.markAttended(idOf(l, who(1)), T + 20, 'per_staff', 'ticket')).toMatchObject({ ok: false, reason: 'not_confirmed', signup: { status: 'waiting', attendedAt: null } });
      expect(await store.lectures.markAttended(idOf(l, who(3)), T + 20, 'per_staff', 'ticket')).toEqual({ ok: false, reason: 'not_found', signup: null });
    });

    it('records each confirmed sign-up’s reminder once, with its message, even when two runs race', async () => {
      const l = await world.make({ capacity: 2 });
      await sign(store, l, who(0));
      await sign(store, l, who(1));
      await sign(store, l, who(2));
      expect((await store.lectures.listToRemind(l.id, 10)).map((s) => s.personId)).toEqual([who(0), who(1)]);
      const message = (personId: string, n: number): Message => ({ id: `msg_rem_${n}_${Math.random().toString(36).slice(2, 8)}`, personId, kind: 'lecture.reminder', title: '明天有讲座', body: '别忘了', page: null, createdAt: T, readAt: null });
      const id = idOf(l, who(0));
      const [x, y] = await Promise.all([store.lectures.remind(id, T + 1, message(who(0), 1)), store.lectures.remind(id, T + 1, message(who(0), 2))]);
      expect([x, y].filter(Boolean)).toHaveLength(1);
      expect(await store.lectures.remind(id, T + 2, message(who(0), 3))).toBe(false);
      expect(await store.lectures.remind(idOf(l, who(2)), T + 2, message(who(2), 4))).toBe(false);
      expect(await store.messages.listForPerson(who(0), 10)).toHaveLength(1);
      expect(await store.messages.listForPerson(who(2), 10)).toHaveLength(0);
      expect((await store.lectures.getSignup(id))!.remindedAt).toBe(T + 1);
      expect((await store.lectures.listToRemind(l.id, 10)).map((s) => s.personId)).toEqual([who(1)]);
    });
  });
}
