/**
 * A building lead runs a topic from the phone (#29), in the h5 build, in Chromium at phone size (390×844),
 * against the real local host on a fresh database with WeChat simulated and the test clock standing in
 * for the days that pass. Staff let three households of 幸福里小区 1号楼 in over the API.
 *
 * 赵桂兰 (the demo's lead of 1号楼) opens 小区议事 → 发起议题, writes a title, the background, changes the
 * first option, names the parties and sends it with the days the form offers (a week of opinions, then a
 * week of voting): the topic page shows it. A week on, the households vote over the API; another week and
 * the vote is over: on the topic, 记录决定 → the counts beside each option, the leading one adopted, how it
 * was decided, the decision, minutes and attendees, asked once more → the topic shows the decision. A
 * resident reads it with the counts. The form and the decision page are held to the elder-mode figures in
 * both modes (elder-measure.ts).
 *
 * Screenshots land in tests/e2e/screenshots/h5-deliberation-lead-*.png.
 */
import type { Page } from 'playwright-core';
import { MEASURE, problemsOf, type Measured, type Mode } from './elder-measure';
import { api } from './support/api';
import { phoneHost, START_TIMEOUT } from './support/host';
import { letInOnWechat, makeCode, type WechatApplicant } from './support/people';
import { openPhone, PHONE, wechatUser } from './support/phones';
import { wholePhonePage } from './support/screenshots';
import { ui } from './support/taro';
import { testClock } from './support/test-clock';
import { demoPlaces } from './support/units';

const DAY = 24 * 3600_000;
const TITLE = '1号楼楼道装感应灯';
const DECISION = '装感应灯，费用从楼栋公共收益里出，月底前装好';
const door = (floor: number, room: string) => ({ entrance: '1', floor, room });
const WU: WechatApplicant = { openid: 'e2e-wx-dlead-wu', name: '吴秀兰', door: door(2, '201'), phone: '13700009801' };
const ZHENG: WechatApplicant = { openid: 'e2e-wx-dlead-zheng', name: '郑德明', door: door(3, '302'), phone: '13700009802' };
const FENG: WechatApplicant = { openid: 'e2e-wx-dlead-feng', name: '冯玉珍', door: door(4, '401'), phone: '13700009803' };

const host = phoneHost({ JINLIN_DEV_WECHAT: '1', JINLIN_TEST_CLOCK: '1', JINLIN_DEMO_REPORTS: '0' });
const http = api(() => host.url);
const clock = testClock(http);

beforeAll(async () => {
  const staff = await http.signIn('shequ');
  const { building } = await demoPlaces(http, staff);
  await letInOnWechat(http, staff, await makeCode(http, staff, building.id, 'building', '1号楼门口'), [WU, ZHENG, FENG]);
}, START_TIMEOUT);

/** The lead's phone, signed in now (a session outlives no jump of the test clock), on the server's clock. */
const leadPhone = async (elder = false) => openPhone(host.browser, { 'jinlin.session': await http.session('louzhang'), 'jinlin.elderMode': elder }, { clock: await clock.now() });
const residentPhone = async (p: WechatApplicant, elder = false) => openPhone(host.browser, { ...wechatUser(p.openid), 'jinlin.elderMode': elder }, { clock: await clock.now() });

/**
 * The page showing: h5 keeps the pages under it in the document (the list under 发起议题, the topic under
 * 记录决定), hidden, with buttons and boxes of the same names.
 */
const here = (page: Page) => ui(page).locator('.taro_page:visible');
const button = (page: Page, label: string) => here(page).locator('taro-button-core').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) });
const words = async (page: Page) => (await here(page).innerText()).replace(/\s+/g, ' ');
const box = (page: Page, placeholder: string) => here(page).locator(`input[placeholder="${placeholder}"]`);

