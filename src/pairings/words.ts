/** How the pairing pages say a household and its visits, in one place for both pages. */
import type { PairingView } from '../core/api';
import { dayKey, dayStart } from '../core/time';
import { formatDay } from '../utils/time';

/** "幸福里小区 1号楼 2单元 5层 502室" */
export const householdLabel = (p: Pick<PairingView, 'household'>) => `${p.household.trail} ${p.household.doorLabel}`;

/** A day key ("2026-11-23") the one way dates are written: 今天 / 昨天 / 11月23日. */
export const dayWords = (day: string, now: number = Date.now()) => formatDay(dayStart(day), now);

/** "已走访 3 次，最近一次是昨天" or "还没有走访过". */
export function visitsSaying(p: Pick<PairingView, 'visits' | 'lastVisitOn'>, now: number = Date.now()): string {
  if (p.visits === 0 || !p.lastVisitOn) return '还没有走访过';
  return `已走访 ${p.visits} 次，最近一次是${dayWords(p.lastVisitOn, now)}`;
}

/** "孙桂英 13900002233", the name or the phone alone, or null when the pairing names nobody. */
export function contactOf(p: Pick<PairingView, 'contactName' | 'contactPhone'>): string | null {
  const parts = [p.contactName, p.contactPhone].filter(Boolean);
  return parts.length ? parts.join(' ') : null;
}

/** Today in China, as the visit form sends it. */
export const today = (now: number = Date.now()) => dayKey(now);
