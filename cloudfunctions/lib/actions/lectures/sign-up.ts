/**
 * Signing up in one tap, with companions if the lecture allows them: a seat while seats are free
 * and nobody waits, else the back of the waiting list (not a refusal: the answer says the place).
 * Refused, writing nothing: twice (LECTURE.ALREADY_SIGNED_UP), outside the window
 * (LECTURE.WINDOW_CLOSED), a lecture not open to one's units (LECTURE.NOT_OPEN_TO_YOU), a cancelled
 * lecture (LECTURE.CANCELLED), too many companions (LECTURE.TOO_MANY_COMPANIONS). What the store
 * finds changed since the checks (a cancel, an edit of the window) is refused the same way.
 */
import { DomainError, formatWhen, maySignUp, signUpRefusal, type Lecture } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/lectures';
import { personAction, type FunctionDef } from '../define';
import { loadLecture } from './access';
import { newTicket } from './tokens';
import { detailFor } from './views';

function windowClosed(l: Lecture, now: number): DomainError {
  return now < l.signupFrom
    ? new DomainError('LECTURE.WINDOW_CLOSED', `报名还没开始：${formatWhen(l.signupFrom, now)} 开始报名，请到时再来`)
    : new DomainError('LECTURE.WINDOW_CLOSED', `报名已于 ${formatWhen(l.signupUntil, now)} 截止`);
}

const alreadySignedUp = (waiting: boolean) =>
  new DomainError('LECTURE.ALREADY_SIGNED_UP', waiting ? '您已经在候补名单里了，可以在“我的报名”里查看排在第几位' : '您已经报过名了，可以在“我的报名”里查看报名码');

export const signUp: FunctionDef = {
  signUp: personAction(schemas.lectures.signUp, async (ctx, input) => {
    const { deps } = ctx;
    const now = deps.clock.now();
    const personId = ctx.caller.person.id;
    const companions = input.companions ?? 0;
    const lecture = await loadLecture(ctx, input.id);
    const refused = signUpRefusal(lecture, now);
    if (refused === 'not_found') throw new DomainError('LECTURE.NOT_FOUND', undefined, 'id');
    if (refused === 'cancelled') throw new DomainError('LECTURE.CANCELLED');
    if (!maySignUp(ctx.caller.bindings, lecture)) throw new DomainError('LECTURE.NOT_OPEN_TO_YOU');
    if (refused) throw windowClosed(lecture, now);
    if (companions > lecture.companionsAllowed)
      throw new DomainError(
        'LECTURE.TOO_MANY_COMPANIONS',
        lecture.companionsAllowed === 0 ? '这场讲座只能本人报名，不能带同行的人' : `这场讲座每人最多带 ${lecture.companionsAllowed} 位同行`,
        'companions',
      );
    if (1 + companions > lecture.capacity) throw new DomainError('LECTURE.TOO_MANY_COMPANIONS', `这场讲座一共只有 ${lecture.capacity} 个座位`, 'companions');

    // Twice is the store's to tell (a sign-up's id is the lecture and the person): it answers `already`.
    const out = await deps.store.lectures.signUp({ lectureId: lecture.id, personId, companions, ticket: newTicket(), at: now });
    if (!out.ok) {
      if (out.reason === 'already') throw alreadySignedUp(out.signup.status === 'waiting');
      if (out.reason === 'cancelled') throw new DomainError('LECTURE.CANCELLED');
      if (out.reason === 'window') throw windowClosed((await deps.store.lectures.get(lecture.id)) ?? lecture, now);
      throw new DomainError('LECTURE.NOT_FOUND', undefined, 'id');
    }
    // The place the store handed out with the sign-up: nobody joins the list ahead of it.
    return detailFor(deps, ctx.caller, out.lecture, out.signup, out.place);
  }),
};
