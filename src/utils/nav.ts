import Taro from '@tarojs/taro';

export const PAGES = {
  home: '/pages/index/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  reportNew: '/pages/report/new',
  reportMine: '/pages/report/mine',
  reportDetail: '/pages/report/detail',
  messages: '/pages/messages/index',
  code: '/pages/code/index',
  registerJoin: '/register/join/index',
  registerStatus: '/register/status/index',
  handlerInbox: '/handler/inbox/index',
  handlerReport: '/handler/report/index',
  handlerRecord: '/handler/record/index',
  handlerApprovals: '/handler/approvals/index',
  handlerCheckins: '/handler/checkins/index',
  groupCard: '/group/card/index',
  groupBind: '/group/bind/index',
} as const;

const TAB_PAGES: readonly string[] = [PAGES.home, PAGES.me];

export const reportUrl = (id: string) => `${PAGES.reportDetail}?id=${encodeURIComponent(id)}`;
export const handlerReportUrl = (id: string) => `${PAGES.handlerReport}?id=${encodeURIComponent(id)}`;
/** The code landing page, with a code (as a scan opens it) or without (its form to type one). */
export const codeUrl = (scene?: string) => (scene ? `${PAGES.code}?scene=${encodeURIComponent(scene)}` : PAGES.code);
export const joinUrl = (codeId: string) => `${PAGES.registerJoin}?code=${encodeURIComponent(codeId)}`;
/** The join page opened from a card in a building's group: the building is the group's. */
export const joinFromGroupUrl = () => `${PAGES.registerJoin}?group=1`;
/** 绑定楼栋群 for one building the person leads (also the path the page shares into the group). */
export const groupBindUrl = (buildingId: string) => `${PAGES.groupBind}?building=${encodeURIComponent(buildingId)}`;
/** The status page; `code` is the code it was registered from (for 重新登记). */
export const registrationStatusUrl = (codeId?: string) => (codeId ? `${PAGES.registerStatus}?code=${encodeURIComponent(codeId)}` : PAGES.registerStatus);

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

/**
 * The scene a scan read: a mini-program code of ours answers `path` ("pages/code/index?scene=…",
 * the scene still encoded); a printed h5 link is a URL with `?scene=`. Null when it is neither.
 */
export function sceneOf(scanned: { path?: string; result?: string }): string | null {
  for (const text of [scanned.path, scanned.result]) {
    const m = text ? /[?&]scene=([^&#]+)/.exec(text) : null;
    if (m) return readParam(m[1]) ?? null;
  }
  return null;
}

/**
 * 扫码登记: in the mini-program the camera, and a code of ours opens the landing page as if
 * scanned from WeChat; in a browser there is no camera to ask, so the landing page's form, where
 * the code's number is typed.
 */
export async function scanToJoin(): Promise<void> {
  if (Taro.getEnv() !== Taro.ENV_TYPE.WEAPP) return open(PAGES.code);
  let scanned: { path?: string; result?: string };
  try {
    scanned = await Taro.scanCode({});
  } catch {
    return; // cancelled: nothing to say
  }
  const scene = sceneOf(scanned);
  if (scene) open(codeUrl(scene));
  else void Taro.showToast({ title: '这不是近邻的码，请扫楼栋长或社区给的楼栋码', icon: 'none', duration: 3000 });
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
