/**
 * POST /api/voices and GET /files/:id on the local host: the h5 build's recorder sends the MP3 it
 * encoded; the host keeps it only when its bytes are a voice note (type, length, size), whatever the
 * request says it is, and serves it back as audio a browser plays.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../server/app';
import { localPhotos } from '../../cloudfunctions/lib/ports/photos';
import { randomIds } from '../../cloudfunctions/lib/deps';
import { mp3Of, WEBM } from '../support/audio';
import { harness, type Harness } from '../support/harness';

describe('voice notes sent to the local host', () => {
  let h: Harness;
  let app: FastifyInstance;
  let token: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-voices-'));
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

  const send = (body: Buffer, type = 'audio/mpeg', auth = `Bearer ${token}`) =>
    app.inject({ method: 'POST', url: '/api/voices', payload: body, headers: { 'content-type': type, authorization: auth } });
  const stored = () => readdirSync(dir).sort();

  it('keeps an MP3 and serves it back as audio/mpeg, byte for byte', async () => {
    const mp3 = mp3Of(8);
    const r = await send(mp3);
    expect(r.statusCode).toBe(200);
    const { id, url, seconds } = r.json().data;
    expect([url, seconds]).toEqual([`/files/${id}`, 8]);
    const got = await app.inject({ method: 'GET', url });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('audio/mpeg');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.rawPayload.equals(mp3)).toBe(true);
  });

  it.each([
    ['webm/opus labelled as MP3', WEBM, 'audio/mpeg', 400, 'VOICE.BAD_TYPE'],
    ['a 70-second MP3', mp3Of(70), 'audio/mpeg', 400, 'VOICE.TOO_LONG'],
    ['an MP3 over 2 MB', Buffer.concat([mp3Of(1), Buffer.alloc(2 * 1024 * 1024)]), 'audio/mpeg', 413, 'VOICE.TOO_LARGE'],
  ])('refuses %s and writes nothing', async (_what, bytes, type, status, code) => {
    const before = stored();
    const r = await send(bytes, type);
    expect([r.statusCode, r.json().code]).toEqual([status, code]);
    expect(r.json().message).toMatch(/[\u4e00-\u9fff]/);
    expect(stored()).toEqual(before);
  });

  it('takes nothing from someone not signed in', async () => {
    const before = stored();
    const r = await send(mp3Of(2), 'audio/mpeg', '');
    expect([r.statusCode, r.json().code]).toEqual([401, 'AUTH.REQUIRED']);
    expect(stored()).toEqual(before);
  });
});
