/**
 * Dates as GeoReport v2 writes them: a W3C subset of ISO 8601 with the zone (2010-01-01T00:00:00Z,
 * 1994-11-05T08:15:30-05:00). We write China time (+08:00, core/time.ts); we read any zone, a bare
 * date as China midnight, and a space where a zone's "+" was (an unencoded "+" in a query string
 * arrives as a space).
 */
import { CHINA_OFFSET_MS, formatChina } from '../../../src/core';

/** An instant as the spec writes it, in China time: 2026-11-23T09:00:00+08:00. */
export function w3c(t: number): string {
  return formatChina(t, 'YYYY-MM-DDTHH:mm:ssZ');
}

const W3C = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+\- ]\d{2}:\d{2}))?$/;

/** The instant a W3C date or date-time names, or null if it is not one (or not a real date). */
export function parseW3c(s: string): number | null {
  const m = W3C.exec(s);
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', sec = '00', frac = '', zone] = m;
  const [Y, M, D, H, Mi, S] = [y, mo, d, h, mi, sec].map(Number);
  if (M < 1 || M > 12 || D < 1 || H > 23 || Mi > 59 || S > 59) return null;
  const wall = Date.UTC(Y, M - 1, D, H, Mi, S, Math.floor(Number(`0.${frac || '0'}`) * 1000));
  // Date.UTC rolls 2月30日 over into March: a date that does not exist reads back different.
  const back = new Date(wall);
  if (back.getUTCFullYear() !== Y || back.getUTCMonth() !== M - 1 || back.getUTCDate() !== D) return null;
  if (!zone) return wall - CHINA_OFFSET_MS;
  if (zone === 'Z') return wall;
  const sign = zone[0] === '-' ? -1 : 1;
  const [zh, zm] = zone.slice(1).split(':').map(Number);
  if (zh > 14 || zm > 59) return null;
  return wall - sign * (zh * 60 + zm) * 60_000;
}
