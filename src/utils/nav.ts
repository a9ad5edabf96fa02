import Taro from '@tarojs/taro';

export const PAGES = {
  home: '/pages/index/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
} as const;

/** Sends the person to sign in, telling them why when there is a reason (e.g. an expired session). */
export function goToLogin(reason?: string): void {
  const url = reason ? `${PAGES.login}?reason=${encodeURIComponent(reason)}` : PAGES.login;
  void Taro.reLaunch({ url });
}

export function goHome(): void {
  void Taro.reLaunch({ url: PAGES.home });
}

/** For entries whose pages are not built yet. */
export function comingSoon(): void {
  void Taro.showToast({ title: '即将开放', icon: 'none', duration: 2000 });
}

/** Query values may arrive encoded once or twice depending on the platform's router. */
export function readParam(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
