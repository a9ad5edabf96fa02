/**
 * Cancelling one's sign-up before the lecture starts. A seat it frees goes to the waiting list's
 * head in the same transaction (the store), and whoever moved up is told. Should the store leave a
 * promotion undone (CloudBase, when the head it read before its transaction had changed), a second
 * step promotes now; if the process stops between the two, the timer's catch-up job does it.
 */
import { DomainError, signupId } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/lectures';
import { personAction, type FunctionDef } from '../define';
import { loadLecture } from './access';
import { deliverPromotions, tellPromoted } from './notices';
import { detailFor } from './views';

export const cancelSignup: FunctionDef = {
  cancelSignup: personAction(schemas.lectures.cancelSignup, async (ctx, input) => {
    const { deps } = ctx;
    const now = deps.clock.now();
    const lecture = await loadLecture(ctx, input.id);
    const id = signupId(lecture.id, ctx.caller.person.id);
    const signup = await deps.store.lectures.getSignup(id);
    if (!signup || signup.status === 'cancelled') throw new DomainError('LECTURE.NOT_SIGNED_UP');
    if (now >= lecture.startsAt && lecture.status !== 'cancelled') throw new DomainError('LECTURE.STARTED', '讲座已经开始，不能再取消报名');

    const tell = tellPromoted(deps);
    const out = await deps.store.lectures.cancelSignup(id, now, tell);
    if (!out.ok) throw new DomainError('LECTURE.NOT_SIGNED_UP');
    const promoted = [...out.promoted];
    let after = out.lecture;
    if (out.leftBehind) {
      const more = await deps.store.lectures.promote(lecture.id, now, tell);
      promoted.push(...more.promoted);
      if (more.promoted.length) after = (await deps.store.lectures.get(lecture.id)) ?? after;
    }
    await deliverPromotions(deps, promoted, after);
    return detailFor(deps, ctx.caller, after, out.signup);
  }),
};
