import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../server/app';
import { DEMO_PASSWORD } from '../../cloudfunctions/lib/actions/auth';
import { harness, type Harness } from '../support/harness';

describe('the local host over HTTP', () => {
  let h: Harness;
  let app: FastifyInstance;
  const dist = mkdtempSync(path.join(tmpdir(), 'jinlin-dist-'));
  beforeAll(async () => {
    h = await harness();
    mkdirSync(path.join(dist, 'h5'));
    mkdirSync(path.join(dist, 'admin'));
    writeFileSync(path.join(dist, 'h5', 'index.html'), '<html>h5 app</html>');
    writeFileSync(path.join(dist, 'admin', 'index.html'), '<html>admin app</html>');
    app = await buildServer({ deps: h.deps, distDir: dist, filesDir: path.join(dist, 'files') });
  });
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url, payload: payload as string, headers: { 'content-type': 'application/json', ...headers } });

  it('signs in and calls an action with the bearer token', async () => {
    const signIn = await post('/api/auth', { action: 'signIn', data: { username: 'shuji', password: DEMO_PASSWORD } });
    expect(signIn.statusCode).toBe(200);
    const token = signIn.json().data.token;
    const me = await post('/api/auth', { action: 'whoAmI' }, { authorization: `Bearer ${token}` });
    expect(me.json()).toMatchObject({ ok: true, data: { person: { name: '李秀英' } } });
  });

  it('answers failures with a status and the same body shape', async () => {
    const cases: [string, unknown, Record<string, string>, number, string][] = [
      ['/api/lottery', { action: 'draw' }, {}, 404, 'API.UNKNOWN_FUNCTION'],
      ['/api/units', { action: 'explode' }, {}, 404, 'API.UNKNOWN_ACTION'],
      ['/api/units', { action: 'tree' }, {}, 401, 'AUTH.REQUIRED'],
      ['/api/units', { action: 'tree' }, { authorization: 'Bearer nonsense' }, 401, 'AUTH.TOKEN_INVALID'],
      ['/api/units', { action: 'tree' }, { authorization: 'Basic abc' }, 401, 'AUTH.TOKEN_INVALID'],
      ['/api/auth', { action: 'signIn', data: { username: 'shuji', password: 'nope' } }, {}, 401, 'AUTH.BAD_CREDENTIALS'],
      ['/api/auth', { action: 'signIn', data: { username: 'shuji' } }, {}, 400, 'INPUT.INVALID'],
    ];
    for (const [url, body, headers, status, code] of cases) {
      const r = await post(url, body, headers);
      expect([url, r.statusCode, r.json().code]).toEqual([url, status, code]);
      expect(r.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('answers malformed JSON, a wrong content type and an oversized body without a stack', async () => {
    const bad = await post('/api/auth', '{"action": "signIn",');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ ok: false, code: 'INPUT.MALFORMED', message: '请求内容不是有效的 JSON' });
    const text = await app.inject({ method: 'POST', url: '/api/auth', payload: 'action=signIn', headers: { 'content-type': 'text/plain' } });
    expect(text.json().code).toBe('INPUT.MALFORMED');
    const big = await post('/api/auth', JSON.stringify({ action: 'signIn', data: { username: 'x'.repeat(2 * 1024 * 1024) } }));
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('INPUT.MALFORMED');
    const get = await app.inject({ method: 'GET', url: '/api/units' });
    expect(get.json().code).toBe('INPUT.MALFORMED');
  });

  it('serves the h5 app at / and the admin app at /admin/, falling back to index.html for page routes', async () => {
    expect((await app.inject('/')).body).toContain('h5 app');
    expect((await app.inject('/pages/me/index')).body).toContain('h5 app');
    expect((await app.inject('/admin/')).body).toContain('admin app');
    expect((await app.inject('/admin/units')).body).toContain('admin app');
    expect((await app.inject('/admin')).statusCode).toBe(302);
    expect((await app.inject('/js/missing.js')).statusCode).toBe(404);
    const health = await app.inject('/api/health');
    expect(health.json()).toMatchObject({ ok: true, data: { store: 'sqlite' } });
  });

  it('says how to build when a page has not been built', async () => {
    const bare = await buildServer({ deps: h.deps, distDir: path.join(dist, 'nothing') });
    const r = await bare.inject('/admin/');
    expect(r.statusCode).toBe(503);
    expect(r.body).toContain('npm run build:admin');
    await bare.close();
  });
});

describe('photos over HTTP', () => {
  let h: Harness;
  let app: FastifyInstance;
  const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-photos-'));
  beforeAll(async () => {
    h = await harness();
    const { localPhotos } = await import('../../cloudfunctions/lib/ports/photos');
    const { randomIds } = await import('../../cloudfunctions/lib/deps');
    h.deps.photos = localPhotos(dir, randomIds);
    app = await buildServer({ deps: h.deps, filesDir: dir });
  });
  afterAll(async () => {
    await app.close();
    await h.close();
  });
  /** A valid 2×2 JPEG: photos are decoded whole before they are kept (tests/server/photos.test.ts). */
  const jpeg = Buffer.from(
    '/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAACAAIDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABAb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCeAGpH/9k=',
    'base64',
  );
  const upload = async (body: Buffer, type: string, token?: string) =>
    app.inject({ method: 'POST', url: '/api/photos', payload: body, headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) } });

  it('stores a photo from a signed-in person and serves it back', async () => {
    const { token } = (await h.as('jumin')) as { token: string };
    const r = await upload(jpeg, 'image/jpeg', token);
    expect(r.statusCode).toBe(200);
    const { id, url } = r.json().data;
    expect(url).toBe(`/files/${id}`);
    const got = await app.inject(url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    // A re-encoded copy, not the bytes sent.
    expect(got.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect((await app.inject('/files/pho_nothere0000')).statusCode).toBe(404);
    expect((await app.inject('/files/..%2F..%2Fetc%2Fpasswd')).statusCode).toBe(404);
  });

  it('refuses an anonymous upload, a file that is not a photo, and one over 5 MB', async () => {
    const { token } = (await h.as('jumin')) as { token: string };
    expect((await upload(jpeg, 'image/jpeg')).json().code).toBe('AUTH.REQUIRED');
    const gif = await upload(Buffer.from('GIF89a-not-allowed'), 'image/png', token);
    expect([gif.statusCode, gif.json().code]).toEqual([400, 'PHOTO.BAD_TYPE']);
    const big = await upload(Buffer.concat([jpeg, Buffer.alloc(5 * 1024 * 1024)]), 'image/jpeg', token);
    expect([big.statusCode, big.json().code]).toEqual([413, 'PHOTO.TOO_LARGE']);
    expect((await app.inject({ method: 'POST', url: '/api/__test', payload: { advanceMs: 1 } })).json().code).toBe('API.UNKNOWN_FUNCTION');
  });
});

describe('serving a page build that changes while the host runs', () => {
  it('serves a file added after start, as a rebuild adds new hashed bundles', async () => {
    const h = await harness();
    const dist = mkdtempSync(path.join(tmpdir(), 'jinlin-dist2-'));
    mkdirSync(path.join(dist, 'h5', 'js'), { recursive: true });
    writeFileSync(path.join(dist, 'h5', 'index.html'), '<html>h5</html>');
    const app = await buildServer({ deps: h.deps, distDir: dist });
    writeFileSync(path.join(dist, 'h5', 'js', 'app.new.js'), 'console.log(1)');
    const r = await app.inject('/js/app.new.js');
    expect(r.statusCode).toBe(200);
    expect(r.body).toBe('console.log(1)');
    await app.close();
    await h.close();
  });
});
