/** Staff run lectures: create a draft, publish, edit (capacity may grow, never below the confirmed seats), cancel and tell everyone. */
import type { Credentials } from '../../cloudfunctions/lib/identity';
import type { LectureStaffView, MessageView } from '../../src/core';
import { png } from '../support/images';
import { T0, data, expectFailure } from '../support/harness';
import { DAY, HOUR, STARTS, lecturesKit, type LecturesKit } from './support/lectures';

let k: LecturesKit;
beforeEach(async () => {
  k = await lecturesKit();
});
afterEach(() => k.h.close());

const inbox = async (cred: Credentials) => data(await k.h.call<{ messages: MessageView[] }>('messages', 'list', {}, cred)).messages;

describe('making a lecture', () => {
  it('makes a draft residents cannot see, with a picture kept as photos are, and publishes it once', async () => {
    const staffPerson = (await k.h.store.people.findByOpenid((k.staff as { openid: string }).openid))!;
    const photo = await k.h.deps.photos.put(await png(), staffPerson.id);
    const draft = data(await k.create({ picture: photo.id, openTo: [k.xingfu.id, k.yangguang.id] }));
    expect(draft).toMatchObject({ status: 'draft', statusLabel: '草稿', capacity: 10, confirmedSeats: 0, seatsLeft: 10, waiting: 0, picture: photo.id, pictureUrl: `/files/${photo.id}`, version: 1 });
    expect(draft.openTo.map((u) => u.name)).toEqual(['幸福里小区', '阳光花园']);
    expect(draft.speaker).toMatchObject({ id: k.main.id, contact: '13912345678' });
    const { cred } = await k.resident('居民甲');
    expectFailure(await k.h.call('lectures', 'detail', { id: draft.id }, cred), 'LECTURE.NOT_FOUND');
    expectFailure(await k.signUp(draft.id, cred), 'LECTURE.NOT_FOUND');

    const published = data(await k.h.call<LectureStaffView>('lectures', 'publish', { id: draft.id, version: 1 }, k.staff));
    expect(published).toMatchObject({ status: 'published', publishedAt: T0, version: 2 });
    await k.writesNothing(async () => expectFailure(await k.h.call('lectures', 'publish', { id: draft.id, version: 2 }, k.staff), 'LECTURE.NOT_DRAFT'));
    expect((await k.h.store.audit.search({ targetId: draft.id }, 10)).map((e) => e.action).sort()).toEqual(['lectures.create', 'lectures.publish']);
    const managed = data(await k.h.call<{ lectures: LectureStaffView[] }>('lectures', 'managed', { communityId: k.community.id }, k.secretary));
    expect(managed.lectures.map((l) => l.id)).toEqual([draft.id]);
  });

  it('refuses times that do not fit together, each with its field, writing nothing', async () => {
    const cases: [Record<string, number>, string][] = [
      [{ endsAt: STARTS }, 'endsAt'],
      [{ signupUntil: T0 - 2 * HOUR }, 'signupUntil'],
      [{ signupUntil: STARTS + HOUR }, 'signupUntil'],
      [{ startsAt: T0 - DAY, endsAt: T0 - DAY + HOUR, signupUntil: T0 - DAY, signupFrom: T0 - 2 * DAY }, 'startsAt'],
    ];
    for (const [times, field] of cases) await k.writesNothing(async () => expectFailure(await k.create(times), 'LECTURE.BAD_TIMES', field));
  });

  it('refuses an audience outside the community, a speaker not in its pool, a missing picture, and non-staff, writing nothing', async () => {
    const building = await k.h.unitNamed('1号楼', '幸福里小区');
    await k.writesNothing(async () => expectFailure(await k.create({ openTo: [building.id] }), 'LECTURE.BAD_AUDIENCE', 'openTo'));
    await k.writesNothing(async () => expectFailure(await k.create({ openTo: ['cpd_missing'] }), 'LECTURE.BAD_AUDIENCE', 'openTo'));
    await k.writesNothing(async () => expectFailure(await k.create({ speakerId: 'spk_missing' }), 'SPEAKER.NOT_FOUND', 'speakerId'));
    const gone = await k.speaker('退休的老师');
    data(await k.h.call('lectures', 'archiveSpeaker', { id: gone.id, version: 1 }, k.staff));
    await k.writesNothing(async () => expectFailure(await k.create({ speakerId: gone.id }), 'SPEAKER.NOT_FOUND', 'speakerId'));
    await k.writesNothing(async () => expectFailure(await k.create({ picture: 'pho_nothere0000' }), 'PHOTO.NOT_FOUND', 'picture'));
    await k.writesNothing(async () => expectFailure(await k.create({ capacity: 0 }), 'INPUT.INVALID', 'capacity'));
    await k.writesNothing(async () => expectFailure(await k.create({ companionsAllowed: 9 }), 'INPUT.INVALID', 'companionsAllowed'));
    for (const who of [await k.h.as('zhibu'), await k.h.as('jiedao')]) await k.writesNothing(async () => expectFailure(await k.create({}, who), 'AUTH.FORBIDDEN'));
  });
});

