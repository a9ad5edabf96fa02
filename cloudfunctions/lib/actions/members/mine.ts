/**
 * A member's own check-ins, newest first, with their history: public, since a member may not be a
 * person yet. Read by whoever they are now — a person (what they checked in as a person, what
 * approval bound to them, and what they checked in as the WeChat user they were before), or a
 * WeChat user nobody knows yet. A returned one says why; anyone with none is told how to check in.
 */
import { DomainError, HOW_TO_CHECK_IN } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/members';
import { publicAction, type FunctionDef } from '../define';
import { checkinsOf } from './applicant';
import { checkinNames, checkinView, newestFirst } from './views';

export const mine: FunctionDef = {
  mine: publicAction(schemas.members.mine, async (ctx) => {
    const lists = checkinsOf(ctx.deps, ctx);
    if (lists.length === 0) throw new DomainError('AUTH.REQUIRED', '请在微信里打开近邻查看您的报到；在电脑上请先登录');
    const checkins = newestFirst(await Promise.all(lists));
    const names = await checkinNames(ctx.deps, checkins);
    return { checkins: checkins.map((c) => checkinView(c, names, 'masked')), howToCheckIn: HOW_TO_CHECK_IN };
  }),
};
