/**
 * The local host's stand-in for the OPENID WeChat injects: the header X-Jinlin-Dev-Openid, honoured
 * only by a host started to simulate WeChat (JINLIN_DEV_WECHAT=1 → buildServer({ devWechat: true }));
 * any other host refuses a request carrying it, on every route, rather than serve it as nobody.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { CodeView } from '../../src/core';
import { buildServer } from '../../server/app';
import { localOpenData } from '../../cloudfunctions/lib/ports/open-data';
import { localPhotos } from '../../cloudfunctions/lib/ports/photos';
import { randomIds } from '../../cloudfunctions/lib/deps';
import { data, harness, type Harness } from '../support/harness';
import { png } from '../support/images';

const HEADER = 'x-jinlin-dev-openid';

describe('the stand-in OPENID', () => {
  let h: Harness;
  let simulating: FastifyInstance;
  let plain: FastifyInstance;
  const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-dev-openid-'));
  beforeAll(async () => {
    h = await harness({ residents: 3 });
    h.deps.photos = localPhotos(dir, randomIds);
    h.deps.openData = localOpenData({ devWechat: true });
    simulating = await buildServer({ deps: h.deps, filesDir: dir, devWechat: true });
    plain = await buildServer({ deps: h.deps, filesDir: dir });
  });
  afterAll(async () => {
    await simulating.close();
    await plain.close();
    await h.close();
  });

  const post = (app: FastifyInstance, fn: string, payload: unknown, openid?: string) =>
    app.inject({ method: 'POST', url: `/api/${fn}`, payload: payload as object, headers: openid === undefined ? {} : { [HEADER]: openid } });

  it('is served as a WeChat user when the host simulates WeChat: registered, approved, then a resident', async () => {
    const before = await post(simulating, 'auth', { action: 'whoAmI' }, 'o-dev-1');
    expect([before.statusCode, before.json()]).toEqual([200, { ok: true, data: { registered: false, howToRegister: expect.stringContaining('楼栋码'), registration: null } }]);

    const building = await h.unitNamed('1号楼', '幸福里小区');
    const lead = await h.as('louzhang');
    const code = data(await h.call<CodeView>('codes', 'create', { unitId: building.id, purpose: 'building' }, lead));
    const submitted = await post(
      simulating,
      'registration',
      { action: 'submit', data: { codeId: code.id, name: '开发者', phoneCode: 'dev-phone:13655550001:a', door: { entrance: '1', floor: 2, room: '201' } } },
      'o-dev-1',
    );
    expect(submitted.statusCode).toBe(200);
    const reg = submitted.json().data.registration;
    expect(reg).toMatchObject({ status: 'pending', phoneVerified: true });
    data(await h.call('registration', 'approve', { id: reg.id, version: reg.version }, lead));

    const after = await post(simulating, 'auth', { action: 'whoAmI' }, 'o-dev-1');
    expect(after.json()).toMatchObject({ ok: true, data: { registered: true, person: { name: '开发者' } } });
    const photo = await simulating.inject({ method: 'POST', url: '/api/photos', payload: await png(), headers: { 'content-type': 'image/png', [HEADER]: 'o-dev-1' } });
    expect([photo.statusCode, photo.json().ok]).toEqual([200, true]);
  });

  it('is told to register on the photo route too, when nobody is bound to it', async () => {
    const r = await simulating.inject({ method: 'POST', url: '/api/photos', payload: await png(), headers: { 'content-type': 'image/png', [HEADER]: 'o-dev-nobody' } });
    expect([r.statusCode, r.json().code]).toEqual([403, 'AUTH.NOT_REGISTERED']);
  });

  it('refuses a malformed stand-in', async () => {
    const r = await post(simulating, 'auth', { action: 'whoAmI' }, 'has spaces and ünïcode');
    expect([r.statusCode, r.json().code]).toEqual([400, 'INPUT.MALFORMED']);
  });

  it('is refused, never served, by a host that does not simulate WeChat: every function, photos and pages', async () => {
    for (const r of [
      await post(plain, 'auth', { action: 'whoAmI' }, 'o-dev-1'),
      await post(plain, 'auth', { action: 'demoLogins' }, 'o-dev-1'),
      await plain.inject({ method: 'POST', url: '/api/photos', payload: await png(), headers: { 'content-type': 'image/png', [HEADER]: 'o-dev-1' } }),
      await plain.inject({ method: 'GET', url: '/', headers: { [HEADER]: 'o-dev-1' } }),
    ]) {
      expect(r.statusCode).toBe(403);
      expect(r.json()).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN', message: expect.stringContaining('没有模拟微信') });
    }
    // Without the header the same host serves as before.
    expect((await post(plain, 'auth', { action: 'demoLogins' })).statusCode).toBe(200);
  });
});
