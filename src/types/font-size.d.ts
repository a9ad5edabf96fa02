/**
 * WeChat's font size, which Taro 4.2's types leave out of getAppBaseInfo's result (WeChat gives both):
 * `fontSizeScaleFactor`, the scale of the font size chosen in WeChat's 我 › 设置 › 通用 › 字体大小
 * (1 at the standard size), and `fontSizeSetting`, that size in px (base library 2.23.4 and up).
 * Elder mode follows them (src/services/elder-mode.ts).
 */
import '@tarojs/taro';

declare module '@tarojs/taro' {
  namespace getAppBaseInfo {
    interface Result {
      /** 微信字体大小缩放比例 */
      fontSizeScaleFactor?: number;
      /** 微信字体大小，单位 px */
      fontSizeSetting?: number;
    }
  }
}
