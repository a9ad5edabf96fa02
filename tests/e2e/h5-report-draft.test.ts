/**
 * The report form keeps what was written (#18), in the h5 build, in Chromium on a 390×844 phone,
 * against the real local host: 孙福贵 starts a report with a photo, goes back, closes the tab; the
 * form offers his draft again and restores it, photo included (from the server: a browser keeps no
 * picked file); a long description is counted and refused, never cut; filed without a network it
 * waits ("网络不好，已保存，联网后自动提交") and goes once the network is back, one report only.
 *
 * Screenshots: tests/e2e/screenshots/h5-draft-*.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './browser';
import { photoJpeg } from './elder-seed';
import { ensureBuilt, startServer, ROOT, type RunningServer } from './server';

const SHOTS = path.join(ROOT, 'tests/e2e/screenshots');
const PHONE = { width: 390, height: 844 };
const DESCRIPTION = '楼道里堆满了纸箱，挡住了消防通道';
const START_TIMEOUT = 120_000;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ensureBuilt();
  server = await startServer({ env: { JINLIN_DEMO_RESIDENTS: '60', JINLIN_DEMO_REPORTS: '0' } });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}, START_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, START_TIMEOUT);

const ui = (page: Page) => page.locator('#app');
const button = (page: Page, label: string) => ui(page).locator('taro-button-core').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) });
const box = (page: Page) => ui(page).getByRole('textbox', { name: /例如：3单元电梯/ });
const place = (page: Page) => ui(page).getByRole('textbox', { name: '例如：3单元 电梯' });

/** The whole form as the person scrolls through it (Taro's h5 pages scroll inside their own container). */
async function shot(page: Page, name: string) {
  await page.waitForTimeout(300);
  const height = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll('.taro_page, #app, body'), (e) => e.scrollHeight)));
  await page.setViewportSize({ width: PHONE.width, height: Math.max(PHONE.height, height) });
  await page.screenshot({ path: path.join(SHOTS, `h5-draft-${name}.png`) });
  await page.setViewportSize(PHONE);
}

async function post<T = any>(fn: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${server.url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (!json.ok) throw new Error(`${fn}: ${json.code} ${json.message}`);
  return json.data;
}

/** Opens the form from the home page's 随手拍, as the resident does. */
async function openForm(page: Page) {
  await page.goto(`${server.url}/`);
  await ui(page).getByText('随手拍', { exact: true }).click();
}

it('keeps a half-written report with its photo across going back and a closed tab, counts the words, and files it once the network is back', async () => {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  let page = await context.newPage();
  page.setDefaultTimeout(20000);
  await page.goto(`${server.url}/`);
  await ui(page).getByRole('textbox', { name: '请输入账号' }).fill('jumin');
  await ui(page).getByRole('textbox', { name: '请输入密码' }).fill('demo1234');
  await button(page, '登录').click();
  await ui(page).getByText('您好，孙福贵').waitFor();

  // 1. Half a report: category, words, place and a photo; then back.
  await ui(page).getByText('随手拍', { exact: true }).click();
  await ui(page).getByText('消防通道与安全隐患', { exact: true }).click();
  await box(page).fill(DESCRIPTION);
  await place(page).fill('2单元 3楼');
  await ui(page).getByText(`还可以写 ${500 - DESCRIPTION.length} 字`).waitFor();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), ui(page).getByText('拍照/选照片').click()]);
  await chooser.setFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: await photoJpeg() });
  await ui(page).getByText('已选 1 张').waitFor();
  await ui(page).getByText('上传中…').waitFor({ state: 'detached' });
  await page.goBack();
  await ui(page).getByText('随手拍', { exact: true }).waitFor();

  // 2. The tab is closed; a new one opens the form: the draft is offered.
  await page.close();
  page = await context.newPage();
  page.setDefaultTimeout(20000);
  await openForm(page);
  await ui(page).getByText('您有一份没写完的反映').waitFor();
  const offered = await ui(page).innerText();
  expect(offered).toContain(DESCRIPTION);
  expect(offered).toContain('照片 1 张');
  expect(offered).toContain('放弃草稿');
  await shot(page, '01-offer');

  // 3. Continued: everything is back, the photo shown from the server.
  await button(page, '继续上次的草稿').click();
  await ui(page).getByText('第 2 步，共 2 步').waitFor();
  expect(await box(page).inputValue()).toBe(DESCRIPTION);
  expect(await place(page).inputValue()).toBe('2单元 3楼');
  await ui(page).getByText('已选 1 张').waitFor();
  const src = await ui(page).locator('.photos__img img, img.photos__img').first().getAttribute('src');
  expect(src).toMatch(/^\/files\//);

  // 4. Too long: Chromium keeps every character, the count says how much is over, and filing is refused.
  const long = `${DESCRIPTION}${'，纸箱越堆越多'.repeat(70)}`;
  await box(page).fill(long);
  expect((await box(page).inputValue()).length).toBe(long.length);
  const over = long.length - 500;
  await ui(page).getByText(`已超出 ${over} 字`).waitFor();
  await ui(page).getByText(`最多写 500 字，请删掉 ${over} 字再提交`).waitFor();
  await shot(page, '02-restored-over-limit');
  await button(page, '提交反映').click();
  await page.waitForTimeout(500);
  expect(page.url()).toContain('/pages/report/new');

  // 5. Shortened, and filed with no network: it waits, and says so.
  await box(page).fill(DESCRIPTION);
  await ui(page).getByText(`还可以写 ${500 - DESCRIPTION.length} 字`).waitFor();
  await context.setOffline(true);
  await button(page, '提交反映').click();
  await ui(page).getByText('网络不好，已保存，联网后自动提交').waitFor();
  await shot(page, '03-queued');

  // 6. The network is back: it goes by itself, and the report page opens.
  await context.setOffline(false);
  await page.waitForURL(/\/pages\/report\/detail\?id=/, { timeout: 20000 });
  await ui(page).getByText(DESCRIPTION).first().waitFor();
  await shot(page, '04-filed');

  // One report, not two; and no draft offered any more.
  const token = (await post<{ token: string }>('auth', { action: 'signIn', data: { username: 'jumin', password: 'demo1234' } })).token;
  const mine = await post<Array<{ description: string }>>('reports', { action: 'mine', data: {} }, token);
  expect(mine.filter((r) => r.description === DESCRIPTION)).toHaveLength(1);
  await openForm(page);
  await ui(page).getByText('遇到了什么问题？').waitFor();
  expect(await ui(page).innerText()).not.toContain('您有一份没写完的反映');
  await context.close();
});
