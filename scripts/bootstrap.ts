/**
 * `npm run bootstrap`: the first street and its first street officer in an empty database, so a
 * real deployment starts without demo data. Everything else is then done on the management page.
 *   JINLIN_STREET=幸福街道 JINLIN_ADMIN_NAME=王建国 JINLIN_ADMIN_USERNAME=jiedao JINLIN_ADMIN_PASSWORD=… npm run bootstrap
 * With TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY set it writes to that CloudBase environment;
 * otherwise to the local SQLite database (JINLIN_DB, default data/jinlin.db).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import tcb from '@cloudbase/node-sdk';
import { DomainError } from '../src/core';
import { makeDeps } from '../cloudfunctions/lib/deps';
import { bootstrap } from '../cloudfunctions/lib/seed/bootstrap';
import type { Store } from '../cloudfunctions/lib/store/port';

async function openStore(): Promise<{ store: Store; where: string }> {
  const { TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY } = process.env;
  if (TCB_ENV && TCB_SECRET_ID && TCB_SECRET_KEY) {
    const { openCloudbaseStore } = await import('../cloudfunctions/lib/store/cloudbase');
    const app = tcb.init({ env: TCB_ENV, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY });
    return { store: openCloudbaseStore(app, { prefix: process.env.JINLIN_COLLECTION_PREFIX ?? '' }), where: `CloudBase 环境 ${TCB_ENV}` };
  }
  const { openSqliteStore } = await import('../cloudfunctions/lib/store/sqlite');
  const file = path.resolve(process.env.JINLIN_DB || 'data/jinlin.db');
  mkdirSync(path.dirname(file), { recursive: true });
  return { store: openSqliteStore(file), where: file };
}

async function main() {
  const { store, where } = await openStore();
  try {
    const r = await bootstrap(
      makeDeps(store),
      {
        street: process.env.JINLIN_STREET ?? '',
        name: process.env.JINLIN_ADMIN_NAME ?? '',
        username: process.env.JINLIN_ADMIN_USERNAME ?? '',
        password: process.env.JINLIN_ADMIN_PASSWORD ?? '',
      },
    );
    console.log(`✓ ${where}：已建立 ${r.street.name}，街道工作人员 ${r.officer.name}（账号 ${r.officer.username}）`);
  } catch (e) {
    if (e instanceof z.ZodError) {
      const i = e.issues[0];
      const env = { street: 'JINLIN_STREET', name: 'JINLIN_ADMIN_NAME', username: 'JINLIN_ADMIN_USERNAME', password: 'JINLIN_ADMIN_PASSWORD' }[String(i.path[0])];
      console.error(`✗ ${env}: ${i.message}`);
    } else if (e instanceof DomainError) console.error(`✗ ${e.message}`);
    else throw e;
    process.exitCode = 2;
  } finally {
    await store.close();
  }
}

main();
