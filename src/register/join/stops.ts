/**
 * Why the join page cannot go on, as it tells it: the code landing page's words for a code that
 * cannot be used (pages/code/refusal.ts), and the refusals only registering meets — a code that is
 * not for joining, someone else's personal code, a building that is home already, and from a
 * group's card a group that cannot be read or is bound to no building (the way on: the building's code).
 */
import type { ClientFailure } from '../../services/api';
import { refusalOf, type Refusal } from '../../pages/code/refusal';

const OWN: Record<string, Pick<Refusal, 'title' | 'status'>> = {
  'CODE.WRONG_PURPOSE': { title: '这个码不是用来登记的', status: '不能登记' },
  'CODE.NOT_YOURS': { title: '这是为别人准备的个人码', status: '不能使用' },
  'REGISTRATION.ALREADY_RESIDENT': { title: '您已经是这栋楼的居民了', status: '已是居民' },
  'GROUP.UNREADABLE': { title: '没能读到这个微信群', status: '读不到群' },
  'GROUP.EXPIRED': { title: '群信息已过期', status: '已过期' },
  'GROUP.NOT_BOUND': { title: '这个群还没有绑定楼栋', status: '不能从群里登记' },
};

/** A way-in form's stops: its own words for what only it meets (`own`), the landing page's for the rest. */
export function stopsWith(own: Record<string, Pick<Refusal, 'title' | 'status'>>) {
  return (failure: Pick<ClientFailure, 'code' | 'message'>): Refusal => {
    const words = own[failure.code];
    return words ? { code: failure.code, ...words, message: failure.message, forward: 'ask' } : refusalOf(failure);
  };
}

export const stopOf = stopsWith(OWN);

/** A stop on the way in from a group: the building's code is the way on. */
export const isGroupStop = (code: string) => code.startsWith('GROUP.');

/** Whether a refused submit ends the form (the code, the group or the building), not one field of it. */
export const endsTheForm = (code: string) => code.startsWith('CODE.') || isGroupStop(code) || code === 'REGISTRATION.ALREADY_RESIDENT';

export const NOT_FOR_JOINING: Refusal = stopOf({
  code: 'CODE.WRONG_PURPOSE',
  message: '登记入住请扫楼栋长或社区给的楼栋码，或楼栋长为您打印的个人码。',
});

/** Opened from a group's card, yet WeChat told the page no group (it logged why). */
export const NO_GROUP: Refusal = stopOf({
  code: 'GROUP.UNREADABLE',
  message: '没能读到您是从哪个微信群打开的。请回到本楼的微信群重新点开卡片，或扫楼栋长给的楼栋码登记。',
});

/** A group bound to no building: nothing to fill in. */
export const GROUP_NOT_BOUND: Refusal = stopOf({
  code: 'GROUP.NOT_BOUND',
  message: '这个群还没有被楼栋长绑定到楼栋，不能从群里登记。请扫楼栋长给的楼栋码登记，或请楼栋长先绑定本群。',
});

/** The group could not be asked about (the network): look again. */
export function groupNotAsked(failure: Pick<ClientFailure, 'code' | 'message'>): Refusal {
  return { code: failure.code, title: '现在读不到这个群', status: '暂时读不到', message: failure.message, forward: 'retry' };
}
