/**
 * The link a mini-program user is sent for a copy of their own data opens it from the local host for
 * a day (the cloud's temporary address does the same in production), and then no more.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../server/app';
import { localCopyFiles } from '../../cloudfunctions/lib/ports/copy-files';
import type { OwnData, OwnDataCopy } from '../../src/core';
import { data, harness, type Harness } from '../support/harness';

describe('copies of a person’s own data on the local host', () => {
  let h: Harness;
  let app: FastifyInstance;
  const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-own-copies-'));
  beforeAll(async () => {
    h = await harness({ residents: 3 });
    h.deps.copyFiles = localCopyFiles(path.join(dir, 'copies'));
    app = await buildServer({ deps: h.deps, filesDir: dir });
  });
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  it('serves the copy at the link in the message as a JSON download for a day', async () => {
    const copy = data(await h.call<OwnDataCopy>('people', 'copyOwnData', { via: 'message' }, await h.as('jumin')));
    if (copy.via !== 'message') throw new Error('expected a link');
    const got = await app.inject(copy.url);
    expect([got.statusCode, got.headers['content-type'], got.headers['cache-control']]).toEqual([200, 'application/json; charset=utf-8', 'private, no-store']);
    expect((JSON.parse(got.body) as OwnData).account.items[0].name).toBe('孙福贵');
    h.clock.advance(24 * 3600_000);
    expect((await app.inject(copy.url)).statusCode).toBe(404);
    expect((await app.inject('/files/copies/..%2Fjinlin.db')).statusCode).toBe(404);
  });
});
