/**
 * 小区议事 (#29) on a resident's phone, in the h5 build, in Chromium at phone size (390×844), against the
 * real local host on a fresh database with WeChat simulated (JINLIN_DEV_WECHAT=1) and the test clock
 * (JINLIN_TEST_CLOCK=1) standing in for the days that pass.
 *
 * Over the API, the way the management page does it: community staff (张伟) let in four WeChat users at
 * 幸福里小区 1号楼 — three households, 孙桂英 at 吴秀兰's door — and 何建平 at 阳光花园, another compound; they
 * open a topic for 1号楼 (two options, the vote from today to tomorrow) and make 幸福里小区's public code.
 *
 * In the browser: 吴秀兰 opens home → 小区议事 (the topic, 🗳 投票中, turnout) → the topic, votes 同意加装
 * (asked first), changes to 不同意 (asked again), leaves an opinion; counts are not shown while the vote
 * runs. 孙桂英 reads her household's vote (who, when) and 郑德明 votes. 何建平 of the other compound is
 * refused the topic (in words) and his vote is refused by the server. The clock passes the close: the
 * topic shows each option's count with the turnout, in normal mode and 长辈版 (measured: body ≥ 18 px,
 * heading ≥ 30). Staff decide it by the vote with minutes and enter a first 公约; the public
 * code's landing page → 小区议事 shows the decision, counts and 公约 to a phone that never signed in.
 * Each page (the list, a topic voting and decided, the 公约, the public page) is also held to the
 * elder-mode test's figures in both modes (elder-measure.ts).
 *
 * Screenshots land in tests/e2e/screenshots/h5-deliberation-*.png.
 */
import type { Page } from 'playwright-core';
import { MEASURE, problemsOf, type Measured, type Mode } from './elder-measure';
import { api } from './support/api';
import { phoneHost, START_TIMEOUT } from './support/host';
import { letInOnWechat, makeCode, type WechatApplicant } from './support/people';
import { openPhone, PHONE, wechatUser } from './support/phones';
import { wholePhonePage } from './support/screenshots';
import { button, ui, words } from './support/taro';
import { testClock } from './support/test-clock';
import { demoPlaces } from './support/units';

const DAY = 24 * 3600_000;
const TITLE = '1号楼加装电梯';
const door = (floor: number, room: string) => ({ entrance: '1', floor, room });
const WU: WechatApplicant = { openid: 'e2e-wx-dlb-wu', name: '吴秀兰', door: door(2, '201'), phone: '13700008801' };
const SUN: WechatApplicant = { openid: 'e2e-wx-dlb-sun', name: '孙桂英', door: door(2, '201'), phone: '13700008802' };
const ZHENG: WechatApplicant = { openid: 'e2e-wx-dlb-zheng', name: '郑德明', door: door(3, '302'), phone: '13700008803' };
const FENG: WechatApplicant = { openid: 'e2e-wx-dlb-feng', name: '冯玉珍', door: door(4, '401'), phone: '13700008804' };
/** A resident of 阳光花园: another compound. */
const HE: WechatApplicant = { openid: 'e2e-wx-dlb-he', name: '何建平', door: door(1, '101'), phone: '13700008805' };

const host = phoneHost({ JINLIN_DEV_WECHAT: '1', JINLIN_TEST_CLOCK: '1', JINLIN_DEMO_RESIDENTS: '60', JINLIN_DEMO_REPORTS: '0' });
const http = api(() => host.url);
const { call, post, signIn } = http;
const clock = testClock(http);

let staff: string;
let topicId: string;
let topicVersion: number;
let publicCode: string;
let compoundId: string;

