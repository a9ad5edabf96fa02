/**
 * 微心愿 (#24), a wish from posting to points, in the h5 build, in Chromium on a phone-sized screen (390×844),
 * against the real local host on a fresh database with the full demo (a few reports, so the demo's wishes and
 * 孙福贵's door are seeded). In the browser:
 * 1. The demo resident 孙福贵 (jumin) opens 微心愿 from home: as a resident he reads who can claim, and taps
 *    许个心愿; an empty wish is refused in words; he posts one for 独居老人, letting the claimer see his phone.
 *    It says 待社区审核, and 我的心愿 lists it as ⏳ 待审核.
 * 2. Community staff 张伟 (shequ) approve it on the management page (心愿审核, a desk-sized browser).
 * 3. The demo member 周敏 (dangyuan) finds it in 微心愿 (no name, door or phone on it), claims it through the
 *    confirm step, reads the contact — the building's lead 赵桂兰 with her phone, his phone, his door — and
 *    fulfils it with a note and a photo. 我的心愿 lists it under 我认领的.
 * 4. 孙福贵 reads what was done (with the 7-day note) and confirms it.
 * 5. 周敏's 我的积分 shows the wish on her ledger with its +N, and her balance N higher than before.
 *
 * Screenshots land in tests/e2e/screenshots/h5-wishes-*.png, each page in normal mode and in 长辈版, held to
 * the elder-mode figures of its mode (elder-measure.ts).
 */
import type { Page } from 'playwright-core';
import { MEASURE, problemsOf, type Measured, type Mode } from './elder-measure';
import { photoJpeg } from './elder-seed';
import { signInAtDesk } from './support/desk';
import { api } from './support/api';
import { DESK, phoneHost, START_TIMEOUT } from './support/host';
import { openPhone, PHONE } from './support/phones';
import { SHOTS, wholePhonePage } from './support/screenshots';
import { button, ui, words } from './support/taro';
import path from 'node:path';

const WHAT = '想请人帮忙换一个厨房的灯泡';
const FOR_WHOM = '独居老人';
const NOTE = '买了一个节能灯泡，上门换好了，试过能亮';

// The full demo (a few reports) seeds the demo's wishes and gives 孙福贵 a door, so his login can post one.
const host = phoneHost({ JINLIN_DEMO_RESIDENTS: '60', JINLIN_DEMO_REPORTS: '20' });
const http = api(() => host.url);
const { call } = http;

let zhouBefore: number;

beforeAll(async () => {
  zhouBefore = (await call<{ balance: number }>('points', 'mine', {}, { token: await http.signIn('dangyuan') })).balance;
}, START_TIMEOUT);

/** A demo person's phone, signed in with a session of theirs, in elder mode or not as the 长辈版 switch keeps it. */
async function phoneOf(username: string, mode: Mode = 'normal'): Promise<Page> {
  const s = await http.session(username);
  return openPhone(host.browser, { 'jinlin.elderMode': mode === 'elder', 'jinlin.session': { token: s.token, expiresAt: s.expiresAt } });
}