async function shot(page: Page, name: string, settleMs = 400) {
  await wholePhonePage(page, `h5-deliberation-lead-${name}.png`, settleMs);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

/** The page held to the elder-mode figures in both modes, each on a phone of its own; the 长辈版 one pictured. */
async function meetsFigures(phone: (elder: boolean) => Promise<Page>, url: string, ready: string, name: string) {
  for (const mode of ['normal', 'elder'] as Mode[]) {
    const page = await phone(mode === 'elder');
    await page.goto(`${host.url}${url}`);
    await here(page).getByText(ready, { exact: false }).first().waitFor();
    await page.waitForTimeout(300); // fonts settle
    expect({ [name]: problemsOf((await page.evaluate(MEASURE)) as Measured, mode) }).toEqual({ [name]: [] });
    if (mode === 'elder') await shot(page, `${name}-elder`);
    await page.context().close();
  }
}

it('lets a building lead open a topic from the phone, and record its decision once the vote is over, which a resident reads', async () => {
  // 发起议题 from 小区议事.
  let page = await leadPhone();
  await page.goto(`${host.url}/deliberation/index/index`);
  await button(page, '发起议题').waitFor();
  await shot(page, '00-list');
  await button(page, '发起议题').click();
  await page.waitForURL(/\/deliberation\/open\/index/);
  await here(page).getByText('议题标题').waitFor();
  let seen = await words(page);
  // Her one building is named, not picked; the days are offered.
  for (const w of ['幸福里小区 1号楼', '投票选项', '征求意见到哪天', '投票从哪天开始', '投票到哪天截止', '谁参加']) expect(seen).toContain(w);
  await box(page, '例如：1号楼加装电梯').fill(TITLE);
  await here(page).locator('textarea').first().fill('楼道晚上太黑，老人上下楼容易摔。想装声控感应灯，大约 1200 元。');
  await box(page, '选项 1').fill('同意装');
  await box(page, '例如：幸福里物业、业主委员会').fill('幸福里物业');
  await shot(page, '01-open');
  await button(page, '发起议题').click();
  await page.waitForURL(/\/deliberation\/topic\/index/);
  await here(page).getByText('💬 征求意见中').waitFor();
  const topicId = new URL(page.url()).searchParams.get('id')!;
  seen = await words(page);
  for (const w of [TITLE, '💬 征求意见中', '楼道晚上太黑', '幸福里物业']) expect(seen).toContain(w);
  // The vote has not started: nothing to decide yet.
  expect(await button(page, '记录决定').count()).toBe(0);
  await page.context().close();
  await meetsFigures(leadPhone, '/deliberation/open/index', '议题标题', '02-open');

  // A week on the households vote; another week and the vote is over.
  await clock.advance(7 * DAY);
  for (const [p, optionId] of [[WU, 'a'], [ZHENG, 'a'], [FENG, 'b']] as const) await http.call('deliberation', 'vote', { topicId, optionId }, { openid: p.openid });
  await clock.advance(7 * DAY);

  page = await leadPhone();
  await page.goto(`${host.url}/deliberation/topic/index?id=${topicId}`);
  await button(page, '记录决定').waitFor();
  await shot(page, '03-topic-awaiting');
  await button(page, '记录决定').click();
  await page.waitForURL(/\/deliberation\/decide\/index/);
  await here(page).getByText('怎么决定的').waitFor();
  seen = await words(page);
  for (const w of ['已投 3 户 / 共 3 户（100%）', '✓ 按住户投票结果', '✓ 同意装（2 户，67%）', '不同意（1 户，33%）', '要修改小区公约，请在社区管理网页上记录这个决定。']) expect(seen).toContain(w);
  await meetsFigures(leadPhone, `/deliberation/decide/index?id=${topicId}`, '怎么决定的', '04-decide');
  await here(page).locator('textarea').nth(0).fill(DECISION);
  await here(page).locator('textarea').nth(1).fill('投票截止后在1号楼下开楼院会，核对票数，2 户同意 1 户不同意，按投票结果办。');
  await box(page, '例如：楼栋长、物业、居民代表 12 人').fill('楼栋长、幸福里物业、住户 3 户');
  await shot(page, '05-decide');
  await button(page, '记录决定').click();
  await page.locator('.taro__modal').getByText(/记录后不能修改/).waitFor();
  await page.locator('.taro-model__confirm').click();
  await page.waitForURL(/\/deliberation\/topic\/index/);
  await here(page).getByText(DECISION).waitFor();
  expect(await button(page, '记录决定').count()).toBe(0);
  await page.context().close();

  // A resident reads the decision with the counts.
  page = await residentPhone(WU);
  await page.goto(`${host.url}/deliberation/topic/index?id=${topicId}`);
  await here(page).getByText(DECISION).waitFor();
  seen = await words(page);
  for (const w of ['✓ 已有决定', '按住户投票结果决定', '2 户，67%', '楼栋长、幸福里物业、住户 3 户']) expect(seen).toContain(w);
  expect(await button(page, '记录决定').count()).toBe(0);
  await shot(page, '06-resident-reads');
  await page.context().close();
}, 120_000);
