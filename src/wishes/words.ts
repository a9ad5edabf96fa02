/**
 * How the wishes pages say a wish: its status in words with an icon (never by colour alone), its day,
 * the steps it has gone through, and what its status means for the person reading it. One place, so
 * the list, 我的心愿 and a wish's page say them alike.
 */
import type { WishPublicView, WishView } from '../core/api';
import { dayKey, dayStart } from '../core/time';
import { WISH_CONFIRM_DAYS, WISH_DAYS_AHEAD_MAX, type WishStatus } from '../core/wishes';
import { formatDay } from '../utils/time';

export type Tone = 'ok' | 'wait' | 'open' | 'off';

const DAY = 24 * 3600_000;

const TONE: Record<WishStatus, Tone> = {
  pending: 'wait',
  open: 'open',
  claimed: 'wait',
  fulfilled: 'wait',
  confirmed: 'ok',
  rejected: 'off',
  expired: 'off',
  withdrawn: 'off',
};

const ICON: Record<WishStatus, string> = {
  pending: '⏳',
  open: '☆',
  claimed: '⏳',
  fulfilled: '⏳',
  confirmed: '✓',
  rejected: '✕',
  expired: '✕',
  withdrawn: '✕',
};

/** The chip of a wish: "⏳ 待审核", "✓ 已确认", with its tone. */
export const chipOf = (w: Pick<WishPublicView, 'status' | 'statusLabel'>) => ({ tone: TONE[w.status], label: `${ICON[w.status]} ${w.statusLabel}` });

/** A day key ("2026-12-20") the one way dates are written: 今天 / 明天 / 12月20日. */
export const dayWords = (day: string, now: number = Date.now()) => formatDay(dayStart(day), now);

/** "希望在12月20日前实现". */
export const byDateLine = (w: Pick<WishPublicView, 'byDate'>, now: number = Date.now()) => `希望在${dayWords(w.byDate, now)}前实现`;

/** The day a fulfilled wish is confirmed by itself if nobody does. */
export const autoConfirmDay = (fulfilledAt: number, now: number = Date.now()) => formatDay(fulfilledAt + WISH_CONFIRM_DAYS * DAY, now);

export const AUTO_CONFIRM_NOTE = `${WISH_CONFIRM_DAYS} 天内不确认将自动确认`;

/** The post form's days: from today to half a year ahead (the server's limit), China time. */
export function dayRange(now: number = Date.now()): { start: string; end: string } {
  return { start: dayKey(now), end: dayKey(now + WISH_DAYS_AHEAD_MAX * DAY) };
}

/** Two weeks from today: what the post form offers first. */
export const defaultByDate = (now: number = Date.now()) => dayKey(now + 14 * DAY);

export interface Step {
  label: string;
  /** done ✓, now (the step it waits at) →, todo ○, stopped ✕ (rejected, expired, withdrawn). */
  state: 'done' | 'now' | 'todo' | 'stopped';
  when: number | null;
}

/** Where a wish stands, step by step: 提交 → 审核 → 认领 → 实现 → 确认; a stop says where it ended. */
export function stepsOf(w: WishView): Step[] {
  const reached: Record<WishStatus, number> = { pending: 1, open: 2, claimed: 3, fulfilled: 4, confirmed: 5, rejected: 1, expired: 2, withdrawn: -1 };
  const labels = ['提交心愿', '社区审核', '党员、志愿者认领', '实现心愿', '确认实现'];
  const whens = [w.createdAt, null, w.claimedAt, w.fulfilledAt, w.confirmedAt];
  // Withdrawn: it ended wherever it had got to (a claim, or not yet approved).
  const at = w.status === 'withdrawn' ? (w.claimedAt !== null ? 3 : 1) : reached[w.status];
  const stopped = w.status === 'rejected' || w.status === 'expired' || w.status === 'withdrawn';
  const steps: Step[] = labels.map((label, i) => ({ label, when: whens[i], state: i < at ? 'done' : i === at ? (stopped ? 'stopped' : 'now') : 'todo' }));
  if (stopped) {
    const stop = { label: w.statusLabel, when: null, state: 'stopped' as const };
    return [...steps.slice(0, at), stop];
  }
  return steps;
}

export type Viewer = 'wisher' | 'claimer' | 'other';

/** What the wish's status means for the one reading it, in a sentence or two. */
export function saying(w: WishView, viewer: Viewer, now: number = Date.now()): string {
  switch (w.status) {
    case 'pending':
      return viewer === 'wisher'
        ? '社区工作人员审核后，心愿会公开在“微心愿”里，等党员和志愿者认领。公开时不显示姓名、门牌和电话。'
        : '这个心愿正在等社区审核。';
    case 'open':
      if (viewer === 'wisher') return '心愿已公开，正在等党员或志愿者认领。有人认领后会通知您。';
      return w.can.claim ? `认领后请尽快联系心愿人，在${dayWords(w.byDate, now)}前帮他实现。` : '这个心愿正在等人认领。';
    case 'claimed':
      if (viewer === 'claimer') return '您已认领。请尽快联系（联系方式在下面）；实现后点“实现心愿”，写一写是怎么实现的。';
      return viewer === 'wisher' ? `${w.claimer?.name ?? '一位党员'}已认领您的心愿，会尽快联系您。` : '这个心愿已经有人认领了。';
    case 'fulfilled': {
      const auto = w.fulfilledAt !== null ? `（${autoConfirmDay(w.fulfilledAt, now)}）` : '';
      if (viewer === 'wisher') return `${w.claimer?.name ?? '认领人'}说心愿已经实现了。请看看下面的说明，确认一下。${w.can.confirm ? '' : `${AUTO_CONFIRM_NOTE}${auto}。`}`;
      return viewer === 'claimer' ? `已提交，等心愿人确认。${AUTO_CONFIRM_NOTE}${auto}。` : '心愿已经实现，等心愿人确认。';
    }
    case 'confirmed': {
      const how = w.confirmedByTimer ? `${WISH_CONFIRM_DAYS} 天内没有人确认，已自动确认。` : '心愿已实现并确认。';
      if (w.points === null || w.points === 0) return how;
      return viewer === 'claimer' ? `${how}您获得了 ${w.points} 积分，谢谢您！` : `${how}认领人获得了 ${w.points} 积分。`;
    }
    case 'rejected':
      return '社区没有通过这个心愿，它不会公开。可以按原因改一改，重新许一个心愿。';
    case 'expired':
      return '到了日期还没有人认领，心愿已过期。可以重新许一个心愿，或请楼栋长帮忙。';
    case 'withdrawn':
      return '心愿已撤回。';
  }
}
