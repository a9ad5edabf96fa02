/** Residents: the lectures open to them, a lecture's page, signing up (a seat or a place on the waiting list), cancelling, 我的报名. */
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { readLectureScan, type LectureCard, type LectureDetail, type MessageView, type MySignupView } from '../../src/core';
import { T0, data, expectFailure } from '../support/harness';
import { DAY, HOUR, STARTS, lecturesKit, type LecturesKit } from './support/lectures';

let k: LecturesKit;
beforeEach(async () => {
  k = await lecturesKit();
});
afterEach(() => k.h.close());

const open = async (cred: Credentials) => data(await k.h.call<{ lectures: LectureCard[] }>('lectures', 'open', {}, cred)).lectures;
const mine = async (cred: Credentials) => data(await k.h.call<{ signups: MySignupView[] }>('lectures', 'mine', {}, cred)).signups;

describe('the lectures open to me', () => {
  it('lists published lectures of my audience still to end, soonest first, with seats left and my sign-up', async () => {
    const me = await k.resident('幸福里居民');
    const elsewhere = await k.resident('阳光花园居民', await k.h.unitNamed('1号楼', '阳光花园'));
    const later = await k.lecture({ title: '下个月的讲座', startsAt: STARTS + 20 * DAY, endsAt: STARTS + 20 * DAY + HOUR });
    const soon = await k.lecture({ title: '只给幸福里的讲座', openTo: [k.xingfu.id], capacity: 2 });
    data(await k.create({ title: '还是草稿' }));
    data(await k.signUp(soon.id, me.cred, 1));
    const mineList = await open(me.cred);
    expect(mineList.map((l) => l.title)).toEqual(['只给幸福里的讲座', '下个月的讲座']);
    expect(mineList[0]).toMatchObject({ seatsLeft: 0, signupOpen: true, speaker: { name: '王教授' }, mine: { status: 'confirmed', seats: 2, place: null } });
    expect(mineList[1]).toMatchObject({ seatsLeft: 10, mine: null });
    expect((await open(elsewhere.cred)).map((l) => l.id)).toEqual([later.id]);
    expect(await open({ openid: 'o-nobody' }).catch(() => 'refused')).toBe('refused');
    expect(data(await k.h.call<{ lectures: LectureCard[] }>('lectures', 'open', {}, k.staff)).lectures).toEqual([]);
  });

  it('shows a lecture’s page to its audience and refuses it to others', async () => {
    const l = await k.lecture({ openTo: [k.yangguang.id] });
    const me = await k.resident('幸福里居民');
    expectFailure(await k.h.call('lectures', 'detail', { id: l.id }, me.cred), 'LECTURE.NOT_OPEN_TO_YOU');
    expectFailure(await k.h.call('lectures', 'detail', { id: 'lec_missing' }, me.cred), 'LECTURE.NOT_FOUND', 'id');
    const them = await k.resident('阳光花园居民', await k.h.unitNamed('2号楼', '阳光花园'));
    const page = data(await k.h.call<LectureDetail>('lectures', 'detail', { id: l.id }, them.cred));
    expect(page).toMatchObject({ title: '冬季老年人慢病管理', description: '高血压、糖尿病的日常管理与用药', community: { name: '阳光社区' }, audience: [{ name: '阳光花园' }], mine: null });
  });
});

describe('signing up', () => {
  it('takes a seat while seats are free, then answers with a place on the waiting list', async () => {
    const l = await k.lecture({ capacity: 3 });
    const a = await k.resident('甲');
    const b = await k.resident('乙');
    const c = await k.resident('丙');
    const first = data(await k.signUp(l.id, a.cred, 1));
    expect(first).toMatchObject({ seatsLeft: 1, mine: { status: 'confirmed', statusLabel: '已报名', seats: 2, companions: 1, place: null } });
    expect(readLectureScan(first.mine!.ticketCode!)).toMatchObject({ kind: 'ticket', lectureId: l.id, personId: a.person.id });
    const second = data(await k.signUp(l.id, b.cred, 1));
    expect(second).toMatchObject({ seatsLeft: 1, waiting: 1, mine: { status: 'waiting', statusLabel: '候补中', place: 1, ticketCode: null } });
    // A seat is free, but someone waits ahead: a newcomer joins the back of the list.
    expect(data(await k.signUp(l.id, c.cred))).toMatchObject({ mine: { status: 'waiting', place: 2 } });
  });

  it('refuses a second sign-up, outside the window, outside the audience, a cancelled lecture and too many companions, writing nothing', async () => {
    const l = await k.lecture({ capacity: 2, companionsAllowed: 1 });
    const a = await k.resident('甲');
    data(await k.signUp(l.id, a.cred));
    await k.writesNothing(async () => expectFailure(await k.signUp(l.id, a.cred), 'LECTURE.ALREADY_SIGNED_UP'));
    const b = await k.resident('乙');
    await k.writesNothing(async () => expectFailure(await k.signUp(l.id, b.cred, 2), 'LECTURE.TOO_MANY_COMPANIONS', 'companions'));
    const tight = await k.lecture({ capacity: 1, companionsAllowed: 1 });
    await k.writesNothing(async () => expectFailure(await k.signUp(tight.id, b.cred, 1), 'LECTURE.TOO_MANY_COMPANIONS', 'companions'));
    const alone = await k.lecture({ companionsAllowed: 0 });
    await k.writesNothing(async () => {
      const r = await k.signUp(alone.id, b.cred, 1);
      expectFailure(r, 'LECTURE.TOO_MANY_COMPANIONS', 'companions');
      expect(!r.ok && r.message).toContain('只能本人报名');
    });
    const notMine = await k.lecture({ openTo: [k.yangguang.id] });
    await k.writesNothing(async () => expectFailure(await k.signUp(notMine.id, b.cred), 'LECTURE.NOT_OPEN_TO_YOU'));
    const notYet = await k.lecture({ signupFrom: T0 + DAY });
    await k.writesNothing(async () => {
      const r = await k.signUp(notYet.id, b.cred);
      expectFailure(r, 'LECTURE.WINDOW_CLOSED');
      expect(!r.ok && r.message).toContain('明天');
    });
    const cancelled = await k.lecture();
    data(await k.h.call('lectures', 'cancel', { id: cancelled.id, version: cancelled.version, reason: '讲师生病' }, k.staff));
    await k.writesNothing(async () => expectFailure(await k.signUp(cancelled.id, b.cred), 'LECTURE.CANCELLED'));
    await k.writesNothing(async () => expectFailure(await k.signUp('lec_missing', b.cred), 'LECTURE.NOT_FOUND', 'id'));
    k.h.clock.set(STARTS - DAY);
    await k.writesNothing(async () => {
      const r = await k.signUp(l.id, b.cred);
      expectFailure(r, 'LECTURE.WINDOW_CLOSED');
      expect(!r.ok && r.message).toContain('截止');
    });
  });

  it('lets two residents race for the last seat: one takes it, the other waits', async () => {
    const l = await k.lecture({ capacity: 1 });
    const a = await k.resident('甲');
    const b = await k.resident('乙');
    const [x, y] = await Promise.all([k.signUp(l.id, a.cred), k.signUp(l.id, b.cred)]);
    expect([data(x).mine!.status, data(y).mine!.status].sort()).toEqual(['confirmed', 'waiting']);
    expect(await k.h.store.lectures.get(l.id)).toMatchObject({ confirmedSeats: 1, waiting: 1 });
  });
});

