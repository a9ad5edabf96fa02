/**
 * 节假日 in a real Chromium against `npm start` on a temporary database, at a 1366×768 desk PC: the
 * dashboard warns community staff that next year is missing; the street officer (jiedao) opens 节假日,
 * pastes next year's notice, sees what it reads (and a line it cannot), saves, and sees the days marked.
 * Screenshots land in tests/e2e/screenshots/holidays-*.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SAMPLE_2027 } from '../support/holidays-2027';
import { SAMPLE_2027_NOTICE } from '../support/holidays-2027-notice';
import { openDeskBrowser } from './browser';
import { ensureBuilt, startServer, ROOT, type RunningServer } from './server';

jest.setTimeout(120_000);

const SHOTS = path.join(ROOT, 'tests/e2e/screenshots');

let server: RunningServer;
let page: Page;
let closeBrowser: (() => Promise<void>) | undefined;
/** The year the page asks for: next year in China time. */
let year: number;
let notice: string;
let expected: { offDays: string[]; workdays: string[] };

/** A screenshot once passing messages (欢迎您, 已保存) have gone: they would hide the page. */
async function shot(name: string, fullPage = false) {
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 8000 });
  await page.screenshot({ path: path.join(SHOTS, `holidays-${name}.png`), fullPage });
}
const settle = () => page.waitForTimeout(400);

