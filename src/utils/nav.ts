import Taro from '@tarojs/taro';

export const PAGES = {
  home: '/pages/index/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  reportNew: '/pages/report/new',
  reportMine: '/pages/report/mine',
  reportDetail: '/pages/report/detail',
  messages: '/pages/messages/index',
  handlerInbox: '/handler/inbox/index',
  handlerReport: '/handler/report/index',
  handlerRecord: '/handler/record/index',
} as const;

const TAB_PAGES: readonly string[] = [PAGES.home, PAGES.me];

export const reportUrl = (id: string) => `${PAGES.reportDetail}?id=${encodeURIComponent(id)}`;
export const handlerReportUrl = (id: string) => `${PAGES.handlerReport}?id=${encodeURIComponent(id)}`;

/** Sends the person to sign in, telling them why when there is a reason (e.g. an expired session). */
export function goToLogin(reason?: string): void {
  const url = reason ? `${PAGES.login}?reason=${encodeURIComponent(reason)}` : PAGES.login;
  void Taro.reLaunch({ url });
}

export function goHome(): void {
  void Taro.reLaunch({ url: PAGES.home });
}

/** Opens a page of ours by its path ("/pages/…?id=…" or "pages/…"); tab pages are switched to. */
export function open(url: string): void {
  const path = url.startsWith('/') ? url : `/${url}`;
  if (TAB_PAGES.includes(path.split('?')[0])) void Taro.switchTab({ url: path.split('?')[0] });
  else void Taro.navigateTo({ url: path });
}

/** Replaces the current page (a finished form) so that "back" does not return to it. */
export function replaceWith(url: string): void {
  void Taro.redirectTo({ url });
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
