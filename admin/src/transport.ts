/**
 * How the management page reaches the server: one action sent with the session token (and upload
 * progress when asked), a file sent where an upload ticket says, the token kept, and the failures a
 * person reads (ApiError). Pages use it through api.ts (`api.units.tree(...)`).
 *
 * Imports from core are type-only or from modules without runtime dependencies, so zod stays out
 * of the bundle.
 */
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../src/core/api';

/**
 * Where the functions answer. Empty: the same site (the local host, or CloudBase static hosting
 * and HTTP access on one domain). Set VITE_JINLIN_API_BASE at build time when they differ.
 */
const API_BASE: string = (import.meta as { env?: Record<string, string | undefined> }).env?.VITE_JINLIN_API_BASE?.replace(/\/$/, '') ?? '';
import type { ErrorCode } from '../../src/core/errors';
import type { ImportUpload } from '../../src/core/management';

const TOKEN_KEY = 'jinlin.admin.token';

/** A failure the person can read; `code` is a server error code or one of the client-side ones. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'NETWORK';
  readonly field?: string;
  readonly requestId?: string;
  constructor(code: ErrorCode | 'NETWORK', message: string, field?: string, requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.field = field;
    this.requestId = requestId;
  }
}

const AUTH_LOST: readonly string[] = ['AUTH.REQUIRED', 'AUTH.TOKEN_EXPIRED', 'AUTH.TOKEN_REVOKED', 'AUTH.TOKEN_INVALID'];

/** Shown on the login page whenever a session stops working, whatever the precise reason. */
export const SESSION_LOST_MESSAGE = '登录已过期，请重新登录';

export function isAuthLost(e: unknown): boolean {
  return e instanceof ApiError && AUTH_LOST.includes(e.code);
}

export function getToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

type SessionLostListener = (message: string) => void;
let onSessionLost: SessionLostListener = () => {};

/** The app registers where to go when the server no longer accepts the token. */
export function setSessionLostListener(listener: SessionLostListener): void {
  onSessionLost = listener;
}

/** Sends one action; `onUploadProgress` (0..1) switches to XHR, the only way a browser reports upload progress. */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: ActionInput<F, A>,
  opts: { onUploadProgress?: (fraction: number) => void } = {},
): Promise<ActionOutput<F, A>> {
  const token = getToken();
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const url = `${API_BASE}/api/${fn}`;
  const payload = JSON.stringify({ action, data });

  let body: unknown;
  try {
    if (opts.onUploadProgress) {
      body = await postWithProgress(url, headers, payload, opts.onUploadProgress);
    } else {
      const res = await fetch(url, { method: 'POST', headers, body: payload });
      body = await res.json().catch(() => undefined);
    }
  } catch {
    throw new ApiError('NETWORK', '连接不上服务器，请检查网络后重试');
  }

  if (typeof body !== 'object' || body === null || typeof (body as { ok?: unknown }).ok !== 'boolean') {
    throw new ApiError('INTERNAL', '服务器返回的内容无法识别，请稍后再试');
  }
  const result = body as { ok: true; data: ActionOutput<F, A> } | { ok: false; code: ErrorCode; message: string; field?: string; requestId?: string };
  if (result.ok) return result.data;

  const error = new ApiError(result.code, result.message, result.field, result.requestId);
  // Only a session that existed can be lost; a sign-in attempt without a token is an ordinary failure.
  if (token && isAuthLost(error)) {
    setToken(null);
    onSessionLost(SESSION_LOST_MESSAGE);
  }
  throw error;
}

function postWithProgress(url: string, headers: Record<string, string>, payload: string, onProgress: (f: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText));
      } catch {
        resolve(undefined);
      }
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(payload);
  });
}

/**
 * Sends a file where an upload ticket said (management.importUpload, lectures.pictureUpload), with
 * upload progress (0..1): the local host's upload route (with the session token), or a signed
 * cloud-storage address (nothing else needed). Answers the local route's `data` (cloud storage
 * answers nothing of ours: undefined).
 */
export function sendUpload(ticket: Omit<ImportUpload, 'file'>, file: Blob, onProgress: (f: number) => void = () => {}): Promise<unknown> {
  const url = ticket.url.startsWith('/') ? `${API_BASE}${ticket.url}` : ticket.url;
  const headers: Record<string, string> = { ...ticket.headers };
  const token = getToken();
  if (ticket.withToken && token) headers.Authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(ticket.method, url);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        let answer: { ok?: boolean; data?: unknown } | null = null;
        try {
          answer = JSON.parse(xhr.responseText);
        } catch {
          answer = null;
        }
        return resolve(answer?.ok ? answer.data : undefined);
      }
      // The local host answers in our shape; cloud storage in its own XML.
      let body: { code?: ErrorCode; message?: string } | null = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      reject(body?.code && body.message ? new ApiError(body.code, body.message) : new ApiError('INTERNAL', `文件上传失败（${xhr.status}），请重试`));
    };
    xhr.onerror = () => reject(new ApiError('NETWORK', '连接不上服务器，文件没有上传，请检查网络后重试'));
    xhr.send(file);
  });
}

/** An address the local host answered ("/files/<id>"), made loadable when the functions answer on another site. */
export const hostUrl = (url: string): string => (API_BASE && url.startsWith('/') ? `${API_BASE}${url}` : url);
