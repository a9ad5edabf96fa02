/** Lectures as the lectures function answers them, for the pages' tests. */
import type { LectureDetail, MySignup, MySignupView } from '../../../src/core/api';
import type { ClientFailure } from '../../../src/services/types';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

const community = { id: 'c1', name: '阳光社区', kind: 'community' as const, path: '/s1/c1/' };

export function lecture(overrides: Partial<LectureDetail> = {}): LectureDetail {
  const now = Date.now();
  return {
    id: 'lec1',
    title: '老年人防诈骗讲座',
    startsAt: now + 2 * DAY,
    endsAt: now + 2 * DAY + 90 * 60_000,
    venue: '社区活动中心二楼',
    status: 'published',
    statusLabel: '已发布',
    pictureUrl: null,
    speaker: { id: 'sp1', name: '王建国', title: '警官', field: '反诈', affiliation: '幸福派出所' },
    capacity: 30,
    seatsLeft: 12,
    waiting: 0,
    signupFrom: now - DAY,
    signupUntil: now + DAY,
    signupOpen: true,
    companionsAllowed: 2,
    mine: null,
    description: '讲讲最近常见的电话诈骗和保健品骗局，教大家怎么识别。',
    community,
    audience: [community],
    ...overrides,
  };
}

export function signup(overrides: Partial<MySignup> = {}): MySignup {
  return {
    lectureId: 'lec1',
    status: 'confirmed',
    statusLabel: '已报名',
    seats: 1,
    companions: 0,
    signedUpAt: Date.now() - HOUR,
    confirmedAt: Date.now() - HOUR,
    promotedAt: null,
    place: null,
    ticketCode: 'jinlin:ticket:lec1:p1:ABCDEFGHJKMNPQRS',
    attendedAt: null,
    ...overrides,
  };
}

export function mineRow(l: LectureDetail, s: Partial<MySignup> = {}): MySignupView {
  const { id, title, startsAt, endsAt, venue, status, statusLabel, pictureUrl } = l;
  return { ...signup({ lectureId: id, ...s }), lecture: { id, title, startsAt, endsAt, venue, status, statusLabel, pictureUrl } };
}

export const refused = (code: string, message: string): ClientFailure => ({ ok: false, code: code as ClientFailure['code'], message });
