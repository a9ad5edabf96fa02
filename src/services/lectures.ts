/**
 * 社区讲堂: what the lectures pages call. Residents read the lectures open to them, sign up (with
 * companions when a lecture allows), cancel, and read 我的报名 with each sign-up's code; staff mark
 * attendance with the code an attendee shows; an attendee marks their own with the venue screen's
 * code. Every answer is a result value whose failure `message` can be shown as it is.
 */
import { call } from './api';

/** Published lectures open to the caller that have not ended, soonest first, with the seats left and their own sign-up. */
export const openLectures = () => call('lectures', 'open', {});

export const lectureDetail = (id: string) => call('lectures', 'detail', { id });

/** A seat, or a place on the waiting list when the seats are taken (the answer says which). */
export const signUpForLecture = (id: string, companions: number) => call('lectures', 'signUp', companions > 0 ? { id, companions } : { id });

export const cancelLectureSignup = (id: string) => call('lectures', 'cancelSignup', { id });

/** 我的报名: lectures to come first, soonest first, then past ones. */
export const mySignups = () => call('lectures', 'mine', {});

/** Staff: the attendee's sign-up code, as scanned, for the lecture it names. */
export const markAttendance = (lectureId: string, code: string) => call('lectures', 'markAttendance', { lectureId, code });

/** The attendee: the venue screen's code, as scanned. */
export const attendByVenueCode = (code: string) => call('lectures', 'attend', { code });
