/**
 * Browser transport: POST /api/<function> with `{ action, data }` to the local server. A browser
 * carries a session token, unless it stands in for a WeChat user (dev-wechat.ts): then the stand-in
 * OPENID goes with every call instead, as the platform's would, and no token is needed.
 */
import { DEV_OPENID_HEADER, devOpenid } from './dev-wechat';
import { asResult, NETWORK_MESSAGE, UPLOAD_FAILED_MESSAGE, type ClientResult, type Transport, type UploadedPhoto } from './types';

const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp']);
/** Phone cameras make 3–8 MB photos; the server takes 5 MB. Bigger ones are scaled down first. */
const SHRINK_ABOVE = 1.5 * 1024 * 1024;
const MAX_SIDE = 1920;

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
    let res: Response;
    try {
      res = await fetch(`/api/${encodeURIComponent(fn)}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ action, data }),
      });
    } catch {
      return { ok: false, code: 'NETWORK.UNREACHABLE', message: NETWORK_MESSAGE };
    }
    // The body is the answer whatever the HTTP status: 4xx/5xx carry a Failure too.
    return asResult(await readJson(res));
  },

  async upload(photo, token) {
    let blob: Blob;
    try {
      blob = photo.file ?? (await (await fetch(photo.path)).blob());
    } catch {
      return { ok: false, code: 'NETWORK.UNREACHABLE', message: UPLOAD_FAILED_MESSAGE };
    }
    blob = await shrink(blob);
    const headers = identify({ 'Content-Type': blob.type || photo.type || 'application/octet-stream' }, token);
    let res: Response;
    try {
      res = await fetch('/api/photos', { method: 'POST', headers, body: blob });
    } catch {
      return { ok: false, code: 'NETWORK.UNREACHABLE', message: UPLOAD_FAILED_MESSAGE };
    }
    return asResult(await readJson(res)) as ClientResult<UploadedPhoto>;
  },
};

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
