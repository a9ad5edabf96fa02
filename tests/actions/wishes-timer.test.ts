/**
 * The wishes' timer jobs, beyond what tests/functions/timer/jobs.test.ts checks of every job: an
 * open wish past its day expires and its poster is told; a wish fulfilled more than 7 days ago is
 * confirmed by the timer, its claimer earns the points and is told. Each run twice at once does its
 * work once (one write, one notice, one ledger entry), and a run out of time leaves the rest.
 */
import { DEFAULT_POINTS_RULES, WISH_CONFIRM_DAYS, dayStart, type WishView } from '../../src/core';
import { expireWishes } from '../../cloudfunctions/lib/jobs/wish-expiry';
import { confirmFulfilledWishes } from '../../cloudfunctions/lib/jobs/wish-confirmation';
import { data, T0 } from '../support/harness';
import { dayAfter, wishesKit, type WishesKit } from './support/wishes';

const DAY = 24 * 3600_000;
let k: WishesKit;
beforeEach(async () => {
  k = await wishesKit();
});
afterEach(() => k.h.close());

const ofWish = (id: string) => (m: { page: string | null }) => m.page?.includes(id) ?? false;

describe('expireWishes', () => {
  it('expires an open wish whose day has passed once, run twice at once, and tells its poster once', async () => {
    const due = await k.openWish({ what: '今天就要的心愿', byDate: dayAfter(0) });
    const later = await k.openWish({ what: '下个月的心愿', byDate: dayAfter(30) });
    const pending = data(await k.post(k.wish({ what: '还没审核', byDate: dayAfter(0) }))).wish;
    // Still its day: nothing to do.
    expect(await expireWishes(k.h.deps)).toEqual({ expired: 0, more: false });
    // The day after, China time (00:00 +08:00).
    k.h.clock.set(dayStart(dayAfter(1)));
    const [a, b] = await Promise.all([expireWishes(k.h.deps), expireWishes(k.h.deps)]);
    expect(a.expired + b.expired).toBe(1);
    expect(await k.h.store.wishes.get(due.id)).toMatchObject({ status: 'expired', version: due.version + 1 });
    expect(await k.h.store.wishes.get(later.id)).toMatchObject({ status: 'open', version: later.version });
    expect(await k.h.store.wishes.get(pending.id)).toMatchObject({ status: 'pending' });
    const told = (await k.messagesOf(k.resident)).filter(ofWish(due.id)).filter((m) => m.kind === 'wish.expired');
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain('已过期');
    // The expired wish is off the open list, and a member cannot claim it.
    expect(data(await k.call<{ wishes: { id: string }[] }>('open', {}, k.member.cred)).wishes.map((w) => w.id)).not.toContain(due.id);
    expect(await k.call('claim', { id: due.id }, k.member.cred)).toMatchObject({ ok: false, code: 'WISH.NOT_ALLOWED' });
    expect(await expireWishes(k.h.deps)).toEqual({ expired: 0, more: false });
  });

  it('out of time, expires nothing and leaves it to the next run', async () => {
    const due = await k.openWish({ what: '今天就要的心愿', byDate: dayAfter(0) });
    k.h.clock.set(T0 + 2 * DAY);
    expect(await expireWishes(k.h.deps, { now: () => 10, deadline: 5 })).toEqual({ expired: 0, more: true });
    expect(await k.h.store.wishes.get(due.id)).toMatchObject({ status: 'open' });
    expect(await expireWishes(k.h.deps)).toEqual({ expired: 1, more: false });
  });
});

describe('confirmFulfilledWishes', () => {
  async function fulfilledWish(what: string): Promise<WishView> {
    const claimed = await k.claimedWish(k.member, { what });
    return data(await k.act('fulfil', claimed, k.member, { note: '已经送到了' }));
  }

  it('confirms a wish nobody confirmed within 7 days once, run twice at once, grants the points once and tells the claimer', async () => {
    const balance = await k.h.store.points.balance(k.member.id);
    const old = await fulfilledWish('想要一个保温杯');
    k.h.clock.set(T0 + 3 * DAY);
    const recent = await fulfilledWish('想要一条围巾');
    // Six days on: not yet.
    k.h.clock.set(T0 + (WISH_CONFIRM_DAYS - 1) * DAY);
    expect(await confirmFulfilledWishes(k.h.deps)).toEqual({ confirmed: 0, more: false });
    k.h.clock.set(T0 + WISH_CONFIRM_DAYS * DAY + 60_000);
    const [a, b] = await Promise.all([confirmFulfilledWishes(k.h.deps), confirmFulfilledWishes(k.h.deps)]);
    expect(a.confirmed + b.confirmed).toBe(1);
    const points = DEFAULT_POINTS_RULES.wish.points;
    expect(await k.h.store.wishes.get(old.id)).toMatchObject({ status: 'confirmed', confirmedBy: null, points, version: old.version + 1 });
    expect(await k.h.store.wishes.get(recent.id)).toMatchObject({ status: 'fulfilled' });
    expect(await k.h.store.points.balance(k.member.id)).toBe(balance + points);
    const entries = (await k.h.store.points.list({ personId: k.member.id }, 100, 0)).entries.filter((e) => e.source.id === old.id);
    expect(entries).toEqual([expect.objectContaining({ id: `wish:${old.id}`, points, grantedBy: null })]);
    const told = (await k.messagesOf(k.member)).filter(ofWish(old.id)).filter((m) => m.kind === 'wish.autoConfirmed');
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain(`${points} 积分`);
    // The wisher reads that the timer confirmed it.
    expect(data(await k.call<WishView>('detail', { id: old.id }, k.resident.cred))).toMatchObject({ status: 'confirmed', confirmedByTimer: true, can: { confirm: false } });
    expect(await confirmFulfilledWishes(k.h.deps)).toEqual({ confirmed: 0, more: false });
  });

  it('grants nothing twice when the wisher confirms while the timer runs', async () => {
    const w = await fulfilledWish('想要一个台灯');
    k.h.clock.set(T0 + WISH_CONFIRM_DAYS * DAY + 60_000);
    const [byPerson, byTimer] = await Promise.all([k.act('confirm', w, k.resident), confirmFulfilledWishes(k.h.deps)]);
    const stored = (await k.h.store.wishes.get(w.id))!;
    expect(stored.status).toBe('confirmed');
    // Exactly one of the two confirmed it.
    expect(Number(byPerson.ok) + byTimer.confirmed).toBe(1);
    expect((await k.h.store.points.list({ personId: k.member.id }, 100, 0)).entries.filter((e) => e.source.id === w.id)).toHaveLength(1);
  });
});
