/**
 * A code's validity window as staff pick it and read it. The window is whole China days: the date
 * picker's days are read as calendar dates ('YYYY-MM-DD') and turned into instants with core/time,
 * never through the browser's own zone (a desk PC set to another zone must not shift a poster's dates).
 */
import type { Dayjs } from 'dayjs';
import { dayKey, dayStart, formatChina, msIntoChinaDay } from '../../../../src/core/time';
import type { CodeView } from '../../api';

const DAY_MS = 24 * 3600_000;

/** What the form's range picker holds: either end may be left open. */
export type PickedRange = [Dayjs | null, Dayjs | null] | null | undefined;

/** The window the server takes: from the first day's China midnight, until the midnight after the last day (exclusive). */
export function windowOf(range: PickedRange): { validFrom: number | null; validUntil: number | null } {
  const [from, to] = range ?? [null, null];
  return {
    validFrom: from ? dayStart(from.format('YYYY-MM-DD')) : null,
    validUntil: to ? dayStart(to.format('YYYY-MM-DD')) + DAY_MS : null,
  };
}

/** Days before today (China) cannot start or end a window. */
export function isPastDay(d: Dayjs, now: number): boolean {
  return d.format('YYYY-MM-DD') < dayKey(now);
}

type Window = Pick<CodeView, 'validFrom' | 'validUntil'>;

/** A start as a day when it is a China midnight (picked as a day), else with its time. */
function startText(t: number, dayPattern: string): string {
  return msIntoChinaDay(t) === 0 ? formatChina(t, dayPattern) : formatChina(t, `${dayPattern} HH:mm`);
}

/** An exclusive end as the last day it is valid on when it is a China midnight, else with its time. */
function endText(t: number, dayPattern: string): string {
  return msIntoChinaDay(t) === 0 ? formatChina(t - DAY_MS, dayPattern) : formatChina(t, `${dayPattern} HH:mm`);
}

/** "2026/11/23 – 2026/12/06", "2026/11/23 起", "至 2026/12/06", "长期有效": the list's column. */
export function validityText(c: Window): string {
  const p = 'YYYY/MM/DD';
  if (c.validFrom === null && c.validUntil === null) return '长期有效';
  if (c.validUntil === null) return `${startText(c.validFrom!, p)} 起`;
  if (c.validFrom === null) return `至 ${endText(c.validUntil, p)}`;
  return `${startText(c.validFrom, p)} – ${endText(c.validUntil, p)}`;
}

/** "有效期：2026年11月23日至2026年12月6日", "长期有效": the poster's line, as residents read dates. */
export function posterValidityText(c: Window): string {
  const p = 'YYYY年M月D日';
  if (c.validFrom === null && c.validUntil === null) return '长期有效';
  if (c.validUntil === null) return `${startText(c.validFrom!, p)}起有效`;
  if (c.validFrom === null) return `有效期至${endText(c.validUntil, p)}`;
  return `有效期：${startText(c.validFrom, p)}至${endText(c.validUntil, p)}`;
}
