/**
 * Web session tokens: "<sessionId>.<random>.<signature>". The signature (HMAC-SHA256 with the
 * server's secret) rejects forged tokens without a database read; the session row, found by the
 * token's SHA-256, carries expiry and revocation. Only the hash is stored.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

function sign(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url').slice(0, 32);
}

export function issueToken(secret: string, sessionId: string): string {
  const body = `${sessionId}.${randomBytes(24).toString('base64url')}`;
  return `${body}.${sign(secret, body)}`;
}

/** True if the token is well formed and signed with `secret`. */
export function tokenIsSigned(secret: string, token: string): boolean {
  const i = token.lastIndexOf('.');
  if (i <= 0 || token.length > 200) return false;
  const body = token.slice(0, i);
  const sig = Buffer.from(token.slice(i + 1));
  const want = Buffer.from(sign(secret, body));
  return body.split('.').length === 2 && sig.length === want.length && timingSafeEqual(sig, want);
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}
