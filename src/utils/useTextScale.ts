/**
 * The text scale a page is drawn at (长辈版 and WeChat's font size, src/services/elder-mode.ts): read
 * when the page is made and each time it shows again (WeChat's font may have changed meanwhile), and
 * followed at once when the switch on 我的 changes. Screen (the page root) draws with it; the switch reads it.
 */
import { useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { onTextScaleChange, readTextScale, type TextScale } from '../services/elder-mode';

const same = (a: TextScale, b: TextScale) => a.scale === b.scale && a.elder === b.elder && a.elderMode === b.elderMode;

export function useTextScale(): TextScale {
  const [scale, setScale] = useState(readTextScale);
  useEffect(() => onTextScaleChange(setScale), []);
  useDidShow(() => {
    const now = readTextScale();
    setScale((before) => (same(before, now) ? before : now));
  });
  return scale;
}
