/**
 * The one door from pages to the cloud functions. Pages call these and get a result value back:
 * `{ ok: true, data }` or a failure whose `message` can be shown as it is. Nothing here throws
 * for an expected failure.
 */
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../core/api';
import { transport } from './transport';
import { clearSession, getToken, saveSession } from './session';
import type { ClientFailure, ClientResult, LocalPhoto, UploadedPhoto } from './types';

export type { ClientFailure, ClientResult, LocalPhoto, UploadedPhoto } from './types';

/** Codes after which the token is useless: drop it and send the person to sign in. */
const SESSION_LOST = new Set<string>(['AUTH.REQUIRED', 'AUTH.TOKEN_EXPIRED', 'AUTH.TOKEN_REVOKED', 'AUTH.TOKEN_INVALID']);

export function isSessionLost(failure: Pick<ClientFailure, 'code'>): boolean {
  return transport.usesToken && SESSION_LOST.has(failure.code);
}

export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: ActionInput<F, A>,
): Promise<ClientResult<ActionOutput<F, A>>> {
  const token = transport.usesToken ? getToken() : null;
  const result = (await transport.send(fn, action, data, token)) as ClientResult<ActionOutput<F, A>>;
  if (!result.ok && isSessionLost(result)) clearSession();
  return result;
}

/** Uploads one photo; the answer's `id` goes into a report's `photos`. */
export async function uploadPhoto(photo: LocalPhoto): Promise<ClientResult<UploadedPhoto>> {
  const token = transport.usesToken ? getToken() : null;
  const result = await transport.upload(photo, token);
  if (!result.ok && isSessionLost(result)) clearSession();
  return result;
}

/**
 * True when people sign in with a password (h5), false when WeChat says who is calling: the
 * mini-program, and a browser standing in for a WeChat user on the local host (dev-wechat.ts).
 */
export function usesPasswordSignIn(): boolean {
  return transport.usesToken;
}

/**
 * On h5: is there an unexpired token? Where WeChat identifies the caller (the mini-program, or the
 * local stand-in) there is always a caller, though maybe one nobody has registered yet (whoAmI says).
 */
export function hasSession(): boolean {
  return !transport.usesToken || getToken() !== null;
}

export async function signIn(username: string, password: string) {
  const result = await call('auth', 'signIn', { username, password });
  if (result.ok) saveSession(result.data.token, result.data.expiresAt);
  return result;
}

/** Signs out on the server; the local token is dropped whatever the answer. */
export async function signOut() {
  const result = await call('auth', 'signOut', {});
  clearSession();
  return result;
}

export const whoAmI = () => call('auth', 'whoAmI', {});

export const demoLogins = () => call('auth', 'demoLogins', {});
