/**
 * The local host's stand-in WeChat user (h5 only). When Taro storage holds `jinlin.devOpenid`, the
 * browser build behaves like the mini-program: every call carries the id in X-Jinlin-Dev-Openid
 * (honoured only by a host started with JINLIN_DEV_WECHAT=1, refused by any other) and no session
 * token is needed. Set it from the browser's console to walk the WeChat path locally:
 *   localStorage.setItem('jinlin.devOpenid', JSON.stringify({ data: 'dev-openid-1' }))
 */
import Taro from '@tarojs/taro';

export const DEV_OPENID_KEY = 'jinlin.devOpenid';
export const DEV_OPENID_HEADER = 'X-Jinlin-Dev-Openid';

/** Read on every call, so setting or clearing it takes effect without reloading the page. */
export function devOpenid(): string | null {
  try {
    const v: unknown = Taro.getStorageSync(DEV_OPENID_KEY);
    return typeof v === 'string' && v.trim() ? v.trim() : null;
  } catch {
    return null;
  }
}
