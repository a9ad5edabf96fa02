/**
 * Browser transport: POST /api/<function> with `{ action, data }` to the local server. A browser
 * carries a session token, unless it stands in for a WeChat user (dev-wechat.ts): then the stand-in
 * OPENID goes with every call instead, as the platform's would, and no token is needed.
 */
import { DEV_OPENID_HEADER, devOpenid } from './dev-wechat';
import { networkFailure, type Carrying } from './transport-failures';
import { asResult, type ClientFailure, type ClientResult, type Transport, type UploadedPhoto } from './types';

const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp']);
/** Phone cameras make 3–8 MB photos; the server takes 5 MB. Bigger ones are scaled down first. */
const SHRINK_ABOVE = 1.5 * 1024 * 1024;
const MAX_SIDE = 1920;
/**
 * How long a person waits before being told the network is too slow. A call the server finishes after
 * this is still safe to send again: creates carry a client request id.
 */
export const CALL_TIMEOUT_MS = 20_000;
/** A photo of up to 5 MB on a slow mobile uplink. */
export const PHOTO_TIMEOUT_MS = 60_000;

/** Who the call is from: the stand-in WeChat user, else the session token when there is one. */
function identify(headers: Record<string, string>, token: string | null): Record<string, string> {
  const openid = devOpenid();
  if (openid) headers[DEV_OPENID_HEADER] = openid;
  else if (token) headers.Authorization = `Bearer ${token}`;
  return headers;
}

export const transport: Transport = {
  // A getter: the stand-in can be set or cleared while the page is open.
  get usesToken() {
    return devOpenid() === null;
  },
  async send(fn, action, data, token) {
    const headers = identify({ 'Content-Type': 'application/json' }, token);
    const sent = await post(`/api/${encodeURIComponent(fn)}`, { headers, body: JSON.stringify({ action, data }) }, CALL_TIMEOUT_MS, 'call');
    return 'failure' in sent ? sent.failure : answerOf(sent.res, 'call');
  },

  async upload(photo, token) {
    let blob: Blob;
    try {
      blob = photo.file ?? (await (await fetch(photo.path)).blob());
    } catch {
      return networkFailure('NETWORK.UNREACHABLE', 'photo');
    }
    // A voice note (an MP3 the page encoded, services/voice-h5.ts) is kept as it is, beside the photos.
    const voice = (photo.type ?? blob.type).startsWith('audio/');
    if (!voice) blob = await shrink(blob);
    const headers = identify({ 'Content-Type': (voice ? photo.type : blob.type) || photo.type || 'application/octet-stream' }, token);
    const sent = await post(voice ? '/api/voices' : '/api/photos', { headers, body: blob }, PHOTO_TIMEOUT_MS, 'photo');
    return ('failure' in sent ? sent.failure : await answerOf(sent.res, 'photo')) as ClientResult<UploadedPhoto>;
  },
};

/**
 * One POST, given up after `timeoutMs`. A fetch that throws never reached the server: the browser's
 * own word on the network (navigator.onLine) tells no network from a server out of reach.
 */
async function post(url: string, init: { headers: Record<string, string>; body: BodyInit }, timeoutMs: number, carrying: Carrying): Promise<{ res: Response } | { failure: ClientFailure }> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    return { res: await fetch(url, { method: 'POST', ...init, signal: controller.signal }) };
  } catch {
    if (timedOut) return { failure: networkFailure('NETWORK.TIMEOUT', carrying) };
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    return { failure: networkFailure(offline ? 'NETWORK.OFFLINE' : 'NETWORK.UNREACHABLE', carrying) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The body is the answer whatever the HTTP status: 4xx/5xx carry a Failure too (INTERNAL with its
 * request id, as the mini-program gets it). A 5xx without one is a server or proxy that failed
 * before our function could answer; a 504 is one that gave up waiting for it.
 */
async function answerOf(res: Response, carrying: Carrying): Promise<ClientResult<unknown>> {
  const body = await readJson(res);
  const result = asResult(body);
  if (result.ok || result.code !== 'NETWORK.BAD_RESPONSE' || res.status < 500) return result;
  return networkFailure(res.status === 504 ? 'NETWORK.TIMEOUT' : 'NETWORK.FUNCTION_ERROR', carrying);
}

async function readJson(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return undefined;
  }
}

/**
 * Scales a large photo down to a JPEG the server accepts, in the browser. Anything that cannot be
 * decoded here is sent as it is: the server then says what is wrong with it.
 */
async function shrink(blob: Blob): Promise<Blob> {
  if (blob.size <= SHRINK_ABOVE && ACCEPTED.has(blob.type)) return blob;
  if (typeof createImageBitmap !== 'function' || typeof document === 'undefined') return blob;
  try {
    const bitmap = await createImageBitmap(blob);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) return blob;
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close?.();
    const out = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!out) return blob;
    return out.size < blob.size || !ACCEPTED.has(blob.type) ? out : blob;
  } catch {
    return blob;
  }
}
