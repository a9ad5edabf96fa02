/**
 * A lecture's picture goes out the way report photos do (reports/photo-addresses.ts): a browser (the
 * management page, the h5 pages: callers with a session token) gets an address it can load — in the
 * cloud a temporary https one from Photos.urls, asked once per answer — and the mini-program keeps the
 * stored reference its <Image> loads itself (a cloud:// fileID in the cloud). The photos here stand
 * in for the cloud's: local storage, with cloud-like addresses.
 */
import type { Credentials } from '../../cloudfunctions/lib/identity';
import type { LectureDetail, LectureMonthFigures, LectureRoster, LectureStaffView, MySignupView } from '../../src/core';
import { formatChina } from '../../src/core';
import { png } from '../support/images';
import { data } from '../support/harness';
import { STARTS, lecturesKit, type LecturesKit } from './support/lectures';

let k: LecturesKit;
/** Photos.urls calls, each with the references asked. */
const asked: string[][] = [];
let web: Credentials;

beforeEach(async () => {
  k = await lecturesKit();
  asked.length = 0;
  const local = k.h.deps.photos;
  k.h.deps.photos = {
    ...local,
    url: (ref) => `cloud://env.bucket/photos/${ref}`,
    urls: async (refs) => {
      asked.push([...refs]);
      return refs.map((ref) => `https://bucket.tcb.qcloud.la/photos/${ref}?sign=temp`);
    },
  };
  // The community secretary on the management page: a web session.
  web = await k.h.as('shuji');
});
afterEach(() => k.h.close());

async function pictured(): Promise<{ lecture: LectureStaffView; ref: string }> {
  const staffPerson = (await k.h.store.people.findByOpenid((k.staff as { openid: string }).openid))!;
  const photo = await k.h.deps.photos.put(await png(), staffPerson.id);
  const lecture = await k.lecture({ picture: photo.id });
  return { lecture, ref: photo.id };
}

const browser = (ref: string) => `https://bucket.tcb.qcloud.la/photos/${ref}?sign=temp`;
const fileId = (ref: string) => `cloud://env.bucket/photos/${ref}`;

describe('lecture pictures', () => {
  it('reach the management page as addresses a browser loads, one Photos.urls call per answer, and keep the stored reference for editing', async () => {
    const { lecture, ref } = await pictured();
    asked.length = 0;
    const managed = data(await k.h.call<{ lectures: LectureStaffView[] }>('lectures', 'managed', { communityId: k.community.id }, web));
    expect(managed.lectures[0]).toMatchObject({ id: lecture.id, picture: ref, pictureUrl: browser(ref) });
    const roster = data(await k.h.call<LectureRoster>('lectures', 'roster', { id: lecture.id }, web));
    expect(roster.lecture.pictureUrl).toBe(browser(ref));
    const month = data(await k.h.call<LectureMonthFigures>('lectures', 'figures', { communityId: k.community.id, month: formatChina(STARTS, 'YYYY-MM') }, web));
    expect(month.lectures.map((r) => r.lecture.pictureUrl)).toEqual([browser(ref)]);
    const edited = data(await k.h.call<LectureStaffView>('lectures', 'edit', { ...k.input({ picture: ref, capacity: 12 }), id: lecture.id, version: lecture.version }, web));
    expect(edited).toMatchObject({ picture: ref, pictureUrl: browser(ref), capacity: 12 });
    expect(asked).toEqual([[ref], [ref], [ref], [ref]]);
  });

  it('reach the mini-program as the stored reference, without asking for addresses', async () => {
    const { lecture, ref } = await pictured();
    asked.length = 0;
    const { cred } = await k.resident('看图的居民');
    const open = data(await k.h.call<{ lectures: LectureDetail[] }>('lectures', 'open', {}, cred));
    expect(open.lectures.map((l) => l.pictureUrl)).toEqual([fileId(ref)]);
    expect(data(await k.signUp(lecture.id, cred)).pictureUrl).toBe(fileId(ref));
    const mine = data(await k.h.call<{ signups: MySignupView[] }>('lectures', 'mine', {}, cred));
    expect(mine.signups.map((s) => s.lecture.pictureUrl)).toEqual([fileId(ref)]);
    // Staff on WeChat (the scan button at the door) are mini-program callers too.
    expect(data(await k.h.call<LectureRoster>('lectures', 'roster', { id: lecture.id }, k.staff)).lecture.pictureUrl).toBe(fileId(ref));
    expect(asked).toEqual([]);
  });

  it('ask for nothing when no lecture has a picture', async () => {
    await k.lecture();
    asked.length = 0;
    const managed = data(await k.h.call<{ lectures: LectureStaffView[] }>('lectures', 'managed', { communityId: k.community.id }, web));
    expect(managed.lectures.map((l) => l.pictureUrl)).toEqual([null]);
    expect(asked).toEqual([]);
  });
});