describe('editing a lecture', () => {
  it('grows the capacity and hands the new seats to the waiting list’s head, who is told', async () => {
    const l = await k.lecture({ capacity: 1 });
    const a = await k.resident('先报名的');
    const b = await k.resident('候补第一');
    const c = await k.resident('候补第二');
    for (const p of [a, b, c]) data(await k.signUp(l.id, p.cred));
    const grown = data(await k.h.call<LectureStaffView>('lectures', 'edit', { ...k.input({ capacity: 2 }), id: l.id, version: l.version }, k.staff));
    expect(grown).toMatchObject({ capacity: 2, confirmedSeats: 2, seatsLeft: 0, waiting: 1, version: l.version + 1 });
    expect((await inbox(b.cred)).map((m) => m.title)).toEqual(['讲座候补成功，已为您报名']);
    expect(await inbox(c.cred)).toEqual([]);
    const entry = (await k.h.store.audit.search({ targetId: l.id, action: 'lectures.edit' }, 1))[0];
    expect(entry.detail).toMatchObject({ changed: ['capacity'], promoted: [b.person.id] });
  });

  it('refuses a capacity below the confirmed seats, a stale version and a cancelled lecture, writing nothing', async () => {
    const l = await k.lecture({ capacity: 3 });
    for (const name of ['甲', '乙']) data(await k.signUp(l.id, (await k.resident(name)).cred));
    const edit = (extra: Record<string, unknown>, version = l.version) => k.h.call('lectures', 'edit', { ...k.input(), ...extra, id: l.id, version }, k.staff);
    await k.writesNothing(async () => {
      const r = await edit({ capacity: 1 });
      expectFailure(r, 'LECTURE.CAPACITY_BELOW_CONFIRMED', 'capacity');
      expect(!r.ok && r.message).toContain('2');
    });
    await k.writesNothing(async () => expectFailure(await edit({ capacity: 5 }, l.version + 1), 'CONFLICT.VERSION'));
    data(await edit({ capacity: 2 }));
    const now = (await k.h.store.lectures.get(l.id))!;
    data(await k.h.call('lectures', 'cancel', { id: l.id, version: now.version, reason: '讲师临时出差' }, k.staff));
    const after = (await k.h.store.lectures.get(l.id))!;
    await k.writesNothing(async () => expectFailure(await edit({ capacity: 9 }, after.version), 'LECTURE.CANCELLED'));
  });
});

describe('cancelling a lecture', () => {
  it('tells everyone signed up or waiting, and takes no more sign-ups', async () => {
    const l = await k.lecture({ capacity: 1 });
    const a = await k.resident('有座位的');
    const b = await k.resident('在候补的');
    const c = await k.resident('已取消的');
    for (const p of [c, a, b]) data(await k.signUp(l.id, p.cred));
    data(await k.cancelSignup(l.id, c.cred));
    const before = (await inbox(a.cred)).length;
    const out = data(await k.h.call<LectureStaffView & { told: number }>('lectures', 'cancel', { id: l.id, version: l.version, reason: '场地维修' }, k.staff));
    expect(out).toMatchObject({ status: 'cancelled', cancelReason: '场地维修', told: 2 });
    // 甲 moved up when 丙 left, so has that message too (both at the same instant: the order between them is not the point).
    const cancelledFor = async (cred: Credentials) => (await inbox(cred)).filter((m) => m.kind === 'lecture.cancelled');
    for (const p of [a, b]) expect(await cancelledFor(p.cred)).toEqual([expect.objectContaining({ title: '讲座已取消' })]);
    expect((await cancelledFor(a.cred))[0].body).toContain('场地维修');
    expect(await inbox(a.cred)).toHaveLength(before + 1);
    expect((await inbox(c.cred)).filter((m) => m.kind === 'lecture.cancelled')).toEqual([]);
    const d = await k.resident('新来的');
    await k.writesNothing(async () => expectFailure(await k.signUp(l.id, d.cred), 'LECTURE.CANCELLED'));
    await k.writesNothing(async () => expectFailure(await k.h.call('lectures', 'cancel', { id: l.id, version: out.version, reason: '再取消' }, k.staff), 'LECTURE.CANCELLED'));
  });
});
