/**
 * Photos on the management page: in the cloud a report keeps a `cloud://` fileID, which a browser
 * cannot load. Web callers get temporary addresses (getTempFileURL, at most 50 a request), kept per
 * warm instance until an hour before they expire; the mini-program keeps the fileID its `<Image>`
 * loads itself. node-sdk is unmodified; its storage requests are answered in-process
 * (tests/support/tcb/storage.ts).
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cloudPhotos, localPhotos, type Photos } from '../../cloudfunctions/lib/ports/photos';
import { URL_MAX_AGE_S, URL_REUSE_MARGIN_MS } from '../../cloudfunctions/lib/ports/photos/cloud';
import { photoAddresses } from '../../cloudfunctions/lib/actions/reports/photo-addresses';
import type { Caller } from '../../cloudfunctions/lib/actions/define';
import { randomIds, type Deps } from '../../cloudfunctions/lib/deps';
import type { ReportDetail } from '../../src/core';
import { harness, type Harness } from '../support/harness';
import { serveCloud } from '../support/tcb/http';
import { platformEnv, StorageAnswerer } from '../support/tcb/storage';

const ENV = 'test-env';

describe('temporary addresses for photos in cloud storage', () => {
  const storage = new StorageAnswerer(ENV);
  let server: Awaited<ReturnType<typeof serveCloud>>;
  const saved = { ...process.env };
  /** Files per getTempFileURL request, in order. */
  const asked: number[] = [];
  const errors: unknown[][] = [];
  let t = Date.parse('2026-11-23T09:00:00+08:00');
  let photos: Photos;

  beforeAll(async () => {
    server = await serveCloud(storage);
    Object.assign(process.env, platformEnv(server.url, ENV));
    const answer = storage.answer.bind(storage);
    storage.answer = (action, params) => {
      if (action === 'storage.batchGetDownloadUrl') asked.push((params.file_list as unknown[]).length);
      return answer(action, params);
    };
  });
  beforeEach(() => {
    asked.length = 0;
    errors.length = 0;
    // A fresh warm instance for each case: nothing kept from the one before.
    photos = cloudPhotos({ now: () => t, log: { info() {}, error: (...a) => void errors.push(a) } });
  });
  afterAll(async () => {
    process.env = saved;
    await server.close();
  });

  const stored = (n: number, tag: string) => Array.from({ length: n }, (_, i) => storage.upload(`photos/per_sun/${tag}-${i}.jpg`, Buffer.from(`photo ${tag} ${i}`)));

  it('asks for at most 50 a request, and answers addresses a browser loads, in the order asked', async () => {
    const refs = stored(60, 'many');
    const urls = await photos.urls(refs);
    expect(asked).toEqual([50, 10]);
    expect(urls).toHaveLength(60);
    expect(urls.every((u) => /^http:\/\/127\.0\.0\.1:\d+\/cos\/photos\/per_sun\/many-\d+\.jpg\?sign=temp$/.test(u))).toBe(true);
    expect(urls[37]).toContain('/many-37.jpg');
    expect(await (await fetch(urls[7])).text()).toBe('photo many 7');
  });

  it('asks once per photo while its address has an hour left, then anew', async () => {
    const refs = stored(3, 'kept');
    const first = await photos.urls(refs);
    expect(await photos.urls([refs[2], refs[0], refs[2]])).toEqual([first[2], first[0], first[2]]);
    expect(asked).toEqual([3]);
    t += URL_MAX_AGE_S * 1000 - URL_REUSE_MARGIN_MS - 1;
    await photos.urls(refs);
    expect(asked).toEqual([3]);
    t += 2;
    // Less than an hour left: only what is stale is asked again.
    await photos.urls([...refs, ...stored(1, 'new')]);
    expect(asked).toEqual([3, 4]);
  });

  it('leaves a photo missing from storage as it is, says so, and still answers the others', async () => {
    const [here] = stored(1, 'here');
    const gone = storage.fileId('photos/per_sun/gone.jpg');
    const urls = await photos.urls([gone, here]);
    expect(urls[0]).toBe(gone);
    expect(urls[1]).toContain('/cos/photos/per_sun/here-0.jpg');
    expect(errors).toEqual([['photos: no temporary address for stored photos', { fileIDs: [gone] }]]);
    expect(await photos.urls([])).toEqual([]);
    expect(asked).toEqual([2]);
  });

  describe('in a report’s page', () => {
    let h: Harness;
    let reportId: string;
    let refs: string[];
    beforeAll(async () => {
      h = await harness({ residents: 3 });
      h.deps.photos = cloudPhotos({ now: () => t });
      const building = await h.unitNamed('1号楼', '幸福里小区');
      const made = await h.call<{ report: ReportDetail }>('reports', 'create', { clientRequestId: 'photos-urls-1', unitId: building.id, category: 'noise', description: '楼道灯坏了很久了' }, await h.as('jumin'));
      if (!made.ok) throw new Error(made.code);
      const r = (await h.store.reports.get(made.data.report.id))!;
      refs = stored(2, 'report');
      // As reports.create keeps them after cleaning: the clean copies' fileIDs.
      await h.store.reports.save({ ...r, photos: refs }, r.version, []);
      reportId = r.id;
    });
    afterAll(() => h.close());

    it('gives the management page addresses it can load, in one request', async () => {
      asked.length = 0;
      const page = await h.call<ReportDetail>('reports', 'detail', { id: reportId }, await h.as('louzhang'));
      if (!page.ok) throw new Error(page.code);
      expect(page.data.photos).toEqual([expect.stringMatching(/\/cos\/photos\/per_sun\/report-0\.jpg\?sign=temp$/), expect.stringMatching(/report-1\.jpg\?sign=temp$/)]);
      expect(asked).toEqual([2]);
    });
  });
});

