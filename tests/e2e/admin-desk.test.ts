/**
 * The management page's desk for community staff in a real Chromium against `npm start` on a
 * temporary database, with the server's test clock so some reports are overdue. Reports are
 * created through the API as a resident; the page is used as the community staff member 张伟
 * (shequ / demo1234) at a 1440×900 desk PC. Screenshots land in tests/e2e/screenshots/desk-*.png.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { openDeskBrowser } from './browser';
import { ensureBuilt, startServer, ROOT, type RunningServer } from './server';
import { chinaParts, dayKey, formatWhen, monthKey } from '../../src/core/time';

// A project's testTimeout is not applied when jest runs every project (npm test): set it here.
jest.setTimeout(120_000);

const SHOTS = path.join(ROOT, 'tests/e2e/screenshots');
const DAY = 24 * 3600_000;
const OPEN_STATUSES = ['submitted', 'responded', 'transferred', 'needs_info'];

let server: RunningServer;
let page: Page;
let closeBrowser: (() => Promise<void>) | undefined;
let downloads: string;
let staff: string;
let communityId: string;
const created: string[] = [];
/** Open reports before the test added its own (`npm start` seeds demo reports). */
let openBefore = 0;

const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `desk-${name}.png`), fullPage: true });
const toast = () => page.locator('.ant-message');
/** Lets drawers and dialogs finish sliding in before a screenshot. */
const settle = () => page.waitForTimeout(400);
/** An open antd modal by the text of its title. */
const modal = (title: string | RegExp) => page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });

