/**
 * 物业测评 (#25) from survey answers to a published flag, in the h5 build, in Chromium on a phone-sized
 * screen (390×844), against the real local host on a fresh database with WeChat simulated
 * (JINLIN_DEV_WECHAT=1), no demo history (so no company until staff register one).
 *
 * Over the API, the way the management page does it: community staff (张伟) register 幸福里物业服务有限公司
 * for 幸福里小区 (its manager is the demo property manager 陈强, `wuye`, bound there); six WeChat users
 * register at 1号楼 with its building code and are let in — five households, and a second person at the
 * first one's door. Three of them file 路灯道路管道 reports (the compound's level, 陈强 handles them), which
 * he responds to and resolves and they rate: the figures behind the flag.
 *
 * In the browser, standing in for each WeChat user: the first opens home → 物业测评 (nothing published yet)
 * → 去评价, is refused a question left out, answers and sees "您在今天提交了本月的评价"; four more
 * households answer (one in 长辈版, measured: body ≥ 18 px, heading ≥ 30, answers ≥ 60×60); the second person
 * of the first household finds the month answered (who and when, no form), and the server refuses them a
 * second answer. Staff compute and publish the month on the management page (月度测评, at a desk: 计算,
 * the row's proposed flag 拟评红旗, 发布 confirmed); the compound's public page then shows 🚩 红旗 in words,
 * the company, the figures behind it, in both modes.
 *
 * Screenshots land in tests/e2e/screenshots/h5-property-*.png.
 */
import type { Page } from 'playwright-core';
import { api } from './support/api';
import { deskShot, signInAtDesk } from './support/desk';
import { DESK, phoneHost, START_TIMEOUT } from './support/host';
import { letInOnWechat, makeCode, type WechatApplicant } from './support/people';
import { openPhone, PHONE, wechatUser } from './support/phones';
import { wholePhonePage } from './support/screenshots';
import { button, ui, words } from './support/taro';
import { demoPlaces } from './support/units';

const COMPANY = '幸福里物业服务有限公司';
const QUESTIONS = ['响应速度', '维修质量', '环境卫生', '安全秩序', '服务态度'];
type Word = '满意' | '基本满意' | '不满意';

const door = (floor: number, room: string) => ({ entrance: '1', floor, room });
/** Five households of 1号楼, and 孙桂英 at 吴秀兰's door (one household, two people). */
const PEOPLE: WechatApplicant[] = [
  { openid: 'e2e-wx-property-1', name: '吴秀兰', door: door(2, '201'), phone: '13700007701' },
  { openid: 'e2e-wx-property-2', name: '郑德明', door: door(3, '302'), phone: '13700007702' },
  { openid: 'e2e-wx-property-3', name: '冯玉珍', door: door(4, '401'), phone: '13700007703' },
  { openid: 'e2e-wx-property-4', name: '褚建国', door: door(5, '502'), phone: '13700007704' },
  { openid: 'e2e-wx-property-5', name: '卫桂香', door: door(6, '601'), phone: '13700007705' },
  { openid: 'e2e-wx-property-6', name: '孙桂英', door: door(2, '201'), phone: '13700007706' },
];
/** What each household answers, question by question: mostly satisfied, one household less so. */
const ANSWERS: Word[][] = [
  ['满意', '满意', '基本满意', '满意', '满意'],
  ['满意', '满意', '满意', '满意', '满意'],
  ['基本满意', '满意', '满意', '不满意', '满意'],
  ['满意', '基本满意', '满意', '满意', '满意'],
  ['满意', '满意', '满意', '满意', '基本满意'],
];

const host = phoneHost({ JINLIN_DEV_WECHAT: '1', JINLIN_DEMO_RESIDENTS: '60', JINLIN_DEMO_REPORTS: '0' });
const http = api(() => host.url);
const { call, post, signIn } = http;

let staff: string;
let communityId: string;
let compoundId: string;

beforeAll(async () => {
  staff = await signIn('shequ');
  const { community, compound, building } = await demoPlaces(http, staff);
  communityId = community.id;
  compoundId = compound.id;

  // The company, serving 幸福里小区: its people are the compound's property managers (陈强).
  await call('assessments', 'saveCompany', { communityId, name: COMPANY, contactPhone: '13700007700', compoundIds: [compoundId] }, { token: staff });

  // Six WeChat users at 1号楼, let in by staff: five households.
  const codeId = await makeCode(http, staff, building.id, 'building', '1号楼门口');
  await letInOnWechat(http, staff, codeId, PEOPLE);

  // Three reports the company handles (路灯道路管道 starts at the compound, with its property manager), responded to,
  // resolved and rated satisfied: the month's figures.
  const wuye = await signIn('wuye');
  for (const [i, p] of PEOPLE.slice(0, 3).entries()) {
    const filed = await call<{ report: { id: string; version: number; handlerName: string | null } }>(
      'reports',
      'create',
      { clientRequestId: `e2e-property-report-${i}`, unitId: building.id, category: 'public_facility', description: `${p.door.floor}楼楼道的灯坏了，晚上看不见台阶` },
      { openid: p.openid },
    );
    expect(filed.report.handlerName).toBe('陈强');
    const responded = await call<{ version: number }>('reports', 'respond', { id: filed.report.id, version: filed.report.version, note: '收到，今天去换灯' }, { token: wuye });
    const resolved = await call<{ version: number }>('reports', 'resolve', { id: filed.report.id, version: responded.version, note: '已换上新的声控灯' }, { token: wuye });
    await call('reports', 'rate', { id: filed.report.id, version: resolved.version, rating: 'satisfied' }, { openid: p.openid });
  }
}, START_TIMEOUT);

