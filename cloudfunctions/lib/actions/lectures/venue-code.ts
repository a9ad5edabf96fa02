/**
 * The venue screen's code (现场签到码) for crowds: shown full-screen by staff from an hour before the
 * start to an hour after it, redrawn every VENUE_ROTATE_MS (the screen asks again at rotatesAt). See
 * tokens.ts for why it is a rotating token and not a code of the codes aggregate.
 */
import { DomainError, VENUE_ROTATE_MS, formatWhen, venuePayload, venuePeriod, venueWindow } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/lectures';
import { personAction, type FunctionDef } from '../define';
import { managedLecture } from './access';
import { venueToken } from './tokens';

export const venueCode: FunctionDef = {
  venueCode: personAction(schemas.lectures.venueCode, async (ctx, input) => {
    const now = ctx.deps.clock.now();
    const { lecture } = await managedLecture(ctx, input.id);
    if (lecture.status === 'cancelled') throw new DomainError('LECTURE.CANCELLED', '这场讲座已取消，不用签到');
    if (lecture.status !== 'published') throw new DomainError('LECTURE.NOT_FOUND', '讲座还没有发布');
    const { opens, closes } = venueWindow(lecture);
    if (now < opens) throw new DomainError('ATTENDANCE.NOT_YET', `现场签到码从 ${formatWhen(opens, now)} 起才能显示`);
    if (now >= closes) throw new DomainError('ATTENDANCE.CLOSED', '讲座开始已超过一小时，现场签到码已停止；还没签到的请在名单上勾选');
    const period = venuePeriod(now);
    return {
      lectureId: lecture.id,
      code: venuePayload(lecture.id, period, venueToken(lecture, period)),
      rotatesAt: (period + 1) * VENUE_ROTATE_MS,
      rotateEveryMs: VENUE_ROTATE_MS,
      opensAt: opens,
      closesAt: closes,
    };
  }),
};
