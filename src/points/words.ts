/**
 * How the points pages say things: points with their sign, a duration, a service record's state, an
 * order's state. One place, so 我的积分, the shop, 我的兑换 and 记录服务 say them alike. A state is
 * always words with an icon; its colour only repeats it.
 */
import type { RedemptionView, ServiceRecordView } from '../core/api';
import { dayStart } from '../core/time';
import { formatDay } from '../utils/time';

export type Tone = 'ok' | 'wait' | 'off' | 'bad';

/** "+3", "−20" (a real minus sign: a hyphen reads as a dash), "0". */
export const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

/** Entries in words for a screen reader and for anyone who misses the sign: "加 3 分", "减 20 分". */
export const signedWords = (n: number) => (n >= 0 ? `加 ${n} 分` : `减 ${-n} 分`);

/** "1小时30分钟", "2小时", "45分钟". */
export function durationWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}分钟`;
  return m === 0 ? `${h}小时` : `${h}小时${m}分钟`;
}

/** A China day key ("2026-11-23") the one way dates are written: 今天 / 昨天 / 11月23日. */
export const dayWords = (day: string, now: number = Date.now()) => formatDay(dayStart(day), now);

/** A service record's state: ⏳ 待确认, ✓ 已确认 +2, ✕ 未通过. */
export function serviceChip(r: Pick<ServiceRecordView, 'status' | 'statusLabel' | 'points'>): { tone: Tone; label: string } {
  if (r.status === 'confirmed') return { tone: 'ok', label: `✓ ${r.statusLabel} ${signed(r.points ?? 0)}` };
  if (r.status === 'rejected') return { tone: 'bad', label: `✕ ${r.statusLabel}` };
  return { tone: 'wait', label: `⏳ ${r.statusLabel}` };
}

/** An order's state: ⏳ 待领取, ✓ 已领取, ✕ 已取消. */
export function orderChip(o: Pick<RedemptionView, 'status' | 'statusLabel'>): { tone: Tone; label: string } {
  if (o.status === 'collected') return { tone: 'ok', label: `✓ ${o.statusLabel}` };
  if (o.status === 'cancelled') return { tone: 'off', label: `✕ ${o.statusLabel}` };
  return { tone: 'wait', label: `⏳ ${o.statusLabel}` };
}

/** Where a member or volunteer collects what they redeemed, said once for the shop and 我的兑换. */
export const COLLECT_AT = '请带上手机到社区领取，工作人员核对后交给您。';

/** Why a plain resident has no points, kindly. */
export const NOT_EARNER = '积分由党员、志愿者参加服务获得：参加讲座、志愿服务、实现微心愿、联户走访都会记积分，积分可以在积分超市兑换日用品。您报到成为党员或登记为志愿者后，就能在这里看到自己的积分。';
