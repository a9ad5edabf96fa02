/**
 * Stands in for src/services/transport: answers calls the way a cloud function would, with
 * `{ ok, ... }` bodies, and records what the pages sent.
 */
import type { ClientResult, Transport } from '../../../src/services/types';

type Answer = ClientResult<unknown> | ((data: any, token: string | null) => ClientResult<unknown> | Promise<ClientResult<unknown>>);

export interface SentCall {
  fn: string;
  action: string;
  data: unknown;
  token: string | null;
}

const answers = new Map<string, Answer>();
export const sent: SentCall[] = [];

export const transport: Transport & { usesToken: boolean } = {
  usesToken: true,
  async send(fn, action, data, token) {
    sent.push({ fn, action, data, token });
    const a = answers.get(`${fn}.${action}`);
    if (!a) return { ok: false, code: 'API.UNKNOWN_ACTION', message: '没有这个操作' };
    return typeof a === 'function' ? a(data, token) : a;
  },
  async upload(photo, token) {
    sent.push({ fn: 'photos', action: 'upload', data: photo, token });
    const a = answers.get('photos.upload');
    if (!a) return { ok: false, code: 'API.UNKNOWN_ACTION', message: '没有这个操作' } as ClientResult<never>;
    return (typeof a === 'function' ? a(photo, token) : a) as never;
  },
};

/** What `fn.action` answers from now on. */
export function answer(key: string, a: Answer): void {
  answers.set(key, a);
}

export function sentTo(key: string): SentCall[] {
  return sent.filter((c) => `${c.fn}.${c.action}` === key);
}

export function resetFake(): void {
  answers.clear();
  sent.length = 0;
  transport.usesToken = true;
}
