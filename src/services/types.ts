import type { ErrorCode, Failure } from '../core/errors';

/** Failures the client produces itself, when no answer from a function arrived. */
export type ClientErrorCode = ErrorCode | 'NETWORK.UNREACHABLE' | 'NETWORK.BAD_RESPONSE';

export interface ClientFailure extends Omit<Failure, 'code'> {
  code: ClientErrorCode;
}

export type ClientResult<T> = { ok: true; data: T } | ClientFailure;

/** Moves one `{ action, data }` call to a cloud function and back. One per platform. */
export interface Transport {
  /** h5 carries a session token; the mini-program is identified by its OPENID instead. */
  readonly usesToken: boolean;
  send(fn: string, action: string, data: unknown, token: string | null): Promise<ClientResult<unknown>>;
}

export const NETWORK_MESSAGE = '网络连接不上，请检查网络后再试';
export const BAD_RESPONSE_MESSAGE = '服务暂时没有正常回应，请稍后再试';

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
