/**
 * How lectures read: to residents (LectureCard, LectureDetail: the speaker without a contact, the
 * seats left, their own sign-up with its place and code), to staff (LectureStaffView) and in 我的报名.
 * The names every answer needs (speakers, units) are looked up once per answer, and so are the
 * addresses of the pictures: a browser gets one it can load, the way report photos go out
 * (reports/photo-addresses.ts).
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
import type { Caller } from '../define';
import { photoAddresses } from '../reports/photo-addresses';

/** What the caller is shown for a lecture's stored picture. */
export type PictureAddress = (ref: string) => string;

/**
 * The addresses of the lectures' pictures for `caller`; without a caller (the spreadsheet, which
 * shows none) the stored references' own, at no cost.
 */
export async function pictureAddresses(deps: Deps, caller: Caller | null, lectures: readonly Lecture[]): Promise<PictureAddress> {
  if (!caller) return (ref) => deps.photos.url(ref);
  return photoAddresses(deps, caller, lectures.flatMap((l) => (l.picture ? [l.picture] : [])));
}

export interface LectureNames {
  speakers: Map<string, Speaker>;
  units: Map<string, Unit>;
  picture: PictureAddress;
}

/** The speakers of the lectures, the units they name (their communities and audiences), and their pictures' addresses for `caller`. */
export async function lectureNames(deps: Deps, caller: Caller | null, lectures: readonly Lecture[]): Promise<LectureNames> {
  const speakerIds = [...new Set(lectures.map((l) => l.speakerId))];
  const unitIds = [...new Set(lectures.flatMap((l) => [l.communityId, ...l.openTo]))];
  const [speakers, units, picture] = await Promise.all([
    speakerIds.length ? deps.store.speakers.getMany(speakerIds) : [],
    unitIds.length ? deps.store.units.getMany(unitIds) : [],
    pictureAddresses(deps, caller, lectures),
  ]);
  return { speakers: new Map(speakers.map((s) => [s.id, s])), units: new Map(units.map((u) => [u.id, u])), picture };
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

export function lectureSummary(l: Lecture, picture: PictureAddress): LectureSummary {
  return {
    id: l.id,
    title: l.title,
    startsAt: l.startsAt,
    endsAt: l.endsAt,
    venue: l.venue,
    status: l.status,
    statusLabel: LECTURE_STATUS_LABEL[l.status],
    pictureUrl: l.picture ? picture(l.picture) : null,
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

export function lectureCard(l: Lecture, names: LectureNames, mine: MySignup | null, now: number): LectureCard {
  const speaker = names.speakers.get(l.speakerId);
  return {
    ...lectureSummary(l, names.picture),
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

export function lectureDetail(l: Lecture, names: LectureNames, mine: MySignup | null, now: number): LectureDetail {
  return {
    ...lectureCard(l, names, mine, now),
    description: l.description,
    community: unitRef(names.units.get(l.communityId) ?? { id: l.communityId, name: '', kind: 'community', path: l.communityPath }),
    audience: l.openTo.map((id) => unitOrBare(names, id)),
  };
}

/** The detail of one lecture with the caller's sign-up (and its place, when the caller knows it), names looked up. */
export async function detailFor(deps: Deps, caller: Caller, l: Lecture, signup: Signup | null, place?: number | null): Promise<LectureDetail> {
  const [names, mine] = await Promise.all([lectureNames(deps, caller, [l]), mySignupOf(deps, signup, place)]);
  return lectureDetail(l, names, mine, deps.clock.now());
}

export function staffView(l: Lecture, names: LectureNames): LectureStaffView {
  const speaker = names.speakers.get(l.speakerId);
  return {
    ...lectureSummary(l, names.picture),
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

export async function staffViewOf(deps: Deps, caller: Caller | null, l: Lecture): Promise<LectureStaffView> {
  return staffView(l, await lectureNames(deps, caller, [l]));
}
