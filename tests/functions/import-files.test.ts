/**
 * Where an import's spreadsheet waits (ImportFiles): in the cloud the environment's storage, written
 * by the browser at the address storage.getUploadMetadata signs, through the unmodified node-sdk
 * answered in-process (tests/support/tcb/storage.ts); locally a folder the host's upload route fills.
 * Either way each file is its uploader's alone.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { sequentialIds } from '../../src/core';
import { cloudImportFiles, localImportFiles, MAX_IMPORT_BYTES, type ImportFiles } from '../../cloudfunctions/lib/ports/import-files';
import { nodeSdkStorage } from '../../cloudfunctions/lib/ports/photos';
import { serveCloud } from '../support/tcb/http';
import { platformEnv, StorageAnswerer } from '../support/tcb/storage';

const ENV = 'test-env';
const CSV = Buffer.from('姓名,手机号,所在楼栋\r\n王秀兰,13812345678,幸福里小区/1号楼\r\n', 'utf8');

describe('import files in cloud storage', () => {
  const storage = new StorageAnswerer(ENV);
  let server: Awaited<ReturnType<typeof serveCloud>>;
  let files: ImportFiles;
  const saved = { ...process.env };

  beforeAll(async () => {
    server = await serveCloud(storage);
    Object.assign(process.env, platformEnv(server.url, ENV));
    const app = tcb.init({ env: ENV });
    // What entry.ts passes: node-sdk's storage, and getUploadMetadata for the browser's address.
    files = cloudImportFiles(nodeSdkStorage(() => app), async (cloudPath) => (await app.getUploadMetadata({ cloudPath })).data, sequentialIds());
  });
  afterAll(async () => {
    process.env = saved;
    await server.close();
  });

  it('gives the browser a signed address under the uploader’s folder, and reads back what it PUT there', async () => {
    const t = await files.ticket('per_staff', '居民名单.CSV');
    expect(t).toMatchObject({ method: 'PUT', withToken: false, maxBytes: MAX_IMPORT_BYTES });
    expect(t.file).toMatch(new RegExp(`^cloud://${ENV}\\.[^/]+/imports/per_staff/imf_[0-9a-z_]+\\.csv$`));
    expect(t.headers).toMatchObject({ authorization: expect.any(String), 'x-cos-security-token': expect.any(String) });
    // What the management page does with the ticket.
    const res = await fetch(t.url, { method: t.method, headers: t.headers, body: CSV });
    expect(res.status).toBe(200);
    expect(await files.read(t.file, 'per_staff')).toEqual(CSV);
    // Someone else naming the file reads nothing, and storage is not even asked.
    const asked = storage.log.length;
    expect(await files.read(t.file, 'per_other')).toBeNull();
    expect(await files.read(storage.fileId('photos/per_staff/a.jpg'), 'per_staff')).toBeNull();
    expect(storage.log.length).toBe(asked);
    await files.remove(t.file);
    expect(await files.read(t.file, 'per_staff')).toBeNull();
  });

  it('refuses a file past the limit without keeping it in memory', async () => {
    const t = await files.ticket('per_staff', 'big.xlsx');
    expect(t.file).toMatch(/\.xlsx$/);
    storage.files.set(storage.pathOf(t.file)!, Buffer.alloc(MAX_IMPORT_BYTES + 1, 1));
    await expect(files.read(t.file, 'per_staff')).rejects.toMatchObject({ code: 'IMPORT.FILE_TOO_LARGE' });
  });
});

describe('import files in a local folder', () => {
  it('keeps what the upload route receives in the uploader’s folder and reads it back to them only', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-import-files-'));
    const files = localImportFiles(dir, sequentialIds());
    const t = await files.ticket('per_staff', '名单.csv');
    const name = t.file.split('/')[1];
    expect(t).toMatchObject({ method: 'POST', url: `/api/imports/${name}`, withToken: true, headers: { 'Content-Type': 'text/csv' } });
    await files.receive!('per_staff', name, CSV);
    expect(await files.read(t.file, 'per_staff')).toEqual(CSV);
    expect(await files.read(t.file, 'per_other')).toBeNull();
    expect(await files.read(`../${t.file}`, 'per_staff')).toBeNull();
    await expect(files.receive!('per_staff', '../escape.csv', CSV)).rejects.toMatchObject({ code: 'IMPORT.FILE_MISSING' });
    await expect(files.receive!('per_staff', name, Buffer.alloc(MAX_IMPORT_BYTES + 1))).rejects.toMatchObject({ code: 'IMPORT.FILE_TOO_LARGE' });
    expect(readdirSync(dir)).toEqual(['per_staff']);
    await files.remove(t.file);
    expect(await files.read(t.file, 'per_staff')).toBeNull();
  });
});