describe('where a caller’s photos are shown from', () => {
  const caller = (via: Caller['via']) => ({ via }) as Caller;
  const fakePhotos = (): Photos & { asked: string[][] } => {
    const asked: string[][] = [];
    return {
      asked,
      put: async () => ({ id: '', url: '' }),
      accept: async (refs) => [...refs],
      putVoice: async () => ({ id: '', url: '', seconds: 0 }),
      acceptVoice: async (ref) => ({ file: ref, seconds: 1, size: 1, type: 'audio/mpeg' }),
      url: (ref) => ref,
      urls: async (refs) => (asked.push([...refs]), refs.map((r) => `https://temp.example/${r.slice('cloud://'.length)}`)),
    };
  };

  it('keeps the fileID for the mini-program, which loads it itself, and asks nothing', async () => {
    const photos = fakePhotos();
    const at = await photoAddresses({ photos } as unknown as Deps, caller('openid'), ['cloud://e.b/p/a.jpg']);
    expect(at('cloud://e.b/p/a.jpg')).toBe('cloud://e.b/p/a.jpg');
    expect(photos.asked).toEqual([]);
  });

  it('asks once for the page’s photos, each once, for a browser', async () => {
    const photos = fakePhotos();
    const at = await photoAddresses({ photos } as unknown as Deps, caller('token'), ['cloud://e.b/p/a.jpg', 'cloud://e.b/p/b.jpg', 'cloud://e.b/p/a.jpg']);
    expect([at('cloud://e.b/p/a.jpg'), at('cloud://e.b/p/b.jpg')]).toEqual(['https://temp.example/e.b/p/a.jpg', 'https://temp.example/e.b/p/b.jpg']);
    expect(photos.asked).toEqual([['cloud://e.b/p/a.jpg', 'cloud://e.b/p/b.jpg']]);
  });

  it('answers /files/<id> on the local host, for every caller', async () => {
    const local = localPhotos(path.join(tmpdir(), 'jinlin-photo-urls'), randomIds);
    expect(await local.urls(['pho_abcdefghij', 'pho_klmnopqrst'])).toEqual(['/files/pho_abcdefghij', '/files/pho_klmnopqrst']);
  });
});
