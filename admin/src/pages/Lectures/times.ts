/**
 * Lecture times as staff pick and read them: always China time, whatever zone the desk PC's browser
 * is set to. A picker's value is a wall-clock time; it is read as that time in China (+08:00).
 */
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { CHINA_OFFSET_MS, formatChina } from '../../../../src/core/time';

/** The instant of a picked wall-clock time in China. */
export function chinaInstant(d: Dayjs): number {
  return Date.UTC(d.year(), d.month(), d.date(), d.hour(), d.minute()) - CHINA_OFFSET_MS;
}

/** A picker's value showing an instant as China's wall clock. */
export function chinaPicker(t: number): Dayjs {
  return dayjs(formatChina(t, 'YYYY-MM-DDTHH:mm'));
}

/** "2026/12/08 14:30–16:00", or with the end's date when it ends on another day. */
export function lectureWhen(startsAt: number, endsAt: number): string {
  const sameDay = formatChina(startsAt, 'YYYY-MM-DD') === formatChina(endsAt, 'YYYY-MM-DD');
  return `${formatChina(startsAt, 'YYYY/MM/DD HH:mm')}–${formatChina(endsAt, sameDay ? 'HH:mm' : 'YYYY/MM/DD HH:mm')}`;
}

/** The China month (2026-12) of an instant, as the figures action takes it. */
export const chinaMonth = (t: number) => formatChina(t, 'YYYY-MM');
