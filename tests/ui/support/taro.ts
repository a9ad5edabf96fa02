/**
 * A stand-in for @tarojs/taro in jsdom: page hooks run as effects, platform APIs are jest.fn
 * (storage is a real in-memory map, so the session code runs unchanged).
 */
import { useEffect } from 'react';

const storage = new Map<string, unknown>();

export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB' } as const;
export const getEnv = jest.fn(() => 'WEB');

export const getStorageSync = jest.fn((key: string) => (storage.has(key) ? storage.get(key) : ''));
export const setStorageSync = jest.fn((key: string, value: unknown) => {
  storage.set(key, value);
});
export const removeStorageSync = jest.fn((key: string) => {
  storage.delete(key);
});

export const showToast = jest.fn(async (_opts: { title: string; icon?: string; duration?: number }) => ({ errMsg: 'showToast:ok' }));
export const showModal = jest.fn(async (_opts: Record<string, unknown>) => ({ confirm: true, cancel: false, errMsg: 'showModal:ok' }));
export const reLaunch = jest.fn(async (_opts: { url: string }) => ({ errMsg: 'reLaunch:ok' }));
export const switchTab = jest.fn(async (_opts: { url: string }) => ({ errMsg: 'switchTab:ok' }));
export const navigateTo = jest.fn(async (_opts: { url: string }) => ({ errMsg: 'navigateTo:ok' }));
export const redirectTo = jest.fn(async (_opts: { url: string }) => ({ errMsg: 'redirectTo:ok' }));
export const navigateBack = jest.fn(async (_opts?: { delta?: number }) => ({ errMsg: 'navigateBack:ok' }));
export const pxTransform = (n: number) => `${n}px`;
/** WeChat's font size: `fontSizeScaleFactor` 1 is its standard size (a test sets another with mockReturnValueOnce). */
export const getAppBaseInfo = jest.fn((): { language: string; fontSizeScaleFactor?: number; fontSizeSetting?: number } => ({ language: 'zh_CN', fontSizeScaleFactor: 1, fontSizeSetting: 17 }));
export const pageScrollTo = jest.fn(async (_opts: Record<string, unknown>) => ({ errMsg: 'pageScrollTo:ok' }));
export const stopPullDownRefresh = jest.fn();
export const previewImage = jest.fn(async (_opts: { urls: string[]; current?: string }) => ({ errMsg: 'previewImage:ok' }));
export const makePhoneCall = jest.fn(async (_opts: { phoneNumber: string }) => ({ errMsg: 'makePhoneCall:ok' }));

/** What the photo picker returns: `pickPhotos(n)` makes the next chooseImage pick n photos. */
export const chooseImage = jest.fn(async (_opts: { count?: number }) => ({ tempFilePaths: [] as string[], tempFiles: [] as unknown[], errMsg: 'chooseImage:ok' }));
export const chooseMedia = jest.fn(async (_opts: { count?: number }) => ({ tempFiles: [] as unknown[], type: 'image', errMsg: 'chooseMedia:ok' }));
export function pickPhotos(n: number, start = 1): void {
  const paths = Array.from({ length: n }, (_, i) => `blob:photo-${start + i}`);
  chooseImage.mockResolvedValueOnce({
    tempFilePaths: paths,
    tempFiles: paths.map((path) => ({ path, size: 1000, type: 'image/jpeg', originalFileObj: undefined })),
    errMsg: 'chooseImage:ok',
  });
}

/** What the camera reads: set with mockResolvedValueOnce; by default the person cancels. */
export const scanCode = jest.fn(async (_opts: Record<string, unknown>): Promise<{ result: string; path?: string; scanType: string; errMsg: string }> => {
  throw { errMsg: 'scanCode:fail cancel' };
});

/**
 * WeChat's privacy hook: the page's listener is kept (it is registered once per module, and
 * clearAllMocks forgets calls between tests), so a test can play WeChat asking for consent.
 */
