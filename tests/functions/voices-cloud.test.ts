/**
 * Voice notes in the cloud: the mini-program's recorder file goes to cloud storage under
 * uploads/<personId>/ as photos do; before a report keeps it, the Photos port reads it back with
 * node-sdk, checks it by its bytes (core/reports/voice.ts) and copies it under voices/<personId>/,
 * a path the mini-program never writes. node-sdk is unmodified: its storage requests are answered
 * in-process (tests/support/tcb/storage.ts).
 */
import type { Photos } from '../../cloudfunctions/lib/ports/photos';
import { cloudPhotos } from '../../cloudfunctions/lib/ports/photos';
import { mp3Of, WEBM } from '../support/audio';
import { serveCloud } from '../support/tcb/http';
import { platformEnv, StorageAnswerer } from '../support/tcb/storage';

const ENV = 'test-env';

describe('voice notes linked from cloud storage', () => {
  const storage = new StorageAnswerer(ENV);
  let server: Awaited<ReturnType<typeof serveCloud>>;
  let photos: Photos;
  const saved = { ...process.env };
  const errors: unknown[] = [];

  beforeAll(async () => {
    server = await serveCloud(storage);
    Object.assign(process.env, platformEnv(server.url, ENV));
    photos = cloudPhotos({ log: { info() {}, error: (...a) => errors.push(a) } });
  });
  afterAll(async () => {
    process.env = saved;
    await server.close();
  });

  const snapshot = () => [...storage.files.keys()].sort();

  it('keeps a checked copy under voices/, measured from its bytes, and removes the upload', async () => {
    const sent = mp3Of(14);
    const upload = storage.upload('uploads/per_sun/m1a2b3-v1.mp3', sent);
    expect(await photos.acceptVoice(upload, 'per_sun')).toEqual({ file: storage.fileId('voices/per_sun/m1a2b3-v1.mp3'), seconds: 14, size: sent.length, type: 'audio/mpeg', heard: null });
    expect(storage.files.get('voices/per_sun/m1a2b3-v1.mp3')!.equals(sent)).toBe(true);
    expect(storage.files.has('uploads/per_sun/m1a2b3-v1.mp3')).toBe(false);
    expect(errors).toEqual([]);
  });

  it('answers the same copy when a retried request links an upload it already copied', async () => {
    const upload = storage.upload('uploads/per_sun/retry-v.mp3', mp3Of(3));
    const first = await photos.acceptVoice(upload, 'per_sun');
    expect(await photos.acceptVoice(upload, 'per_sun')).toEqual(first);
  });

  it('refuses a fileID outside the caller’s uploads, of another environment, or not named as audio, before reading anything', async () => {
    storage.upload('uploads/per_other/theirs.mp3', mp3Of(2));
    const before = { files: snapshot(), requests: storage.log.length };
    const cases: [string, string][] = [
      [storage.fileId('uploads/per_other/theirs.mp3'), 'VOICE.NOT_YOURS'],
      [`cloud://other-env.${storage.bucket}/uploads/per_sun/a.mp3`, 'VOICE.NOT_YOURS'],
      [storage.fileId('voices/per_other/theirs.mp3'), 'VOICE.NOT_YOURS'],
      [storage.fileId('uploads/per_sun/../per_other/theirs.mp3'), 'VOICE.NOT_YOURS'],
      [storage.fileId('uploads/per_sun/page.html'), 'VOICE.NOT_YOURS'],
      [storage.fileId('uploads/per_sun/a.webm'), 'VOICE.NOT_YOURS'],
      ['voc_abcdefghijk', 'VOICE.NOT_FOUND'],
    ];
    for (const [ref, code] of cases) await expect(photos.acceptVoice(ref, 'per_sun')).rejects.toMatchObject({ code, field: 'voice' });
    expect({ files: snapshot(), requests: storage.log.length }).toEqual(before);
  });

  it('refuses webm named .mp3, a note over 60 seconds or over 2 MB, and copies nothing', async () => {
    const cases: [string, Buffer, string][] = [
      ['webm.mp3', WEBM, 'VOICE.BAD_TYPE'],
      ['long.mp3', mp3Of(70), 'VOICE.TOO_LONG'],
      ['big.m4a', Buffer.alloc(2 * 1024 * 1024 + 10, 0xff), 'VOICE.TOO_LARGE'],
    ];
    for (const [name, bytes, code] of cases) {
      const upload = storage.upload(`uploads/per_sun/${name}`, bytes);
      await expect(photos.acceptVoice(upload, 'per_sun')).rejects.toMatchObject({ code });
      expect(snapshot().filter((f) => f.startsWith(`voices/per_sun/${name}`))).toEqual([]);
    }
  });

  it('says a note that is gone is not found', async () => {
    await expect(photos.acceptVoice(storage.fileId('uploads/per_sun/never.mp3'), 'per_sun')).rejects.toMatchObject({ code: 'VOICE.NOT_FOUND' });
  });
});
