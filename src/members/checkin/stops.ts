/**
 * Why the check-in form cannot go on, as it tells it: the code landing page's words for a code that
 * cannot be used (pages/code/refusal.ts), and what only checking in meets — a code that is not a member
 * code, someone who has checked in already, and a browser with neither WeChat nor an account.
 */
import type { Refusal } from '../../pages/code/refusal';
import { stopsWith } from '../../register/join/stops';

const OWN: Record<string, Pick<Refusal, 'title' | 'status'>> = {
  'CODE.WRONG_PURPOSE': { title: '这个码不是党员报到码', status: '不能报到' },
  'CHECKIN.ALREADY_MEMBER': { title: '您已经报到过了', status: '已报到' },
  'AUTH.REQUIRED': { title: '请先登录再报到', status: '还没登录' },
};

export const stopOf = stopsWith(OWN);

/** Whether a refused submit ends the form (the code, or who is checking in), not one field of it. */
export const endsTheForm = (code: string) => code.startsWith('CODE.') || code === 'CHECKIN.ALREADY_MEMBER' || code === 'AUTH.REQUIRED';

export const NOT_A_MEMBER_CODE: Refusal = stopOf({
  code: 'CODE.WRONG_PURPOSE',
  message: '党员报到请扫小区党支部给的党员报到码（直管党员扫社区的报到码）。',
});

/** A browser without WeChat and without an account: nobody to record the check-in for. */
export const SIGN_IN_FIRST: Refusal = stopOf({
  code: 'AUTH.REQUIRED',
  message: '在电脑或手机浏览器上报到，请先用您的账号登录；也可以在微信里扫这个报到码。',
});
