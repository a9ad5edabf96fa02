/**
 * Attendance by the venue screen's code, scanned by the attendee with the mini-program's scan button:
 * only for someone with a seat at this lecture, only from an hour before its start to an hour after,
 * and only with the code on the screen now (or the one just before it: a scan at the turn still
 * works). An older code, such as a photo of the screen posted in a group, has expired.
 */
import { DomainError, readLectureScan, venuePeriod, venuePeriodFresh, venueWindow } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/lectures';
import { personAction, type FunctionDef } from '../define';
import { markAttendance } from './attendance';
import { sameSecret, venueToken } from './tokens';

export const attend: FunctionDef = {
  attend: personAction(schemas.lectures.attend, async (ctx, input) => {
    const { deps } = ctx;
    const now = deps.clock.now();
    const scanned = readLectureScan(input.code);
    if (scanned.kind === 'ticket') throw new DomainError('ATTENDANCE.CODE_INVALID', '这是报名码，是给工作人员扫的；请扫现场屏幕上的签到码', 'code');
    if (scanned.kind !== 'venue') throw new DomainError('ATTENDANCE.CODE_INVALID', '这不是讲座的签到码，请扫现场屏幕上的签到码', 'code');
    const lecture = await deps.store.lectures.get(scanned.lectureId);
    // An unknown lecture, or a token the lecture did not sign for that period (nor ever will: periods only move on).
    if (!lecture || scanned.period > venuePeriod(now) || !sameSecret(scanned.token, venueToken(lecture, scanned.period))) throw new DomainError('ATTENDANCE.CODE_INVALID', undefined, 'code');
    if (lecture.status === 'cancelled') throw new DomainError('LECTURE.CANCELLED', '这场讲座已取消，不用签到');
    const { opens, closes } = venueWindow(lecture);
    if (now < opens) throw new DomainError('ATTENDANCE.NOT_YET', '还没到签到时间：讲座开始前一小时起才能扫码签到');
    if (now >= closes) throw new DomainError('ATTENDANCE.CLOSED');
    if (!venuePeriodFresh(scanned.period, now)) throw new DomainError('ATTENDANCE.CODE_EXPIRED', undefined, 'code');
    return markAttendance(ctx, lecture, ctx.caller.person.id, 'venue', null);
  }),
};
