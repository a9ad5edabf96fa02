/**
 * Why the join page cannot go on, as it tells it: the code landing page's words for a code that
 * cannot be used (pages/code/refusal.ts), and the refusals only registering meets — a code that is
 * not for joining, someone else's personal code, a building that is home already.
 */
import type { ClientFailure } from '../../services/api';
import { refusalOf, type Refusal } from '../../pages/code/refusal';

const OWN: Record<string, Pick<Refusal, 'title' | 'status'>> = {
  'CODE.WRONG_PURPOSE': { title: '这个码不是用来登记的', status: '不能登记' },
  'CODE.NOT_YOURS': { title: '这是为别人准备的个人码', status: '不能使用' },
  'REGISTRATION.ALREADY_RESIDENT': { title: '您已经是这栋楼的居民了', status: '已是居民' },
};

export function stopOf(failure: Pick<ClientFailure, 'code' | 'message'>): Refusal {
  const own = OWN[failure.code];
  return own ? { code: failure.code, ...own, message: failure.message, forward: 'ask' } : refusalOf(failure);
}

/** Whether a refused submit ends the form (the code or the building), not one field of it. */
export const endsTheForm = (code: string) => code.startsWith('CODE.') || code === 'REGISTRATION.ALREADY_RESIDENT';

export const NOT_FOR_JOINING: Refusal = stopOf({
  code: 'CODE.WRONG_PURPOSE',
  message: '登记入住请扫楼栋长或社区给的楼栋码，或楼栋长为您打印的个人码。',
});
