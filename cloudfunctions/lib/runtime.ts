/**
 * Which store a deployed function uses. In CloudBase it is the managed database (the default);
 * JINLIN_STORE=sqlite with JINLIN_DB lets a bundled function run against a local file (from inside
 * this repository, where better-sqlite3 is installed), to try dist/cloudfunctions/<name>/index.js
 * without a CloudBase environment.
 */
import type { Store } from './store/port';

export async function openConfiguredStore(): Promise<Store> {
  const kind = process.env.JINLIN_STORE ?? 'cloudbase';
  if (kind === 'sqlite') {
    const file = process.env.JINLIN_DB;
    if (!file) throw new Error('JINLIN_STORE=sqlite needs JINLIN_DB');
    // Required lazily so the cloud bundle does not need the native module.
    const { openSqliteStore } = require('./store/sqlite') as typeof import('./store/sqlite');
    return openSqliteStore(file);
  }
  if (kind === 'cloudbase') {
    const { openCloudbaseStoreFromEnv } = require('./store/cloudbase/env') as typeof import('./store/cloudbase/env');
    return openCloudbaseStoreFromEnv();
  }
  throw new Error(`unknown JINLIN_STORE "${kind}" (use cloudbase or sqlite)`);
}
