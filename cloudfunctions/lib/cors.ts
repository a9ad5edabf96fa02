/**
 * Calls from a page on another origin (the management page hosted apart from the functions, built
 * with VITE_JINLIN_API_BASE): which origins may call, and the headers that tell the browser so. One
 * rule for both hosts: the local server (server/cors.ts) and the cloud's HTTP access (entry.ts).
 *
 * The origins are listed in JINLIN_ALLOWED_ORIGINS, comma-separated; none by default, so only the
 * page's own origin calls (a browser sends no preflight there). Never a wildcard: the calls carry a
 * session token, and any site a staff member visits could otherwise use theirs.
 */
import { fail } from '../../src/core';

/** What a browser may send cross-origin: the token and the JSON body. */
const ALLOW_HEADERS = 'authorization, content-type';
const ALLOW_METHODS = 'POST, OPTIONS';
/** How long a browser may keep a preflight's answer (seconds). */
const MAX_AGE = '600';

/** The setting's origins, each exactly as a browser sends it ("https://admin.example.cn"); throws naming the setting on a bad one. */
export function parseAllowedOrigins(raw: string | undefined, setting = 'JINLIN_ALLOWED_ORIGINS'): string[] {
  const out: string[] = [];
  for (const part of (raw ?? '').split(',')) {
    const item = part.trim().replace(/\/+$/, '');
    if (!item) continue;
    let origin: string | null = null;
    try {
      const u = new URL(item);
      if ((u.protocol === 'https:' || u.protocol === 'http:') && u.origin === item && !item.includes('*')) origin = u.origin;
    } catch {
      origin = null;
    }
    if (!origin) throw new Error(`${setting}: "${item}" is not an origin like https://admin.example.cn (scheme and host, no path, no wildcard)`);
    if (!out.includes(origin)) out.push(origin);
  }
  return out;
}

export type Headers = Record<string, string>;

/** The request's Origin header, whatever case the gateway gives its name in. */
export function originOf(headers: Record<string, string | string[] | undefined> | undefined): string | null {
  if (!headers) return null;
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === 'origin') return (Array.isArray(v) ? v[0] : v) || null;
  return null;
}

/** Headers for an answer to a request from `origin`: allowed, or nothing (the browser then keeps the answer from the page). */
export function corsHeaders(origin: string | null, allowed: readonly string[]): Headers {
  // Vary always: a cache must not hand one origin's answer to another.
  if (!origin || !allowed.includes(origin)) return allowed.length ? { vary: 'Origin' } : {};
  return { 'access-control-allow-origin': origin, vary: 'Origin' };
}

/**
 * The answer to a preflight (OPTIONS): 204 with what may be sent, for an allowed origin; 403
 * otherwise, whose body says which setting to change (the browser shows only the CORS error, but
 * whoever opens the network panel reads it).
 */
export function preflight(origin: string | null, allowed: readonly string[]): { status: number; headers: Headers; body: string | null } {
  if (origin && allowed.includes(origin))
    return {
      status: 204,
      headers: { ...corsHeaders(origin, allowed), 'access-control-allow-methods': ALLOW_METHODS, 'access-control-allow-headers': ALLOW_HEADERS, 'access-control-max-age': MAX_AGE },
      body: null,
    };
  return {
    status: 403,
    headers: { ...corsHeaders(origin, allowed), 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(fail('AUTH.FORBIDDEN', origin ? `不接受来自 ${origin} 的跨域调用：请把它加入 JINLIN_ALLOWED_ORIGINS` : '跨域预检请求缺少 Origin 请求头')),
  };
}