async function call<T = any>(fn: string, action: string, data: unknown, token = ''): Promise<T> {
  const res = await fetch(`${server.url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, data }),
  });
  const r = await res.json();
  if (!r.ok) throw new Error(`${fn}.${action}: ${r.code} ${r.message}`);
  return r.data;
}
const tokenOf = async (username: string) => (await call<{ token: string }>('auth', 'signIn', { username, password: 'demo1234' })).token;

/**
 * A notice for a year after 2027 (when this test runs in a later year): 元旦 and 国庆 with the Saturday
 * after 国庆 worked, written without weekdays so it fits any year.
 */
function noticeFor(y: number) {
  const sat = [8, 9, 10, 11, 12, 13, 14].map((d) => `${y}-10-${String(d).padStart(2, '0')}`).find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 6)!;
  const days = (from: number, to: number, m: string) => Array.from({ length: to - from + 1 }, (_, i) => `${y}-${m}-${String(from + i).padStart(2, '0')}`);
  return {
    text: `一、元旦：1月1日至3日放假，共3天。\n二、国庆节：10月1日至7日放假调休，共7天。10月${+sat.slice(8)}日（周六）上班。`,
    lists: { offDays: [...days(1, 3, '01'), ...days(1, 7, '10')], workdays: [sat] },
  };
}

async function signIn(username: string, name: string) {
  await page.goto(`${server.url}/admin/`);
  await page.waitForURL(/\/admin\/(login|dashboard)/);
  if (page.url().includes('/dashboard')) {
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '退出' }).click();
    await page.waitForURL(/\/admin\/login/);
  }
  await page.getByLabel('账号').fill(username);
  await page.getByLabel('密码').fill('demo1234');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(/\/admin\/dashboard/);
  await page.getByTestId('me-name').filter({ hasText: name }).waitFor();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ensureBuilt();
  server = await startServer({ env: { JINLIN_TEST_CLOCK: '1', JINLIN_DEMO_RESIDENTS: '200', JINLIN_TIMER_MINUTES: '1440' } });
  // The warning starts on November 1 (China time): before it, move the server's clock there.
  const now = (await call<{ now: number }>('management', 'dashboard', {}, await tokenOf('shequ'))).now;
  const china = new Date(now + 8 * 3600_000);
  if (china.getUTCMonth() < 10) {
    await fetch(`${server.url}/api/__test`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: Date.UTC(china.getUTCFullYear(), 10, 1, 1) - 8 * 3600_000 - now }) });
  }
  year = (await call<{ thisYear: number }>('management', 'holidays', {}, await tokenOf('jiedao'))).thisYear + 1;
  if (year === 2027) {
    notice = SAMPLE_2027_NOTICE;
    expected = SAMPLE_2027;
  } else {
    ({ text: notice, lists: expected } = noticeFor(year));
  }
  ({ page, close: closeBrowser } = await openDeskBrowser({ width: 1366, height: 768 }));
});

afterAll(async () => {
  await closeBrowser?.();
  await server?.stop();
});

describe('节假日 on the management page', () => {
  it('warns community staff on the dashboard that next year is missing, and lets them read the page only', async () => {
    await signIn('shequ', '张伟');
    const warning = page.getByTestId('calendar-warning');
    await warning.filter({ hasText: `${year}年节假日安排尚未录入，截止时间计算将只按周末放假。请街道工作人员在「节假日」页录入国务院办公厅通知。` }).waitFor();
    await page.locator('[data-count="totals.open"]').waitFor();
    await settle();
    await shot('01-dashboard-warning-community');

    await warning.getByRole('button', { name: '查看节假日' }).click();
    await page.waitForURL(new RegExp(`/admin/holidays\\?year=${year}`));
    await page.getByTestId('holidays-missing').waitFor();
    await page.getByText('节假日安排由街道工作人员录入').waitFor();
    expect(await page.getByLabel('通知全文').count()).toBe(0);
    await page.getByText('修改只影响之后开始计时的反映，已在计时的不受影响').waitFor();
    await settle();
    await shot('02-community-read-only');
  });

  it('takes the street officer from the dashboard’s warning to next year on 节假日', async () => {
    await signIn('jiedao', '王建国');
    await page.locator('[data-count="totals.open"]').waitFor();
    await settle();
    await shot('02b-dashboard-warning-street');
    await page.getByTestId('calendar-warning').getByRole('button', { name: '去录入' }).click();
    await page.waitForURL(new RegExp(`/admin/holidays\\?year=${year}`));
    await page.getByTestId('holidays-missing').waitFor();
    await page.getByRole('menuitem', { name: '节假日' }).waitFor();
    expect(await page.locator('[data-kind]').count()).toBe(0);
    await settle();
    await shot('03-street-missing');
  });

  it('flags a line it cannot read and will not save until it is fixed', async () => {
    const bad = notice.replace(/放假(调休)?，共3天。/, '放假或者上班，共3天。');
    await page.getByLabel('通知全文').fill(bad);
    await page.getByTestId('notice-unreadable').first().waitFor();
    expect(await page.getByRole('button', { name: `保存${year}年节假日安排` }).isDisabled()).toBe(true);
    await page.getByText('改正或删去读不懂的行后才能保存').waitFor();
    await settle();
    await shot('04-unreadable-line', true);
  });

  it('pastes the notice, previews what it read, saves, and shows the days marked', async () => {
    await page.getByLabel('通知全文').fill(notice);
    await page.getByTestId('notice-summary').filter({ hasText: `将保存：放假 ${expected.offDays.length} 天，调休上班 ${expected.workdays.length} 天` }).waitFor();
    expect(await page.getByTestId('notice-unreadable').count()).toBe(0);
    await page.getByText('预览：尚未保存').waitFor();
    await settle();
    await shot('05-preview', true);

    await page.getByRole('button', { name: `保存${year}年节假日安排` }).click();
    await page.locator('.ant-message').getByText(`已保存${year}年节假日安排`).waitFor();
    await page.getByTestId('holidays-status').filter({ hasText: '已录入 · 国务院通知 · 第 1 版' }).waitFor();
    const marked = async (kind: string) => page.locator(`[data-kind="${kind}"]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-date')!));
    expect(await marked('off')).toEqual([...expected.offDays].sort());
    expect(await marked('work')).toEqual([...expected.workdays].sort());
    // Each marked day says what it is in text, not by colour alone.
    await expect(page.locator(`[data-date="${year}-01-01"]`).getAttribute('aria-label')).resolves.toMatch(/放假/);
    await expect(page.locator(`[data-date="${year}-01-01"] .hol-mark`).textContent()).resolves.toBe('休');
    await expect(page.locator(`[data-date="${expected.workdays[0]}"] .hol-mark`).textContent()).resolves.toBe('班');
    await page.getByRole('radio', { name: `${year}年 · 已录入` }).waitFor({ state: 'attached' });
    await settle();
    await shot('06-saved', true);

    const stored = await call('management', 'holidays', {}, await tokenOf('jiedao'));
    expect(stored.years[2]).toMatchObject({ year, status: 'entered', offDays: [...expected.offDays].sort(), workdays: [...expected.workdays].sort() });
  });

  it('previews an .ics file against the saved year, outlining the days it would change', async () => {
    await page.getByRole('tab', { name: '导入表格或日历文件' }).click();
    const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', `DTSTART;VALUE=DATE:${year}0101`, `DTEND;VALUE=DATE:${year}0102`, 'SUMMARY:元旦', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    await page.locator('input[type=file]').setInputFiles({ name: `${year}.ics`, mimeType: 'text/calendar', buffer: Buffer.from(ics) });
    await page.getByTestId('file-preview').filter({ hasText: `${year}年放假 1 天，调休上班 0 天` }).waitFor();
    await page.getByTestId('holidays-status').filter({ hasText: `取消放假 ${expected.offDays.length - 1} 天` }).waitFor();
    await expect(page.locator(`[data-date="${year}-01-02"]`).getAttribute('class')).resolves.toMatch(/hol-changed/);
    await expect(page.locator(`[data-date="${year}-01-01"]`).getAttribute('class')).resolves.not.toMatch(/hol-changed/);
    await settle();
    await shot('07-ics-preview', true);
    // Not saved: the page goes on to show what was saved.
    await page.getByRole('tab', { name: '粘贴通知' }).click();
  });

  it('no longer warns on the dashboard, and the save is in the audit log', async () => {
    await page.getByRole('menuitem', { name: '工作台' }).click();
    await page.locator('[data-count="totals.open"]').waitFor();
    expect(await page.getByTestId('calendar-warning').count()).toBe(0);

    await page.getByRole('menuitem', { name: '操作日志' }).click();
    const row = page.locator('.ant-table-tbody tr').filter({ hasText: '修改了节假日安排' }).first();
    await row.waitFor();
    await row.filter({ hasText: `${year}年节假日安排` }).waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    await page.getByText('新增放假').waitFor();
    await settle();
    await shot('08-audit');
  });
});
