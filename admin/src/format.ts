/** Dates and durations as staff read them: China time (core/time), 24-hour clock. */
import { formatChina } from '../../src/core/time';

/** "2026/11/23 09:05" */
export function dateTime(t: number): string {
  return formatChina(t, 'YYYY/MM/DD HH:mm');
}

/** "2026/11/23" */
export function date(t: number): string {
  return formatChina(t, 'YYYY/MM/DD');
}

/**
 * "还剩 3 小时" / "超时 2 天" relative to now. `overdue` is the server's word and wins when the
 * browser's clock disagrees with the server's.
 */
export function untilDue(dueAt: number, now: number, overdue?: boolean): string {
  const ms = dueAt - now;
  if (overdue === true && ms > 0) return '已超时';
  if (overdue === false && ms < 0) return '即将到期';
  const abs = Math.abs(ms);
  const hours = abs / 3_600_000;
  const text = hours < 1 ? `${Math.max(1, Math.round(abs / 60_000))} 分钟` : hours < 48 ? `${Math.round(hours)} 小时` : `${Math.round(hours / 24)} 天`;
  return ms >= 0 ? `还剩 ${text}` : `超时 ${text}`;
}

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}
