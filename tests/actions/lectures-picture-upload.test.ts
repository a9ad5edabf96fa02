/**
 * lectures.pictureUpload: where the management page sends a lecture's picture. Locally the host's
 * photo route (buildServer, injected); in the cloud a signed PUT straight to storage, through the
 * unmodified node-sdk answered in-process (tests/support/tcb/storage.ts), the picture then cleaned
 * when the lecture is saved with it. Staff only; a 20 MB photo and a PDF — said so, or renamed .jpg
 * and sent anyway — are refused with PHOTO.* codes and nothing is written.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import type { FastifyInstance } from 'fastify';
import type { LectureStaffView, PictureUpload } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { randomIds } from '../../cloudfunctions/lib/deps';
import { cloudPhotos, localPhotos, MAX_PHOTO_BYTES } from '../../cloudfunctions/lib/ports/photos';
import { cloudPhotoUploads } from '../../cloudfunctions/lib/ports/photo-uploads';
import { buildServer } from '../../server/app';
import { data, expectFailure } from '../support/harness';
import { inspect, phoneJpeg, png } from '../support/images';
import { serveCloud } from '../support/tcb/http';
import { platformEnv, StorageAnswerer } from '../support/tcb/storage';
import { lecturesKit, type LecturesKit } from './support/lectures';

const ENV = 'test-env';
/** A PDF's first bytes: what a renamed .pdf carries whatever its name says. */
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const TWENTY_MB = 20 * 1024 * 1024;

let k: LecturesKit;
/** The community secretary on the management page: a web session. */
let web: Credentials;

const ask = (file: { fileName: string; type: string; size: number }, cred: Credentials = web) => k.h.call<PictureUpload>('lectures', 'pictureUpload', file, cred);

