/**
 * Attendance by the attendee's personal sign-up code (shown in 我的报名), scanned by staff with the
 * mini-program's scan button on the lecture's page: the code names the lecture, the person and the
 * sign-up's secret, which must match (a code from before cancelling and signing up again is stale).
 */
import { DomainError, readLectureScan, signupId } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/lectures';
import { personAction, type FunctionDef } from '../define';
import { managedLecture } from './access';
import { markAttendance } from './attendance';
import { sameSecret } from './tokens';

export const markAttendanceByCode: FunctionDef = {
  markAttendance: personAction(schemas.lectures.markAttendance, async (ctx, input) => {
    const { deps } = ctx;
    const { lecture, community } = await managedLecture(ctx, input.lectureId, 'lectureId');
    const scanned = readLectureScan(input.code);
    if (scanned.kind === 'venue') throw new DomainError('ATTENDANCE.CODE_INVALID', '这是现场签到码，请扫参加者手机上“我的报名”里的报名码', 'code');
    if (scanned.kind !== 'ticket') throw new DomainError('ATTENDANCE.CODE_INVALID', '这不是讲座的报名码，请扫参加者手机上“我的报名”里的报名码', 'code');
    if (scanned.lectureId !== lecture.id) {
      const other = await deps.store.lectures.get(scanned.lectureId);
      throw new DomainError('ATTENDANCE.WRONG_LECTURE', other ? `这是《${other.title}》的报名码，不是这一场的` : undefined, 'code');
    }
    const signup = await deps.store.lectures.getSignup(signupId(lecture.id, scanned.personId));
    if (!signup || signup.status === 'cancelled') throw new DomainError('ATTENDANCE.NOT_SIGNED_UP', '这个报名已经取消了，不能签到', 'code');
    if (!sameSecret(scanned.ticket, signup.ticket)) throw new DomainError('ATTENDANCE.CODE_INVALID', '这个报名码已失效（可能取消后又重新报了名），请让对方刷新“我的报名”再出示', 'code');
    return markAttendance(ctx, lecture, signup.personId, 'ticket', community.path);
  }),
};
