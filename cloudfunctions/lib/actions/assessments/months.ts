/**
 * Which months may be answered and computed, in China time: never a month still to come; the survey
 * takes this month and last month (residents who answer on the 1st mean the month just ended), and
 * none that is published.
 */
import { DomainError, monthKey, previousMonth } from '../../../../src/core';

/** Refuses a month after this one. */
export function refuseFuture(month: string, now: number, field = 'month'): void {
  if (month > monthKey(now)) throw new DomainError('ASSESSMENT.BAD_MONTH', undefined, field);
}

/** The survey's open months now: this month and last. */
export function surveyMonths(now: number): string[] {
  const current = monthKey(now);
  return [current, previousMonth(current)];
}

/** Why the survey of `month` is closed (before publication is checked): null while it is open. */
export function surveyClosedReason(month: string, now: number): string | null {
  if (month > monthKey(now)) return '这个月还没到，不能测评';
  if (!surveyMonths(now).includes(month)) return '这个月的测评已经结束了：只能测评本月和上个月';
  return null;
}
