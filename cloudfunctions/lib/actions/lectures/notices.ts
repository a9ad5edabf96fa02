/**
 * What people are told about lectures: a seat from the waiting list (lecture.promoted), the
 * day-before reminder (lecture.reminder) and a cancelled lecture (lecture.cancelled). Each lands in
 * the in-app messages and, in the cloud, as a subscribe message when a template is configured for
 * its kind. The template fields fit WeChat's limits: `thing` at most 20 characters, `time` in
 * 24-hour form, `phrase` at most 5.
 *
 * Fields for a template's keywords (JINLIN_SUBSCRIBE_TEMPLATES maps keyword → one of these):
 *   lecture      thing   the lecture's title
 *   lectureTime  time    when it starts: 2026年12月1日 15:00
 *   venue        thing   where
 *   status       phrase  候补成功 / 明天开讲 / 已取消
 *   note         thing   what to do
 */
import { formatDateAndTime, formatWhen, lecturePage, subscribeThing, subscribeTime, type Lecture, type Signup } from '../../../../src/core';
import type { Deps } from '../../deps';
import type { Notice } from '../../ports/notifier';
import type { TellPromoted } from '../../store/port';

function fields(l: Lecture, status: string, note: string): Notice['fields'] {
  return { lecture: subscribeThing(l.title), lectureTime: subscribeTime(l.startsAt), venue: subscribeThing(l.venue), status, note: subscribeThing(note) };
}

const party = (s: Pick<Signup, 'seats'>) => (s.seats > 1 ? `（共 ${s.seats} 人）` : '');

export function promotionNotice(s: Signup, l: Lecture, now: number): Notice {
  return {
    personId: s.personId,
    kind: 'lecture.promoted',
    title: '讲座候补成功，已为您报名',
    body: `您候补的《${l.title}》空出了座位，已为您报名成功${party(s)}。时间：${formatDateAndTime(l.startsAt, now)}，地点：${l.venue}。不能来的话请在“我的报名”里取消，把座位让给别人。`,
    page: lecturePage(l.id),
    fields: fields(l, '候补成功', '已为您报名，不能来请取消'),
  };
}

export function reminderNotice(s: Signup, l: Lecture, now: number): Notice {
  return {
    personId: s.personId,
    kind: 'lecture.reminder',
    title: '讲座就要开始了',
    body: `您报名的《${l.title}》将于 ${formatWhen(l.startsAt, now)} 在 ${l.venue} 开讲${party(s)}。到场后请出示“我的报名”里的报名码，或扫现场屏幕上的签到码。不能来的话请提前取消。`,
    page: lecturePage(l.id),
    fields: fields(l, '即将开讲', '请按时到场，凭报名码签到'),
  };
}

export function cancellationNotice(s: Signup, l: Lecture, now: number): Notice {
  const waiting = s.status === 'waiting' ? '候补' : '报名';
  return {
    personId: s.personId,
    kind: 'lecture.cancelled',
    title: '讲座已取消',
    body: `很抱歉，您${waiting}的《${l.title}》（原定 ${formatDateAndTime(l.startsAt, now)}，${l.venue}）已取消${l.cancelReason ? `，原因：${l.cancelReason}` : ''}。请留意社区的其他讲座。`,
    page: lecturePage(l.id),
    fields: fields(l, '已取消', l.cancelReason ? `取消原因：${l.cancelReason}` : '讲座已取消，请留意其他讲座'),
  };
}

/** The in-app message the store writes with each move up (no side effects: a transaction may run it again). */
export function tellPromoted(deps: Deps): TellPromoted {
  const now = deps.clock.now();
  return (s, l) => deps.notifier.message(promotionNotice(s, l, now));
}

/** Once the moves are stored: the rest of each notice (a subscribe message in the cloud). Never fails the change. */
export async function deliverPromotions(deps: Deps, promoted: readonly Signup[], lecture: Lecture): Promise<void> {
  const now = deps.clock.now();
  await Promise.all(
    promoted.map((s) =>
      deps.notifier.deliver(promotionNotice(s, lecture, now)).catch((e: unknown) => deps.log.error('promotion notice not delivered', { signupId: s.id, error: String(e) })),
    ),
  );
}
