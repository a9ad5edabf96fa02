/** Publishing a draft: from now on it is listed to the residents of its audience and takes sign-ups in its window. */
import { DomainError } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/lectures';
import { audit } from '../common';
import { personAction, type FunctionDef } from '../define';
import { managedLecture } from './access';
import { staffViewOf } from './views';

export const publish: FunctionDef = {
  publish: personAction(schemas.lectures.publish, async (ctx, input) => {
    const { deps } = ctx;
    const { lecture, community } = await managedLecture(ctx, input.id);
    if (lecture.status === 'cancelled') throw new DomainError('LECTURE.CANCELLED', '这场讲座已取消，不能再发布');
    if (lecture.status !== 'draft') throw new DomainError('LECTURE.NOT_DRAFT');
    if (lecture.version !== input.version) throw new DomainError('CONFLICT.VERSION');
    const now = deps.clock.now();
    if (lecture.startsAt <= now) throw new DomainError('LECTURE.BAD_TIMES', '讲座的开始时间已过，请先修改时间再发布', 'startsAt');
    const published = await deps.store.lectures.publish(lecture.id, input.version, now);
    if (!published) throw new DomainError('CONFLICT.VERSION');
    await audit(ctx, 'lectures.publish', 'lecture', lecture.id, { title: lecture.title }, community.path);
    return staffViewOf(deps, ctx.caller, published);
  }),
};