describe('cancelling a sign-up', () => {
  it('hands the freed seat to the head of the waiting list and tells them', async () => {
    const l = await k.lecture({ capacity: 1 });
    const a = await k.resident('甲');
    const b = await k.resident('乙');
    const c = await k.resident('丙');
    for (const p of [a, b, c]) data(await k.signUp(l.id, p.cred));
    const after = data(await k.cancelSignup(l.id, a.cred));
    expect(after).toMatchObject({ mine: null, seatsLeft: 0, waiting: 1 });
    const bPage = data(await k.h.call<LectureDetail>('lectures', 'detail', { id: l.id }, b.cred));
    expect(bPage.mine).toMatchObject({ status: 'confirmed', promotedAt: T0 });
    expect(bPage.mine!.ticketCode).toMatch(/^jinlin:ticket:/);
    const told = data(await k.h.call<{ messages: MessageView[] }>('messages', 'list', {}, b.cred)).messages;
    expect(told).toEqual([expect.objectContaining({ kind: 'lecture.promoted', page: `lectures/detail/index?id=${l.id}` })]);
    expect(told[0].body).toContain(l.title);
    expect((await mine(c.cred))[0]).toMatchObject({ status: 'waiting', place: 1 });
  });

  it('signs up again after cancelling, at the back of the list, with a new code', async () => {
    const l = await k.lecture({ capacity: 1 });
    const a = await k.resident('甲');
    const b = await k.resident('乙');
    const first = data(await k.signUp(l.id, a.cred)).mine!.ticketCode;
    data(await k.signUp(l.id, b.cred));
    data(await k.cancelSignup(l.id, a.cred));
    const again = data(await k.signUp(l.id, a.cred));
    expect(again.mine).toMatchObject({ status: 'waiting', place: 1 });
    data(await k.cancelSignup(l.id, b.cred));
    const back = data(await k.h.call<LectureDetail>('lectures', 'detail', { id: l.id }, a.cred));
    expect(back.mine).toMatchObject({ status: 'confirmed' });
    expect(back.mine!.ticketCode).not.toEqual(first);
  });

  it('refuses to cancel what is not signed up, or once the lecture has started, writing nothing', async () => {
    const l = await k.lecture();
    const a = await k.resident('甲');
    await k.writesNothing(async () => expectFailure(await k.cancelSignup(l.id, a.cred), 'LECTURE.NOT_SIGNED_UP'));
    data(await k.signUp(l.id, a.cred));
    k.h.clock.set(STARTS + 1);
    await k.writesNothing(async () => expectFailure(await k.cancelSignup(l.id, a.cred), 'LECTURE.STARTED'));
    await k.writesNothing(async () => expectFailure(await k.cancelSignup('lec_missing', a.cred), 'LECTURE.NOT_FOUND', 'id'));
  });
});

describe('我的报名', () => {
  it('lists my sign-ups, lectures to come first, with my place or my code', async () => {
    const near = await k.lecture({ capacity: 1, title: '近的' });
    const far = await k.lecture({ title: '远的', startsAt: STARTS + 10 * DAY, endsAt: STARTS + 10 * DAY + HOUR });
    const gone = await k.lecture({ title: '取消报名的' });
    const other = await k.resident('别人');
    const me = await k.resident('我');
    data(await k.signUp(near.id, other.cred));
    for (const l of [far, near, gone]) data(await k.signUp(l.id, me.cred));
    data(await k.cancelSignup(gone.id, me.cred));
    const list = await mine(me.cred);
    expect(list.map((s) => s.lecture.title)).toEqual(['近的', '远的']);
    expect(list[0]).toMatchObject({ status: 'waiting', place: 1, ticketCode: null });
    expect(list[1]).toMatchObject({ status: 'confirmed', place: null });
    expect(list[1].ticketCode).toContain(me.person.id);
    k.h.clock.set(STARTS + 3 * HOUR);
    expect((await mine(me.cred)).map((s) => s.lecture.title)).toEqual(['远的', '近的']);
  });
});
