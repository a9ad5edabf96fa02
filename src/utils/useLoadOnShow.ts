/**
 * A page that reads its data each time it shows (back from another page, back from WeChat) and again
 * on the pull-down, whose spinner stops when the read is done either way.
 */
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';

export function useLoadOnShow(load: () => Promise<unknown>): void {
  useDidShow(() => {
    void load();
  });

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });
}