/** The whole page as the person scrolls through it, held to the figures of its mode, nothing wider than the phone. */
async function shot(page: Page, name: string, mode: Mode = 'normal') {
  await wholePhonePage(page, `h5-wishes-${name}${mode === 'elder' ? '-elder' : ''}.png`, 400);
  const m = (await page.evaluate(MEASURE)) as Measured;
  expect({ page: name, mode, problems: problemsOf(m, mode) }).toEqual({ page: name, mode, problems: [] });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

/** The same page on the same person's phone in 长辈版: its picture, held to elder mode's figures. */
async function elderShot(username: string, url: string, ready: string, name: string, then?: (page: Page) => Promise<void>) {
  const page = await phoneOf(username, 'elder');
  await page.goto(`${host.url}${url}`);
  await ui(page).getByText(ready, { exact: false }).first().waitFor();
  if (then) await then(page);
  await shot(page, name, 'elder');
  await page.context().close();
}

/** Taro's modal (the confirm step of 认领 and 确认): its words, then its confirm button. */
async function confirmModal(page: Page, says: RegExp) {
  await page.locator('.taro__modal').getByText(says).waitFor();
  await page.locator('.taro-model__confirm').click();
}

it('takes a wish from the resident posting it, through staff approval and a member fulfilling it, to the member’s points', async () => {
  // 1. 孙福贵 posts a wish.
  const sun = await phoneOf('jumin');
  await sun.goto(`${host.url}/pages/index/index`);
  await ui(sun).getByText('您好，孙福贵').waitFor();
  await ui(sun).getByText('微心愿', { exact: true }).click();
  await sun.waitForURL(/\/wishes\/index\/index/);
  await ui(sun).getByText('只有本社区已报到的党员和志愿者可以看到并认领邻居的心愿', { exact: false }).waitFor();
  await shot(sun, '01-index-resident');
  await elderShot('jumin', '/wishes/index/index', '只有本社区已报到的党员和志愿者', '01-index-resident');
  await button(sun, '许个心愿').click();

  await sun.waitForURL(/\/wishes\/post\/index/);
  await ui(sun).getByText('心愿是什么').waitFor();
  await button(sun, '提交心愿').click();
  await ui(sun).getByText('请写一写您的心愿').waitFor();
  expect(await words(sun)).toContain('请写为谁许愿，如“独居老人”，不写姓名');
  await ui(sun).locator('textarea[placeholder^="例如：想要一根"]').fill(WHAT);
  await ui(sun).locator('input[placeholder="例如：独居老人"]').fill(FOR_WHOM);
  await ui(sun).getByRole('switch', { name: '允许认领人看到我的手机号' }).click();
  await ui(sun).locator('[role=switch][aria-checked=true]').waitFor();
  await shot(sun, '02-post');
  await elderShot('jumin', '/wishes/post/index', '心愿是什么', '02-post');
  await button(sun, '提交心愿').click();

  await ui(sun).getByText('✓ 心愿已提交').waitFor();
  let seen = await words(sun);
  for (const w of ['⏳ 待审核', '待社区审核', WHAT, FOR_WHOM, '认领人会通过楼栋长联系您']) expect(seen).toContain(w);
  await shot(sun, '03-posted');
  await button(sun, '看看我的心愿').click();
  await sun.waitForURL(/\/wishes\/mine\/index/);
  // The posted screen (still in the page stack) shows the wish too: wait for the list's own tabs.
  await ui(sun).getByText(/✓ 我许的（\d+）/).waitFor();
  await ui(sun).getByText(WHAT).waitFor();
  seen = await words(sun);
  expect(seen).toMatch(/✓ 我许的（\d+）/);
  expect(seen).toContain('⏳ 待审核');
  await shot(sun, '04-mine-posted');
  await elderShot('jumin', '/wishes/mine/index', WHAT, '04-mine-posted');

  // 2. Staff approve it on the management page.
  const desk = await host.browser.newContext({ viewport: DESK, locale: 'zh-CN' });
  const admin = await desk.newPage();
  admin.setDefaultTimeout(20000);
  await signInAtDesk(admin, host.url, 'shequ', '张伟');
  await admin.goto(`${host.url}/admin/wishes`);
  const row = admin.locator('.ant-table-tbody tr').filter({ hasText: WHAT });
  await row.waitFor();
  await row.getByRole('button', { name: '通过', exact: true }).click();
  await admin.locator('.ant-popover').getByRole('button', { name: '通过', exact: true }).click();
  await admin.locator('.ant-message').getByText(`已通过心愿「${WHAT}」`, { exact: false }).waitFor();
  await admin.screenshot({ path: path.join(SHOTS, 'h5-wishes-05-admin-approved.png') });
  await desk.close();

  // 3. 周敏 finds it, claims it, reads the contact and fulfils it.
  const zhou = await phoneOf('dangyuan');
  await zhou.goto(`${host.url}/pages/index/index`);
  await ui(zhou).getByText('您好，周敏').waitFor();
  await ui(zhou).getByText('微心愿', { exact: true }).click();
  await zhou.waitForURL(/\/wishes\/index\/index/);
  const card = ui(zhou).locator('.wcard').filter({ hasText: WHAT });
  await card.waitFor();
  const cardWords = (await card.innerText()).replace(/\s+/g, ' ');
  expect(cardWords).toContain(`为谁：${FOR_WHOM}`);
  expect(cardWords).toContain('幸福里小区');
  // The public view: no name, no door, no phone.
  for (const hidden of ['孙福贵', '302', '13800000007', '1号楼']) expect(cardWords).not.toContain(hidden);
  await shot(zhou, '06-index-member');
  await elderShot('dangyuan', '/wishes/index/index', WHAT, '06-index-member');
  await card.click();

  await zhou.waitForURL(/\/wishes\/detail\/index\?id=/);
  const wishId = new URL(zhou.url()).searchParams.get('id')!;
  await button(zhou, '认领这个心愿').waitFor();
  seen = await words(zhou);
  for (const w of ['☆ 待认领', '认领后请尽快联系', '心愿进展']) expect(seen).toContain(w);
  expect(seen).not.toContain('孙福贵');
  await shot(zhou, '07-detail-open');
  await elderShot('dangyuan', `/wishes/detail/index?id=${wishId}`, '认领这个心愿', '07-detail-open');
  await button(zhou, '认领这个心愿').click();
  await confirmModal(zhou, /认领后请尽快联系心愿人/);

  await ui(zhou).getByText('认领成功', { exact: false }).waitFor();
  seen = await words(zhou);
  for (const w of ['⏳ 已认领', '怎么联系', '楼栋长：赵桂兰', '📞 13800000006', '心愿人的电话', '📞 13800000007', '幸福里小区 1号楼 1单元 3层 302室']) expect(seen).toContain(w);
  await shot(zhou, '08-detail-claimed');
  await elderShot('dangyuan', `/wishes/detail/index?id=${wishId}`, '怎么联系', '08-detail-claimed');
  // 退回 is a screen of its own; she does not give it back.
  await button(zhou, '退回这个心愿').click();
  await ui(zhou).getByText('退回的原因').waitFor();
  await shot(zhou, '09-give-back');
  await ui(zhou).getByText('‹ 不退回了').click();
  await button(zhou, '实现心愿').click();

  await ui(zhou).getByText('提交，请心愿人确认').waitFor();
  await ui(zhou).locator('textarea[placeholder^="例如：买了一根"]').fill(NOTE);
  const [chooser] = await Promise.all([zhou.waitForEvent('filechooser'), ui(zhou).getByText('拍照/选照片').click()]);
  await chooser.setFiles({ name: 'bulb.jpg', mimeType: 'image/jpeg', buffer: await photoJpeg() });
  await ui(zhou).getByText('删除', { exact: true }).waitFor();
  await ui(zhou).getByText('上传中…').waitFor({ state: 'detached' });
  await shot(zhou, '10-fulfil');
  await button(zhou, '提交，请心愿人确认').click();

  await ui(zhou).getByText('已提交，等心愿人确认', { exact: false }).first().waitFor();
  seen = await words(zhou);
  for (const w of ['⏳ 已实现，待确认', '7 天内不确认将自动确认', NOTE]) expect(seen).toContain(w);
  await shot(zhou, '11-detail-fulfilled');

  await zhou.goto(`${host.url}/wishes/mine/index?tab=claimed`);
  await ui(zhou).getByText(WHAT).waitFor();
  expect(await words(zhou)).toContain('✓ 我认领的');
  await shot(zhou, '12-mine-claimed');
  await elderShot('dangyuan', '/wishes/mine/index?tab=claimed', WHAT, '12-mine-claimed');

  // 4. 孙福贵 reads what was done and confirms it.
  await sun.goto(`${host.url}/wishes/detail/index?id=${wishId}`);
  await button(sun, '确认已实现').waitFor();
  seen = await words(sun);
  for (const w of ['周敏说心愿已经实现了', '7 天内不确认将自动确认', '怎么实现的', NOTE]) expect(seen).toContain(w);
  expect(await ui(sun).locator('.photos__img').count()).toBe(1);
  await shot(sun, '13-detail-to-confirm');
  await elderShot('jumin', `/wishes/detail/index?id=${wishId}`, '确认已实现', '13-detail-to-confirm');
  await button(sun, '确认已实现').click();
  await confirmModal(sun, /确认后认领人会得到积分/);
  await ui(sun).getByText('已确认，谢谢您！').waitFor();
  seen = await words(sun);
  expect(seen).toContain('✓ 已确认');
  const granted = Number(/认领人获得了 (\d+) 积分/.exec(seen)?.[1]);
  expect(granted).toBeGreaterThan(0);
  await shot(sun, '14-detail-confirmed');

  // Over the API: the wish is confirmed by him, with the points it granted.
  const wish = await call<{ status: string; points: number; confirmedByTimer: boolean }>('wishes', 'detail', { id: wishId }, { token: await http.signIn('jumin') });
  expect(wish).toMatchObject({ status: 'confirmed', points: granted, confirmedByTimer: false });

  // 5. 周敏's 我的积分: the wish on her ledger with its +N, her balance N higher.
  await zhou.goto(`${host.url}/points/index/index`);
  await ui(zhou).getByText('积分明细').waitFor();
  const entry = ui(zhou).locator('.ledger__row').filter({ hasText: `实现微心愿：${WHAT}` });
  await entry.waitFor();
  expect((await entry.innerText()).replace(/\s+/g, ' ')).toContain(`+${granted}`);
  expect(await words(zhou)).toContain(`现有积分 ${zhouBefore + granted} 分`);
  await shot(zhou, '15-points');

  await sun.context().close();
  await zhou.context().close();
});