/** A China day key, `days` after the server's now. */
const dayAfter = (now: number, days: number) => new Date(now + days * DAY + 8 * 3600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  staff = await signIn('shequ');
  const { units, compound, building } = await demoPlaces(http, staff);
  compoundId = compound.id;
  const other = units.find((u) => u.kind === 'compound' && u.name === '阳光花园')!;
  const otherBuilding = units.find((u) => u.kind === 'building' && u.path.startsWith(other.path))!;

  await letInOnWechat(http, staff, await makeCode(http, staff, building.id, 'building', '1号楼门口'), [WU, SUN, ZHENG, FENG]);
  await letInOnWechat(http, staff, await makeCode(http, staff, otherBuilding.id, 'building'), [HE]);

  const now = await clock.now();
  const opened = await call<{ topic: { id: string; version: number } }>(
    'deliberation',
    'open',
    {
      clientRequestId: 'e2e-dlb-topic-0001',
      unitId: building.id,
      title: TITLE,
      background: '1号楼是七层老楼，没有电梯，老人上下楼困难。街道有加装电梯补贴，住户分摊其余费用。',
      options: ['同意加装', '不同意'],
      audience: 'residents',
      parties: ['幸福里物业', '业主委员会'],
      opinionsUntil: dayAfter(now, 1),
      voteFrom: dayAfter(now, 0),
      voteUntil: dayAfter(now, 1),
    },
    { token: staff },
  );
  topicId = opened.topic.id;
  topicVersion = opened.topic.version;
  publicCode = (await call<{ id: string }>('codes', 'create', { unitId: compound.id, purpose: 'public', label: '小区公告栏' }, { token: staff })).id;
}, START_TIMEOUT);

/** A resident's phone, standing in for their WeChat user, on the server's clock. */
const phoneOf = async (p: WechatApplicant | null, elder = false) => openPhone(host.browser, { ...wechatUser(p?.openid), 'jinlin.elderMode': elder }, { clock: await clock.now() });

