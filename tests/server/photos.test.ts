/**
 * POST /api/photos and GET /files/:id on the local host, sent what an intruder sends: files that
 * only look like images by their first bytes, a decompression bomb, and a phone photo that carries
 * the GPS position of the resident's home.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../server/app';
import { localPhotos } from '../../cloudfunctions/lib/ports/photos';
import { randomIds } from '../../cloudfunctions/lib/deps';
import { harness, type Harness } from '../support/harness';
import { forgeries, inspect, phoneJpeg, pixelBomb, png } from '../support/images';

describe('photos sent to the local host', () => {
  let h: Harness;
  let app: FastifyInstance;
  let token: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-photos-'));
  beforeAll(async () => {
    h = await harness({ residents: 3 });
    h.deps.photos = localPhotos(dir, randomIds);
    app = await buildServer({ deps: h.deps, filesDir: dir });
    token = ((await h.as('jumin')) as { token: string }).token;
  });
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  const upload = (body: Buffer, type = 'image/jpeg') =>
    app.inject({ method: 'POST', url: '/api/photos', payload: body, headers: { 'content-type': type, authorization: `Bearer ${token}` } });
  const stored = () => readdirSync(dir).sort();

  it.each(Object.keys({ 'a truncated PNG': 1, 'the 8-byte PNG signature alone': 1, 'ff d8 ff followed by HTML': 1, 'a truncated JPEG': 1 }))(
    'refuses %s as unreadable and writes nothing',
    async (what) => {
      const bytes = (await forgeries())[what];
      const before = stored();
      const r = await upload(bytes, what.includes('PNG') ? 'image/png' : 'image/jpeg');
      expect([r.statusCode, r.json().code, r.json().message]).toEqual([400, 'PHOTO.UNREADABLE', '这张照片无法读取，请重新拍一张']);
      expect(stored()).toEqual(before);
    },
  );

  it('refuses what is not a JPEG, PNG or WEBP however it is labelled, before decoding it', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    const before = stored();
    for (const bytes of [svg, Buffer.from('GIF89a\x01\x00\x01\x00')]) {
      const r = await upload(bytes, 'image/png');
      expect([r.statusCode, r.json().code]).toEqual([400, 'PHOTO.BAD_TYPE']);
    }
    expect(stored()).toEqual(before);
  });

  it('refuses a small file that decodes to an absurd number of pixels, and writes nothing', async () => {
    const bomb = pixelBomb();
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(await inspect(bomb)).toMatchObject({ format: 'png', width: 10_000, height: 10_000 });
    const before = stored();
    const r = await upload(bomb, 'image/png');
    expect([r.statusCode, r.json().code]).toEqual([400, 'PHOTO.TOO_MANY_PIXELS']);
    expect(r.json().message).toMatch(/[\u4e00-\u9fff]/);
    expect(stored()).toEqual(before);
  });

  it('keeps a re-encoded copy without the EXIF (no GPS position of the home), turned the way the phone was held', async () => {
    const photo = await phoneJpeg({ width: 64, height: 48, orientation: 6 });
    const sent = await inspect(photo);
    expect(sent.exif?.toString('latin1')).toContain('PhoneCo');
    expect(sent.orientation).toBe(6);

    const r = await upload(photo);
    expect(r.statusCode).toBe(200);
    const got = await app.inject(r.json().data.url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    const kept = await inspect(got.rawPayload);
    expect(kept).toMatchObject({ format: 'jpeg', width: 48, height: 64 });
    expect(kept.exif).toBeUndefined();
    expect(kept.orientation).toBeUndefined();
    expect(got.rawPayload.includes(Buffer.from('PhoneCo'))).toBe(false);
  });

  it('scales a large photo down to 2048 pixels on its longest side, and stores a PNG (transparency on white) as a JPEG', async () => {
    const wide = await upload(await png({ width: 3000, height: 1000 }), 'image/png');
    const kept = await inspect((await app.inject(wide.json().data.url)).rawPayload);
    expect(kept).toMatchObject({ format: 'jpeg', width: 2048, height: 683 });

    const clear = await upload(await png({ width: 20, height: 20, alpha: true }), 'image/png');
    const got = await app.inject(clear.json().data.url);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(await inspect(got.rawPayload)).toMatchObject({ format: 'jpeg', hasAlpha: false });
  });

  it('serves every file, and every miss, with nosniff', async () => {
    const r = await upload(await phoneJpeg());
    const got = await app.inject(r.json().data.url);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    const miss = await app.inject('/files/pho_nothere0000');
    expect([miss.statusCode, miss.headers['x-content-type-options']]).toEqual([404, 'nosniff']);
  });

  it('shows a filed report’s photo at the address its view gives (the h5 resident pages use it as is)', async () => {
    const up = await upload(await phoneJpeg());
    const me = await app.inject({ method: 'POST', url: '/api/auth', payload: { action: 'whoAmI' }, headers: { authorization: `Bearer ${token}` } });
    const building = me.json().data.bindings.find((b: { role: string }) => b.role === 'resident').unit;
    const created = await app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: { action: 'create', data: { clientRequestId: 'photo-view-0001', unitId: building.id, category: 'noise', description: '楼道灯坏了', photos: [up.json().data.id] } },
      headers: { authorization: `Bearer ${token}` },
    });
    const urls: string[] = created.json().data.report.photos;
    expect(urls).toEqual([up.json().data.url]);
    const got = await app.inject(urls[0]);
    expect([got.statusCode, got.headers['content-type']]).toEqual([200, 'image/jpeg']);
  });
});