async function post(fn: string, body: unknown, token?: string) {
  const res = await fetch(`${server.url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return res.json();
}

async function call<T = any>(fn: string, action: string, data: unknown, token: string): Promise<T> {
  const r = await post(fn, { action, data }, token);
  if (!r.ok) throw new Error(`${fn}.${action}: ${r.code} ${r.message}`);
  return r.data;
}

async function signIn(username: string): Promise<string> {
  return (await call<{ token: string }>('auth', 'signIn', { username, password: 'demo1234' }, '')).token;
}

/** What the page shows for a dashboard number. */
async function shown(id: string): Promise<number> {
  const el = page.locator(`[data-count="${id}"]`);
  await el.waitFor();
  return Number(await el.getAttribute('data-value'));
}

/** The desk rows' report ids, in order. */
async function rowIds(): Promise<string[]> {
  return page.locator('.ant-table-tbody tr[data-row-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')!));
}

async function waitTotal(n: number) {
  await page.getByTestId('desk-total').filter({ hasText: new RegExp(`^${n}$`) }).waitFor();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ensureBuilt();
  // The host's own timer stays out of the way (a day between runs): the test sweeps when it means to.
  server = await startServer({ env: { JINLIN_TEST_CLOCK: '1', JINLIN_DEMO_RESIDENTS: '200', JINLIN_TIMER_MINUTES: '1440' } });

  // A resident of 幸福里小区 1号楼 reports four problems; four days pass (the building's one
  // working day and the lift's urgent hours run out); then two more come in.
  staff = await signIn('shequ');
  openBefore = (await call('management', 'dashboard', {}, staff)).totals.open.value;
  let resident = await signIn('jumin');
  const me = await call('auth', 'whoAmI', {}, resident);
  const building = me.bindings.find((b: any) => b.role === 'resident').unit;
  const file = async (category: string, description: string) => {
    const r = await call('reports', 'create', { clientRequestId: `e2e-desk-${created.length}-${category}`, unitId: building.id, category, description }, resident);
    created.push(r.report.id);
  };
  // The noise report misses the building's one working day: the sweep moves it to the compound
  // (an escalation for the meeting agenda). Two days later, without a sweep, the lift's urgent
  // 24 hours have run out: overdue and still where it was.
  await file('noise', '楼上每天晚上十一点以后还在拖椅子');
  await post('__test', { advanceMs: 2 * DAY, sweep: true });
  resident = await signIn('jumin'); // web sessions last 12 hours
  await file('lift', '1号楼电梯门关不上，老人下不了楼');
  await file('sanitation', '单元门口垃圾三天没人清运了');
  await file('illegal_construction', '一楼住户在绿地上搭了个棚子');
  await post('__test', { advanceMs: 2 * DAY });
  resident = await signIn('jumin');
  await file('ebike', '有人在楼道里给电动车充电');
  await file('public_facility', '小区东门的路灯坏了');

  staff = await signIn('shequ'); // again: the clock moved past the first session
  const whoami = await call('auth', 'whoAmI', {}, staff);
  communityId = whoami.bindings.find((b: any) => b.role === 'community_staff').unit.id;

  downloads = mkdtempSync(path.join(tmpdir(), 'jinlin-e2e-downloads-'));
  ({ page, close: closeBrowser } = await openDeskBrowser({ width: 1440, height: 900 }, { acceptDownloads: true }));
});

afterAll(async () => {
  await closeBrowser?.();
  await server?.stop();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

describe('management page for community staff', () => {
  it('signs in as community staff and lands on the dashboard', async () => {
    await page.goto(`${server.url}/admin/`);
    await page.waitForURL(/\/admin\/login$/);
    await page.getByLabel('账号').fill('shequ');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(/\/admin\/dashboard/);
    await page.getByTestId('me-name').filter({ hasText: '张伟' }).waitFor();
    await page.locator('[data-count="totals.open"]').waitFor();
    // The charts draw once ECharts has arrived.
    await page.locator('canvas').first().waitFor();
    await shot('01-dashboard');
  });

  it('shows numbers that equal the data', async () => {
    const dash = await call('management', 'dashboard', {}, staff);
    // Every report created in this test is open and counted.
    expect(await shown('totals.open')).toBe(openBefore + created.length);
    expect(dash.totals.open.value).toBe(openBefore + created.length);
    for (const k of ['open', 'dueSoon', 'overdue'] as const) {
      expect(await shown(`totals.${k}`)).toBe(dash.totals[k].value);
      const list = await call('management', 'list', { filter: dash.totals[k].filter, limit: 200 }, staff);
      expect(list.total).toBe(dash.totals[k].value);
    }
    // The lift report's urgent 24 hours ran out.
    expect(dash.totals.overdue.value).toBeGreaterThanOrEqual(1);
    for (const level of ['building', 'compound', 'community', 'street']) {
      expect(await shown(`byLevel.${level}.open`)).toBe(dash.byLevel[level].open.value);
      const list = await call('management', 'list', { filter: dash.byLevel[level].open.filter, limit: 1 }, staff);
      expect(list.total).toBe(dash.byLevel[level].open.value);
    }
    const levelSum = ['building', 'compound', 'community', 'street'].reduce((n, l) => n + dash.byLevel[l].open.value, 0);
    expect(levelSum).toBe(dash.totals.open.value);
    for (const c of dash.topCategories) {
      expect(await shown(`topCategories.${c.category}`)).toBe(c.count.value);
      const list = await call('management', 'list', { filter: c.count.filter, limit: 1 }, staff);
      expect(list.total).toBe(c.count.value);
    }
    for (const k of ['responseRate', 'onTimeRate', 'satisfactionRate'] as const) {
      for (const part of ['numerator', 'denominator'] as const) {
        expect(await shown(`thisMonth.${k}.${part}`)).toBe(dash.thisMonth[k][part].value);
        const list = await call('management', 'list', { filter: dash.thisMonth[k][part].filter, limit: 1 }, staff);
        expect(list.total).toBe(dash.thisMonth[k][part].value);
      }
    }
  });

  it('opens the desk on the open reports, overdue first, each date with its year when not this year', async () => {
    await page.getByRole('menuitem', { name: '反映处理' }).click();
    await page.waitForURL(/\/admin\/desk/);
    const dash = await call('management', 'dashboard', {}, staff);
    await waitTotal(dash.totals.open.value);
    const expected = await call('management', 'list', { filter: { unitId: communityId, statuses: OPEN_STATUSES }, sort: 'dueAt', limit: 20 }, staff);
    await expect(rowIds()).resolves.toEqual(expected.rows.map((r: any) => r.id));
    expect(expected.rows[0].overdue).toBe(true);
    const overdue = expected.rows.filter((r: any) => r.overdue).length;
    expect(expected.rows.slice(0, overdue).every((r: any) => r.overdue)).toBe(true);
    // Dates in the one way they are written (今天 15:00 / 12月1日 15:00 / 2025年12月1日 15:00), seen from the desk PC's now.
    const now = Date.now();
    for (const r of expected.rows) {
      const text = await page.locator(`.ant-table-tbody tr[data-row-key="${r.id}"]`).innerText();
      expect(text).toContain(formatWhen(r.dueAt, now));
      expect(text).toContain(formatWhen(r.createdAt, now));
    }
    const lastYear = expected.rows.find((r: any) => chinaParts(r.createdAt).year !== chinaParts(now).year);
    if (lastYear) await expect(page.locator(`.ant-table-tbody tr[data-row-key="${lastYear.id}"]`).innerText()).resolves.toContain(`${chinaParts(lastYear.createdAt).year}年`);
    await settle();
    await shot('02a-desk-opening');
    await page.getByRole('menuitem', { name: '工作台' }).click();
    await page.waitForURL(/\/admin\/dashboard/);
  });

  it('opens the desk on exactly the reports behind a number, and keeps them after a reload', async () => {
    const overdue = await shown('totals.overdue');
    await page.locator('[data-count="totals.overdue"]').click();
    await page.waitForURL(/\/admin\/desk\?.*overdue=1/);
    await waitTotal(overdue);
    const dash = await call('management', 'dashboard', {}, staff);
    // The first page of the desk (20 rows) is the first 20 of the same list.
    const expected = await call('management', 'list', { filter: dash.totals.overdue.filter, sort: 'dueAt', limit: 20 }, staff);
    await expect(rowIds()).resolves.toEqual(expected.rows.map((r: any) => r.id));
    const lift = created[1];
    expect(
      (await call('management', 'list', { filter: dash.totals.overdue.filter, limit: 200 }, staff)).rows.map((r: any) => r.id),
    ).toContain(lift);
    await shot('02-desk-overdue');

    await page.reload();
    await waitTotal(overdue);
    await expect(rowIds()).resolves.toEqual(expected.rows.map((r: any) => r.id));
    await page.getByRole('combobox', { name: '是否超时' }).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').filter({ hasText: '已超时' }).waitFor();

    // The response rate's denominator: the reports whose response is settled. The two filed last,
    // still inside their response deadline, are not among them yet.
    await page.getByRole('menuitem', { name: '工作台' }).click();
    await page.waitForURL(/\/admin\/dashboard/);
    const due = await shown('thisMonth.responseRate.denominator');
    await page.locator('[data-count="thisMonth.responseRate.denominator"]').click();
    await page.waitForURL(/\/admin\/desk\?.*responseSettledBy=\d+/);
    await waitTotal(due);
    await page.getByTestId('extra-conditions').locator('.ant-tag', { hasText: '应响应：已响应或已到响应期限' }).waitFor();
    const month = (await call('management', 'dashboard', {}, staff)).thisMonth;
    const total = async (filter: unknown) => (await call('management', 'list', { filter, limit: 1 }, staff)).total;
    expect(await total(month.responseRate.denominator.filter)).toBe(due);
    for (const id of created.slice(4)) {
      expect(await total({ ...month.reports.filter, q: id })).toBe(1);
      expect(await total({ ...month.responseRate.denominator.filter, q: id })).toBe(0);
    }
    await page.reload();
    await waitTotal(due);
    await page.getByTestId('extra-conditions').locator('.ant-tag', { hasText: '应响应：已响应或已到响应期限' }).waitFor();
  });

  it('filters by category and text from the filter bar', async () => {
    const all = (await call('management', 'list', { filter: { unitId: communityId }, limit: 1 }, staff)).total;
    await page.getByRole('button', { name: '清空条件' }).click();
    await waitTotal(all);
    await page.getByLabel('搜索').fill('东门的路灯');
    await page.getByLabel('搜索').press('Enter');
    const found = (await call('management', 'list', { filter: { unitId: communityId, q: '东门的路灯' }, limit: 1 }, staff)).total;
    await waitTotal(found);
    await page.locator(`.ant-table-tbody tr[data-row-key="${created[5]}"]`).waitFor();
    await shot('03-desk-search');
    await page.getByRole('button', { name: '清空条件' }).click();
    await waitTotal(all);
    await shot('04-desk-all');
  });

  it('resolves a report from the drawer', async () => {
    const id = created[2]; // 垃圾清运
    // Staff find a report by its number (编号) from a phone call or the agenda.
    await page.getByLabel('搜索').fill(id);
    await page.getByLabel('搜索').press('Enter');
    await waitTotal(1);
    await page.locator(`.ant-table-tbody tr[data-row-key="${id}"]`).click();
    const drawer = page.locator('.report-drawer');
    await drawer.getByTestId('report-description').filter({ hasText: '单元门口垃圾三天没人清运了' }).waitFor();
    await drawer.getByTestId('timeline').waitFor();
    expect(page.url()).toContain(`report=${id}`);
    // The next step is written for staff: whose move it is and by when, not "…前会联系您".
    const nextStep = drawer.getByTestId('next-step');
    await expect(nextStep.innerText()).resolves.toMatch(/^下一步：等小区的.+受理|^下一步：小区的.+还没有受理/);
    await expect(nextStep.innerText()).resolves.not.toMatch(/您/);
    await settle();
    await shot('05-drawer');

    await drawer.getByTestId('drawer-actions').getByRole('button', { name: '办结' }).click();
    const dialog = modal('办结反映');
    await dialog.getByLabel('办理结果').fill('已联系物业当天清运，并增加每日巡查');
    await settle();
    await shot('06-resolve-form');
    await dialog.getByRole('button', { name: '办结' }).click();
    await toast().filter({ hasText: '已办结，等待居民评价' }).waitFor();
    await drawer.locator('.ant-drawer-title .ant-tag', { hasText: '已办结待评价' }).waitFor();
    await drawer.getByTestId('timeline').getByText('已联系物业当天清运，并增加每日巡查').waitFor();
    await nextStep.filter({ hasText: '小区已办结，等居民确认和评价' }).waitFor();
    await shot('07-drawer-resolved');

    const detail = await call('reports', 'detail', { id }, staff);
    expect(detail.status).toBe('resolved');
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '清空条件' }).click();
  });

  it('records a phone call, and keeps what was typed when the session ends mid-form', async () => {
    await page.getByRole('button', { name: '登记走访/来电' }).click();
    const dialog = modal('登记走访 / 来电');
    await dialog.locator('label.ant-radio-button-wrapper', { hasText: '来电' }).click();
    await dialog.getByLabel('所在楼栋 / 小区').click();
    await page.locator('.ant-select-dropdown .ant-select-tree').first().waitFor();
    await dialog.getByLabel('所在楼栋 / 小区').fill('幸福里');
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '幸福里小区（小区）' }).click();
    await expect(dialog.getByLabel('反映类别').isEnabled()).resolves.toBe(true);
    await dialog.getByLabel('反映类别').click();
    await page.locator('.ant-select-item-option', { hasText: '物业服务' }).click();
    await dialog.getByLabel('问题描述').fill('居民来电：物业费收据一直没给开');
    await dialog.getByLabel('联系人').fill('钱大妈');
    await dialog.getByLabel('联系电话').fill('13911110000');
    await shot('08-record-form');

    // The session ends behind the page's back (signed out elsewhere, or expired).
    await page.evaluate(async () => {
      const token = localStorage.getItem('jinlin.admin.token');
      await fetch('/api/auth', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ action: 'signOut', data: {} }) });
    });
    await dialog.getByRole('button', { name: '登记' }).click();
    await page.waitForURL(/\/admin\/login$/);
    await page.getByText('登录已过期，请重新登录').waitFor();
    await page.getByText('您正在填写的内容已暂存').waitFor();
    await shot('09-session-lost');

    await page.getByLabel('账号').fill('shequ');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(/\/admin\/desk/);
    await page.getByRole('button', { name: '登记走访/来电' }).click();
    const again = modal('登记走访 / 来电');
    await expect(again.getByLabel('问题描述').inputValue()).resolves.toBe('居民来电：物业费收据一直没给开');
    await expect(again.getByLabel('联系人').inputValue()).resolves.toBe('钱大妈');
    await again.getByRole('button', { name: '登记' }).click();
    await toast().filter({ hasText: /已登记：物业服务/ }).waitFor();
    const drawer = page.locator('.report-drawer');
    await drawer.getByTestId('report-description').filter({ hasText: '物业费收据' }).waitFor();
    await drawer.getByText('电话').first().waitFor();
    await settle();
    await shot('10-recorded');
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'detached' });

    // Recorded once, though it was submitted twice (before and after signing in again).
    const list = await call('management', 'list', { filter: { unitId: communityId, channels: ['phone'], q: '物业费收据一直没给开' } }, staff);
    expect(list.total).toBe(1);
    expect(list.rows[0]).toMatchObject({ channel: 'phone', residentName: '钱大妈' });
    created.push(list.rows[0].id);
  });

  it('shows the meeting agenda for a meeting day', async () => {
    await page.getByRole('menuitem', { name: '逢三说事' }).click();
    await page.waitForURL(/\/admin\/agenda/);
    await page.locator('.agenda-sheet').waitFor();
    await expect(page.getByRole('button', { name: '打印议程' }).isEnabled()).resolves.toBe(true);
    await shot('11-agenda');
    // What the printer gets: the sheet alone, without the menu and the controls.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.ant-layout-sider').isVisible()).resolves.toBe(false);
    await shot('11b-agenda-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('imports a resident file with one bad row: shows the error and writes nothing; the corrected file imports', async () => {
    await page.getByRole('menuitem', { name: '单位与人员' }).click();
    await page.waitForURL(/\/admin\/units/);
    await page.getByTestId('unit-title').filter({ hasText: '阳光社区' }).waitFor();
    await page.getByRole('button', { name: '批量导入单位或居民' }).click();
    const drawer = page.locator('.import-drawer');
    await drawer.locator('label.ant-radio-button-wrapper', { hasText: /^居民$/ }).click();

    const csv = (phone: string) =>
      Buffer.from(`\uFEFF姓名,手机号,所在楼栋,角色\n导入测试甲,13911112222,幸福里小区/1号楼,居民\n导入测试乙,${phone},幸福里小区/1号楼,居民\n`, 'utf8');
    await drawer.locator('input[type=file]').setInputFiles({ name: '居民名单.csv', mimeType: 'text/csv', buffer: csv('12345') });
    await drawer.getByTestId('import-errors-summary').waitFor();
    await drawer.getByTestId('import-errors').getByText('第 3 行').waitFor();
    await expect(drawer.getByTestId('import-ok').count()).resolves.toBe(0);
    await shot('12-import-error');
    await expect(call('people', 'search', { q: '导入测试' }, staff)).resolves.toEqual([]);

    await drawer.locator('input[type=file]').setInputFiles({ name: '居民名单.csv', mimeType: 'text/csv', buffer: csv('13911113333') });
    await drawer.getByTestId('import-ok').waitFor();
    await shot('13-import-preview-ok');
    await drawer.getByRole('button', { name: '确认导入' }).click();
    await drawer.getByText('导入完成').first().waitFor();
    await shot('14-import-done');
    const people = await call<any[]>('people', 'search', { q: '导入测试' }, staff);
    expect(people.map((p) => p.name).sort()).toEqual(['导入测试乙', '导入测试甲']);

    // A row found bad while the job runs — a building made by hand since the preview: all of it is
    // rolled back, and the drawer says which row and why.
    await drawer.getByRole('button', { name: '再导入一个文件' }).click();
    await drawer.locator('label.ant-radio-button-wrapper', { hasText: /^单位/ }).click();
    const units = Buffer.from('\uFEFF上级单位,单位名称,类型\n幸福里小区,88号楼,楼栋\n幸福里小区,89号楼,楼栋\n', 'utf8');
    await drawer.locator('input[type=file]').setInputFiles({ name: '单位.csv', mimeType: 'text/csv', buffer: units });
    await drawer.getByTestId('import-ok').waitFor();
    const tree = async () => (await call<{ units: any[] }>('units', 'tree', { rootId: communityId }, staff)).units;
    const compound = (await tree()).find((u) => u.name === '幸福里小区');
    // The commit went through (the job is staged); before the page's first importContinue runs it, 89号楼 is made by hand.
    let made = false;
    await page.route('**/api/management', async (route) => {
      if (!made && route.request().postDataJSON()?.action === 'importContinue') {
        made = true;
        // While the request waits, the bar shows the staged job.
        await drawer.getByTestId('import-running').waitFor();
        await shot('14a-import-running');
        await call('units', 'create', { parentId: compound.id, kind: 'building', name: '89号楼' }, staff);
      }
      await route.continue();
    });
    await drawer.getByRole('button', { name: '确认导入' }).click();
    await drawer.getByTestId('import-rolled-back').getByText(/第 3 行“单位名称”：导入期间，同一上级下已经有了“89号楼”/).waitFor();
    await shot('14b-import-rolled-back');
    await page.unroute('**/api/management');
    expect((await tree()).filter((u) => u.name === '88号楼')).toEqual([]);
    await drawer.getByRole('button', { name: '完成' }).click();
  });

  it('shows the deadline table, and each refusal where it belongs', async () => {
    await page.getByRole('menuitem', { name: '时限设置' }).click();
    await page.waitForURL(/\/admin\/settings/);
    await page.getByRole('button', { name: '保存设置' }).waitFor();
    await shot('15-settings');
    const fieldError = (text: string) => page.locator('.ant-form-item-explain-error', { hasText: text });

    // Only the server knows the upper limit of a response time: its message lands under the field it names.
    const respond = page.getByLabel('楼栋响应时限');
    await respond.fill('300');
    await page.getByRole('button', { name: '保存设置' }).click();
    await fieldError('响应时限最多 240 小时').waitFor();
    await shot('16-settings-field-refused');
    await respond.fill('4');

    // −3 and 0 are refused beside their cells, never quietly made 1.
    const resolveDays = page.getByLabel('楼栋办结时限');
    await resolveDays.fill('-3');
    await resolveDays.blur();
    await expect(resolveDays.inputValue()).resolves.toBe('-3');
    await page.getByRole('button', { name: '保存设置' }).click();
    await fieldError('办结时限至少 1 个工作日').waitFor();
    const cellError = page.locator('.ant-form-item', { has: resolveDays }).locator('.ant-form-item-explain-error');
    await expect(cellError.innerText()).resolves.toBe('办结时限至少 1 个工作日');
    await shot('16b-settings-negative-refused');
    await resolveDays.fill('0');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByTestId('settings-error').filter({ hasText: '办结时限至少 1 个工作日' }).waitFor();
    await expect(resolveDays.inputValue()).resolves.toBe('0');
    await resolveDays.fill('1');

    // A category with an open report cannot go: the server says which, above the form.
    const lift = page.locator('.ant-table-row', { has: page.locator('input[value="lift"]') });
    await lift.getByRole('button', { name: '删除类别' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '删除' }).click();
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByTestId('settings-error').filter({ hasText: '电梯故障' }).filter({ hasText: '暂时不能删除' }).waitFor();
    await shot('17-settings-refused');

    // Two categories with one name: said at once, next to the name.
    await page.getByRole('button', { name: '放弃修改' }).click();
    await page.getByRole('button', { name: '添加类别' }).click();
    await page.getByLabel('类别名称').last().fill('噪音扰民');
    await page.getByLabel('类别代码').last().fill('noise_again');
    await page.getByRole('button', { name: '保存设置' }).click();
    await fieldError('类别名称不能重复').first().waitFor();

    await page.getByRole('button', { name: '放弃修改' }).click();
    await page.getByRole('button', { name: '放弃修改', disabled: true }).waitFor();
    // Saving what is there already makes no version: the page says so.
    await page.getByRole('button', { name: '保存设置' }).click();
    await toast().filter({ hasText: '没有改动' }).waitFor();
    const settings = await call('management', 'settings', { communityId }, staff);
    expect(settings).toMatchObject({ isDefault: true, version: 0 });
    await expect(page.getByText('使用默认时限').count()).resolves.toBe(1);
  });

  it('exports the ledger and it reads back with exceljs', async () => {
    await page.getByRole('menuitem', { name: '台账导出' }).click();
    await page.waitForURL(/\/admin\/ledger/);
    // It opens on this month of China's calendar, the 1st to the last day.
    const month = monthKey(Date.now());
    const lastDay = dayKey(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0, 4));
    await expect(page.getByPlaceholder('开始日期').inputValue()).resolves.toBe(`${month}-01`);
    await expect(page.getByPlaceholder('结束日期').inputValue()).resolves.toBe(lastDay);
    await shot('18a-ledger-default');
    // The test clock put the last reports four days ahead: take a wide range.
    const start = page.getByPlaceholder('开始日期');
    await start.click();
    await start.fill('2020-01-01');
    await start.press('Enter');
    const end = page.getByPlaceholder('结束日期');
    await end.fill('2035-12-31');
    await end.press('Enter');
    await page.keyboard.press('Escape'); // close the calendar
    await shot('18-ledger');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出台账' }).click()]);
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await page.getByTestId('ledger-file').waitFor();

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('反映台账')!;
    const ids: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 2) ids.push(String(row.getCell(1).value));
    });
    const expected = await call('management', 'list', { filter: { unitId: communityId, createdFrom: Date.parse('2020-01-01T00:00:00+08:00'), createdTo: Date.parse('2036-01-01T00:00:00+08:00') }, limit: 1 }, staff);
    expect(ids.length).toBe(expected.total);
    expect(ids).toEqual(expect.arrayContaining(created));
    const statusCol = (sheet.getRow(2).values as unknown[]).indexOf('状态');
    const dueCol = (sheet.getRow(2).values as unknown[]).indexOf('办结期限');
    expect(dueCol).toBeGreaterThan(0);
    const resolvedRow = sheet.getRows(3, ids.length)!.find((r) => String(r.getCell(1).value) === created[2])!;
    expect(resolvedRow.getCell(statusCol).value).toBe('已办结待评价');
    expect(String(resolvedRow.getCell(dueCol).value)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(wb.getWorksheet('三率统计')).toBeDefined();
  });

  it('lists what was done in the audit log', async () => {
    await page.getByRole('menuitem', { name: '操作日志' }).click();
    await page.waitForURL(/\/admin\/audit/);
    await page.locator('.ant-table-tbody tr', { hasText: '办结' }).first().waitFor();
    await page.locator('.ant-table-tbody tr', { hasText: '张伟' }).first().waitFor();
    await shot('19-audit');
  });

  it('shows the dashboard again with what happened today', async () => {
    await page.getByRole('menuitem', { name: '工作台' }).click();
    await page.waitForURL(/\/admin\/dashboard/);
    await page.locator('[data-count="totals.open"]').waitFor();
    const dash = await call('management', 'dashboard', {}, staff);
    expect(await shown('totals.open')).toBe(dash.totals.open.value);
    expect(dash.totals.open.value).toBe(openBefore + created.length - 1); // one resolved from the drawer
    expect(await shown('thisMonth.resolvedAtLevel.compound')).toBe(dash.thisMonth.resolvedAtLevel.compound.value);
    await page.locator('canvas').first().waitFor();
    await settle();
    await shot('20-dashboard-after');
  });
});
