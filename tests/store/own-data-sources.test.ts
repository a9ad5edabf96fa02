/**
 * 我的信息 lists what Jinlin keeps about a person by kind (src/core/own-data.ts). Every aggregate of
 * the store is in its table, as shown under a kind or with the reason it is not: a new aggregate
 * fails here until someone decides whether it holds personal data and where the person sees it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { OWN_DATA_KINDS, OWN_DATA_KIND_INFO, OWN_DATA_SOURCES } from '../../src/core';
import { openSqliteStore } from '../../cloudfunctions/lib/store/sqlite';
import { openCloudbaseStore } from '../../cloudfunctions/lib/store/cloudbase';
import type { Store } from '../../cloudfunctions/lib/store/port';

const aggregates = (store: Store) => Object.keys(store).filter((k) => k !== 'kind' && k !== 'close' && typeof (store as unknown as Record<string, unknown>)[k] === 'object').sort();

describe('own data: every aggregate is accounted for', () => {
  it('lists every aggregate of the SQLite store, and no other', async () => {
    const store = openSqliteStore(path.join(mkdtempSync(path.join(tmpdir(), 'jinlin-own-')), 'jinlin.db'));
    try {
      expect(aggregates(store)).toEqual(Object.keys(OWN_DATA_SOURCES).sort());
    } finally {
      await store.close();
    }
  });

  it('lists every aggregate of the CloudBase store, and no other', () => {
    const store = openCloudbaseStore(tcb.init({ env: 'test-env', secretId: 'x', secretKey: 'y' }), { prefix: 'own_' });
    expect(aggregates(store)).toEqual(Object.keys(OWN_DATA_SOURCES).sort());
  });

  it('shows every kind from some aggregate, and says why each other one is not shown', () => {
    const shown = new Set(Object.values(OWN_DATA_SOURCES).flatMap((s) => ('shown' in s ? s.shown : [])));
    expect([...shown].sort()).toEqual([...OWN_DATA_KINDS].sort());
    for (const [name, s] of Object.entries(OWN_DATA_SOURCES)) {
      if ('shown' in s) expect([name, s.shown.length]).toEqual([name, expect.any(Number)]);
      else expect([name, ('notShown' in s ? s.notShown : s.none).length > 10]).toEqual([name, true]);
    }
  });

  it('names each kind and who sees it in Chinese', () => {
    for (const kind of OWN_DATA_KINDS) {
      expect(OWN_DATA_KIND_INFO[kind].label).toMatch(/[\u4e00-\u9fff]/);
      expect(OWN_DATA_KIND_INFO[kind].seenBy).toMatch(/本人/);
    }
  });
});
