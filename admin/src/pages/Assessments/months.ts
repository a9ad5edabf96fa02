/**
 * The months staff assess, in China time (core/time): "2026-11" keys, "2026年11月" labels. A month to
 * come cannot be computed (the server refuses it), so the choice runs from this month back two years,
 * the history the compound's public page keeps.
 */
import { addMonths, monthKey, previousMonth } from '../../../../src/core/time';

export const MONTHS_BACK = 24;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** "2026-11" → "2026年11月" (the server's words for the same month). */
export const monthLabel = (month: string): string => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

/** The month a review opens on: the one just ended, which is the month a community assesses in the first days of the next. */
export const defaultMonth = (now: number): string => previousMonth(monthKey(now));

/** This month first, then back MONTHS_BACK months. */
export function monthOptions(now: number): { value: string; label: string }[] {
  const current = monthKey(now);
  return Array.from({ length: MONTHS_BACK + 1 }, (_, i) => {
    const m = addMonths(current, -i);
    return { value: m, label: i === 0 ? `${monthLabel(m)}（本月，还没过完）` : monthLabel(m) };
  });
}

/** The month in `?month=` if it is one of the choices, else the default. */
export function monthOf(search: string, now: number): string {
  const asked = new URLSearchParams(search).get('month');
  const current = monthKey(now);
  return asked && MONTH.test(asked) && asked <= current && asked >= addMonths(current, -MONTHS_BACK) ? asked : defaultMonth(now);
}
