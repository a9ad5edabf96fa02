/**
 * The open311 function's actions (`open311`): the management page's interface keys. The same cloud
 * function answers Open311 itself over HTTP access (lib/open311/entry.ts); the local host serves
 * that at /open311/v2 (server/open311.ts) and these at /api/open311.
 */
import type { FunctionDef } from '../define';
import { keyActions } from './keys';

export const open311: FunctionDef = { ...keyActions };
