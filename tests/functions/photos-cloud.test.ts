/**
 * Photos in the cloud: the mini-program uploads straight to cloud storage, EXIF and all; before a
 * report links one, cloudPhotos().accept reads it back with node-sdk, cleans it and keeps the clean
 * copy. node-sdk is unmodified: its storage requests are answered in-process over loopback HTTP
 * (tests/support/tcb/storage.ts).
 */
import type { Photos } from '../../cloudfunctions/lib/ports/photos';
import { cloudPhotos } from '../../cloudfunctions/lib/ports/photos';
import { forgeries, inspect, phoneJpeg } from '../support/images';
import { serveCloud } from '../support/tcb/http';
import { platformEnv, StorageAnswerer } from '../support/tcb/storage';

const ENV = 'test-env';

describe('photos linked from cloud storage', () => {
  const storage = new StorageAnswerer(ENV);
  let server: Awaited<ReturnType<typeof serveCloud>>;
  let photos: Photos;
  const saved = { ...process.env };
  const errors: unknown[] = [];

  beforeAll(async () => {
    server = await serveCloud(storage);
    Object.assign(process.env, platformEnv(server.url, ENV));
    // The defaults entry.ts uses: node-sdk's storage, this environment from the platform's variables.
    photos = cloudPhotos({ log: { info() {}, error: (...a) => errors.push(a) } });
  });
  afterAll(async () => {
    process.env = saved;
    await server.close();
  });

  const snapshot = () => [...storage.files.keys()].sort();

  it('links a re-encoded copy without the EXIF (no GPS position of the home), upright, and removes the upload', async () => {
    const sent = await phoneJpeg({ width: 64, height: 48, orientation: 6 });
    expect((await inspect(sent)).exif?.toString('latin1')).toContain('PhoneCo');
    const upload = storage.upload('uploads/per_sun/m1a2b3-x1.jpg', sent);

    expect(await photos.accept([upload], 'per_sun')).toEqual([storage.fileId('photos/per_sun/m1a2b3-x1.jpg')]);
    const kept = storage.files.get('photos/per_sun/m1a2b3-x1.jpg')!;
    expect(await inspect(kept)).toMatchObject({ format: 'jpeg', width: 48, height: 64 });
    expect((await inspect(kept)).exif).toBeUndefined();
    expect(kept.includes(Buffer.from('PhoneCo'))).toBe(false);
    expect(storage.files.has('uploads/per_sun/m1a2b3-x1.jpg')).toBe(false);
    expect(errors).toEqual([]);
  });

  it('answers the same clean copy when a retried request links an upload it already cleaned', async () => {
    const upload = storage.upload('uploads/per_sun/retry-1.png', await phoneJpeg());
    const first = await photos.accept([upload], 'per_sun');
    const writes = storage.log.filter((a) => a === 'storage.getUploadMetadata').length;
    expect(await photos.accept([upload], 'per_sun')).toEqual(first);
    expect(storage.log.filter((a) => a === 'storage.getUploadMetadata').length).toBe(writes);
  });

  it('refuses a fileID outside the caller’s uploads or from another environment, before reading anything', async () => {
    storage.upload('uploads/per_other/theirs.jpg', await phoneJpeg());
    const before = { files: snapshot(), requests: storage.log.length };
    const cases: [string, string][] = [
      [storage.fileId('uploads/per_other/theirs.jpg'), 'PHOTO.NOT_YOURS'],
      [`cloud://other-env.${storage.bucket}/uploads/per_sun/a.jpg`, 'PHOTO.NOT_YOURS'],
      [storage.fileId('photos/per_other/theirs.jpg'), 'PHOTO.NOT_YOURS'],
      [storage.fileId('reports/2026-11/old-path.jpg'), 'PHOTO.NOT_YOURS'],
      [storage.fileId('uploads/per_sun/../per_other/theirs.jpg'), 'PHOTO.NOT_YOURS'],
      [storage.fileId('uploads/per_sunny/a.jpg'), 'PHOTO.NOT_YOURS'],
      [storage.fileId('uploads/per_sun/page.html'), 'PHOTO.NOT_YOURS'],
      ['pho_abcdefghijk', 'PHOTO.NOT_FOUND'],
      ['https://example.com/a.jpg', 'PHOTO.NOT_FOUND'],
    ];
    for (const [ref, code] of cases) await expect(photos.accept([ref], 'per_sun')).rejects.toMatchObject({ code, field: 'photos' });
    expect({ files: snapshot(), requests: storage.log.length }).toEqual(before);
  });

  it('refuses a forged or broken upload as unreadable and writes nothing, though the other photos are fine', async () => {
    for (const [what, bytes] of Object.entries(await forgeries())) {
      const good = storage.upload(`uploads/per_sun/good-${what.length}.jpg`, await phoneJpeg());
      const bad = storage.upload(`uploads/per_sun/bad-${what.length}.jpg`, bytes);
      const before = snapshot();
      await expect(photos.accept([good, bad], 'per_sun')).rejects.toMatchObject({ code: 'PHOTO.UNREADABLE', message: '这张照片无法读取，请重新拍一张' });
      expect([what, snapshot()]).toEqual([what, before]);
    }
  });

  it('refuses an upload over 5 MB without reading it whole, and one that is not there', async () => {
    const big = storage.upload('uploads/per_sun/big.jpg', Buffer.concat([await phoneJpeg(), Buffer.alloc(6 * 1024 * 1024)]));
    await expect(photos.accept([big], 'per_sun')).rejects.toMatchObject({ code: 'PHOTO.TOO_LARGE' });
    await expect(photos.accept([storage.fileId('uploads/per_sun/gone.jpg')], 'per_sun')).rejects.toMatchObject({ code: 'PHOTO.NOT_FOUND' });
  });

  it('takes the path the mini-program uploads to: under the person whoAmI names', async () => {
    const Taro = {
      cloud: {
        init: jest.fn(),
        callFunction: jest.fn(async () => ({ result: { ok: true, data: { person: { id: 'per_sun', name: '孙' }, bindings: [] } } })),
        uploadFile: jest.fn(async ({ cloudPath }: { cloudPath: string }) => ({ fileID: storage.upload(cloudPath, sent) })),
      },
    };
    const sent = await phoneJpeg();
    let weapp: typeof import('../../src/services/transport.weapp').transport | undefined;
    jest.isolateModules(() => {
      jest.doMock('@tarojs/taro', () => ({ __esModule: true, default: Taro }));
      weapp = require('../../src/services/transport.weapp').transport;
    });
    const a = await weapp!.upload({ path: 'http://tmp/one.jpg', size: sent.length }, null);
    const b = await weapp!.upload({ path: 'wxfile://tmp_two.png', size: sent.length }, null);
    if (!a.ok || !b.ok) throw new Error('upload failed');
    // whoAmI once, for every photo after it.
    expect(Taro.cloud.callFunction).toHaveBeenCalledTimes(1);
    expect(Taro.cloud.uploadFile.mock.calls.map(([o]) => o.cloudPath)).toEqual([expect.stringMatching(/^uploads\/per_sun\/[a-z0-9]+-[a-z0-9]+\.jpg$/), expect.stringMatching(/^uploads\/per_sun\/[a-z0-9]+-[a-z0-9]+\.png$/)]);
    const kept = await photos.accept([a.data.id, b.data.id], 'per_sun');
    expect(kept).toEqual([expect.stringMatching(/^cloud:\/\/test-env\.[^/]+\/photos\/per_sun\/[a-z0-9-]+\.jpg$/), expect.stringMatching(/\/photos\/per_sun\/[a-z0-9-]+\.jpg$/)]);
    await expect(photos.accept([a.data.id], 'per_other')).rejects.toMatchObject({ code: 'PHOTO.NOT_YOURS' });
  });
});
