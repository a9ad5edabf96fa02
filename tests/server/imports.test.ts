/**
 * An import through the local host's HTTP surface, as the management page does it: importUpload,
 * the file's bytes to POST /api/imports/<name> (not the 1 MiB JSON body every action has), preview,
 * commit, and importContinue until the job is over. An 18,000-row CSV is about 1 MB, 1.3 MB as base64:
 * refused when it rode in the request, taken now.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ImportJobView, ImportPreview, ImportUpload } from '../../src/core';
import { randomIds } from '../../cloudfunctions/lib/deps';
import { localImportFiles, MAX_IMPORT_BYTES } from '../../cloudfunctions/lib/ports/import-files';
import { buildServer } from '../../server/app';
import { harness, type Harness } from '../support/harness';

const rows = (n: number) =>
  Buffer.from(['姓名,手机号,所在楼栋,角色', ...Array.from({ length: n }, (_, i) => `居民${i},133${String(i).padStart(8, '0')},幸福里小区/${(i % 2) + 1}号楼,居民`)].join('\r\n'), 'utf8');

describe('an import through the local host', () => {
  let h: Harness;
  let app: FastifyInstance;
  let auth: Record<string, string>;
  let unitId: string;
  beforeAll(async () => {
    h = await harness({ residents: 3 });
    h.deps.importFiles = localImportFiles(mkdtempSync(path.join(tmpdir(), 'jinlin-imports-')), randomIds);
    app = await buildServer({ deps: h.deps });
    auth = { authorization: `Bearer ${((await h.as('shequ')) as { token: string }).token}` };
    unitId = (await h.unitNamed('阳光社区')).id;
  });
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  const call = async <T>(action: string, data: unknown) => {
    const r = await app.inject({ method: 'POST', url: '/api/management', payload: { action, data }, headers: auth });
    const body = r.json() as { ok: boolean; data: T; code?: string };
    if (!body.ok) throw new Error(`${action}: ${body.code}`);
    return body.data;
  };
  const send = (t: ImportUpload, bytes: Buffer, headers: Record<string, string> = { ...t.headers, ...(t.withToken ? auth : {}) }) =>
    app.inject({ method: t.method, url: t.url, payload: bytes, headers });

  it('takes an 18,000-row CSV that the JSON body limit refused, and imports every row', async () => {
    const bytes = rows(18_000);
    expect(bytes.toString('base64').length).toBeGreaterThan(1024 * 1024);
    // As it was sent before: the file in the request, base64, refused for its size.
    const old = await app.inject({ method: 'POST', url: '/api/management', payload: { action: 'importPreview', data: { kind: 'residents', unitId, fileName: 'r.csv', base64: bytes.toString('base64') } }, headers: auth });
    expect([old.statusCode, old.json().code]).toEqual([413, 'INPUT.MALFORMED']);

    const people = await h.store.people.count();
    const t = await call<ImportUpload>('importUpload', { fileName: '居民.csv' });
    expect(t).toMatchObject({ method: 'POST', withToken: true, url: expect.stringMatching(/^\/api\/imports\/imf_[0-9a-z_]+\.csv$/) });
    const sent = await send(t, bytes);
    expect([sent.statusCode, sent.json()]).toEqual([200, { ok: true, data: { bytes: bytes.length } }]);
    const input = { kind: 'residents', unitId, fileName: '居民.csv', file: t.file };
    const preview = await call<ImportPreview>('importPreview', input);
    expect(preview).toMatchObject({ rows: 18_000, errors: [], willCreate: { people: 18_000, bindings: 18_000 } });
    let job = await call<ImportJobView>('importCommit', { ...input, digest: preview.digest });
    while (!job.finished) job = await call<ImportJobView>('importContinue', { jobId: job.id });
    expect(job).toMatchObject({ state: 'done', created: { people: 18_000, bindings: 18_000 } });
    expect(await h.store.people.count()).toBe(people + 18_000);
  }, 120_000);

  it('refuses an upload from someone who is not staff, without a session, or past the limit', async () => {
    const t = await call<ImportUpload>('importUpload', { fileName: 'x.csv' });
    const resident = { authorization: `Bearer ${((await h.as('jumin')) as { token: string }).token}` };
    const none = await send(t, rows(1), { ...t.headers });
    expect([none.statusCode, none.json().code]).toEqual([401, 'AUTH.REQUIRED']);
    const notStaff = await send(t, rows(1), { ...t.headers, ...resident });
    expect([notStaff.statusCode, notStaff.json().code]).toEqual([403, 'AUTH.FORBIDDEN']);
    const big = await send(t, Buffer.alloc(MAX_IMPORT_BYTES + 2048, 0x61));
    expect([big.statusCode, big.json().code]).toEqual([413, 'IMPORT.FILE_TOO_LARGE']);
    const escape = await app.inject({ method: 'POST', url: '/api/imports/..%2Fescape.csv', payload: rows(1), headers: { ...t.headers, ...auth } });
    expect([escape.statusCode, escape.json().code]).toEqual([400, 'IMPORT.FILE_MISSING']);
  });
});
