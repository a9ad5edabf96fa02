/**
 * Where drawn codes are kept (CodeFiles): in the cloud the environment's storage through the
 * unmodified node-sdk, answered in-process (tests/support/tcb/storage.ts); locally a folder.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { cloudCodeFiles, localCodeFiles, type CodeFiles } from '../../cloudfunctions/lib/ports/code-files';
import { nodeSdkStorage } from '../../cloudfunctions/lib/ports/photos';
import { serveCloud } from '../support/tcb/http';
import { platformEnv, StorageAnswerer } from '../support/tcb/storage';

const ENV = 'test-env';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('code files in cloud storage', () => {
  const storage = new StorageAnswerer(ENV);
  let server: Awaited<ReturnType<typeof serveCloud>>;
  let files: CodeFiles;
  const saved = { ...process.env };

  beforeAll(async () => {
    server = await serveCloud(storage);
    Object.assign(process.env, platformEnv(server.url, ENV));
    const app = tcb.init({ env: ENV });
    files = cloudCodeFiles(nodeSdkStorage(() => app));
  });
  afterAll(async () => {
    process.env = saved;
    await server.close();
  });

  it('keeps a drawing under codes/ and reads it back by its fileID', async () => {
    const ref = await files.put('ab12cd34ef56.png', PNG);
    expect(ref).toBe(storage.fileId('codes/ab12cd34ef56.png'));
    expect(storage.files.get('codes/ab12cd34ef56.png')).toEqual(PNG);
    expect(await files.get(ref)).toEqual(PNG);
  });

  it('answers null for a drawing no longer there, and refuses a name that is not a code’s', async () => {
    expect(await files.get(storage.fileId('codes/gone00000000.png'))).toBeNull();
    const before = storage.log.length;
    for (const name of ['../photos/x.png', 'a/b.png', 'ab12.jpg', '']) await expect(files.put(name, PNG)).rejects.toThrow(/bad name/);
    expect(storage.log.length).toBe(before);
  });
});

describe('code files in a local folder', () => {
  it('keeps a drawing by name and reads it back; a name that could leave the folder reads as nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-code-files-'));
    const files = localCodeFiles(dir);
    expect(await files.put('ab12cd34ef56.png', PNG)).toBe('ab12cd34ef56.png');
    expect(await files.get('ab12cd34ef56.png')).toEqual(PNG);
    expect(await files.get('zz12cd34ef56.png')).toBeNull();
    expect(await files.get('../ab12cd34ef56.png')).toBeNull();
    await expect(files.put('../escape.png', PNG)).rejects.toThrow(/bad name/);
    expect(readdirSync(dir)).toEqual(['ab12cd34ef56.png']);
  });
});
