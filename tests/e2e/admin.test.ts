/**
 * The management page and the h5 home in a real Chromium against the real local server
 * (fresh SQLite database with the demo data). Screenshots land in tests/e2e/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { openDeskBrowser } from './browser';
import { ensureBuilt, startServer, ROOT, type RunningServer } from './server';

const SHOTS = path.join(ROOT, 'tests/e2e/screenshots');
const BUILDING = 'E2E测试楼';

let server: RunningServer;
let context: BrowserContext;
let page: Page;
let closeBrowser: (() => Promise<void>) | undefined;

const shot = (name: string, p: Page = page) => p.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
const tree = () => page.locator('.ant-tree');
const treeNode = (name: string) => tree().locator('.unit-name', { hasText: new RegExp(`^${name}$`) });
const card = (title: string) => page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: title }) });
const toast = () => page.locator('.ant-message');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ensureBuilt();
  server = await startServer();
  // The common office PC screen.
  ({ context, page, close: closeBrowser } = await openDeskBrowser({ width: 1366, height: 768 }));
});

afterAll(async () => {
  await closeBrowser?.();
  await server?.stop();
});

describe('management page (/admin/)', () => {
  it('turns away a resident with a clear message', async () => {
    await page.goto(`${server.url}/admin/`);
    await page.waitForURL(/\/admin\/login$/);
    await page.getByRole('button', { name: /孙福贵/ }).click();
    await page.getByRole('alert').filter({ hasText: '不能登录管理后台' }).waitFor();
    await shot('01-login-resident-refused');
    expect(page.url()).toMatch(/\/admin\/login$/);
  });

  it('signs the community secretary in with the demo button and opens 单位与人员', async () => {
    await page.getByRole('button', { name: /社区书记\s*李秀英/ }).click();
    // Staff land on the dashboard.
    await page.waitForURL(/\/admin\/dashboard/);
    await page.getByTestId('me-name').filter({ hasText: '李秀英' }).waitFor();
    await page.getByRole('menuitem', { name: '单位与人员' }).click();
    await page.waitForURL(/\/admin\/units/);
    await treeNode('阳光社区').waitFor();
    await shot('02-units-signed-in');
  });

  it('adds a building to a compound, shows it in the tree and keeps it after a reload', async () => {
    await treeNode('幸福里小区').click();
    await page.getByTestId('unit-title').filter({ hasText: '幸福里小区' }).waitFor();

    const add = card('添加下级单位');
    await expect(add.locator('.ant-select').textContent()).resolves.toContain('楼栋');
    await add.getByLabel('名称').fill(BUILDING);
    await add.getByRole('button', { name: '添加' }).click();
    await toast().filter({ hasText: `已在「幸福里小区」下添加楼栋「${BUILDING}」` }).waitFor();
    await treeNode(BUILDING).waitFor();
    await shot('03-building-added');

    await page.reload();
    await treeNode(BUILDING).waitFor();
    await page.getByTestId('unit-title').filter({ hasText: '幸福里小区' }).waitFor();
    await shot('04-after-reload');
  });

  it('refuses an empty name and a name a sibling already has, saying why', async () => {
    await treeNode(BUILDING).click();
    await page.getByTestId('unit-title').filter({ hasText: BUILDING }).waitFor();
    const nameInput = page.getByLabel('单位名称');

    await nameInput.fill('');
    await page.getByRole('button', { name: '保存名称' }).click();
    await page.locator('.ant-form-item-explain-error', { hasText: '请填写单位名称' }).waitFor();
    await shot('05-rename-empty');

    // Only the server knows the sibling names: its message (UNIT.NAME_TAKEN, field "name") must
    // appear under the field.
    await nameInput.fill('1号楼');
    await page.getByRole('button', { name: '保存名称' }).click();
    await page.locator('.ant-form-item-explain-error', { hasText: /已经存在|已有同名/ }).waitFor();
    await shot('06-rename-taken');
    await expect(treeNode(BUILDING).count()).resolves.toBe(1);
  });

  it('registers a new person and makes them the building lead of the new building', async () => {
    const people = card('人员与角色');
    await people.getByRole('button', { name: '新增人员' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill('测试楼长');
    await dialog.getByLabel('手机号').fill('13900001111');
    await dialog.getByRole('button', { name: '保存' }).click();
    await toast().filter({ hasText: '已登记测试楼长' }).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    await people.getByLabel('角色').click();
    await page.locator('.ant-select-item-option', { hasText: '楼栋长' }).click();
    await people.getByRole('button', { name: '绑定' }).click();
    await toast().filter({ hasText: `已把测试楼长设为「${BUILDING}」的楼栋长` }).waitFor();
    await people.locator('.ant-table-row', { hasText: '测试楼长' }).filter({ hasText: '楼栋长' }).waitFor();
    await shot('07-building-lead-bound');
  });

  it('moves the building to another compound, then archives it', async () => {
    const move = page.locator('form#move');
    await move.locator('.ant-select').click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '和平新村（小区）' }).click();
    await move.getByRole('button', { name: '移动' }).click();
    await toast().filter({ hasText: `已把「${BUILDING}」移到「和平新村」下` }).waitFor();
    await page.getByText(`所在位置：阳光社区 / 和平新村 / ${BUILDING}`).waitFor();
    await shot('08-building-moved');

    await page.getByRole('button', { name: '归档此楼栋' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '归档' }).click();
    await toast().filter({ hasText: `已归档「${BUILDING}」` }).waitFor();
    await treeNode(BUILDING).waitFor({ state: 'detached' });
    await page.getByTestId('unit-title').filter({ hasText: '和平新村' }).waitFor();

    await page.getByRole('switch', { name: '显示已归档' }).click();
    await tree().locator('.ant-tree-treenode', { hasText: BUILDING }).filter({ hasText: '已归档' }).waitFor();
    await shot('09-archived-shown');
  });

  it('sends the person back to the login page when the session ends elsewhere', async () => {
    // Sign the same session out behind the page's back, then use the page.
    await page.evaluate(async () => {
      const token = localStorage.getItem('jinlin.admin.token');
      await fetch('/api/auth', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ action: 'signOut', data: {} }),
      });
    });
    await treeNode('锦绣家园').click();
    await page.waitForURL(/\/admin\/login$/);
    await page.getByText('登录已过期，请重新登录').waitFor();
    await shot('10-session-lost');
  });

  it('says the same when a stored token is not valid on opening the page', async () => {
    await page.evaluate(() => localStorage.setItem('jinlin.admin.token', 'not-a-real-token'));
    await page.goto(`${server.url}/admin/units`);
    await page.waitForURL(/\/admin\/login$/);
    await page.getByText('登录已过期，请重新登录').waitFor();
  });
});

describe('resident h5 (/)', () => {
  it('signs the resident in with the demo entry and shows the home page', async () => {
    const h5 = await context.newPage();
    await h5.setViewportSize({ width: 414, height: 860 });
    try {
      await h5.goto(`${server.url}/`);
      // Signed out, the home page sends the resident to the h5 login page with its demo entries.
      await h5.getByText('孙福贵（居民）').click({ timeout: 20000 });
      await h5.getByText('您好，孙福贵').waitFor({ timeout: 20000 });
      await h5.getByText('我要办事').waitFor();
      await shot('11-h5-home', h5);
    } catch (e) {
      await shot('11-h5-failure', h5);
      throw e;
    } finally {
      await h5.close();
    }
  });
});
