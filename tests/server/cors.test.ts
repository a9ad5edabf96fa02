/**
 * The management page on another origin (built with VITE_JINLIN_API_BASE): the local host answers
 * the browser's preflight for the origins JINLIN_ALLOWED_ORIGINS lists, and only those; with none
 * listed, only its own pages call it, as before.
 */
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../server/app';
import { readSettings } from '../../server/settings';
import { DEMO_PASSWORD } from '../../cloudfunctions/lib/actions/auth';
import { parseAllowedOrigins } from '../../cloudfunctions/lib/cors';
import { harness, type Harness } from '../support/harness';

const ADMIN = 'https://admin.jinlin.example.cn';
const preflightOf = (origin: string | null) => ({
  method: 'OPTIONS' as const,
  url: '/api/auth',
  headers: { ...(origin ? { origin } : {}), 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
});

describe('calls from a page on another origin', () => {
  let h: Harness;
  let open: FastifyInstance;
  let closed: FastifyInstance;
  beforeAll(async () => {
    h = await harness({ residents: 1 });
    open = await buildServer({ deps: h.deps, allowedOrigins: [ADMIN] });
    closed = await buildServer({ deps: h.deps });
  });
  afterAll(async () => {
    await open.close();
    await closed.close();
    await h.close();
  });

  it('answers the preflight of an allowed origin with what it may send', async () => {
    const r = await open.inject(preflightOf(ADMIN));
    expect(r.statusCode).toBe(204);
    expect(r.headers).toMatchObject({
      'access-control-allow-origin': ADMIN,
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'authorization, content-type',
      vary: 'Origin',
    });
    expect(r.body).toBe('');
  });

  it('lets the allowed page read answers, failures included, and sign in with a token', async () => {
    const post = (payload: unknown, headers: Record<string, string> = {}) =>
      open.inject({ method: 'POST', url: '/api/auth', payload: payload as string, headers: { 'content-type': 'application/json', origin: ADMIN, ...headers } });
    const signIn = await post({ action: 'signIn', data: { username: 'shuji', password: DEMO_PASSWORD } });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.headers['access-control-allow-origin']).toBe(ADMIN);
    const me = await post({ action: 'whoAmI' }, { authorization: `Bearer ${signIn.json().data.token}` });
    expect(me.json()).toMatchObject({ ok: true, data: { person: { name: '李秀英' } } });
    expect(me.headers['access-control-allow-origin']).toBe(ADMIN);
    const refused = await post({ action: 'signIn', data: { username: 'shuji', password: 'wrong' } });
    expect([refused.statusCode, refused.headers['access-control-allow-origin']]).toEqual([401, ADMIN]);
    const malformed = await post('{"action":');
    expect([malformed.statusCode, malformed.headers['access-control-allow-origin']]).toEqual([400, ADMIN]);
  });

  it('refuses the preflight of any other origin, saying which setting to change, and gives its calls no headers', async () => {
    const r = await open.inject(preflightOf('https://evil.example.com'));
    expect(r.statusCode).toBe(403);
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
    expect(r.json()).toEqual({ ok: false, code: 'AUTH.FORBIDDEN', message: '不接受来自 https://evil.example.com 的跨域调用：请把它加入 JINLIN_ALLOWED_ORIGINS' });
    const call = await open.inject({ method: 'POST', url: '/api/auth', payload: { action: 'whoAmI' }, headers: { origin: 'https://evil.example.com' } });
    expect(call.headers['access-control-allow-origin']).toBeUndefined();
    // Not a prefix match: the allowed origin with more after it is another origin.
    expect((await open.inject(preflightOf(`${ADMIN}.evil.com`))).statusCode).toBe(403);
  });

  it('with no origins configured, answers preflights with 403 and its own pages as before', async () => {
    expect((await closed.inject(preflightOf(ADMIN))).statusCode).toBe(403);
    expect((await closed.inject(preflightOf(null))).json().message).toBe('跨域预检请求缺少 Origin 请求头');
    const same = await closed.inject({ method: 'POST', url: '/api/auth', payload: { action: 'signIn', data: { username: 'shuji', password: DEMO_PASSWORD } } });
    expect(same.statusCode).toBe(200);
    expect(same.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('JINLIN_ALLOWED_ORIGINS', () => {
  const saved = process.env.JINLIN_ALLOWED_ORIGINS;
  afterEach(() => {
    if (saved === undefined) delete process.env.JINLIN_ALLOWED_ORIGINS;
    else process.env.JINLIN_ALLOWED_ORIGINS = saved;
  });

  it('reads origins, comma-separated, as a browser writes them', () => {
    expect(parseAllowedOrigins(undefined)).toEqual([]);
    expect(parseAllowedOrigins(' https://a.example.cn/ , http://127.0.0.1:5173,https://a.example.cn ')).toEqual(['https://a.example.cn', 'http://127.0.0.1:5173']);
    process.env.JINLIN_ALLOWED_ORIGINS = 'https://admin.example.cn';
    expect(readSettings('/tmp').allowedOrigins).toEqual(['https://admin.example.cn']);
  });

  it('refuses a wildcard, a path or something that is not an address, naming the setting', () => {
    for (const bad of ['*', 'https://*.example.cn', 'https://a.example.cn/admin', 'admin.example.cn', 'ftp://a.example.cn'])
      expect(() => parseAllowedOrigins(bad)).toThrow(/^JINLIN_ALLOWED_ORIGINS: ".+" is not an origin/);
    process.env.JINLIN_ALLOWED_ORIGINS = '*';
    expect(() => readSettings('/tmp')).toThrow(/JINLIN_ALLOWED_ORIGINS/);
  });
});
