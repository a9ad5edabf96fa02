/** Mini-program transport: wx.cloud.callFunction; the platform tells the function who is calling. */
import Taro from '@tarojs/taro';
import { SHOWN_BEFORE_ASKING } from '../core/errors-shown-before-asking';
import { HOW_TO_REGISTER } from '../core/registrations';
import { classifyCloudError, networkFailure, type Carrying } from './transport-failures';
import { asResult, type ClientFailure, type ClientResult, type Transport } from './types';

let initialised = false;

/** The server's limit; checked here too so a person is not kept waiting for a refusal. */
const MAX_BYTES = 5 * 1024 * 1024;

function initCloud(): void {
  if (initialised) return;
  // TCB_ENV at build time names the environment; without it the default one is used.
  const env = typeof JINLIN_TCB_ENV === 'string' && JINLIN_TCB_ENV ? JINLIN_TCB_ENV : undefined;
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true });
  initialised = true;
}

/**
 * uploads/<personId>/<time>-<random>.jpg: the only place the reports function takes a photo from
 * for this person (it refuses any other path, lib/ports/photos/cloud.ts), unique without asking.
 */
function cloudPathFor(personId: string, localPath: string, now = new Date()): string {
  // A voice note (the recorder's .mp3) goes the same way: lib/ports/photos/voice.ts takes it from here.
  const ext = (/\.(jpe?g|png|webp|mp3|aac|m4a)$/i.exec(localPath)?.[1] ?? 'jpg').toLowerCase();
  const random = Math.random().toString(36).slice(2, 10);
  return `uploads/${personId}/${now.getTime().toString(36)}-${random}.${ext}`;
}

/**
 * Why a cloud call failed. The phone's own word on its network comes first: without one, WeChat's
 * errMsg is only "request:fail", which says nothing a person can act on.
 */
async function failureOf(error: unknown, carrying: Carrying): Promise<ClientFailure> {
  const offline = await Promise.resolve()
    .then(() => Taro.getNetworkType())
    .then(
      (r) => r.networkType === 'none',
      () => false,
    );
  return networkFailure(offline ? 'NETWORK.OFFLINE' : classifyCloudError(error), carrying);
}

/** Who this WeChat user is, asked once: the person id names their upload folder. */
let me: Promise<ClientResult<string>> | null = null;
function myPersonId(): Promise<ClientResult<string>> {
  me ??= transport.send('auth', 'whoAmI', {}, null).then((r): ClientResult<string> => {
    const person = r.ok ? (r.data as { person?: { id: string } }).person : undefined;
    // Not asked again until it answers a person: a WeChat user nobody knows yet may register meanwhile.
    if (!person) me = null;
    if (!r.ok) return r;
    return person ? { ok: true, data: person.id } : { ok: false, code: 'AUTH.NOT_REGISTERED', message: HOW_TO_REGISTER };
  });
  return me;
}

export const transport: Transport = {
  usesToken: false,
  async send(fn, action, data) {
    initCloud();
    try {
      const res = await Taro.cloud.callFunction({ name: fn, data: { action, data } as Record<string, unknown> });
      return asResult(res.result);
    } catch (e) {
      return failureOf(e, 'call');
    }
  },

  async upload(photo) {
    if (typeof photo.size === 'number' && photo.size > MAX_BYTES) {
      return { ok: false, code: 'PHOTO.TOO_LARGE', message: SHOWN_BEFORE_ASKING['PHOTO.TOO_LARGE'] };
    }
    initCloud();
    const person = await myPersonId();
    if (!person.ok) return person;
    try {
      const res = await Taro.cloud.uploadFile({ cloudPath: cloudPathFor(person.data, photo.path), filePath: photo.path });
      // The fileID is what the report keeps; the local copy shows at once without a download.
      return { ok: true, data: { id: res.fileID, url: photo.path } };
    } catch (e) {
      return failureOf(e, 'photo');
    }
  },
};
