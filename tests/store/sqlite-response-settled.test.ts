/**
 * Migration 19: reports stored before it get their response_settled_at from the JSON doc, and the
 * dashboard's month tally still reads the covering index only (no report row, no doc).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { responseSettledAt, type Report } from '../../src/core';
import { migrate, openSqliteStore } from '../../cloudfunctions/lib/store/sqlite';
import { report } from '../support/factories';
import { tree } from './contract/tree';

const HOUR = 3600_000;
const NOW = Date.parse('2026-11-20T12:00:00+08:00');
const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-sqlite-v19-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The schema as version 18 left it: no response_settled_at, the month index without it. */
const BACK_TO_V18 = `
  DROP INDEX reports_desk_month;
  ALTER TABLE reports DROP COLUMN response_settled_at;
  CREATE INDEX reports_desk_month ON reports(unit_path, created_at, counted, responded_on_time, resolved_at, breached, rating, resolved_level, category);
  DELETE FROM schema_migrations WHERE version = 19;
`;

describe('sqlite migration 19 (response settled at)', () => {
  it('backfills when each stored report’s response is settled, and keeps the month tally index-only', async () => {
    const file = path.join(dir, 'v19.db');
    const store = openSqliteStore(file);
    const t = await tree(store);
    const made: Report[] = [
      report(t.a1, { at: NOW - 48 * HOUR, firstRespondBy: NOW - 44 * HOUR, respondedAt: NOW - 47 * HOUR, status: 'responded' }).report,
      report(t.a1, { at: NOW - 48 * HOUR, firstRespondBy: NOW - 44 * HOUR, respondedAt: NOW - 40 * HOUR, status: 'responded' }).report,
      report(t.a1, { at: NOW - 48 * HOUR, firstRespondBy: NOW - 44 * HOUR }).report,
      report(t.b1, { at: NOW - HOUR, firstRespondBy: NOW + 3 * HOUR }).report,
    ];
    for (const r of made) await store.reports.insert(r, []);
    await store.close();

    const db = new Database(file);
    db.exec(BACK_TO_V18);
    expect(migrate(db)).toBe(1);
    const stored = db.prepare('SELECT id, response_settled_at AS at FROM reports').all() as { id: string; at: number }[];
    expect(new Map(stored.map((r) => [r.id, r.at]))).toEqual(new Map(made.map((r) => [r.id, responseSettledAt(r)])));
    expect(stored.map((r) => r.at).sort()).toEqual([NOW - 47 * HOUR, NOW - 44 * HOUR, NOW - 44 * HOUR, NOW + 3 * HOUR].sort());
    db.close();

    const reopened = openSqliteStore(file);
    const bounds = [Date.parse('2026-11-01T00:00:00+08:00'), Date.parse('2026-12-01T00:00:00+08:00')];
    const months = await reopened.reportQueries.monthTally(t.community.path, bounds, NOW);
    expect(months.reduce((n, m) => n + m.responseDue, 0)).toBe(3);
    await reopened.close();

    const check = new Database(file, { readonly: true });
    const plan = check
      .prepare(
        `EXPLAIN QUERY PLAN SELECT count(*), sum(response_settled_at <= ?), sum(responded_on_time), sum(resolved_at IS NOT NULL AND breached = 0), sum(rating IS NOT NULL), sum(resolved_level = 'building'), category
         FROM reports INDEXED BY reports_desk_month WHERE unit_path >= ? AND unit_path < ? AND created_at >= ? AND created_at < ? AND counted = 1`,
      )
      .all(NOW, t.community.path, `${t.community.path}\uffff`, bounds[0], bounds[1]) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING COVERING INDEX reports_desk_month/);
    check.close();
  });
});
