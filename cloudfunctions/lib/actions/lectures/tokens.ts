/**
 * The secrets behind what is scanned at a lecture.
 *
 * - The personal sign-up code: 16 random letters (80 bits) drawn at each sign-up and stored on it;
 *   the code holds the lecture, the person and this secret, so it names one sign-up and cannot be
 *   guessed or made from another's.
 * - The venue screen's code, a rotating token rather than a code of the codes aggregate: codes are
 *   drawn once as mini-program codes (wxacode.getUnlimited is rate-limited) and kept, which suits
 *   what is printed, not a code redrawn every few minutes. The token is an HMAC of the lecture and
 *   the current period (VENUE_ROTATE_MS) under the lecture's own random secret: nothing is written
 *   when it turns, the screen draws it as a plain QR code, and the attendee's scan button (inside
 *   the mini-program) sends it back. A photo of it posted in a group stops working a period later.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { CODE_ID_ALPHABET, type Lecture } from '../../../../src/core';

const TICKET_LENGTH = 16;
const VENUE_TOKEN_LENGTH = 10;

/** Letters of Crockford's alphabet, 5 bits of each byte (32 divides 256: every letter equally likely). */
const letters = (bytes: Buffer, n: number) => Array.from(bytes.subarray(0, n), (b) => CODE_ID_ALPHABET[b & 31]).join('');

export function newTicket(random: (n: number) => Buffer = randomBytes): string {
  return letters(random(TICKET_LENGTH), TICKET_LENGTH);
}

/** A lecture's venue secret: 192 random bits. */
export function newVenueSecret(random: (n: number) => Buffer = randomBytes): string {
  return random(24).toString('base64url');
}

export function venueToken(lecture: Pick<Lecture, 'id' | 'venueSecret'>, period: number): string {
  return letters(createHmac('sha256', lecture.venueSecret).update(`${lecture.id}:${period}`).digest(), VENUE_TOKEN_LENGTH);
}

/** Compares two secrets in constant time (a mismatch says nothing of how much matched). */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
