/**
 * Picking photos on the device. The mini-program uses chooseMedia (compressed, camera or album);
 * the browser build uses chooseImage, which Taro turns into an <input type=file>. Uploading is
 * the transport's job (uploadPhoto in api.ts).
 */
import Taro from '@tarojs/taro';
import type { LocalPhoto } from './types';

/** The person closed the picker without choosing: not an error worth a message. */
const isCancel = (e: unknown) => /cancel|abort/i.test(String((e as { errMsg?: string })?.errMsg ?? e));

/** Up to `max` photos the person picks; [] when they cancel. */
export async function choosePhotos(max: number): Promise<{ photos: LocalPhoto[]; error?: string }> {
  if (max <= 0) return { photos: [] };
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const res = await Taro.chooseMedia({ count: max, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      return { photos: res.tempFiles.map((f) => ({ path: f.tempFilePath, size: f.size })) };
    }
    const res = await Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    const files = (res.tempFiles ?? []) as Array<{ path: string; size?: number; type?: string; originalFileObj?: Blob }>;
    const photos = files.length
      ? files.map((f) => ({ path: f.path, size: f.size, type: f.type, file: f.originalFileObj }))
      : (res.tempFilePaths ?? []).map((path) => ({ path }));
    return { photos };
  } catch (e) {
    if (isCancel(e)) return { photos: [] };
    return { photos: [], error: '没能打开相册或相机，请再试一次' };
  }
}