/** A resident's phone: standing in for their WeChat user, in 长辈版 or not. */
const residentPhone = (p: WechatApplicant, elder = false) => openPhone(host.browser, { ...wechatUser(p.openid), 'jinlin.elderMode': elder });

async function shot(page: Page, name: string, settleMs = 400) {
  await wholePhonePage(page, `h5-property-${name}.png`, settleMs); // toasts go, fonts settle
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

/** Picks the household's answers, one tap a question. */
async function pick(page: Page, answers: Word[]) {
  for (const [i, q] of QUESTIONS.entries()) await ui(page).getByRole('radio', { name: `${q}：${answers[i]}` }).click();
}

/** A household answers on the survey page, opened straight. */
async function answerSurvey(p: WechatApplicant, answers: Word[], elder = false): Promise<Page> {
  const page = await residentPhone(p, elder);
  await page.goto(`${host.url}/property/survey/index`);
  await ui(page).getByText('有事找物业，来得快不快？').waitFor();
  await pick(page, answers);
  await button(page, '提交评价').click();
  await ui(page).getByText('✓ 本月已经评价过了').waitFor();
  return page;
}

it('takes the survey answers of five households, one each, and shows the flag staff publish on the compound’s public page', async () => {
  // The first household: from home, to the public page (nothing published yet), to the survey.
  let page = await residentPhone(PEOPLE[0]);
  await page.goto(`${host.url}/pages/index/index`);
  await ui(page).getByText(`您好，${PEOPLE[0].name}`).waitFor();
  await ui(page).getByText('物业测评', { exact: true }).click();
  await page.waitForURL(/\/property\/index\/index/);
  await ui(page).getByText('还没有公布过测评结果', { exact: false }).waitFor();
  expect(await words(page)).toContain(`物业公司：${COMPANY}`);
  await shot(page, '01-results-none');
  await button(page, '去评价').click();

  await page.waitForURL(/\/property\/survey\/index/);
  await ui(page).getByText('有事找物业，来得快不快？').waitFor();
  let seen = await words(page);
  for (const q of QUESTIONS) expect(seen).toContain(q);
  for (const w of ['😊', '🙂', '😞', '满意', '基本满意', '不满意', COMPANY]) expect(seen).toContain(w);
  // A question left out: refused in words, nothing sent.
  await ui(page).getByRole('radio', { name: '响应速度：满意' }).click();
  await button(page, '提交评价').click();
  await ui(page).getByText('还有问题没有选，请看红字提示').waitFor();
  expect(await words(page)).toContain('请为“维修质量”选择满意、基本满意或不满意');
  await pick(page, ANSWERS[0]);
  await ui(page).locator('textarea[placeholder^="例如：希望晚上"]').fill('希望晚上多巡逻几次');
  await shot(page, '02-survey-filled');
  await button(page, '提交评价').click();
  await ui(page).getByText('✓ 本月已经评价过了').waitFor();
  seen = await words(page);
  expect(seen).toContain('您在今天提交了本月的评价，谢谢！');
  expect(seen).toContain('环境卫生 🙂 基本满意');
  await shot(page, '03-survey-answered', 1800); // after the 1.5 s toast
  await page.context().close();

  // Four more households; the fourth in 长辈版, measured.
  for (const i of [1, 2, 4]) await (await answerSurvey(PEOPLE[i], ANSWERS[i])).context().close();
  page = await residentPhone(PEOPLE[3], true);
  await page.goto(`${host.url}/property/survey/index`);
  await ui(page).getByText('有事找物业，来得快不快？').waitFor();
  const size = (selector: string) => page.evaluate((s) => parseFloat(getComputedStyle(document.querySelector(s)!).fontSize), selector);
  expect(await size('.question__text')).toBeGreaterThanOrEqual(18);
  expect(await size('.page-title')).toBeGreaterThanOrEqual(30);
  const tile = await ui(page).getByRole('radio', { name: '响应速度：基本满意' }).boundingBox();
  expect(Math.min(tile!.width, tile!.height)).toBeGreaterThanOrEqual(60);
  await pick(page, ANSWERS[3]);
  await shot(page, '04-survey-elder');
  await button(page, '提交评价').click();
  await ui(page).getByText('✓ 本月已经评价过了').waitFor();
  await page.context().close();

  // 孙桂英 shares 吴秀兰's door: the month is answered for her household — who and when, no form — and a second answer is refused.
  page = await residentPhone(PEOPLE[5]);
  await page.goto(`${host.url}/property/survey/index`);
  await ui(page).getByText('✓ 本月已经评价过了').waitFor();
  expect(await words(page)).toMatch(/(吴秀兰|您家)在今天提交了您?家?本月的评价/);
  expect(await ui(page).getByRole('radio').count()).toBe(0);
  expect(await button(page, '提交评价').count()).toBe(0);
  await shot(page, '05-survey-household-answered');
  await page.context().close();
  const survey = await call<{ month: string }>('assessments', 'survey', {}, { openid: PEOPLE[5].openid });
  const again = await post('assessments', { action: 'answer', data: { compoundId, month: survey.month, answers: Object.fromEntries(['response', 'repair', 'cleaning', 'security', 'attitude'].map((q) => [q, 'unsatisfied'])) } }, { openid: PEOPLE[5].openid });
  expect(again).toMatchObject({ ok: false, code: 'ASSESSMENT.ALREADY_ANSWERED' });

  // Staff compute the month (a draft), review it and publish it on the management page's 月度测评, at a desk.
  const desk = await host.browser.newContext({ viewport: DESK, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const office = await desk.newPage();
  office.setDefaultTimeout(20000);
  await signInAtDesk(office, host.url, 'shequ', '张伟');
  await office.goto(`${host.url}/admin/assessments?month=${survey.month}`);
  // The button's name starts with its icon's label ("calculator 计算2026年12月").
  await office.getByRole('button', { name: /计算\d{4}年\d{1,2}月/ }).click();
  await office.locator('.ant-message').getByText(/^已计算.*待发布/).waitFor();
  const row = office.locator('.ant-table-tbody tr[data-row-key]').filter({ has: office.locator('td').first().getByText('幸福里小区', { exact: true }) });
  expect((await row.getByTestId('flag').innerText()).trim()).toBe('拟评红旗');
  await deskShot(office, 'h5-property-desk-computed.png');
  await row.getByRole('button', { name: /发\s*布/ }).click();
  await office.locator('.ant-popconfirm').getByRole('button', { name: /发\s*布/ }).click();
  await office.locator('.ant-message').getByText(/^已发布幸福里小区.*红旗/).waitFor();
  expect((await row.getByTestId('status').innerText()).trim()).toBe('已发布');
  await desk.close();

  // What was published, as the server keeps it.
  const { latest: published } = await call<{ latest: any }>('assessments', 'compound', {}, { openid: PEOPLE[1].openid });
  expect(published).toMatchObject({ status: 'published', flag: 'red', flagLabel: '红旗', month: survey.month, company: { name: COMPANY }, survey: { answers: 5 } });
  expect(published.figures).toMatchObject({ reports: 3, responseRate: 1, onTimeRate: 1, satisfactionRate: 1 });

  // The compound's public page: the flag in words and its icon, the company, the figures behind it.
  page = await residentPhone(PEOPLE[1]);
  await page.goto(`${host.url}/property/index/index`);
  await ui(page).getByText('评分依据').waitFor();
  seen = await words(page);
  for (const w of [
    `${published.monthLabel}物业测评`,
    '🚩',
    '红旗',
    '物业服务好，评为红旗',
    `物业公司：${COMPANY}`,
    `综合得分 ${published.result.score} 分`,
    '响应率 按时响应 3 / 3 件 100%',
    '按时办结率 按时办结 3 / 3 件 100%',
    '满意率 满意和基本满意 3 / 3 件 100%',
    `问卷得分 居民问卷，满分 100 分 ${Math.round(published.survey.score * 100)} 分`,
    '物业办理的反映 当月居民反映、由物业办理的 3 件',
    '参加测评的住户 每户每月评一次 5 户',
    `✓ ${published.monthLabel}物业服务评价`,
  ])
    expect(seen).toContain(w);
  await shot(page, '06-results-red');
  await page.context().close();

  page = await residentPhone(PEOPLE[3], true);
  await page.goto(`${host.url}/property/index/index`);
  await ui(page).getByText('评分依据').waitFor();
  expect(await size('.flag__meaning')).toBeGreaterThanOrEqual(18);
  expect(await size('.page-title')).toBeGreaterThanOrEqual(30);
  await shot(page, '07-results-elder');
  await page.context().close();
}, 240_000);
