/**
 * Lectures for the browser tests, made over the API the way the management page makes them (a host
 * started with JINLIN_DEV_WECHAT=1 and demo people): community staff (张伟, `shequ`) add a speaker to
 * 阳光社区's pool and publish lectures open to the whole community; residents come in on WeChat (a
 * stand-in OPENID) through 1号楼's building code, approved by staff.
 */
import { api } from './support/api';
import { letInOnWechat, makeCode } from './support/people';
import { demoPlaces } from './support/units';

const MINUTE = 60_000;

export interface LectureWorld {
  url: string;
  staff: string;
  communityId: string;
  buildingId: string;
  speakerId: string;
  call<T = any>(fn: string, action: string, data: unknown, who?: { token?: string; openid?: string }): Promise<T>;
}

export async function lectureWorld(url: string): Promise<LectureWorld> {
  const http = api(url);
  const staff = await http.signIn('shequ');
  const { community, building } = await demoPlaces(http, staff);
  const speaker = await http.call<{ id: string }>(
    'lectures',
    'createSpeaker',
    { communityId: community.id, name: '王建国', title: '主任医师', field: '心血管', affiliation: '市第一医院', contact: '13800001234' },
    { token: staff },
  );
  return { url, staff, communityId: community.id, buildingId: building.id, speakerId: speaker.id, call: http.call };
}

export interface LectureSpec {
  title: string;
  capacity: number;
  /** From now. */
  startsIn: number;
  companionsAllowed?: number;
  description?: string;
}

/** A lecture published by staff for the whole community, taking sign-ups from a minute ago until ten minutes before it starts. */
export async function publishLecture(w: LectureWorld, spec: LectureSpec): Promise<{ id: string; version: number }> {
  const now = Date.now();
  const startsAt = Math.ceil((now + spec.startsIn) / MINUTE) * MINUTE;
  const made = await w.call<{ id: string; version: number }>(
    'lectures',
    'create',
    {
      communityId: w.communityId,
      title: spec.title,
      speakerId: w.speakerId,
      description: spec.description ?? '冬天血压容易波动，王医生讲讲在家怎么量血压、怎么吃、什么时候该去医院。讲完可以现场提问。',
      startsAt,
      endsAt: startsAt + 90 * MINUTE,
      venue: '阳光社区活动中心二楼',
      capacity: spec.capacity,
      openTo: [w.communityId],
      signupFrom: now - MINUTE,
      signupUntil: startsAt - 10 * MINUTE,
      companionsAllowed: spec.companionsAllowed ?? 0,
    },
    { token: w.staff },
  );
  return w.call('lectures', 'publish', { id: made.id, version: made.version }, { token: w.staff });
}

/** Residents of 1号楼 on WeChat: each registers with the building's code and staff let them in. */
export async function wechatResidents(w: LectureWorld, people: { openid: string; name: string; room: string; phone: string }[]): Promise<void> {
  const http = api(w.url);
  const code = await makeCode(http, w.staff, w.buildingId, 'building', '讲堂测试');
  await letInOnWechat(
    http,
    w.staff,
    code,
    people.map((p) => ({ ...p, door: { entrance: '1', floor: Number(p.room.slice(0, -2)), room: p.room } })),
  );
}

export interface LectureSeed {
  /** A lecture 孙福贵 signed up for (his code shows). */
  signedId: string;
  /** A lecture open to him with companions allowed (the sign-up panel shows). */
  openId: string;
}

/** The elder-mode test's lectures: 孙福贵 (`jumin`, signed in) holds a seat at one and may sign up for the other. */
export async function seedLectures(url: string): Promise<LectureSeed> {
  const w = await lectureWorld(url);
  const resident = await api(url).signIn('jumin');
  const signed = await publishLecture(w, { title: '冬季高血压防治', capacity: 40, startsIn: 30 * MINUTE, companionsAllowed: 1 });
  const open = await publishLecture(w, { title: '老年人防范电信诈骗', capacity: 60, startsIn: 3 * 24 * 60 * MINUTE, companionsAllowed: 2 });
  await w.call('lectures', 'signUp', { id: signed.id, companions: 1 }, { token: resident });
  return { signedId: signed.id, openId: open.id };
}
