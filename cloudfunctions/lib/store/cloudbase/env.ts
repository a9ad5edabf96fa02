/** Opens the CloudBase store for a deployed function: the current environment, credentials from the platform. */
import tcb from '@cloudbase/node-sdk';
import type { Store } from '../port';
import { openCloudbaseStore } from './index';

export function openCloudbaseStoreFromEnv(): Store {
  const app = tcb.init({ env: process.env.TCB_ENV || tcb.SYMBOL_CURRENT_ENV });
  return openCloudbaseStore(app, { prefix: process.env.JINLIN_COLLECTION_PREFIX || '' });
}
