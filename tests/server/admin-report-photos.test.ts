/**
 * The management page's report drawer shows each photo at the address the report's view gives,
 * and the local host serves it there. Before, the drawer put `/files/` in front of an address that
 * already had it (`/files//files/pho_…`): every photo was broken. The drawer's body is rendered to
 * HTML with react-dom/server, its api module and icons stubbed (the body only reads the report it is given).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../server/app';
import { localPhotos } from '../../cloudfunctions/lib/ports/photos';
import { randomIds } from '../../cloudfunctions/lib/deps';
import type { ReportDetail } from '../../src/core/views';
import { data, harness, type Harness } from '../support/harness';
import { phoneJpeg } from '../support/images';

function renderBody(report: ReportDetail): string {
  let html = '';
  jest.isolateModules(() => {
    // The admin's .tsx is compiled here with the classic JSX runtime, which reads a global React.
    (globalThis as { React?: unknown }).React = require('react');
    jest.doMock('../../admin/src/api', () => ({ api: {}, ApiError: class ApiError extends Error {}, isAuthLost: () => false }));
    // The router reads Vite's import.meta; 转为议题 navigates only when clicked, which nothing does here.
    jest.doMock('../../admin/src/router', () => ({ navigate: () => undefined }));
    // Its package's "node" condition names only an ES module; the drawer's reload button is not rendered here.
    jest.doMock('@ant-design/icons', () => ({ ReloadOutlined: () => null }), { virtual: true });
    const { ReportBody } = require('../../admin/src/pages/Desk/ReportDrawer');
    const React = require('react');
    const { renderToStaticMarkup } = require('react-dom/server');
    html = renderToStaticMarkup(React.createElement(ReportBody, { report, now: Date.now() }));
  });
  return html;
}

describe('photos in the management page’s report drawer', () => {
  let h: Harness;
  let app: FastifyInstance;
  const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-drawer-'));
  beforeAll(async () => {
    h = await harness({ residents: 3 });
    h.deps.photos = localPhotos(dir, randomIds);
    app = await buildServer({ deps: h.deps, filesDir: dir });
  });
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  it('points each photo at the address the view gives, where the host serves it', async () => {
    const sun = (await h.store.people.findByUsername('jumin'))!;
    const photo = await h.deps.photos.put(await phoneJpeg(), sun.id);
    const building = (await h.store.bindings.listForPerson(sun.id)).find((b) => b.role === 'resident')!;
    const { report } = data(
      await h.call<{ report: ReportDetail }>('reports', 'create', { clientRequestId: 'drawer-photo-01', unitId: building.unitId, category: 'noise', description: '楼上半夜装修', photos: [photo.id] }, await h.as('jumin')),
    );
    const seen = data(await h.call<ReportDetail>('reports', 'detail', { id: report.id }, await h.as('shuji')));
    expect(seen.photos).toEqual([`/files/${photo.id}`]);

    const srcs = [...renderBody(seen).matchAll(/<img[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
    // The report's photos, and the same photo again on the timeline's first entry.
    expect(srcs.length).toBeGreaterThan(0);
    expect(new Set(srcs)).toEqual(new Set([`/files/${photo.id}`]));
    const got = await app.inject(srcs[0]);
    expect([got.statusCode, got.headers['content-type']]).toEqual([200, 'image/jpeg']);
  });
});
