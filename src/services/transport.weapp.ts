/** Mini-program transport: wx.cloud.callFunction; the platform tells the function who is calling. */
import Taro from '@tarojs/taro';
import { asResult, NETWORK_MESSAGE, type Transport } from './types';

let initialised = false;

function initCloud(): void {
  if (initialised) return;
  // TCB_ENV at build time names the environment; without it the default one is used.
  const env = typeof JINLIN_TCB_ENV === 'string' && JINLIN_TCB_ENV ? JINLIN_TCB_ENV : undefined;
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true });
  initialised = true;
}

export const transport: Transport = {
  usesToken: false,
  async send(fn, action, data) {
    initCloud();
    try {
      const res = await Taro.cloud.callFunction({ name: fn, data: { action, data } as Record<string, unknown> });
      return asResult(res.result);
    } catch {
      return { ok: false, code: 'NETWORK.UNREACHABLE', message: NETWORK_MESSAGE };
    }
  },
};
