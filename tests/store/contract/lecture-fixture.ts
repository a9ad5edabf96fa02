/** What the lecture parts of the Store contract share: a community with a speaker, people to sign up, lectures, and a teller. */
import { pickLectureFields, signupId, type Lecture, type LectureFields, type Signup, type Speaker } from '../../../src/core';
import type { Message, Store, TellPromoted } from '../../../cloudfunctions/lib/store/port';
import { person } from '../../support/factories';
import { tree } from './tree';

export const T = 1_000_000;
const HOUR = 3600_000;

let n = 0;

export function speaker(communityId: string, extra: Partial<Speaker> = {}): Speaker {
  return {
    id: `spk_c${String(++n).padStart(6, '0')}`,
    communityId,
    name: '王教授',
    title: '教授',
    field: '健康养生',
    affiliation: '市第一医院',
    contact: '13900000000',
    archived: false,
    createdBy: 'per_staff',
    createdAt: T,
    updatedAt: T,
    version: 1,
    ...extra,
  };
}

/** A published lecture taking sign-ups from T to T + 10 days, starting two weeks after T. */
export function lecture(communityId: string, communityPath: string, speakerId: string, extra: Partial<Lecture> = {}): Lecture {
  return {
    id: `lec_c${String(++n).padStart(6, '0')}`,
    communityId,
    communityPath,
    title: '老年人慢病管理讲座',
    speakerId,
    description: '高血压、糖尿病的日常管理',
    picture: null,
    startsAt: T + 14 * 24 * HOUR,
    endsAt: T + 14 * 24 * HOUR + 2 * HOUR,
    venue: '社区活动中心二楼',
    capacity: 10,
    openTo: [communityId],
    signupFrom: T,
    signupUntil: T + 10 * 24 * HOUR,
    companionsAllowed: 2,
    status: 'published',
    confirmedSeats: 0,
    waiting: 0,
    nextSeq: 1,
    venueSecret: 'secret',
    createdBy: 'per_staff',
    createdAt: T,
    updatedAt: T,
    publishedAt: T,
    cancelledAt: null,
    cancelledBy: null,
    cancelReason: null,
    version: 1,
    ...extra,
  };
}

/** The tree, a speaker and `count` people, stored. */
export async function lectureWorld(store: Store, count: number) {
  const units = await tree(store);
  const spk = speaker(units.community.id);
  await store.speakers.insert(spk);
  const people = Array.from({ length: count }, (_, i) => person(`居民${i + 1}`));
  for (const p of people) await store.people.insert(p, null);
  const make = async (extra: Partial<Lecture> = {}) => {
    const l = lecture(units.community.id, units.community.path, spk.id, extra);
    await store.lectures.insert(l);
    return l;
  };
  return { ...units, speaker: spk, people, make };
}

/** A teller that records whom it told; its messages are what the store writes with each move. */
export function teller() {
  const told: string[] = [];
  let m = 0;
  const tell: TellPromoted = (s: Signup, l: Lecture): Message => {
    told.push(s.personId);
    return { id: `msg_c${String(++m).padStart(6, '0')}_${Math.random().toString(36).slice(2, 8)}`, personId: s.personId, kind: 'lecture.promoted', title: `${l.title} 候补成功`, body: '您已从候补转为报名成功', page: null, createdAt: T, readAt: null };
  };
  return { tell, told };
}

export const sign = (store: Store, l: Pick<Lecture, 'id'>, personId: string, companions = 0, at = T + 1) =>
  store.lectures.signUp({ lectureId: l.id, personId, companions, ticket: `tk${personId.slice(-6)}`, at });

export const idOf = (l: Pick<Lecture, 'id'>, personId: string) => signupId(l.id, personId);

/** The lecture's sign-ups by status, each in seq order. */
export async function standing(store: Store, lectureId: string) {
  const all = await store.lectures.listSignups(lectureId);
  const lecture = (await store.lectures.get(lectureId))!;
  return {
    lecture,
    all,
    confirmed: all.filter((s) => s.status === 'confirmed'),
    waiting: all.filter((s) => s.status === 'waiting'),
    cancelled: all.filter((s) => s.status === 'cancelled'),
  };
}

/** The fields staff edit, as a lecture has them. */
export const editable = (l: Lecture): LectureFields => pickLectureFields(l);