let privacyListener: ((resolve: (o: { event: string; buttonId?: string }) => void, info: { referrer: string }) => void) | null = null;
export const onNeedPrivacyAuthorization = jest.fn((listener: typeof privacyListener) => {
  privacyListener = listener;
});
export const openPrivacyContract = jest.fn(async (_opts?: Record<string, unknown>) => ({ errMsg: 'openPrivacyContract:ok' }));
/** Plays WeChat holding a privacy-scoped ability: returns what the page resolved it with, once it does. */
export function needPrivacy(): Promise<{ event: string; buttonId?: string }[]> {
  if (!privacyListener) throw new Error('no page listens to onNeedPrivacyAuthorization');
  const answers: { event: string; buttonId?: string }[] = [];
  return new Promise((done) => {
    privacyListener!((o) => {
      answers.push(o);
      if (o.event !== 'exposureAuthorization') done(answers);
    }, { referrer: 'getPhoneNumber' });
  });
}

/**
 * WeChat's group: what getGroupEnterInfo answers. By default the page was opened in no group (WeChat
 * fails the call); `openedInGroup(cloudID)` makes it answer a cloudID.
 */
export const getGroupEnterInfo = jest.fn(async (_opts?: Record<string, unknown>): Promise<{ errMsg: string; encryptedData: string; iv: string; cloudID?: string }> => {
  throw { errMsg: 'getGroupEnterInfo:fail not in group' };
});
export function openedInGroup(cloudID: string): void {
  getGroupEnterInfo.mockImplementation(async () => ({ errMsg: 'getGroupEnterInfo:ok', encryptedData: 'x', iv: 'y', cloudID }));
}
export const showShareMenu = jest.fn(async (_opts: Record<string, unknown>) => ({ errMsg: 'showShareMenu:ok' }));
export const updateShareMenu = jest.fn(async (_opts: Record<string, unknown>) => ({ errMsg: 'updateShareMenu:ok' }));
/** The page's share handler (useShareAppMessage), the latest registered: what WeChat would send as the card. */
export const shared: { handler: null | ((o?: Record<string, unknown>) => { title?: string; path?: string }) } = { handler: null };
export const useShareAppMessage = (fn: NonNullable<(typeof shared)['handler']>) => {
  shared.handler = fn;
};

export const useRouter = jest.fn(() => ({ params: {} as Record<string, string | undefined>, path: '' }));
export const useDidShow = (fn: () => void) => useEffect(() => fn(), []);
export const useLoad = (fn: () => void) => useEffect(() => fn(), []);
export const useReady = (fn: () => void) => useEffect(() => fn(), []);
export const useDidHide = (_fn: () => void) => undefined;
export const usePullDownRefresh = (_fn: () => void) => undefined;

export function __resetTaro(): void {
  storage.clear();
  useRouter.mockImplementation(() => ({ params: {}, path: '' }));
  getEnv.mockImplementation(() => 'WEB');
  chooseImage.mockReset();
  chooseImage.mockImplementation(async () => ({ tempFilePaths: [], tempFiles: [], errMsg: 'chooseImage:ok' }));
  // A scan a test set up but never used must not answer the next test's.
  scanCode.mockReset();
  scanCode.mockImplementation(async () => {
    throw { errMsg: 'scanCode:fail cancel' };
  });
  getGroupEnterInfo.mockReset();
  getGroupEnterInfo.mockImplementation(async () => {
    throw { errMsg: 'getGroupEnterInfo:fail not in group' };
  });
  shared.handler = null;
}

const Taro = {
  ENV_TYPE,
  getEnv,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  showToast,
  showModal,
  reLaunch,
  switchTab,
  navigateTo,
  redirectTo,
  navigateBack,
  pxTransform,
  pageScrollTo,
  stopPullDownRefresh,
  previewImage,
  makePhoneCall,
  chooseImage,
  chooseMedia,
  scanCode,
  onNeedPrivacyAuthorization,
  openPrivacyContract,
  getGroupEnterInfo,
  getAppBaseInfo,
  showShareMenu,
  updateShareMenu,
  useShareAppMessage,
  useRouter,
  useDidShow,
  useLoad,
  useReady,
  useDidHide,
  usePullDownRefresh,
};

export default Taro;

export const cloud = {
  init: jest.fn(),
  callFunction: jest.fn(async (_opts: { name: string; data: Record<string, unknown> }) => ({ result: undefined as unknown, errMsg: 'cloud.callFunction:ok' })),
};
(Taro as Record<string, unknown>).cloud = cloud;
