/**
 * What people are told about wishes: the poster when staff approve or reject it and when it expires
 * unclaimed; the wisher, the poster and the named lead when someone claims it, gives it back or
 * fulfils it (please confirm within WISH_CONFIRM_DAYS); the claimer when it is confirmed — by a
 * person or by the timer — with the points it granted, and when it is withdrawn from under them.
 * Each lands in the in-app messages and, in the cloud, as a subscribe message when a template is
 * configured for its kind. A notice never fails the change that caused it: it is sent after the
 * change is stored, and a failure is logged.
 *
 * Fields for a template's keywords (JINLIN_SUBSCRIBE_TEMPLATES maps keyword → one of these):
 *   wish    thing   what is wished, shortened
 *   status  phrase  已通过 / 未通过 / 已认领 / 已退回 / 待确认 / 已确认 / 已过期 / 已撤回
 *   note    thing   what to do, or what happened
 */
import { WISH_CONFIRM_DAYS, subscribeThing, wishPage, type Wish } from '../../../../src/core';
import type { Deps } from '../../deps';
import type { Notice } from '../../ports/notifier';

const quoted = (w: Wish) => `“${subscribeThing(w.what, 30)}”`;

function notice(personId: string, kind: string, w: Wish, title: string, body: string, status: string, note: string): Notice {
  return { personId, kind, title, body, page: wishPage(w.id), fields: { wish: subscribeThing(w.what), status, note: subscribeThing(note) } };
}

/** The wisher (when they are a person), the poster and the named lead, each once, leaving out `except`. */
export function wishPeople(w: Wish, except: string | null = null): string[] {
  return [...new Set([w.wisherId, w.postedBy, w.leadId].filter((id): id is string => !!id && id !== except))];
}

export function approvedNotice(w: Wish): Notice {
  return notice(w.postedBy, 'wish.approved', w, '微心愿已通过审核', `您许的微心愿${quoted(w)}已通过社区审核，正在等待党员、志愿者认领。有人认领后会通知您。`, '已通过', '等待党员、志愿者认领');
}

export function rejectedNotice(w: Wish): Notice {
  return notice(w.postedBy, 'wish.rejected', w, '微心愿未通过审核', `您许的微心愿${quoted(w)}没有通过社区审核，原因：${w.rejectReason ?? '未说明'}。可以按原因修改后重新许愿。`, '未通过', `原因：${w.rejectReason ?? '未说明'}`);
}

export function claimedNotices(w: Wish, claimerName: string): Notice[] {
  return wishPeople(w, w.claimerId).map((id) =>
    notice(id, 'wish.claimed', w, '微心愿有人认领了', `${claimerName}认领了微心愿${quoted(w)}，会通过楼栋长、网格长或电话和您联系，请留意。`, '已认领', `${claimerName}认领了，会和您联系`),
  );
}

export function givenBackNotices(w: Wish, reason: string | null): Notice[] {
  return wishPeople(w).map((id) =>
    notice(id, 'wish.givenBack', w, '微心愿被退回了', `认领人退回了微心愿${quoted(w)}${reason ? `，原因：${reason}` : ''}。心愿重新等待别人认领。`, '已退回', '重新等待认领'),
  );
}

export function fulfilledNotices(w: Wish, claimerName: string): Notice[] {
  return wishPeople(w, w.claimerId).map((id) =>
    notice(
      id,
      'wish.fulfilled',
      w,
      '微心愿已实现，请确认',
      `${claimerName}说微心愿${quoted(w)}已经实现了。请在 ${WISH_CONFIRM_DAYS} 天内打开心愿点“确认实现”；${WISH_CONFIRM_DAYS} 天内没有确认的，将自动确认。`,
      '待确认',
      `请在${WISH_CONFIRM_DAYS}天内确认实现`,
    ),
  );
}

const pointsWords = (points: number) => (points > 0 ? `，您获得了 ${points} 积分` : '');

export function confirmedNotice(w: Wish, claimerId: string, points: number): Notice {
  return notice(claimerId, 'wish.confirmed', w, '微心愿已确认实现', `您实现的微心愿${quoted(w)}已被确认${pointsWords(points)}。谢谢您！`, '已确认', points > 0 ? `获得${points}积分` : '谢谢您');
}

export function autoConfirmedNotice(w: Wish, claimerId: string, points: number): Notice {
  return notice(
    claimerId,
    'wish.autoConfirmed',
    w,
    '微心愿已自动确认',
    `您实现的微心愿${quoted(w)}${WISH_CONFIRM_DAYS} 天内没有人确认，已自动确认${pointsWords(points)}。谢谢您！`,
    '已确认',
    points > 0 ? `自动确认，获得${points}积分` : '已自动确认',
  );
}

export function expiredNotice(w: Wish): Notice {
  return notice(w.postedBy, 'wish.expired', w, '微心愿已过期', `您许的微心愿${quoted(w)}到 ${w.byDate} 还没有人认领，已过期。需要的话可以重新许愿，换一个日期。`, '已过期', '没有人认领，可以重新许愿');
}

export function withdrawnNotice(w: Wish, claimerId: string): Notice {
  return notice(claimerId, 'wish.withdrawn', w, '微心愿已撤回', `您认领的微心愿${quoted(w)}已被许愿人撤回，不用再准备了。谢谢您！`, '已撤回', '许愿人撤回了，不用再准备');
}

/** Sends each notice once the change is stored; a notice never fails the change. */
export async function tell(deps: Deps, notices: readonly Notice[]): Promise<void> {
  await Promise.all(
    notices.map((n) => deps.notifier.notify(n).catch((e: unknown) => deps.log.error('wish notice not sent', { kind: n.kind, personId: n.personId, error: String(e) }))),
  );
}
