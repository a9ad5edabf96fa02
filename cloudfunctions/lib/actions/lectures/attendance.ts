/**
 * Marking one confirmed sign-up attended, whichever way it came (the attendee's code scanned by
 * staff, the venue screen's code scanned by the attendee, a name ticked by staff): once, and a
 * repeat is harmless (the first mark stands and the answer says so). Refused, writing nothing, for
 * a cancelled lecture, before an hour ahead of its start, and for anyone without a seat.
 */
import {
  ATTENDANCE_VIA_LABEL,
  DomainError,
  MARKS_FROM_BEFORE_MS,
  formatWhen,
  signupId,
  type AttendanceMarked,
  type AttendanceVia,
  type Lecture,
} from '../../../../src/core';
import { audit } from '../common';
import { lecturePoints } from '../points/hooks';
import type { AuthedContext } from '../define';

/** Refused unless the lecture takes attendance at `now`. */
export function demandAttendanceOpen(lecture: Lecture, now: number): void {
  if (lecture.status === 'cancelled') throw new DomainError('LECTURE.CANCELLED', '这场讲座已取消，不用签到');
  if (lecture.status !== 'published') throw new DomainError('LECTURE.NOT_FOUND');
  const opens = lecture.startsAt - MARKS_FROM_BEFORE_MS;
  if (now < opens) throw new DomainError('ATTENDANCE.NOT_YET', `还没到签到时间：${formatWhen(opens, now)} 起可以签到`);
}

export async function markAttendance(ctx: AuthedContext, lecture: Lecture, personId: string, via: AttendanceVia, unitPath: string | null): Promise<AttendanceMarked> {
  const { deps } = ctx;
  const now = deps.clock.now();
  demandAttendanceOpen(lecture, now);
  const self = personId === ctx.caller.person.id;
  const out = await deps.store.lectures.markAttended(signupId(lecture.id, personId), now, ctx.caller.person.id, via);
  if (!out.ok) {
    if (out.reason === 'not_confirmed' && out.signup?.status === 'waiting')
      throw new DomainError('ATTENDANCE.WAITING', self ? '您还在候补中，没有座位，请找现场工作人员' : '这个人还在候补中，没有座位');
    throw new DomainError('ATTENDANCE.NOT_SIGNED_UP', self ? '您没有报名这场讲座（或已取消），请找现场工作人员' : undefined);
  }
  const person = await deps.store.people.get(personId);
  const s = out.signup;
  if (out.first && !self) await audit(ctx, 'lectures.attendance', 'lecture', lecture.id, { personId, via, seats: s.seats }, unitPath);
  // Attendance staff marked earns points (once per sign-up: a repeated mark fills in a grant that failed).
  if (!self) await lecturePoints(deps, { lecture, personId, signupId: s.id, via: s.attendedVia ?? via, markedBy: s.attendedBy ?? ctx.caller.person.id, at: s.attendedAt ?? now });
  return {
    lectureId: lecture.id,
    lectureTitle: lecture.title,
    person: { id: personId, name: person?.name ?? '' },
    seats: s.seats,
    attendedAt: s.attendedAt!,
    via: s.attendedVia ?? via,
    viaLabel: ATTENDANCE_VIA_LABEL[s.attendedVia ?? via],
    first: out.first,
  };
}
