/**
 * A page that reads its data each time it shows (back from another page, back from WeChat) and again
 * on the pull-down, whose spinner stops when the read is done either way.
 */
import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { ClientResult } from '../services/api';

export function useLoadOnShow(load: () => Promise<unknown>): void {
  useDidShow(() => {
    void load();
  });

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });
}

export type Read<T> = { status: 'loading' } | { status: 'failed'; code: string; message: string } | { status: 'ready'; data: T };

/** One read as the page shows (`read` stays the same from render to render: a module's function). */
export function useReadOnShow<T>(read: () => Promise<ClientResult<T>>) {
  const [state, setState] = useState<Read<T>>({ status: 'loading' });
  const load = useCallback(async () => {
    const result = await read();
    if (result.ok) setState({ status: 'ready', data: result.data });
    else setState({ status: 'failed', code: result.code, message: result.message });
  }, [read]);
  useLoadOnShow(load);
  return { state, load };
}
