/**
 * Where a copy of a person's own data waits for the link sent to their messages (CopyFiles): in the
 * cloud the environment's storage through the unmodified node-sdk, answered in-process
 * (tests/support/tcb/storage.ts), with a temporary address; locally a folder, served for a day.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { cloudCopyFiles, localCopyFiles, readLocalCopy, type CopyFiles } from '../../cloudfunctions/lib/ports/copy-files';
import { nodeSdkStorage } from '../../cloudfunctions/lib/ports/photos';
import { serveCloud } from '../support/tcb/http';
import { platformEnv, StorageAnswerer } from '../support/tcb/storage';

const ENV = 'test-env';
const JSON_BYTES = Buffer.from('{"account":"钱自查"}', 'utf8');
const NAME = `cpy_${'ab'.repeat(16)}.json`;
const NOW = Date.parse('2026-11-23T09:00:00+08:00');
const DAY = 24 * 3600_000;

describe('copy files in cloud storage', () => {
  const storage = new StorageAnswerer(ENV);
  let server: Awaited<ReturnType<typeof serveCloud>>;
  let files: CopyFiles;
  const saved = { ...process.env };

  beforeAll(async () => {
    server = await serveCloud(storage);
    Object.assign(process.env, platformEnv(server.url, ENV));
    const app = tcb.init({ env: ENV });
    files = cloudCopyFiles(nodeSdkStorage(() => app));
  });
  afterAll(async () => {
    process.env = saved;
    await server.close();
  });

  it('keeps a copy under copies/ and answers a temporary address of it', async () => {
    const url = await files.put(NAME, JSON_BYTES, NOW + DAY, NOW);
    expect(storage.files.get(`copies/${NAME}`)).toEqual(JSON_BYTES);
    expect(url).toMatch(new RegExp(`^https?://.*copies/${NAME}`));
    expect(storage.log).toContain('storage.batchGetDownloadUrl');
  });

  it('refuses a name that is not a copy’s, uploading nothing', async () => {
    const before = storage.log.length;
    for (const name of ['../codes/x.json', 'cpy_short.json', 'cpy_abababababababababab.png', '']) await expect(files.put(name, JSON_BYTES, NOW + DAY, NOW)).rejects.toThrow(/bad name/);
    expect(storage.log.length).toBe(before);
  });
});

describe('copy files in a local folder', () => {
  it('serves a copy until its expiry, and nothing for a name that could leave the folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-copy-files-'));
    const files = localCopyFiles(dir);
    expect(await files.put(NAME, JSON_BYTES, NOW + DAY, NOW)).toBe(`/files/copies/${NAME}`);
    expect(readLocalCopy(dir, NAME, NOW + DAY - 1)).toEqual(JSON_BYTES);
    expect(readLocalCopy(dir, NAME, NOW + DAY)).toBeNull();
    expect(readLocalCopy(dir, `cpy_${'cd'.repeat(16)}.json`, NOW)).toBeNull();
    expect(readLocalCopy(dir, `${NAME}.expires`, NOW)).toBeNull();
    await expect(files.put('../jinlin.db', JSON_BYTES, NOW + DAY, NOW)).rejects.toThrow(/bad name/);
    expect(readdirSync(dir).sort()).toEqual([NAME, `${NAME}.expires`]);
  });
});