describe('lectures.pictureUpload on the local host', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-lecture-pictures-'));
  let app: FastifyInstance;
  beforeEach(async () => {
    k = await lecturesKit();
    k.h.deps.photos = localPhotos(dir, randomIds);
    app = await buildServer({ deps: k.h.deps, filesDir: dir });
    web = await k.h.as('shuji');
  });
  afterEach(async () => {
    await app.close();
    k.h.close();
  });

  /** What the page's sendUpload does with a ticket on this host. */
  const send = (t: PictureUpload, bytes: Buffer) =>
    app.inject({ method: t.method, url: t.url, payload: bytes, headers: { ...t.headers, ...(t.withToken ? { authorization: `Bearer ${(web as { token: string }).token}` } : {}) } });

  it('answers the host’s photo route, whose answer names the picture the lecture then saves', async () => {
    const t = data(await ask({ fileName: '海报.png', type: 'image/png', size: 2048 }));
    expect(t).toEqual({ file: null, url: '/api/photos', method: 'POST', headers: { 'Content-Type': 'image/png' }, withToken: true, maxBytes: MAX_PHOTO_BYTES });
    const sent = await send(t, await png({ width: 320, height: 200 }));
    expect(sent.statusCode).toBe(200);
    const { id, url } = sent.json().data as { id: string; url: string };
    expect(url).toBe(`/files/${id}`);
    const lecture = data(await k.create({ picture: id }, web));
    expect(lecture).toMatchObject({ picture: id, pictureUrl: `/files/${id}` });
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(200);
  });

  it('refuses, at the route, a PDF renamed .jpg and a 20 MB photo sent anyway, keeping nothing', async () => {
    const t = data(await ask({ fileName: '海报.jpg', type: 'image/jpeg', size: PDF.length }));
    const before = readdirSync(dir).sort();
    const pdf = await send(t, PDF);
    expect([pdf.statusCode, pdf.json().code, pdf.json().message]).toEqual([400, 'PHOTO.BAD_TYPE', '照片只能是 JPG、PNG 或 WEBP 格式']);
    const big = await send(t, Buffer.alloc(TWENTY_MB, 0xff));
    expect([big.statusCode, big.json().code]).toEqual([413, 'PHOTO.TOO_LARGE']);
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});

describe('lectures.pictureUpload in the cloud', () => {
  const storage = new StorageAnswerer(ENV);
  let server: Awaited<ReturnType<typeof serveCloud>>;
  const saved = { ...process.env };

  beforeAll(async () => {
    server = await serveCloud(storage);
    Object.assign(process.env, platformEnv(server.url, ENV));
  });
  afterAll(async () => {
    process.env = saved;
    await server.close();
  });
  beforeEach(async () => {
    k = await lecturesKit();
    const app = tcb.init({ env: ENV });
    // What entry.ts passes: getUploadMetadata for the browser's address; the Photos port on node-sdk's storage.
    k.h.deps.photoUploads = cloudPhotoUploads(async (cloudPath) => (await app.getUploadMetadata({ cloudPath })).data, randomIds);
    k.h.deps.photos = cloudPhotos();
    web = await k.h.as('shuji');
  });
  afterEach(() => k.h.close());

  /** What the page's sendUpload does with a cloud ticket: a PUT of the bytes, nothing of ours added. */
  const put = (t: PictureUpload, bytes: Buffer) => fetch(t.url, { method: t.method, headers: t.headers, body: new Uint8Array(bytes) });
  const files = () => [...storage.files.keys()].sort();

  it('answers a signed storage address under the caller’s uploads; the lecture saves a cleaned copy without the EXIF', async () => {
    const t = data(await ask({ fileName: 'IMG_0001.JPG', type: 'image/jpeg', size: 4096 }));
    expect(t).toMatchObject({ method: 'PUT', withToken: false, maxBytes: MAX_PHOTO_BYTES, headers: { authorization: expect.any(String), 'x-cos-security-token': expect.any(String) } });
    const upload = storage.pathOf(t.file!)!;
    expect(upload).toMatch(/^uploads\/[A-Za-z0-9_-]+\/pic_[0-9a-z]+\.jpg$/);
    const photo = await phoneJpeg({ width: 64, height: 48 });
    expect((await put(t, photo)).status).toBe(200);

    const lecture = data(await k.create({ picture: t.file }, web));
    const kept = storage.pathOf(lecture.picture!)!;
    expect(kept).toBe(upload.replace(/^uploads\//, 'photos/'));
    expect((await inspect(storage.files.get(kept)!)).exif).toBeUndefined();
    // The upload, EXIF and all, is gone; the page is given an address a browser loads.
    expect(storage.files.has(upload)).toBe(false);
    expect(lecture.pictureUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/cos\/photos\//);
  });

  it('gives a .png and a .webp their own extension, each a new name', async () => {
    const a = data(await ask({ fileName: 'a.png', type: 'image/png', size: 10 }));
    const b = data(await ask({ fileName: 'b.webp', type: 'image/webp', size: 10 }));
    expect([a.file, b.file].map((f) => f!.split('.').pop())).toEqual(['png', 'webp']);
    expect(a.file).not.toBe(b.file);
  });

  it('refuses at save a PDF renamed .jpg and a 20 MB photo sent anyway, writing no lecture', async () => {
    for (const [bytes, code] of [
      [PDF, 'PHOTO.BAD_TYPE'],
      [Buffer.alloc(TWENTY_MB, 0xff), 'PHOTO.TOO_LARGE'],
    ] as const) {
      const t = data(await ask({ fileName: '海报.jpg', type: 'image/jpeg', size: 1000 }));
      expect((await put(t, bytes)).status).toBe(200);
      const kept = files().filter((f) => f.startsWith('photos/'));
      await k.writesNothing(async () => expectFailure(await k.create({ picture: t.file }, web), code, 'picture'));
      expect(files().filter((f) => f.startsWith('photos/'))).toEqual(kept);
    }
  });
});

describe('lectures.pictureUpload refuses', () => {
  beforeEach(async () => {
    k = await lecturesKit();
    web = await k.h.as('shuji');
  });
  afterEach(() => k.h.close());

  it('a 20 MB photo, a PDF and an empty file before any byte is sent, saying which and why', async () => {
    const big = await ask({ fileName: '讲座海报.jpg', type: 'image/jpeg', size: TWENTY_MB });
    expectFailure(big, 'PHOTO.TOO_LARGE', 'picture');
    expect(!big.ok && big.message).toBe('「讲座海报.jpg」有 20.0 MB，图片不能超过 5 MB，请换一张或先压缩');
    const pdf = await ask({ fileName: '讲座通知.pdf', type: 'application/pdf', size: 1000 });
    expectFailure(pdf, 'PHOTO.BAD_TYPE', 'picture');
    expect(!pdf.ok && pdf.message).toBe('「讲座通知.pdf」不是 JPG、PNG 或 WebP 格式的图片，请换一张图片');
    // A browser that cannot tell the type sends none.
    expectFailure(await ask({ fileName: '海报', type: '', size: 1000 }), 'PHOTO.BAD_TYPE', 'picture');
    expectFailure(await ask({ fileName: '海报.png', type: 'image/png', size: 0 }), 'PHOTO.UNREADABLE', 'picture');
  });

  it('exactly 5 MB is taken; a byte more is not', async () => {
    expect((await ask({ fileName: 'a.jpg', type: 'image/jpeg', size: MAX_PHOTO_BYTES })).ok).toBe(true);
    expectFailure(await ask({ fileName: 'a.jpg', type: 'image/jpeg', size: MAX_PHOTO_BYTES + 1 }), 'PHOTO.TOO_LARGE', 'picture');
  });

  it('anyone who does not run lectures: a resident, a building lead, a street officer, and nobody signed in', async () => {
    const file = { fileName: 'a.jpg', type: 'image/jpeg', size: 1000 };
    const { cred } = await k.resident('想传图的居民');
    expectFailure(await ask(file, cred), 'AUTH.FORBIDDEN');
    expectFailure(await ask(file, await k.h.as('jumin')), 'AUTH.FORBIDDEN');
    expectFailure(await ask(file, await k.h.as('louzhang')), 'AUTH.FORBIDDEN');
    expectFailure(await ask(file, await k.h.as('jiedao')), 'AUTH.FORBIDDEN');
    expectFailure(await ask(file, {}), 'AUTH.REQUIRED');
    // Staff signed in from WeChat are staff still.
    expect((await ask(file, k.staff)).ok).toBe(true);
  });

  it('a malformed request with INPUT.INVALID naming the field', async () => {
    expectFailure(await ask({ fileName: '', type: 'image/jpeg', size: 1 }), 'INPUT.INVALID', 'fileName');
    expectFailure(await ask({ fileName: 'a.jpg', type: 'image/jpeg', size: -1 }), 'INPUT.INVALID', 'size');
    expectFailure(await ask({ fileName: 'a.jpg', type: 'image/jpeg', size: 1.5 }), 'INPUT.INVALID', 'size');
  });
});
