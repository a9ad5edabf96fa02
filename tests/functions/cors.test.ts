/**
 * The cloud's HTTP access path for a management page on another origin: a function answers the
 * browser's preflight (OPTIONS) for the origins JINLIN_ALLOWED_ORIGINS lists, without opening its
 * store, and gives those origins' calls the header that lets the page read the answer. The
 * function's entry (lib/entry.ts) runs here on a SQLite file (JINLIN_STORE=sqlite), as a bundle can.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main as auth } from '../../cloudfunctions/auth';
import { DEMO_PASSWORD } from '../../cloudfunctions/lib/actions/auth';
import { makeDeps, silentLogger } from '../../cloudfunctions/lib/deps';
import { resetCloudDeps } from '../../cloudfunctions/lib/entry';
import { seedDemo } from '../../cloudfunctions/lib/seed/demo';
import { openSqliteStore } from '../../cloudfunctions/lib/store/sqlite';

const ADMIN = 'https://admin.jinlin.example.cn';
type HttpAnswer = { statusCode: number; headers: Record<string, string>; body: string };
const call = (event: object) => auth(event, {}) as Promise<HttpAnswer>;
const signIn = (headers: Record<string, string>) =>
  call({ httpMethod: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ action: 'signIn', data: { username: 'shuji', password: DEMO_PASSWORD } }) });

describe('HTTP access from a page on another origin', () => {
  const saved = { ...process.env };
  let file: string;
  beforeAll(async () => {
    file = path.join(mkdtempSync(path.join(tmpdir(), 'jinlin-cors-')), 'j.db');
    const store = openSqliteStore(file);
    await seedDemo(makeDeps(store, { log: silentLogger }), { residents: 1 });
    await store.close();
  });
  beforeEach(() => {
    resetCloudDeps();
    Object.assign(process.env, { JINLIN_STORE: 'sqlite', JINLIN_DB: file, JINLIN_ALLOWED_ORIGINS: `${ADMIN}, http://127.0.0.1:5173` });
  });
  afterAll(() => {
    process.env = saved;
    resetCloudDeps();
  });

  it('answers an allowed origin’s preflight before opening the store', async () => {
    // A store that cannot open: a preflight that needed it would fail.
    process.env.JINLIN_DB = path.join(tmpdir(), 'no-such-folder-jinlin', 'x.db');
    const r = await call({ httpMethod: 'OPTIONS', headers: { Origin: ADMIN, 'Access-Control-Request-Method': 'POST' } });
    expect(r).toEqual({
      statusCode: 204,
      headers: { 'access-control-allow-origin': ADMIN, vary: 'Origin', 'access-control-allow-methods': 'POST, OPTIONS', 'access-control-allow-headers': 'authorization, content-type', 'access-control-max-age': '600' },
      body: '',
    });
  });

  it('lets the allowed origin read its answers', async () => {
    const r = await signIn({ origin: ADMIN });
    expect(r.statusCode).toBe(200);
    expect(r.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': ADMIN, vary: 'Origin' });
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, data: { token: expect.any(String) } });
  });

  it('refuses other origins’ preflights and gives their calls no header; none configured means same origin only', async () => {
    const other = await call({ httpMethod: 'OPTIONS', headers: { origin: 'https://evil.example.com' } });
    expect(other.statusCode).toBe(403);
    expect(JSON.parse(other.body)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN', message: expect.stringContaining('JINLIN_ALLOWED_ORIGINS') });
    expect((await signIn({ origin: 'https://evil.example.com' })).headers['access-control-allow-origin']).toBeUndefined();

    delete process.env.JINLIN_ALLOWED_ORIGINS;
    expect((await call({ httpMethod: 'OPTIONS', headers: { origin: ADMIN } })).statusCode).toBe(403);
    const same = await signIn({});
    expect(same.statusCode).toBe(200);
    expect(same.headers).toEqual({ 'content-type': 'application/json; charset=utf-8' });
  });

  it('still answers calls from the mini-program, which come without HTTP', async () => {
    expect(await auth({ action: 'signIn', data: { username: 'shuji', password: DEMO_PASSWORD } }, {})).toMatchObject({ ok: true });
  });
});
