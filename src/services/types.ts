import type { ErrorCode, Failure } from '../core/errors';

/**
 * Failures the client produces itself, when no answer from a function arrived (transport-failures.ts
 * says which and what to do). All start with `NETWORK.`: sending the same request again is safe.
 */
export type ClientErrorCode = ErrorCode | 'NETWORK.OFFLINE' | 'NETWORK.TIMEOUT' | 'NETWORK.FUNCTION_ERROR' | 'NETWORK.UNREACHABLE' | 'NETWORK.BAD_RESPONSE';

export interface ClientFailure extends Omit<Failure, 'code'> {
  code: ClientErrorCode;
}

export type ClientResult<T> = { ok: true; data: T } | ClientFailure;

/** A photo the person picked on the device, before it is uploaded. */
export interface LocalPhoto {
  /** A temporary path (weapp) or a blob: URL (h5). */
  path: string;
  size?: number;
  /** MIME type when the platform knows it (h5). */
  type?: string;
  /** The picked file itself (h5). */
  file?: Blob;
}

/** An uploaded photo: `id` goes into a report's `photos`; `url` shows it now. */
export interface UploadedPhoto {
  id: string;
  url: string;
}

/** Moves one `{ action, data }` call to a cloud function and back. One per platform. */
export interface Transport {
  /** h5 carries a session token; the mini-program is identified by its OPENID instead. */
  readonly usesToken: boolean;
  send(fn: string, action: string, data: unknown, token: string | null): Promise<ClientResult<unknown>>;
  /** Stores one photo: the local host's /api/photos on h5, cloud storage in the mini-program. */
  upload(photo: LocalPhoto, token: string | null): Promise<ClientResult<UploadedPhoto>>;
}

export const NETWORK_MESSAGE = '网络连接不上，请检查网络后再试';
export const BAD_RESPONSE_MESSAGE = '服务暂时没有正常回应，请稍后再试';
export const UPLOAD_FAILED_MESSAGE = '照片没有传上去，请检查网络后再试';

/** Accepts only the `{ ok, ... }` body every function answers with. */
export function asResult(body: unknown): ClientResult<unknown> {
  if (typeof body === 'object' && body !== null) {
    const b = body as { ok?: unknown; code?: unknown; message?: unknown };
    if (b.ok === true) return body as ClientResult<unknown>;
    if (b.ok === false && typeof b.code === 'string') {
      return { ...(body as ClientFailure), message: typeof b.message === 'string' && b.message ? b.message : BAD_RESPONSE_MESSAGE };
    }
  }
  return { ok: false, code: 'NETWORK.BAD_RESPONSE', message: BAD_RESPONSE_MESSAGE };
}
