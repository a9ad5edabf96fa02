/**
 * 订阅消息发送情况 on the management page's 工作台, in a real Chromium against `npm start` on a
 * temporary database. The local host sends no subscribe messages (it has no WeChat), so the test
 * counts a week of sends straight into the store, as the cloud's notifier would: the assignment
 * template failing with a bad keyword, the resolution template sent and refused. The community staff
 * member 张伟 (shequ / demo1234) reads them per template, failures first, with the last error.
 * Screenshot: tests/e2e/screenshots/subscribe-sends.png.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { dayKey } from '../../src/core';
import { openSqliteStore } from '../../cloudfunctions/lib/store/sqlite';
import { openDeskBrowser } from './browser';
import { ensureBuilt, startServer, ROOT, type RunningServer } from './server';
import { signInAtDesk } from './support/desk';

jest.setTimeout(120_000);

const SHOTS = path.join(ROOT, 'tests/e2e/screenshots');
const DAY = 24 * 3600_000;
const BAD_KEYWORD = 'subscribeMessage.send 47003 argument invalid! data.thing3.value invalid';

let server: RunningServer;
let page: Page;
let closeBrowser: (() => Promise<void>) | undefined;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ensureBuilt();
  const db = path.join(mkdtempSync(path.join(tmpdir(), 'jinlin-e2e-sends-')), 'jinlin.db');
  server = await startServer({ env: { JINLIN_DB: db, JINLIN_DEMO_RESIDENTS: '20', JINLIN_DEMO_REPORTS: '0' } });
  // The server has made and migrated the database; count beside it (SQLite in WAL takes both).
  const store = openSqliteStore(db);
  const now = Date.now();
  const record = (daysAgo: number, kind: string, outcome: 'sent' | 'refused' | 'failed', error: string | null = null) =>
    store.subscribeSends.record({ day: dayKey(now - daysAgo * DAY), kind, templateId: kind === 'report.assigned' ? 'Xk3-assigned-tpl' : 'Xk3-resolved-tpl', outcome, at: now - daysAgo * DAY, error });
  for (let i = 0; i < 12; i++) await record(i % 5, 'report.resolved', 'sent');
  for (let i = 0; i < 3; i++) await record(i, 'report.resolved', 'refused', 'subscribeMessage.send 43101 user refuse to accept the msg');
  await record(0, 'report.assigned', 'sent');
  await record(2, 'report.assigned', 'failed', 'subscribeMessage.send 40037 invalid template_id');
  await record(1, 'report.assigned', 'failed', BAD_KEYWORD);
  // Older than a week: not shown.
  await record(9, 'report.assigned', 'failed', 'long ago');
  await store.close();
  ({ page, close: closeBrowser } = await openDeskBrowser({ width: 1440, height: 900 }));
});

afterAll(async () => {
  await closeBrowser?.();
  await server?.stop();
});

describe('订阅消息 on the dashboard', () => {
  it('lists each template’s sends, refusals and failures of the last 7 days, failures first, with the last error', async () => {
    await signInAtDesk(page, server.url, 'shequ', '张伟');

    const panel = page.getByTestId('subscribe-sends');
    await panel.scrollIntoViewIfNeeded();
    const rows = panel.locator('.ant-table-tbody tr[data-row-key]');
    await rows.first().waitFor();
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => (td.textContent ?? '').trim())));
    expect(cells).toHaveLength(2);
    expect(cells[0][0]).toBe('新反映交办模板 Xk3-assigned-tpl');
    expect(cells[0].slice(1, 4)).toEqual(['1', '0', '2']);
    expect(cells[0][4]).toContain(BAD_KEYWORD);
    expect(cells[1][0]).toBe('反映已办结模板 Xk3-resolved-tpl');
    expect(cells[1].slice(1, 4)).toEqual(['12', '3', '0']);
    expect(cells[1][4]).toBe('—');
    await panel.screenshot({ path: path.join(SHOTS, 'subscribe-sends.png') });
  });
});
