/** Mini-program transport: wx.cloud.callFunction; the platform tells the function who is calling. */
import Taro from '@tarojs/taro';
import { asResult, NETWORK_MESSAGE, type Transport } from './types';

let initialised = false;

function initCloud(): void {
  if (initialised) return;
  // No env given: the mini-program's default CloudBase environment is used.
  Taro.cloud.init({ traceUser: true });
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
