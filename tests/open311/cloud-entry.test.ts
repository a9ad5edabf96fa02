/**
 * The `open311` cloud function as CloudBase runs it: dist/cloudfunctions/open311/index.js (built by
 * `npm run build:functions`) answering HTTP access events — Open311 under /open311/v2, wherever the
 * access path mounts it, and the management page's key actions beside it — against the in-process
 * CloudBase database over loopback HTTP.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { makeDeps, silentLogger } from '../../cloudfunctions/lib/deps';
import { COLLECTIONS, ensureCollections, openCloudbaseStore, type CloudbaseStore } from '../../cloudfunctions/lib/store/cloudbase';
import { seedDemo } from '../../cloudfunctions/lib/seed/demo';
import { DEMO_PASSWORD } from '../../cloudfunctions/lib/actions/auth';
import { fixedClock } from '../../src/core';
import { TcbAnswerer } from '../support/tcb';
import { serveAnswerer } from '../support/tcb/http';
import { items, W3C_CHINA, xml } from './support';

const dist = path.resolve(__dirname, '../../dist/cloudfunctions');
type Main = (event: unknown, context: unknown) => Promise<any>;

describe('the open311 cloud function over HTTP access', () => {
  let server: Awaited<ReturnType<typeof serveAnswerer>>;
  let answerer: TcbAnswerer;
  let store: CloudbaseStore;
  let open311: Main;
  let token: string;
  const env = { ...process.env };

  beforeAll(async () => {
    if (!existsSync(path.join(dist, 'open311/index.js'))) throw new Error('dist/cloudfunctions is not built: run node config/build-functions.mjs (npm test does)');
    answerer = new TcbAnswerer();
    server = await serveAnswerer(answerer);
    // What the CloudBase runtime injects into a function instance (see tests/functions/bundle.test.ts).
    process.env.TENCENTCLOUD_RUNENV = 'SCF';
    process.env.TENCENTCLOUD_REGION = 'ap-shanghai';
    process.env.SCF_NAMESPACE = 'test-env';
    process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: server.url });
    process.env.TENCENTCLOUD_SECRETID = 'test-id';
    process.env.TENCENTCLOUD_SECRETKEY = 'test-key';
    process.env.TCB_ENV = 'test-env';
    delete process.env.JINLIN_STORE;
    const app = tcb.init({ env: 'test-env', secretId: 'test-id', secretKey: 'test-key' });
    await ensureCollections(app);
    for (const c of COLLECTIONS) for (const idx of c.indexes) answerer.createIndex(c.name, idx);
    store = openCloudbaseStore(app);
    await seedDemo(makeDeps(store, { clock: fixedClock(Date.now()), log: silentLogger }), { residents: 3 });
    const load = (name: string): Main => {
      let main: Main | undefined;
      jest.isolateModules(() => {
        main = require(path.join(dist, name, 'index.js')).main;
      });
      return main!;
    };
    open311 = load('open311');
    const signIn = await load('auth')({ httpMethod: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'signIn', data: { username: 'shequ', password: DEMO_PASSWORD } }) }, {});
    token = JSON.parse(signIn.body).data.token;
  }, 60_000);

  afterAll(async () => {
    process.env = env;
    await server?.close();
  });

  const host = 'test-env.ap-shanghai.app.tcloudbase.com';
  const get = (p: string, query: Record<string, string> = {}) => open311({ path: p, httpMethod: 'GET', headers: { host }, queryStringParameters: query, body: null, isBase64Encoded: false }, {});

  it('answers discovery and services as GET events, naming itself at the path it was called on', async () => {
    const discovery = await get('/open311/v2/discovery.json');
    expect(discovery).toMatchObject({ statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(JSON.parse(discovery.body).endpoints[0].url).toBe(`https://${host}/open311/v2`);
    // Under the function's own /api/open311 access path (which matches by prefix) it works the same.
    const mounted = await get('/api/open311/open311/v2/discovery.json');
    expect(JSON.parse(mounted.body).endpoints[0].url).toBe(`https://${host}/api/open311/open311/v2`);
    const services = await get('/open311/v2/services.xml');
    expect(services.statusCode).toBe(200);
    const { root, value } = await xml(services.body);
    expect(root).toBe('services');
    expect(items(value.service).map((s) => s.service_code)).toContain('lift');
  });

  it('issues a key through the key actions, files a form-encoded POST with it, and reads the report back', async () => {
    const actions = (action: string, data: unknown) =>
      open311({ httpMethod: 'POST', path: '/api/open311', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ action, data }) }, {}).then((r: any) =>
        JSON.parse(r.body),
      );
    const listed = await actions('keys', {});
    expect(listed).toMatchObject({ ok: true, data: { community: { name: '阳光社区' } } });
    const building = listed.data.units.find((u: { trail: string }) => u.trail === '幸福里小区 / 1号楼');
    const issued = await actions('issueKey', { communityId: listed.data.community.id, partner: '幸福街道 12345 热线' });
    expect(issued).toMatchObject({ ok: true, data: { secret: expect.stringMatching(/^jl311_/) } });
    expect(answerer.dump('api_keys')).toHaveLength(1);

    const form = new URLSearchParams({ api_key: issued.data.secret, service_code: 'noise', address_id: building.id, description: '楼上夜里装修，电钻声很响', phone: '13912345678', first_name: '秀兰' }).toString();
    const posted = await open311(
      { path: '/open311/v2/requests.json', httpMethod: 'POST', headers: { host, 'Content-Type': 'application/x-www-form-urlencoded' }, body: Buffer.from(form).toString('base64'), isBase64Encoded: true },
      {},
    );
    expect(posted.statusCode).toBe(200);
    const [created] = JSON.parse(posted.body);
    expect(created).toEqual({ service_request_id: expect.any(String), service_notice: expect.stringContaining('由楼栋处理'), account_id: null });
    const stored = answerer.dump('reports').find((d) => d._id === created.service_request_id)!;
    expect(stored).toMatchObject({ channel: 'open311', residentId: null, contactName: null, contactPhone: null });
    expect(JSON.stringify(stored)).not.toContain('13912345678');

    const byId = await get(`/open311/v2/requests/${created.service_request_id}.xml`, { api_key: issued.data.secret });
    expect(byId.statusCode).toBe(200);
    const [request] = items((await xml(byId.body)).value.request);
    expect(request).toMatchObject({ service_request_id: created.service_request_id, status: 'open', service_code: 'noise', agency_responsible: '1号楼' });
    expect(request.requested_datetime).toMatch(W3C_CHINA);
    const listedRequests = JSON.parse((await get('/open311/v2/requests.json', { api_key: issued.data.secret, status: 'open' })).body);
    expect(listedRequests.map((r: { service_request_id: string }) => r.service_request_id)).toContain(created.service_request_id);

    // Revoked through the actions: the next call with it is refused.
    expect(await actions('revokeKey', { id: issued.data.key.id, reason: '合作结束' })).toMatchObject({ ok: true, data: { status: 'revoked' } });
    const refused = await get('/open311/v2/requests.json', { api_key: issued.data.secret });
    expect([refused.statusCode, JSON.parse(refused.body)[0].code]).toEqual([403, 403]);
    expect((await store.apiKeys.get(issued.data.key.id))!.revokeReason).toBe('合作结束');
  });

  it('answers refusals in the spec’s error shape: a POST without a form, a wrong key, an unknown path', async () => {
    const noForm = await open311({ path: '/open311/v2/requests.json', httpMethod: 'POST', headers: { host, 'content-type': 'application/json' }, body: '{}' }, {});
    expect([noForm.statusCode, JSON.parse(noForm.body)[0].code]).toEqual([400, 400]);
    const wrongKey = await get('/open311/v2/requests/rep_nowhere.json', { api_key: 'jl311_wrong' });
    expect([wrongKey.statusCode, JSON.parse(wrongKey.body)[0].code]).toEqual([403, 403]);
    const lost = await get('/open311/v2/tokens/1.xml');
    expect(lost.statusCode).toBe(404);
    expect((await xml(lost.body)).root).toBe('errors');
  });
});
