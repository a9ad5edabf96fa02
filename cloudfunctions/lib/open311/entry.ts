/**
 * The `open311` cloud function's main. CloudBase's HTTP access hands over a request as an event
 * ({ path, httpMethod, headers, queryStringParameters, body, isBase64Encoded }); one whose path runs
 * through /open311/v2 is Open311 (handle.ts), wherever the access path mounts it ("/open311/v2", or
 * under "/api/open311", which matches by prefix). Anything else — the management page's calls of
 * the key actions, by HTTP access at /api/open311 or callFunction — goes the way of every function
 * (entry.ts makeMain).
 */
import type { FunctionDef } from '../actions/define';
import { cloudDeps, makeMain } from '../entry';
import { handleOpen311 } from './handle';
import { formOf, OPEN311_BASE, paramsOf, type Open311Response } from './request';

interface HttpAccessEvent {
  path?: string;
  httpMethod: string;
  headers?: Record<string, string | undefined>;
  queryStringParameters?: Record<string, unknown> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
}

/** The event's path split at /open311/v2: the mount before it and the resource after; null if not Open311. */
export function open311PathOf(event: unknown): { mount: string; rest: string } | null {
  if (typeof event !== 'object' || event === null) return null;
  const e = event as Partial<HttpAccessEvent>;
  if (typeof e.httpMethod !== 'string' || typeof e.path !== 'string') return null;
  const at = e.path.indexOf(OPEN311_BASE);
  if (at < 0) return null;
  const rest = e.path.slice(at + OPEN311_BASE.length);
  if (rest !== '' && !rest.startsWith('/')) return null;
  return { mount: e.path.slice(0, at), rest };
}

const header = (headers: HttpAccessEvent['headers'], name: string) => headers?.[name] ?? headers?.[name.toLowerCase()] ?? Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];

/** The form fields of a POST, when it sends a form (the spec's content type); none otherwise. */
function formFields(e: HttpAccessEvent): Record<string, string> | null {
  if (!e.body) return null;
  const type = header(e.headers, 'content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded/i.test(type)) return null;
  const raw = e.isBase64Encoded ? Buffer.from(e.body, 'base64').toString('utf8') : e.body;
  return formOf(raw);
}

function httpAnswer(r: Open311Response) {
  return { statusCode: r.status, headers: { 'content-type': r.contentType }, body: r.body, isBase64Encoded: false };
}

export function makeOpen311Main(def: FunctionDef) {
  const actions = makeMain('open311', def);
  return async function main(event: unknown, context: unknown): Promise<unknown> {
    const at = open311PathOf(event);
    if (!at) return actions(event, context);
    const e = event as HttpAccessEvent;
    const deps = await cloudDeps();
    const host = header(e.headers, 'host');
    // HTTP access is served over HTTPS; the endpoint named in discovery is this one as the partner called it.
    const baseUrl = `https://${host ?? 'localhost'}${at.mount}${OPEN311_BASE}`;
    const answer = await handleOpen311(deps, {
      method: e.httpMethod,
      path: at.rest || '/',
      query: paramsOf(e.queryStringParameters ?? {}),
      form: formFields(e),
      baseUrl,
    });
    return httpAnswer(answer);
  };
}
