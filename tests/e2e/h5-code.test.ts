/**
 * The landing page every code opens, in the h5 build, in Chromium on a phone-sized screen, against
 * the real local host on a fresh database with the test clock. Community staff (张伟) make codes
 * over the API the way the management page does; then a phone that has never signed in opens each
 * code's local link (`/pages/code/index?scene=<id>`, what the local QR code holds) and reads what the
 * code is, or why it cannot be used and what to do instead.
 *
 * Screenshots land in tests/e2e/screenshots/h5-code-*.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './browser';
import { ensureBuilt, startServer, ROOT, type RunningServer } from './server';

const SHOTS = path.join(ROOT, 'tests/e2e/screenshots');
const HOUR = 3600_000;
const PHONE = { width: 390, height: 844 };
// Jest takes testTimeout from the root config only, so under `npm test` a hook would get 5 s.
const START_TIMEOUT = 120_000;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ensureBuilt();
  server = await startServer({ env: { JINLIN_TEST_CLOCK: '1', JINLIN_DEMO_RESIDENTS: '60', JINLIN_DEMO_REPORTS: '0' } });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}, START_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, START_TIMEOUT);

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

const call = <T = any>(token: string, fn: string, action: string, data: unknown) => post<T>(fn, { action, data }, token);
const serverNow = async () => (await post<{ now: number }>('__test', {})).now;

/** A phone that has never signed in (whoever scans a code may not be registered), on the server's clock. */
async function freshPhone(): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.clock.install({ time: await serverNow() });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  return page;
}

const ui = (page: Page) => page.locator('#app');
const button = (page: Page, label: string) => ui(page).locator('taro-button-core').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) });
const words = async (page: Page) => (await ui(page).innerText()).replace(/\s+/g, ' ');
const openCode = (page: Page, scene: string) => page.goto(`${server.url}/pages/code/index?scene=${encodeURIComponent(scene)}`);

/**
 * What an older reader cannot read or tap on this page (DESIGN.md, 长辈版): text under 18px,
 * headings under 30px, buttons and input boxes under 60px tall, anything cut off at the edge.
 */
const ELDER_CHECK = `(() => {
  const out = [];
  const app = document.querySelector('#app');
  const width = window.innerWidth;
  const walker = document.createTreeWalker(app, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    const text = (n.textContent || '').trim();
    if (!text || !el.getClientRects().length) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 17.95) out.push('small text ' + size.toFixed(1) + 'px: ' + text.slice(0, 20));
    if (el.closest('.code__title, .code-page__title') && size < 30) out.push('small heading ' + size.toFixed(1) + 'px: ' + text.slice(0, 20));
    const range = document.createRange();
    range.selectNodeContents(n);
    const box = range.getBoundingClientRect();
    if (box.right > width + 0.5 || box.left < -0.5) out.push('cut off at the edge: ' + text.slice(0, 20));
  }
  for (const el of app.querySelectorAll('taro-button-core, .code-form__input')) {
    const h = el.getBoundingClientRect().height;
    if (h && h < 59.5) out.push('short tap target ' + h.toFixed(1) + 'px: ' + (el.textContent || el.className).trim().slice(0, 20));
  }
  if (document.documentElement.scrollWidth > width) out.push('page wider than the screen');
  return out;
})()`;

async function shot(page: Page, name: string) {
  await page.waitForTimeout(300);
  const height = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll('.taro_page, #app, body'), (e) => e.scrollHeight)));
  await page.setViewportSize({ width: PHONE.width, height: Math.max(PHONE.height, height) });
  await page.screenshot({ path: path.join(SHOTS, `h5-code-${name}.png`) });
  await page.setViewportSize(PHONE);
  expect({ page: name, problems: await page.evaluate(ELDER_CHECK) }).toEqual({ page: name, problems: [] });
}

it('shows each code to a phone that never signed in: what it is and where, or why not and what to do', async () => {
  // 张伟 (community staff) makes the codes the way the management page does.
  const staff = (await post<{ token: string }>('auth', { action: 'signIn', data: { username: 'shequ', password: 'demo1234' } })).token;
  const { units } = await call<{ units: { id: string; parentId: string | null; name: string }[] }>(staff, 'units', 'tree', {});
  const compound = units.find((u) => u.name === '幸福里小区')!;
  const building = units.find((u) => u.parentId === compound.id && u.name === '1号楼')!;
  const [resident] = await call<{ id: string }[]>(staff, 'people', 'search', { q: '孙福贵' });
  const make = (data: Record<string, unknown>) => call<{ id: string }>(staff, 'codes', 'create', { unitId: building.id, ...data });

  const buildingCode = await make({ purpose: 'building', label: '1号楼一单元门口' });
  const personal = await make({ purpose: 'personal', personId: resident.id });
  const revoked = await make({ purpose: 'building' });
  await call(staff, 'codes', 'revoke', { id: revoked.id, reason: '海报被撕坏，换了新码' });
  const shortLived = await make({ purpose: 'building', validUntil: (await serverNow()) + HOUR });

  // A building code, scanned: what it is, where, what scanning does, and the way on.
  const phone = await freshPhone();
  await openCode(phone, buildingCode.id);
  await ui(phone).getByText('楼栋码', { exact: true }).waitFor();
  let seen = await words(phone);
  // Its next step is the join page (登记入住, tests/e2e/h5-join.test.ts walks it).
  for (const w of ['✓ 可以使用', '阳光社区 幸福里小区 1号楼', '加入本楼，成为楼里的居民', '登记入住本楼']) expect(seen).toContain(w);
  await shot(phone, '01-building');

  // A personal code: whom it is for, masked, and until when.
  await openCode(phone, personal.id);
  await ui(phone).getByText('个人码', { exact: true }).waitFor();
  seen = await words(phone);
  expect(seen).toContain('孙*贵（只能本人使用）');
  expect(seen).toMatch(/请在 .+ 前使用/);
  await shot(phone, '02-personal');

  // A revoked code: the server's message, the status in words, the way on.
  await openCode(phone, revoked.id);
  await ui(phone).getByText('✕ 已作废').waitFor();
  expect(await words(phone)).toContain('这个码已作废');
  await shot(phone, '03-revoked');

  // The short-lived code after its hour: expired; typing another code shows that one.
  await post('__test', { advanceMs: 2 * HOUR });
  await phone.context().clock.setSystemTime(await serverNow());
  await openCode(phone, shortLived.id);
  await ui(phone).getByText('✕ 已过期').waitFor();
  seen = await words(phone);
  expect(seen).toContain('这个码不能再用了');
  expect(seen).toContain('这个码已过期');
  await shot(phone, '04-expired');
  await button(phone, '输入别的码').click();
  await ui(phone).getByRole('textbox', { name: '请输入 12 位编号' }).fill(buildingCode.id.toUpperCase().replace(/(.{4})(?=.)/g, '$1 '));
  await shot(phone, '05-expired-typing');
  await button(phone, '查看').click();
  await ui(phone).getByText('楼栋码', { exact: true }).waitFor();

  // A code nobody made: not found, and the box to type the number is right there.
  await openCode(phone, 'zzzzzzzzzzzz');
  await ui(phone).getByText('没有找到这个码').waitFor();
  expect(await words(phone)).toContain('没有这个码');
  await shot(phone, '06-not-found');

  // Opened without a code: it asks for the number.
  await phone.goto(`${server.url}/pages/code/index`);
  await ui(phone).getByText('查看一个码').waitFor();
  await shot(phone, '07-typed');
  await phone.context().close();
});
