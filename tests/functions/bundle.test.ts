/**
 * The deployable artefact, end to end: dist/cloudfunctions/<name>/index.js (built by
 * `npm run build:functions`, self-contained) is required and its main(event, context) called the
 * way CloudBase calls it, against the in-process CloudBase database over loopback HTTP.
 */
import { execFileSync } from 'node:child_process';
import dns from 'node:dns';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { makeDeps, silentLogger } from '../../cloudfunctions/lib/deps';
import { COLLECTIONS, ensureCollections, openCloudbaseStore } from '../../cloudfunctions/lib/store/cloudbase';
import { seedDemo } from '../../cloudfunctions/lib/seed/demo';
import { DEMO_PASSWORD } from '../../cloudfunctions/lib/actions/auth';
import { fixedClock } from '../../src/core';
import { TcbAnswerer } from '../support/tcb';
import { serveAnswerer } from '../support/tcb/http';

const dist = path.resolve(__dirname, '../../dist/cloudfunctions');
type Main = (event: unknown, context: unknown) => Promise<any>;

/** The context CloudBase passes a function invoked from the mini-program by this OPENID. */
const wxContext = (openid: string) => ({
  request_id: 'req-1',
  environment: JSON.stringify({ WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID', WX_OPENID: openid, WX_APPID: 'wx-demo', WX_UNIONID: '' }),
});

/** Every host name looked up while these tests run: nothing may leave the machine. */
const looked: string[] = [];
const realLookup = dns.lookup;
beforeAll(() => {
  (dns as { lookup: unknown }).lookup = (host: string, ...rest: unknown[]) => {
    looked.push(host);
    return (realLookup as (...a: unknown[]) => unknown).call(dns, host, ...rest);
  };
});
afterAll(() => {
  (dns as { lookup: unknown }).lookup = realLookup;
});

describe('bundled cloud functions', () => {
  let server: Awaited<ReturnType<typeof serveAnswerer>>;
  let answerer: TcbAnswerer;
  const env = { ...process.env };

  beforeAll(async () => {
    if (!existsSync(path.join(dist, 'units/index.js'))) throw new Error('dist/cloudfunctions is not built: run npm run build:functions (npm test does)');
    answerer = new TcbAnswerer();
    server = await serveAnswerer(answerer);
    // What the CloudBase runtime injects into every function instance. Without the SCF markers
    // node-sdk probes metadata.tencentyun.com before every request to learn where it runs.
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
    const store = openCloudbaseStore(app);
    await seedDemo(makeDeps(store, { clock: fixedClock(Date.now()), log: silentLogger }), { residents: 3 });
    // A resident registered from WeChat.
    const sun = (await store.people.findByUsername('jumin'))!;
    await store.people.insert({ ...sun, id: 'per_wx', username: null, openid: 'o-wx-resident', name: '微信居民' }, null);
    const building = (await store.bindings.listForPerson(sun.id))[0];
    await store.bindings.insert({ ...building, id: 'bnd_wx', personId: 'per_wx' });
  }, 60_000);

  afterAll(async () => {
    process.env = env;
    await server?.close();
  });

  const load = (name: string): Main => {
    let main: Main | undefined;
    jest.isolateModules(() => {
      main = require(path.join(dist, name, 'index.js')).main;
    });
    return main!;
  };

  it('ships each function with its config and a package.json that needs nothing installed', () => {
    for (const name of ['auth', 'units', 'people']) {
      const pkg = JSON.parse(readFileSync(path.join(dist, name, 'package.json'), 'utf8'));
      expect(pkg.dependencies).toEqual({});
      const config = JSON.parse(readFileSync(path.join(dist, name, 'config.json'), 'utf8'));
      expect(config).toHaveProperty('permissions.openapi');
    }
  });

  it('lets every function that files reports send subscribe messages (filing tells the handler)', () => {
    // reports.create, an Open311 POST and a member's visit all route a report and notify its handler.
    for (const name of ['reports', 'open311', 'pairings']) {
      const config = JSON.parse(readFileSync(path.join(dist, name, 'config.json'), 'utf8'));
      expect({ name, openapi: config.permissions.openapi }).toEqual({ name, openapi: expect.arrayContaining(['subscribeMessage.send']) });
    }
  });

  it('bundles each function with its own actions and none of another function’s', () => {
    const built = JSON.parse(readFileSync(path.join(dist, '.built'), 'utf8')) as { sources: Record<string, string[]> };
    // The file that defines each function's actions (its FunctionDef).
    const defs: Record<string, string> = {
      auth: 'cloudfunctions/lib/actions/auth.ts',
      codes: 'cloudfunctions/lib/actions/codes/index.ts',
      groups: 'cloudfunctions/lib/actions/groups/index.ts',
      lectures: 'cloudfunctions/lib/actions/lectures/index.ts',
      management: 'cloudfunctions/lib/actions/management/index.ts',
      members: 'cloudfunctions/lib/actions/members/index.ts',
      messages: 'cloudfunctions/lib/actions/messages/index.ts',
      open311: 'cloudfunctions/lib/actions/open311/index.ts',
      pairings: 'cloudfunctions/lib/actions/pairings/index.ts',
      people: 'cloudfunctions/lib/actions/people.ts',
      points: 'cloudfunctions/lib/actions/points/index.ts',
      registration: 'cloudfunctions/lib/actions/registration/index.ts',
      reports: 'cloudfunctions/lib/actions/reports/index.ts',
      units: 'cloudfunctions/lib/actions/units.ts',
      wishes: 'cloudfunctions/lib/actions/wishes/index.ts',
      assessments: 'cloudfunctions/lib/actions/assessments/index.ts',
      deliberation: 'cloudfunctions/lib/actions/deliberation/index.ts',
      partners: 'cloudfunctions/lib/actions/partners/index.ts',
    };
    expect(Object.keys(built.sources).sort()).toEqual([...Object.keys(defs), 'timer'].sort());
    for (const [name, sources] of Object.entries(built.sources)) {
      expect(Object.entries(defs).filter(([, file]) => sources.includes(file)).map(([fn]) => fn)).toEqual(name in defs ? [name] : []);
      expect(sources).not.toContain('cloudfunctions/lib/functions.ts');
    }
  });

  it('leaves out of every bundle what its cold start never runs', () => {
    const built = JSON.parse(readFileSync(path.join(dist, '.built'), 'utf8')) as { sizes: Record<string, number>; packages: Record<string, string[]> };
    // Spreadsheets, the local host's QR codes and wx-server-sdk (which `codes` loads to draw a mini-program code, and `groups` and
    // `registration` to read the group a page was opened in) load on first use.
    const never = ['exceljs', 'qrcode', 'better-sqlite3', 'wx-server-sdk', '@cloudbase/ai', '@cloudbase/wx-cloud-client-sdk', 'jsonwebtoken', 'xml2js', 'form-data', 'axios', 'sharp', '@img/colour', 'detect-libc'];
    for (const [name, packages] of Object.entries(built.packages)) {
      expect({ name, bundled: packages.filter((p) => never.includes(p)) }).toEqual({ name, bundled: [] });
      expect(built.sizes[name]).toBeLessThanOrEqual(1024 * 1024);
      // node-sdk's rarely used parts travel beside the function, loaded on first use.
      expect(require.resolve('xml2js', { paths: [path.join(dist, name)] })).toBe(path.join(dist, name, 'node_modules/xml2js/index.js'));
    }
  });

  it('carries wx-server-sdk beside the functions that draw mini-program codes or read groups, and only those', () => {
    const loaders = ['codes', 'groups', 'registration'];
    for (const name of readdirSync(dist).filter((n) => !n.startsWith('.'))) {
      const beside = existsSync(path.join(dist, name, 'node_modules/wx-server-sdk/index.js'));
      expect({ name, beside }).toEqual({ name, beside: loaders.includes(name) });
    }
    // Those that read groups may: their config grants getOpenData.
    for (const name of ['groups', 'registration'])
      expect(JSON.parse(readFileSync(path.join(dist, name, 'config.json'), 'utf8')).permissions.openapi).toContain('cloudbase.getOpenData');
  });

  it('answers a shared card through the groups bundle, without reading any group when there is no cloudID', async () => {
    const main = load('groups');
    expect(await main({ action: 'card', data: { reportId: 'rep_nowhere' } }, wxContext('o-stranger'))).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND', field: 'reportId' });
    expect(await main({ action: 'bind', data: { buildingId: 'bui_nowhere', cloudID: 'c-1' } }, wxContext('o-stranger'))).toMatchObject({ ok: false, code: 'AUTH.NOT_REGISTERED' });
  });

  it('carries sharp beside the functions that link photos, and only those, never inside a bundle', () => {
    const built = JSON.parse(readFileSync(path.join(dist, '.built'), 'utf8')) as { sources: Record<string, string[]> };
    // The files that link photos to a report (and so clean them, lib/ports/photos/cloud.ts).
    const actions = path.resolve(__dirname, '../../cloudfunctions/lib/actions');
    const linking = readdirSync(actions, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && /photos\.accept\(/.test(readFileSync(path.join(actions, f), 'utf8')))
      .map((f) => `cloudfunctions/lib/actions/${f.split(path.sep).join('/')}`);
    expect(linking.length).toBeGreaterThan(0);
    for (const [name, sources] of Object.entries(built.sources)) {
      const dir = path.join(dist, name);
      const links = sources.some((f) => linking.includes(f));
      expect({ name, carries: existsSync(path.join(dir, 'node_modules/sharp/package.json')) }).toEqual({ name, carries: links });
      // Required on first use only: no part of sharp (nor its loader's messages) in any index.js.
      expect(readFileSync(path.join(dir, 'index.js'), 'utf8')).not.toMatch(/Could not load the "sharp" module|sharp-linux-x64|libvips-cpp/);
      expect(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).dependencies).toEqual({});
    }
    expect(built.sources.reports.some((f) => linking.includes(f))).toBe(true);
  });

  it('loads sharp and its libvips from the reports function’s folder deployed alone, outside this repository', () => {
    const alone = path.join(mkdtempSync(path.join(tmpdir(), 'jinlin-fn-')), 'reports');
    cpSync(path.join(dist, 'reports'), alone, { recursive: true });
    const out = execFileSync(
      process.execPath,
      ['-e', "const s = require('sharp'); s({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).jpeg().toBuffer().then((b) => console.log(JSON.stringify({ from: require.resolve('sharp'), vips: s.versions.vips, jpeg: b[0] === 0xff })))"],
      // No NODE_PATH and a folder outside the repository: nothing to fall back on but the copy.
      { cwd: alone, env: { ...process.env, NODE_PATH: '' }, encoding: 'utf8' },
    );
    expect(JSON.parse(out)).toEqual({ from: path.join(alone, 'node_modules/sharp/dist/index.cjs'), vips: expect.any(String), jpeg: true });
    rmSync(path.dirname(alone), { recursive: true, force: true });
  });

  it('answers the mini-program caller by the platform OPENID, through the CloudBase database', async () => {
    const before = server.requests();
    const r = await load('auth')({ action: 'whoAmI', data: {} }, wxContext('o-wx-resident'));
    expect(r).toMatchObject({ ok: true, data: { person: { name: '微信居民' }, bindings: [{ role: 'resident', trail: '幸福街道 / 阳光社区 / 幸福里小区 / 1号楼' }] } });
    expect(server.requests()).toBeGreaterThan(before);
  });

  it('does not believe an openid sent in the event', async () => {
    const main = load('auth');
    expect(await main({ action: 'whoAmI', data: {}, openid: 'o-wx-resident', userInfo: { openId: 'o-wx-resident' } }, {})).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
    // A WeChat user nobody registered: told how to register, and refused what needs a person.
    expect(await main({ action: 'whoAmI', data: {} }, wxContext('o-stranger'))).toMatchObject({ ok: true, data: { registered: false, registration: null } });
    expect(await load('reports')({ action: 'mine', data: {} }, wxContext('o-stranger'))).toMatchObject({ ok: false, code: 'AUTH.NOT_REGISTERED' });
    expect(await load('registration')({ action: 'mine', data: {} }, wxContext('o-stranger'))).toEqual({ ok: true, data: { registrations: [] } });
    // A WeChat user nobody knows may check in as a party member: their (no) check-ins, and how to.
    expect(await load('members')({ action: 'mine', data: {} }, wxContext('o-stranger'))).toEqual({ ok: true, data: { checkins: [], howToCheckIn: expect.stringContaining('报到码') } });
    expect(await load('members')({ action: 'roster', data: {} }, wxContext('o-wx-resident'))).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    // Pairings (联户): a resident has none of their own, and lists nobody's.
    expect(await load('pairings')({ action: 'mine', data: {} }, wxContext('o-wx-resident'))).toEqual({ ok: true, data: { pairings: [] } });
    expect(await load('pairings')({ action: 'list', data: {} }, wxContext('o-wx-resident'))).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  it('serves a web caller through HTTP access with a session token, and writes through the adapter', async () => {
    const auth = load('auth');
    const units = load('units');
    const signIn = await auth(
      { httpMethod: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'signIn', data: { username: 'shuji', password: DEMO_PASSWORD } }) },
      {},
    );
    expect(signIn.statusCode).toBe(200);
    const token = JSON.parse(signIn.body).data.token;
    const call = (action: string, data: unknown) =>
      units({ httpMethod: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ action, data }) }, {}).then((r: any) => ({
        status: r.statusCode,
        ...JSON.parse(r.body),
      }));
    const tree = await call('tree', {});
    const compound = tree.data.units.find((u: any) => u.name === '幸福里小区');
    const created = await call('create', { parentId: compound.id, kind: 'building', name: '云上楼' });
    expect(created).toMatchObject({ status: 200, ok: true, data: { name: '云上楼', version: 1 } });
    expect(answerer.dump('units').some((d) => d.name === '云上楼')).toBe(true);

    // A conflicting write: the second rename with the same version is refused and changes nothing.
    expect((await call('rename', { id: created.data.id, name: '云中楼', version: 1 })).ok).toBe(true);
    expect(await call('rename', { id: created.data.id, name: '云下楼', version: 1 })).toMatchObject({ status: 409, code: 'CONFLICT.VERSION' });
    expect(answerer.dump('units').find((d) => d._id === created.data.id)).toMatchObject({ name: '云中楼', version: 2 });

    expect(await call('create', { parentId: compound.id, kind: 'building', name: '云中楼' })).toMatchObject({ status: 409, code: 'UNIT.NAME_TAKEN' });
  });

  it('makes a ledger in the desk bundle with the exceljs bundled beside it, read on first use only', async () => {
    const deskDir = path.join(dist, 'management');
    // The bundle itself leaves exceljs out; the copy in the function's own node_modules is the one found.
    expect(readFileSync(path.join(deskDir, 'index.js'), 'utf8')).not.toMatch(/sharedStrings\.xml/);
    expect(require.resolve('exceljs', { paths: [deskDir] })).toBe(path.join(deskDir, 'node_modules/exceljs/index.js'));
    // The members' roster export carries its own copy the same way.
    const membersDir = path.join(dist, 'members');
    expect(readFileSync(path.join(membersDir, 'index.js'), 'utf8')).not.toMatch(/sharedStrings\.xml/);
    expect(require.resolve('exceljs', { paths: [membersDir] })).toBe(path.join(membersDir, 'node_modules/exceljs/index.js'));

    const signIn = await load('auth')(
      { httpMethod: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'signIn', data: { username: 'shuji', password: DEMO_PASSWORD } }) },
      {},
    );
    const token = JSON.parse(signIn.body).data.token;
    const r = await load('management')({ httpMethod: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ action: 'ledger', data: { unitId: JSON.parse(signIn.body).data.me.bindings[0].unit.id, from: '2026-11-01', to: '2026-11-30' } }) }, {});
    const body = JSON.parse(r.body);
    expect(body).toMatchObject({ ok: true, data: { mimeType: expect.stringContaining('spreadsheetml') } });
    const ExcelJS = require('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(body.data.base64, 'base64'));
    expect(wb.worksheets.length).toBe(2);
  });

  it('runs the timer’s jobs on a timer event, each reported, and refuses any other caller', async () => {
    const timer = load('timer');
    const r = await timer({ Type: 'Timer', TriggerName: 'every5min', Time: new Date().toISOString() }, { request_id: 'req-timer' });
    expect(r).toMatchObject({
      ok: true,
      data: {
        runId: 'timer-req-timer',
        jobs: [
          { name: 'sweep', ok: true, result: expect.objectContaining({ more: false }) },
          { name: 'sendNoticeFanouts', ok: true, result: { told: 0, finished: 0, more: false } },
          { name: 'purgeSessions', ok: true, result: { purged: expect.any(Number) } },
          { name: 'purgeRateLimits', ok: true, result: { purged: expect.any(Number) } },
          { name: 'warnMissingHolidays', ok: true, result: expect.objectContaining({ warned: expect.any(Array) }) },
          { name: 'catchUpWaitlists', ok: true, result: { promoted: 0, more: false } },
          { name: 'remindLectures', ok: true, result: { reminded: 0, more: false } },
          { name: 'continueImports', ok: true, result: { continued: 0, finished: 0 } },
          { name: 'clearExpiredContacts', ok: true, result: { cleared: 0, more: false } },
          { name: 'expireWishes', ok: true, result: { expired: 0, more: false } },
          { name: 'confirmFulfilledWishes', ok: true, result: { confirmed: 0, more: false } },
        ],
      },
    });
    expect(await timer({ action: 'sweep' }, wxContext('o-wx-resident'))).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  it('answers only its own function’s actions', async () => {
    const cred = wxContext('o-wx-resident');
    expect(await load('auth')({ action: 'whoAmI', data: {} }, cred)).toMatchObject({ ok: true });
    expect(await load('messages')({ action: 'whoAmI', data: {} }, cred)).toMatchObject({ ok: false, code: 'API.UNKNOWN_ACTION' });
    expect(await load('auth')({ action: 'list', data: {} }, cred)).toMatchObject({ ok: false, code: 'API.UNKNOWN_ACTION' });
  });

  it('talks to nothing but the loopback database endpoint', () => {
    expect(looked.filter((h) => h !== '127.0.0.1' && h !== 'localhost')).toEqual([]);
  });

  it('refuses a caller with neither an OPENID nor a token, and a malformed HTTP body', async () => {
    const units = load('units');
    expect(await units({ action: 'tree', data: {} }, {})).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
    const r = await units({ httpMethod: 'POST', headers: {}, body: '{nope' }, {});
    expect(r.statusCode).toBe(400);
    expect(JSON.parse(r.body).code).toBe('INPUT.MALFORMED');
  });
});
