/**
 * 回音壁 (#26) in Chromium against the real local host on a fresh database (WeChat simulated, no demo
 * history). Over the API: 孙福贵 (jumin) files two reports at 1号楼 — one with a photo he lets the wall
 * show and his phone and door typed in it, one with his name kept private; 赵桂兰 (louzhang) resolves
 * both with notes that name him; he rates one. Staff make 幸福里小区's public code.
 *
 * In the browser: a phone that never signed in scans the public code (the h5 link), goes on to the wall
 * and reads both — what was reported and done, how long, the rating, the photo — with no name, phone or
 * door anywhere; the private one without its building. The same wall in 长辈版 (measured: body ≥ 18 px,
 * heading ≥ 30, the month buttons ≥ 60 tall). Staff open 回音壁 on the management page (a desk PC) and print
 * it: A4 portrait, only the sheet.
 *
 * Screenshots land in tests/e2e/screenshots/h5-echo-wall-*.png.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openDeskBrowser } from './browser';
import { api } from './support/api';
import { signInAtDesk } from './support/desk';
import { DESK, phoneHost, START_TIMEOUT } from './support/host';
import { openPhone, PHONE } from './support/phones';
import { SHOTS, wholePhonePage } from './support/screenshots';
import { imageLoaded } from './support/loaded-image';
import { button, ui, words } from './support/taro';
import { demoPlaces } from './support/units';
import { png } from '../support/images';

const host = phoneHost({ JINLIN_DEV_WECHAT: '1', JINLIN_DEMO_REPORTS: '0' });
const http = api(() => host.url);
const { call, signIn } = http;
const A4 = { width: 794, height: 1123 };

let compoundId: string;
let codeId: string;
let never: string[];

beforeAll(async () => {
  const staff = await signIn('shequ');
  const { compound, building } = await demoPlaces(http, staff);
  compoundId = compound.id;
  codeId = (await call<{ id: string }>('codes', 'create', { unitId: compound.id, purpose: 'public', label: '小区公告栏' }, { token: staff })).id;

  const jumin = await signIn('jumin');
  const louzhang = await signIn('louzhang');
  const me = await call<{ person: { name: string; phone: string } }>('auth', 'whoAmI', {}, { token: jumin });
  const lead = await call<{ person: { name: string; phone: string } }>('auth', 'whoAmI', {}, { token: louzhang });
  never = [me.person.name, me.person.phone, lead.person.name, lead.person.phone, '502'];

  const res = await fetch(`${host.url}/api/photos`, { method: 'POST', headers: { 'content-type': 'image/png', authorization: `Bearer ${jumin}` }, body: new Uint8Array(await png({ width: 320, height: 240 })) });
  const photo = (await res.json()).data.id as string;
  const file = (n: number, data: Record<string, unknown>) =>
    call<{ report: { id: string; version: number } }>('reports', 'create', { clientRequestId: `e2e-echo-${n}`, unitId: building.id, category: 'noise', ...data }, { token: jumin });
  const first = await file(1, { description: `楼上每天半夜装修，吵得睡不着。我住1单元502，电话${me.person.phone}`, location: '1单元', photos: [photo], photosPublic: true });
  const second = await file(2, { description: `楼道堆满杂物，过不去人，${me.person.name}反映`, anonymous: true });
  const r1 = await call<{ version: number }>('reports', 'resolve', { id: first.report.id, version: first.report.version, note: `${lead.person.name}已上门，和楼上住户约好晚上十点后停工，有事打${lead.person.phone}` }, { token: louzhang });
  await call('reports', 'rate', { id: first.report.id, version: r1.version, rating: 'satisfied' }, { token: jumin });
  await call('reports', 'resolve', { id: second.report.id, version: second.report.version, note: `已通知${me.person.name}的邻居清走杂物` }, { token: louzhang });
}, START_TIMEOUT);

async function shot(page: Page, name: string) {
  await wholePhonePage(page, `h5-echo-wall-${name}.png`, 500);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

it('shows a resolved report on the public wall to a phone that never signed in, from the compound’s public code', async () => {
  const page = await openPhone(host.browser);
  await page.goto(`${host.url}/pages/code/index?scene=${codeId}`);
  await button(page, '查看回音壁').click();
  await page.waitForURL(/\/echo\/wall\/index\?code=/);
  await ui(page).getByText('楼上每天半夜装修，吵得睡不着', { exact: false }).waitFor();
  const seen = await words(page);
  for (const w of ['回音壁 ·', '幸福里小区', '不写姓名、电话和门牌', '办结 2 件', '1号楼 1单元', '和楼上住户约好晚上十点后停工', '评价：满意', '反映人选择匿名', '楼道堆满杂物', '评价：待居民评价', '✓ 按时']) expect(seen).toContain(w);
  for (const n of never) expect(seen).not.toContain(n);
  // The photo the form let the wall show, loaded by the browser.
  const img = ui(page).locator('.photos img').first();
  expect(await imageLoaded(img)).toBe(true);
  await shot(page, '01-phone');
  await page.context().close();
});

it('reads in 长辈版 with large words and tap targets', async () => {
  const page = await openPhone(host.browser, { 'jinlin.elderMode': true });
  await page.goto(`${host.url}/echo/wall/index?compound=${compoundId}`);
  await ui(page).getByText('楼道堆满杂物', { exact: false }).waitFor();
  const size = (selector: string) => page.evaluate((s) => parseFloat(getComputedStyle(document.querySelector(s)!).fontSize), selector);
  expect(await size('.echo__text')).toBeGreaterThanOrEqual(18);
  expect(await size('.page-title')).toBeGreaterThanOrEqual(30);
  const back = await button(page, '‹ 上个月').boundingBox();
  expect(back!.height).toBeGreaterThanOrEqual(60);
  await shot(page, '02-elder');
  await page.context().close();
});

it('prints the wall from the management page on A4, the sheet only', async () => {
  const desk = await openDeskBrowser(DESK);
  try {
    const page = desk.page;
    await signInAtDesk(page, host.url, 'shequ', '张伟');
    await page.goto(`${host.url}/admin/echo`);
    await page.getByRole('combobox', { name: '小区' }).click();
    await page.locator('.ant-select-item-option', { hasText: '幸福里小区' }).click();
    await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
    const sheet = page.getByTestId('echo-sheet');
    await sheet.getByText('楼道堆满杂物', { exact: false }).waitFor();
    const text = await sheet.innerText();
    for (const n of never) expect(text).not.toContain(n);
    expect(await page.getByTestId('echo-tally').innerText()).toContain('办结 2 件');
    await page.screenshot({ path: path.join(SHOTS, 'h5-echo-wall-03-desk.png'), fullPage: true });

    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize(A4);
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    await page.screenshot({ path: path.join(SHOTS, 'h5-echo-wall-04-print.png') });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const box = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
    expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([595, 842]);
  } finally {
    await desk.close();
  }
});
