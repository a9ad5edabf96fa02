/**
 * Reading a code with the camera (the mini-program's scan button). In a browser there is no camera to
 * ask: the pages show a box where what the code holds is typed or pasted instead (the local host and
 * its tests; staff at a desk PC with a scanner gun that types).
 */
import Taro from '@tarojs/taro';

export const hasCamera = () => Taro.getEnv() === Taro.ENV_TYPE.WEAPP;

/** What the QR code holds, or null when the person cancelled (nothing to say then). */
export async function scanQr(): Promise<string | null> {
  try {
    const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return r.result || null;
  } catch {
    return null;
  }
}