async function shot(page: Page, name: string, settleMs = 400) {
  await wholePhonePage(page, `h5-deliberation-${name}.png`, settleMs);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

/** Taro's modal (the confirm step of a vote): its words, then its confirm button. */
async function confirmModal(page: Page, says: RegExp) {
  await page.locator('.taro__modal').getByText(says).waitFor();
  await page.locator('.taro-model__confirm').click();
}

const option = (page: Page, label: string) => ui(page).getByRole('radio', { name: label });

/**
 * The page held to the elder-mode test's figures (elder-measure.ts) in both modes, on a phone of its own
 * for `who`: nothing below them. The elder-mode test measures these pages too; this keeps the figures
 * checked with the flow that fills them.
 */
async function meetsFigures(who: WechatApplicant | null, url: string, ready: string, name: string) {
  for (const mode of ['normal', 'elder'] as Mode[]) {
    const page = await phoneOf(who, mode === 'elder');
    await page.goto(`${host.url}${url}`);
    await ui(page).getByText(ready, { exact: false }).first().waitFor();
    await page.waitForTimeout(400); // fonts settle
    expect({ [name]: problemsOf((await page.evaluate(MEASURE)) as Measured, mode) }).toEqual({ [name]: [] });
    if (mode === 'elder') await shot(page, `${name}-elder`);
    await page.context().close();
  }
}

it('takes a household’s vote, its change and an opinion, shows counts only after the close, and refuses another compound’s resident', async () => {
  // 吴秀兰: home → 小区议事 → the topic.
  let page = await phoneOf(WU);
  await page.goto(`${host.url}/pages/index/index`);
  await ui(page).getByText(`您好，${WU.name}`).waitFor();
  await ui(page).getByText('小区议事', { exact: true }).click();
  await page.waitForURL(/\/deliberation\/index\/index/);
  await ui(page).getByText(TITLE).waitFor();
  let seen = await words(page);
  for (const w of ['🗳 投票中', '幸福里小区 / 1号楼', '您家还没有投票', '小区公约 ›']) expect(seen).toContain(w);
  const households = Number(/已投 0 户 \/ 共 (\d+) 户/.exec(seen)![1]);
  expect(households).toBeGreaterThanOrEqual(3);
  await shot(page, '01-list');

  await ui(page).getByText(TITLE).click();
  await page.waitForURL(/\/deliberation\/topic\/index/);
  await ui(page).getByText('议题背景').waitFor();
  seen = await words(page);
  for (const w of ['1号楼是七层老楼', '幸福里物业、业主委员会', '张伟', '投票结束后公布各项票数。谁投了什么不公开。', `已投 0 户 / 共 ${households} 户`]) expect(seen).toContain(w);
  expect(seen).not.toMatch(/\d+ 户，\d+%/);
  await shot(page, '02-topic');

  await option(page, '同意加装').click();
  await confirmModal(page, /您家投“同意加装”？/);
  await ui(page).getByText(/您家已投：同意加装（吴秀兰 今天）/).waitFor();
  expect(await words(page)).toContain(`已投 1 户 / 共 ${households} 户`);
  expect(await option(page, '同意加装').getAttribute('aria-checked')).toBe('true');

  await option(page, '不同意').click();
  await confirmModal(page, /把您家的票改投“不同意”？/);
  await ui(page).getByText(/您家已投：不同意（吴秀兰 今天）/).waitFor();
  // Changed, not added: still one household.
  expect(await words(page)).toContain(`已投 1 户 / 共 ${households} 户`);

  await ui(page).locator('textarea').fill('希望电梯装在北侧，不挡一楼的光');
  await button(page, '提交意见').click();
  await ui(page).getByText('意见已提交，大家都能看到').waitFor();
  seen = await words(page);
  expect(seen).toContain('希望电梯装在北侧，不挡一楼的光');
  expect(seen).toContain('大家的意见（1）');
  expect(seen).not.toMatch(/\d+ 户，\d+%/);
  await shot(page, '03-voted-changed', 1800);
  await page.context().close();

  // 孙桂英, the same household: its vote, who cast it and when; the opinion with its author half hidden.
  page = await phoneOf(SUN);
  await page.goto(`${host.url}/deliberation/topic/index?id=${topicId}`);
  await ui(page).getByText(/您家已投：不同意（吴秀兰 今天）/).waitFor();
  expect(await words(page)).toMatch(/吴\*兰 · 1号楼|吴\*兰/);
  await page.context().close();

  // 郑德明 votes on his phone.
  page = await phoneOf(ZHENG);
  await page.goto(`${host.url}/deliberation/topic/index?id=${topicId}`);
  await option(page, '同意加装').click();
  await confirmModal(page, /您家投“同意加装”？/);
  await ui(page).getByText(/您家已投：同意加装（郑德明 今天）/).waitFor();
  expect(await words(page)).toContain(`已投 2 户 / 共 ${households} 户`);
  await page.context().close();

  // 冯玉珍's household has not voted: the list and the topic with its options, held to the figures in both modes.
  await meetsFigures(FENG, '/deliberation/index/index', TITLE, '10-list');
  await meetsFigures(FENG, `/deliberation/topic/index?id=${topicId}`, '投票结束后公布各项票数', '11-topic-voting');

  // 何建平 of 阳光花园: refused the topic in words, and the server refuses his vote.
  page = await phoneOf(HE);
  await page.goto(`${host.url}/deliberation/topic/index?id=${topicId}`);
  await ui(page).locator('.message--error').waitFor();
  seen = await words(page);
  expect(seen).not.toContain('议题背景');
  expect(seen).not.toContain(TITLE);
  await shot(page, '04-other-compound-refused');
  // The way on is his own compound's topics, where this one is not.
  await button(page, '看看我的小区议事').click();
  await page.waitForURL(/\/deliberation\/index\/index/);
  await ui(page).locator('.dlb__section').waitFor();
  expect(await words(page)).not.toContain(TITLE);
  await page.context().close();
  expect(await post('deliberation', { action: 'vote', data: { topicId, optionId: 'a' } }, { openid: HE.openid })).toMatchObject({ ok: false, code: 'TOPIC.NOT_YOURS' });
  expect(await post('deliberation', { action: 'detail', data: { id: topicId } }, { openid: HE.openid })).toMatchObject({ ok: false, code: 'TOPIC.NOT_YOURS' });

  // While the vote runs, nobody living there reads counts.
  const running = await call<{ options: { count: number | null }[] }>('deliberation', 'detail', { id: topicId }, { openid: FENG.openid });
  expect(running.options.map((o) => o.count)).toEqual([null, null]);

  // Past the close (the end of tomorrow).
  await clock.advance(2 * DAY);
  page = await phoneOf(WU);
  await page.goto(`${host.url}/deliberation/topic/index?id=${topicId}`);
  await ui(page).getByText('各项票数').waitFor();
  seen = await words(page);
  for (const w of ['⏳ 等待决定', '投票结果', `已投 2 户 / 共 ${households} 户`, '同意加装 1 户，50%', '不同意 1 户，50%', '您家已投：不同意']) expect(seen).toContain(w);
  expect(seen).not.toContain('投票结束后公布各项票数');
  expect(await option(page, '同意加装').count()).toBe(0);
  // The vote is closed to a household that had not voted.
  expect(await post('deliberation', { action: 'vote', data: { topicId, optionId: 'a' } }, { openid: FENG.openid })).toMatchObject({ ok: false, code: 'TOPIC.VOTE_CLOSED' });
  await shot(page, '05-closed-counts');
  await page.context().close();

  // 长辈版, measured.
  page = await phoneOf(ZHENG, true);
  await page.goto(`${host.url}/deliberation/topic/index?id=${topicId}`);
  await ui(page).getByText('各项票数').waitFor();
  const size = (selector: string) => page.evaluate((s) => parseFloat(getComputedStyle(document.querySelector(s)!).fontSize), selector);
  expect(await size('.dtext')).toBeGreaterThanOrEqual(18);
  expect(await size('.dresult__label')).toBeGreaterThanOrEqual(18);
  expect(await size('.page-title')).toBeGreaterThanOrEqual(30);
  await shot(page, '06-closed-elder');
  await page.context().close();
}, 240_000);

it('shows the decision, counts and the 公约 on the compound’s public page, from its public code, to a phone that never signed in', async () => {
  const now = await clock.now();
  // Two days passed on the test clock: the morning's session has expired.
  staff = await signIn('shequ');
  await call(
    'deliberation',
    'decide',
    {
      id: topicId,
      version: topicVersion,
      decidedBy: 'vote',
      optionId: 'a',
      text: '按住户投票结果，同意加装电梯，明年3月开工',
      minutes: '投票截止后，社区、业委会、物业在社区议事厅核对票数，确认结果。',
      meetingDay: dayAfter(now, 0),
      attendees: '社区党委、业委会、物业',
    },
    { token: staff },
  );
  // A building's topic changes no 公约 (RULES.NOT_COMPOUND): staff enter the compound's first text themselves.
  await call('deliberation', 'adoptRules', { compoundId, text: '幸福里小区管理公约\n一、爱护公共设施。\n二、电动车不进楼道、不进电梯。', note: '首次录入', expectedVersion: 0 }, { token: staff });

  const page = await phoneOf(null);
  await page.goto(`${host.url}/pages/code/index?scene=${publicCode}`);
  await ui(page).getByText('可以使用').waitFor();
  expect(await button(page, '查看回音壁').count()).toBe(1);
  await shot(page, '07-public-code');
  await button(page, '小区议事').click();
  await page.waitForURL(/\/deliberation\/public\/index/);
  await ui(page).getByText('已经决定的事').waitFor();
  const seen = await words(page);
  for (const w of ['幸福里小区议事公开', TITLE, '按住户投票结果，同意加装电梯，明年3月开工', '✓ 同意加装（采纳）', '1 户，50%', '会议纪要', '社区党委、业委会、物业', '小区管理公约', '第 1 版（现行）', '电动车不进楼道、不进电梯'])
    expect(seen).toContain(w);
  // Counts only: no voter's name.
  for (const name of [WU.name, ZHENG.name, SUN.name]) expect(seen).not.toContain(name);
  await shot(page, '08-public');
  await page.context().close();

  // The 公约 page, for a resident of the compound (opened without one: their own).
  const wu = await phoneOf(WU);
  await wu.goto(`${host.url}/deliberation/rules/index`);
  await ui(wu).getByText('第 1 版（现行）').waitFor();
  expect(await words(wu)).toContain('修改说明：首次录入');
  await shot(wu, '09-rules');
  await wu.context().close();

  await meetsFigures(null, `/deliberation/public/index?code=${publicCode}`, '已经决定的事', '12-public');
  await meetsFigures(WU, '/deliberation/rules/index', '第 1 版（现行）', '13-rules');
  await meetsFigures(WU, `/deliberation/topic/index?id=${topicId}`, '会议纪要', '14-topic-decided');
}, 120_000);
