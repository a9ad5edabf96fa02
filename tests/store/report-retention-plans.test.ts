/**
 * The retention job's list (ReportRepo.listContactKept) is read by index on both adapters, so a run
 * does not scan every report: SQLite through migration 20's partial index, CloudBase through the
 * declared community_closed index serving its order.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import tcb from '@cloudbase/node-sdk';
import { COLLECTIONS, ensureCollections, openCloudbaseStore } from '../../cloudfunctions/lib/store/cloudbase';
import { openSqliteStore } from '../../cloudfunctions/lib/store/sqlite';
import { installAnswerer, TcbAnswerer } from '../support/tcb';
import { report } from '../support/factories';
import { queryOf, servingIndex } from './cloudbase-plans';
import { tree } from './contract/tree';

const CUTOFF = Date.parse('2027-06-01T10:00:00+08:00');

describe('the retention list on SQLite', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-retention-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads migration 20’s partial index, which holds only closed reports still holding a contact', async () => {
    const file = path.join(dir, 'r.db');
    const store = openSqliteStore(file);
    const t = await tree(store);
    const kept = report(t.a1, { communityId: t.community.id, status: 'closed', closedAt: CUTOFF - 1, nextCheckAt: null, contactName: '王阿姨', contactPhone: null });
    const open = report(t.a1, { communityId: t.community.id, contactName: '李师傅', contactPhone: '13900002222' });
    const cleared = report(t.a1, { communityId: t.community.id, status: 'closed', closedAt: CUTOFF - 1, nextCheckAt: null });
    for (const r of [kept, open, cleared]) await store.reports.insert(r.report, r.entries);
    expect((await store.reports.listContactKept(t.community.id, CUTOFF, 10)).map((r) => r.id)).toEqual([kept.report.id]);
    await store.close();
    const db = new Database(file, { readonly: true });
    try {
      // The adapter's statement (sqlite/reports.ts contactKept), as the planner sees it.
      const plan = db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT doc FROM reports WHERE community_id = ? AND json_extract(doc, '$.closedAt') < ?
             AND status IN ('closed', 'rejected')
             AND (json_extract(doc, '$.contactName') IS NOT NULL OR json_extract(doc, '$.contactPhone') IS NOT NULL)
           ORDER BY json_extract(doc, '$.closedAt') LIMIT ?`,
        )
        .all(t.community.id, CUTOFF, 10) as { detail: string }[];
      expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING INDEX reports_contact_kept \(community_id=\? AND <expr><\?\)/);
      expect(plan.map((p) => p.detail).join('\n')).not.toMatch(/TEMP B-TREE/);
      const entries = db.prepare("SELECT count(*) AS n FROM reports INDEXED BY reports_contact_kept WHERE status IN ('closed', 'rejected') AND (json_extract(doc, '$.contactName') IS NOT NULL OR json_extract(doc, '$.contactPhone') IS NOT NULL)").get() as { n: number };
      expect(entries.n).toBe(1);
    } finally {
      db.close();
    }
  });
});

describe('the retention list on CloudBase', () => {
  const prefix = `retention${Date.now().toString(36)}_`;
  const app = tcb.init({ env: 'test-env', secretId: 'x', secretKey: 'y' });
  const answerer = new TcbAnswerer();
  let uninstall = () => {};
  beforeAll(() => {
    uninstall = installAnswerer(answerer);
  });
  afterAll(() => uninstall());

  it('is served in its order by a declared index', async () => {
    await ensureCollections(app, { prefix });
    for (const c of COLLECTIONS) for (const idx of c.indexes) answerer.createIndex(prefix + c.name, idx);
    const store = openCloudbaseStore(app, { prefix });
    const t = await tree(store);
    const kept = report(t.a1, { communityId: t.community.id, status: 'rejected', closedAt: CUTOFF - 1, nextCheckAt: null, contactName: null, contactPhone: '13900001111' });
    await store.reports.insert(kept.report, kept.entries);
    const from = answerer.log.length;
    expect((await store.reports.listContactKept(t.community.id, CUTOFF, 10)).map((r) => r.id)).toEqual([kept.report.id]);
    const queries = answerer.log
      .slice(from)
      .filter((r) => r.action === 'database.getDocument')
      .map((r) => queryOf(r.params, prefix));
    expect(queries.length).toBeGreaterThan(0);
    const indexes = COLLECTIONS.find((c) => c.name === 'reports')!.indexes;
    for (const q of queries) expect(servingIndex(indexes, q.filter, q.order)?.name).toBe('community_closed');
    await store.close();
  });
});
