/**
 * Taking a copy of 我的信息: a browser saves the file itself; a mini-program cannot keep a file it is
 * sent, so there the copy is a link valid for a day, sent to 消息.
 */
import Taro from '@tarojs/taro';
import type { OwnDataCopy } from '../core/outputs/own-data';

export const copyVia = (): 'file' | 'message' => (Taro.getEnv() === Taro.ENV_TYPE.WEAPP ? 'message' : 'file');

/** Hands a file copy to the browser as a download. */
export function saveInBrowser(copy: Extract<OwnDataCopy, { via: 'file' }>): void {
  if (typeof document === 'undefined' || typeof URL === 'undefined' || !URL.createObjectURL) return;
  const bytes = Uint8Array.from(atob(copy.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: copy.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = copy.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
