/**
 * Attendance at a lecture: when it is taken, and what is scanned — the attendee's personal sign-up
 * code (shown to staff) and the venue screen's rotating code (scanned by the attendee).
 */
import type { Lecture, Signup } from './lectures';

const HOUR = 3600_000;

/** The venue screen's code works from an hour before the start to an hour after it. */
export const VENUE_WINDOW_BEFORE_MS = HOUR;
export const VENUE_WINDOW_AFTER_MS = HOUR;
/** The venue screen draws a new code this often; a code is good for its own period and the one after (a scan at the turn still works). */
export const VENUE_ROTATE_MS = 3 * 60_000;
/** Staff mark attendance (scanning codes, ticking names) from an hour before the start on. */
export const MARKS_FROM_BEFORE_MS = HOUR;

export function venueWindow(l: Pick<Lecture, 'startsAt'>): { opens: number; closes: number } {
  return { opens: l.startsAt - VENUE_WINDOW_BEFORE_MS, closes: l.startsAt + VENUE_WINDOW_AFTER_MS };
}

/** The venue code's period at `at`: codes are signed per period. */
export const venuePeriod = (at: number) => Math.floor(at / VENUE_ROTATE_MS);

/** A period's code still accepted at `at`: its own and the one just before. */
export function venuePeriodFresh(period: number, at: number): boolean {
  const now = venuePeriod(at);
  return period === now || period === now - 1;
}

/** What the attendee's personal sign-up code and the venue screen's code hold (read by the mini-program's scan button). */
const TICKET_PREFIX = 'jinlin:ticket:';
const VENUE_PREFIX = 'jinlin:venue:';

export const ticketPayload = (s: Pick<Signup, 'lectureId' | 'personId' | 'ticket'>) => `${TICKET_PREFIX}${s.lectureId}:${s.personId}:${s.ticket}`;
export const venuePayload = (lectureId: string, period: number, token: string) => `${VENUE_PREFIX}${lectureId}:${period}:${token}`;

const PART = /^[A-Za-z0-9_-]{1,64}$/;

export type LectureScan =
  | { kind: 'ticket'; lectureId: string; personId: string; ticket: string }
  | { kind: 'venue'; lectureId: string; period: number; token: string }
  | { kind: 'unknown' };

/** What a scanned text is: a sign-up code, a venue code, or neither. */
export function readLectureScan(text: string): LectureScan {
  const t = text.trim();
  if (t.startsWith(TICKET_PREFIX)) {
    const parts = t.slice(TICKET_PREFIX.length).split(':');
    if (parts.length === 3 && parts.every((p) => PART.test(p))) return { kind: 'ticket', lectureId: parts[0], personId: parts[1], ticket: parts[2] };
  }
  if (t.startsWith(VENUE_PREFIX)) {
    const parts = t.slice(VENUE_PREFIX.length).split(':');
    if (parts.length === 3 && PART.test(parts[0]) && /^\d{1,12}$/.test(parts[1]) && PART.test(parts[2]))
      return { kind: 'venue', lectureId: parts[0], period: Number(parts[1]), token: parts[2] };
  }
  return { kind: 'unknown' };
}
