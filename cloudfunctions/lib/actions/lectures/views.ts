/**
 * How lectures read: to residents (LectureCard, LectureDetail: the speaker without a contact, the
 * seats left, their own sign-up with its place and code), to staff (LectureStaffView) and in 我的报名.
 * The names every answer needs (speakers, units) are looked up once per answer.
 */
import {
  LECTURE_STATUS_LABEL,
  SIGNUP_STATUS_LABEL,
  freeSeats,
  signUpRefusal,
  ticketPayload,
  type Lecture,
  type LectureCard,
  type LectureDetail,
  type LectureStaffView,
  type LectureSummary,
  type MySignup,
  type Signup,
  type Speaker,
  type SpeakerCard,
  type SpeakerView,
  type Unit,
} from '../../../../src/core';
import type { Deps } from '../../deps';
import { unitRef } from '../codes/views';

export interface LectureNames {
  speakers: Map<string, Speaker>;
  units: Map<string, Unit>;
}

/** The speakers of the lectures and the units they name (their communities and audiences). */
export async function lectureNames(deps: Deps, lectures: readonly Lecture[]): Promise<LectureNames> {
  const speakerIds = [...new Set(lectures.map((l) => l.speakerId))];
  const unitIds = [...new Set(lectures.flatMap((l) => [l.communityId, ...l.openTo]))];
  const [speakers, units] = await Promise.all([speakerIds.length ? deps.store.speakers.getMany(speakerIds) : [], unitIds.length ? deps.store.units.getMany(unitIds) : []]);
  return { speakers: new Map(speakers.map((s) => [s.id, s])), units: new Map(units.map((u) => [u.id, u])) };
}

export const speakerCard = (s: Speaker): SpeakerCard => ({ id: s.id, name: s.name, title: s.title, field: s.field, affiliation: s.affiliation });

export const speakerView = (s: Speaker): SpeakerView => ({
  ...speakerCard(s),
  communityId: s.communityId,
  contact: s.contact,
  archived: s.archived,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
  version: s.version,
});

export function lectureSummary(deps: Deps, l: Lecture): LectureSummary {
  return {
    id: l.id,
    title: l.title,
    startsAt: l.startsAt,
    endsAt: l.endsAt,
    venue: l.venue,
    status: l.status,
    statusLabel: LECTURE_STATUS_LABEL[l.status],
    pictureUrl: l.picture ? deps.photos.url(l.picture) : null,
  };
}

/** One's own sign-up as they see it: the code to show at the door only while it holds a seat. */
export function mySignup(s: Signup, place: number | null): MySignup {
  return {
    lectureId: s.lectureId,
    status: s.status,
    statusLabel: SIGNUP_STATUS_LABEL[s.status],
    seats: s.seats,
    companions: s.companions,
    signedUpAt: s.signedUpAt,
    confirmedAt: s.confirmedAt,
    promotedAt: s.promotedAt,
    place: s.status === 'waiting' ? place : null,
    ticketCode: s.status === 'confirmed' ? ticketPayload(s) : null,
    attendedAt: s.attendedAt,
  };
}

/** A sign-up with its place on the waiting list (read only for a waiting one, unless `place` is known). */
export async function mySignupOf(deps: Deps, s: Signup | null, place?: number | null): Promise<MySignup | null> {
  if (!s || s.status === 'cancelled') return null;
  if (s.status !== 'waiting') return mySignup(s, null);
  return mySignup(s, place ?? (await deps.store.lectures.placeOf(s)));
}

export function lectureCard(deps: Deps, l: Lecture, names: LectureNames, mine: MySignup | null, now: number): LectureCard {
  const speaker = names.speakers.get(l.speakerId);
  return {
    ...lectureSummary(deps, l),
    speaker: speaker ? speakerCard(speaker) : null,
    capacity: l.capacity,
    seatsLeft: freeSeats(l),
    waiting: l.waiting,
    signupFrom: l.signupFrom,
    signupUntil: l.signupUntil,
    signupOpen: signUpRefusal(l, now) === null,
    companionsAllowed: l.companionsAllowed,
    mine,
  };
}

const unitOrBare = (names: LectureNames, id: string) => unitRef(names.units.get(id) ?? { id, name: '', kind: 'compound', path: '' });

export function lectureDetail(deps: Deps, l: Lecture, names: LectureNames, mine: MySignup | null, now: number): LectureDetail {
  return {
    ...lectureCard(deps, l, names, mine, now),
    description: l.description,
    community: unitRef(names.units.get(l.communityId) ?? { id: l.communityId, name: '', kind: 'community', path: l.communityPath }),
    audience: l.openTo.map((id) => unitOrBare(names, id)),
  };
}

/** The detail of one lecture with the caller's sign-up (and its place, when the caller knows it), names looked up. */
export async function detailFor(deps: Deps, l: Lecture, signup: Signup | null, place?: number | null): Promise<LectureDetail> {
  const [names, mine] = await Promise.all([lectureNames(deps, [l]), mySignupOf(deps, signup, place)]);
  return lectureDetail(deps, l, names, mine, deps.clock.now());
}

export function staffView(deps: Deps, l: Lecture, names: LectureNames): LectureStaffView {
  const speaker = names.speakers.get(l.speakerId);
  return {
    ...lectureSummary(deps, l),
    communityId: l.communityId,
    speaker: speaker ? speakerView(speaker) : null,
    description: l.description,
    picture: l.picture,
    capacity: l.capacity,
    confirmedSeats: l.confirmedSeats,
    seatsLeft: freeSeats(l),
    waiting: l.waiting,
    openTo: l.openTo.map((id) => unitOrBare(names, id)),
    signupFrom: l.signupFrom,
    signupUntil: l.signupUntil,
    companionsAllowed: l.companionsAllowed,
    createdAt: l.createdAt,
    updatedAt: l.updatedAt,
    publishedAt: l.publishedAt,
    cancelledAt: l.cancelledAt,
    cancelReason: l.cancelReason,
    version: l.version,
  };
}

export async function staffViewOf(deps: Deps, l: Lecture): Promise<LectureStaffView> {
  return staffView(deps, l, await lectureNames(deps, [l]));
}
