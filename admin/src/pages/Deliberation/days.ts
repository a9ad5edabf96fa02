/** China days as the deliberation function takes them ("2026-12-20"), and as a date picker shows them whatever the desk's zone. */
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { TOPIC_DAYS_AHEAD_MAX } from '../../../../src/core/deliberation';
import { dayKey } from '../../../../src/core/time';

/** Today in China, as a picker value (a wall-clock day). */
export const chinaToday = (now = Date.now()): Dayjs => dayjs(dayKey(now));

/** A picked day as the function takes it. */
export const dayOf = (d: Dayjs): string => d.format('YYYY-MM-DD');

/** A day the server will refuse: before today, or more than TOPIC_DAYS_AHEAD_MAX days ahead. */
export function outsideDays(d: Dayjs, today = chinaToday()): boolean {
  return d.isBefore(today, 'day') || d.isAfter(today.add(TOPIC_DAYS_AHEAD_MAX, 'day'), 'day');
}
