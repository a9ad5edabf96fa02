/**
 * The deployable reports function cleaning a photo the mini-program uploaded: its bundle
 * (dist/cloudfunctions/reports/index.js, built by `npm run build:functions`) requires sharp from its
 * own node_modules, reads the upload through node-sdk's storage and keeps a copy without EXIF.
 * Database and storage are answered in-process over loopback HTTP.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { makeDeps, silentLogger } from '../../cloudfunctions/lib/deps';
import { COLLECTIONS, ensureCollections, openCloudbaseStore } from '../../cloudfunctions/lib/store/cloudbase';
import { seedDemo } from '../../cloudfunctions/lib/seed/demo';
import { fixedClock } from '../../src/core';
import { TcbAnswerer } from '../support/tcb';
import { serveCloud } from '../support/tcb/http';
import { platformEnv, StorageAnswerer } from '../support/tcb/storage';
import { inspect, phoneJpeg } from '../support/images';

const dist = path.resolve(__dirname, '../../dist/cloudfunctions');
const ENV = 'test-env';
type Main = (event: unknown, context: unknown) => Promise<any>;

const wxContext = (openid: string) => ({
  request_id: 'req-photo',
  environment: JSON.stringify({ WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID', WX_OPENID: openid, WX_APPID: 'wx-demo', WX_UNIONID: '' }),
});

describe('the bundled reports function and a photo from the mini-program', () => {
  const storage = new StorageAnswerer(ENV);
  const answerer = new TcbAnswerer();
  let server: Awaited<ReturnType<typeof serveCloud>>;
  let buildingId: string;
  let main: Main;
  const saved = { ...process.env };

  beforeAll(async () => {
    if (!existsSync(path.join(dist, 'reports/index.js'))) throw new Error('dist/cloudfunctions is not built: run npm run build:functions (npm test does)');
    server = await serveCloud(storage, answerer);
    Object.assign(process.env, platformEnv(server.url, ENV));
    delete process.env.JINLIN_STORE;
    const app = tcb.init({ env: ENV, secretId: 'test-id', secretKey: 'test-key' });
    await ensureCollections(app);
    for (const c of COLLECTIONS) for (const idx of c.indexes) answerer.createIndex(c.name, idx);
    const store = openCloudbaseStore(app);
    await seedDemo(makeDeps(store, { clock: fixedClock(Date.now()), log: silentLogger }), { residents: 3 });
    const sun = (await store.people.findByUsername('jumin'))!;
    await store.people.insert({ ...sun, id: 'per_wx', username: null, openid: 'o-wx-resident', name: '微信居民' }, null);
    const building = (await store.bindings.listForPerson(sun.id)).find((b) => b.role === 'resident')!;
    await store.bindings.insert({ ...building, id: 'bnd_wx', personId: 'per_wx' });
    buildingId = building.unitId;
    jest.isolateModules(() => {
      main = require(path.join(dist, 'reports/index.js')).main;
    });
  }, 60_000);

  afterAll(async () => {
    process.env = saved;
    await server?.close();
  });

  const create = (photos: string[], id: string) =>
    main({ action: 'create', data: { clientRequestId: `photo-bundle-${id}`, unitId: buildingId, category: 'noise', description: '楼上半夜装修', photos } }, wxContext('o-wx-resident'));

  it('requires sharp from the function’s own node_modules, and keeps a copy of the photo without its GPS position', async () => {
    expect(require.resolve('sharp', { paths: [path.join(dist, 'reports')] })).toBe(path.join(dist, 'reports/node_modules/sharp/dist/index.cjs'));
    const upload = storage.upload('uploads/per_wx/lz1abc-q9.jpg', await phoneJpeg({ orientation: 6 }));
    const r = await create([upload], '0001');
    expect(r).toMatchObject({ ok: true, data: { created: true, report: { photos: [storage.fileId('photos/per_wx/lz1abc-q9.jpg')] } } });
    const kept = storage.files.get('photos/per_wx/lz1abc-q9.jpg')!;
    expect(await inspect(kept)).toMatchObject({ format: 'jpeg', width: 48, height: 64 });
    expect((await inspect(kept)).exif).toBeUndefined();
    expect(storage.files.has('uploads/per_wx/lz1abc-q9.jpg')).toBe(false);
    expect(answerer.dump('reports').find((d) => d.clientRequestId === 'photo-bundle-0001')).toMatchObject({ photos: [storage.fileId('photos/per_wx/lz1abc-q9.jpg')] });
  });

  it('refuses a neighbour’s upload and a broken one, and files nothing', async () => {
    const theirs = storage.upload('uploads/per_neighbour/a1.jpg', await phoneJpeg());
    const broken = storage.upload('uploads/per_wx/b1.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from('<html></html>')]));
    const before = answerer.dump('reports').length;
    expect(await create([theirs], '0002')).toMatchObject({ ok: false, code: 'PHOTO.NOT_YOURS', field: 'photos' });
    expect(await create([broken], '0003')).toMatchObject({ ok: false, code: 'PHOTO.UNREADABLE', message: '这张照片无法读取，请重新拍一张' });
    expect(answerer.dump('reports').length).toBe(before);
  });
});
