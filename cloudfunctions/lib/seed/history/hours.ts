/**
 * When people act, in China time: residents and building leads while they are up (07:00–22:00, any
 * day), staff at their desks (08:30–18:00 on working days of the street's calendar).
 */
import { chinaMidnight, localDate, msIntoChinaDay, type Calendar } from '../../../../src/core';
import type { Rng } from '../rng';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** The first moment from `t` within the day's [from, to) hours, starting a little after `from` when moved. */
function within(t: number, from: number, to: number, r: Rng, open: (t: number) => boolean = () => true): number {
  for (let i = 0; i < 60; i++) {
    const h = msIntoChinaDay(t) / HOUR;
    if (!open(t)) t = chinaMidnight(t) + DAY + from * HOUR + r.between(0, 1.5 * HOUR);
    else if (h < from) t = chinaMidnight(t) + from * HOUR + r.between(0, 1.5 * HOUR);
    else if (h >= to) t = chinaMidnight(t) + DAY + from * HOUR + r.between(0, 1.5 * HOUR);
    else return t;
  }
  return t;
}

export function awake(t: number, r: Rng): number {
  return within(t, 7, 22, r);
}

export function atDesk(t: number, cal: Calendar, r: Rng): number {
  return within(t, 8.5, 18, r, (x) => cal.isWorkday(localDate(x)));
}
