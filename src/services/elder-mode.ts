/**
 * 长辈版 (elder mode) and WeChat's font size: the one number, the scale, that every page's text and tap
 * targets are drawn at (src/components/_scale.scss: a size is `calc(<n>PX * var(--jl-scale))`, CSS px
 * that Taro leaves alone, so the minimums hold on every screen width in both builds).
 *
 * - The 长辈版 switch on 我的 is kept on the phone (Taro storage). On, the scale is at least
 *   ELDER_SCALE: the pages' 16 px hints become 20, their 24 px headings 30, their 48 px targets 60.
 * - In the mini-program the scale also follows the font size chosen in WeChat
 *   (getAppBaseInfo().fontSizeScaleFactor, or fontSizeSetting against WeChat's standard 17 px when the
 *   base library gives only that): never below 1 (our normal sizes are the floor) and at most
 *   MAX_SCALE, where a 390-wide screen still holds our layouts. The larger of the two wins: they are
 *   two ways of asking for bigger type, not two factors to multiply.
 * - The browser build has no WeChat font size: the switch alone.
 * A page at ELDER_SCALE or more is laid out as 长辈版 (`page--elder`), whichever asked for it.
 */
import Taro from '@tarojs/taro';

export const ELDER_MODE_KEY = 'jinlin.elderMode';
export const ELDER_SCALE = 1.25;
export const MAX_SCALE = 1.5;
/** WeChat's standard font size, the one fontSizeScaleFactor 1 stands for. */
const WECHAT_STANDARD_PX = 17;

export interface TextScale {
  /** What the 长辈版 switch says. */
  elderMode: boolean;
  /** What every size is multiplied by (1 … MAX_SCALE). */
  scale: number;
  /** Laid out as 长辈版: the switch is on, or WeChat's font is as large. */
  elder: boolean;
}

/** The scale from the switch and WeChat's font size factor (1 when there is none). */
export function scaleOf(elderMode: boolean, wechatFactor: number): number {
  const wechat = Number.isFinite(wechatFactor) && wechatFactor > 0 ? wechatFactor : 1;
  const scale = Math.min(MAX_SCALE, Math.max(1, wechat, elderMode ? ELDER_SCALE : 1));
  return Math.round(scale * 1000) / 1000;
}

export function isElderModeOn(): boolean {
  try {
    return Taro.getStorageSync(ELDER_MODE_KEY) === true;
  } catch {
    return false;
  }
}

/** WeChat's font size as a factor of its standard size; 1 in a browser or when WeChat does not say. */
export function wechatFontFactor(): number {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.getAppBaseInfo !== 'function') return 1;
  try {
    const info = Taro.getAppBaseInfo();
    if (typeof info.fontSizeScaleFactor === 'number' && info.fontSizeScaleFactor > 0) return info.fontSizeScaleFactor;
    if (typeof info.fontSizeSetting === 'number' && info.fontSizeSetting > 0) return info.fontSizeSetting / WECHAT_STANDARD_PX;
  } catch {
    // An old base library: WeChat's standard size.
  }
  return 1;
}

function textScale(elderMode: boolean): TextScale {
  const scale = scaleOf(elderMode, wechatFontFactor());
  return { elderMode, scale, elder: scale >= ELDER_SCALE };
}

const listeners = new Set<(s: TextScale) => void>();

/** Called with the new scale whenever the switch changes; returns the unsubscribe. */
export function onTextScaleChange(listener: (s: TextScale) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * The browser build's tab bar lies outside every page: the scale goes on the document too. (In the
 * mini-program WeChat draws the tab bar.)
 */
function applyToDocument(s: TextScale): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
  document.documentElement.style.setProperty('--jl-scale', String(s.scale));
  document.documentElement.classList.toggle('jl-elder', s.elder);
}

/** Turns 长辈版 on or off on this phone; every page shown follows at once. */
export function setElderMode(on: boolean): TextScale {
  try {
    Taro.setStorageSync(ELDER_MODE_KEY, on);
  } catch {
    // Storage full or refused: the pages still follow for as long as the app is open.
  }
  const s = textScale(on);
  applyToDocument(s);
  for (const l of listeners) l(s);
  return s;
}

/** The scale as the page root carries it; also put on the document in a browser. */
export function readTextScale(): TextScale {
  const s = textScale(isElderModeOn());
  applyToDocument(s);
  return s;
}
