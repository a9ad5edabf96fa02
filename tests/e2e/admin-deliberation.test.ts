/**
 * 议事协商 (#29) on the management page in a real Chromium against the local host on a fresh database
 * (the light demo), with WeChat simulated and the test clock standing in for the days that pass.
 *
 * Over the API: community staff let four WeChat households in at 幸福里小区 (1号楼 and 2号楼). In the
 * browser, 张伟 (shequ) enters the compound's first 公约 on 公约, then opens a compound topic through
 * 发起议题 with three options, the parties and a photo (opinions for six days, the vote the week after).
 * A resident leaves an opinion, which staff hide with a reason. A week passes and three households vote
 * (over the API, as their WeChat users); another week and the vote has closed: the topic shows each
 * option's count and the turnout of households, and the 逢三说事 agenda lists it as waiting for a
 * decision. Staff record the decision by the vote with minutes and a 公约 change edited from the text
 * in force; the decision and minutes are published on the topic, to a resident, on the compound's
 * public page (its `public` code, no sign-in) with the counts and the new 公约, whose history names the
 * topic; 议题's 已有决定 lists it with its turnout. Screenshots land in tests/e2e/screenshots/admin-deliberation-*.png.
 */
import type { Page } from 'playwright-core';
import { png } from '../support/images';
import { api } from './support/api';
import { deskShot, signInAtDesk } from './support/desk';
import { deskHost } from './support/host';
import { letInOnWechat, makeCode, type WechatApplicant } from './support/people';
import { testClock } from './support/test-clock';
import { demoPlaces } from './support/units';

jest.setTimeout(120_000);

const DAY = 24 * 3600_000;
const TITLE = '小区电动车充电桩建在哪里';
const RULES_V1 = '幸福里小区管理公约\n一、爱护公共设施，不在楼道堆放杂物。\n二、垃圾分类投放，不高空抛物。';
const CLAUSE = '三、电动车一律在北门车棚充电，不进楼道、不飞线充电。';
const MINUTES = '12 月议事会在社区活动室召开，通报投票结果：北门车棚得票最多。物业负责报价和施工，业委会监督，一个月内建成。';
const door = (entrance: string, floor: number, room: string) => ({ entrance, floor, room });
const HOMES: WechatApplicant[] = [
  { openid: 'e2e-wx-adl-wu', name: '吴秀兰', door: door('1', 2, '201'), phone: '13700009901' },
  { openid: 'e2e-wx-adl-zheng', name: '郑德明', door: door('1', 3, '302'), phone: '13700009902' },
  { openid: 'e2e-wx-adl-feng', name: '冯玉珍', door: door('2', 4, '401'), phone: '13700009903' },
  { openid: 'e2e-wx-adl-lu', name: '陆建华', door: door('1', 5, '502'), phone: '13700009904' },
];

// Sessions last a month here: the desk stays signed in while the test clock moves two weeks on.
const host = deskHost({ JINLIN_DEV_WECHAT: '1', JINLIN_TEST_CLOCK: '1', JINLIN_DEMO_RESIDENTS: '60', JINLIN_DEMO_REPORTS: '0', JINLIN_SESSION_HOURS: '720' });
const http = api(() => host.url);
const { call, post } = http;
const clock = testClock(http);
let page: Page;
let compound: { id: string; name: string };
let topicId: string;
/** What the pages threw: a page that throws unmounts, and every step after it times out without saying why. */
const thrown: string[] = [];

const toast = (text: string | RegExp) => page.locator('.ant-message').getByText(text);
const shot = (name: string) => deskShot(page, `admin-deliberation-${name}.png`);
const drawer = () => page.locator('.topic-drawer, .decide-drawer');
const settle = () => page.waitForTimeout(400);
const asResident = (h: WechatApplicant) => ({ openid: h.openid });
const menu = async (label: string, url: RegExp) => {
  await page.getByRole('menuitem', { name: label, exact: true }).click();
  await page.waitForURL(url);
};
/** The China day of an instant, as the agenda takes it. */
const chinaDay = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
/** The first 逢三说事 day (3rd, 13th, 23rd) after an instant. */
function meetingAfter(t: number): string {
  for (let d = 1; d < 40; d++) {
    const day = chinaDay(t + d * DAY);
    if (['03', '13', '23'].includes(day.slice(8))) return day;
  }
  throw new Error('no meeting day');
}

beforeAll(async () => {
  const staff = await http.signIn('shequ');
  const places = await demoPlaces(http, staff);
  compound = places.compound;
  const second = places.units.find((u) => u.parentId === compound.id && u.name === '2号楼')!;
  await letInOnWechat(http, staff, await makeCode(http, staff, places.building.id, 'building'), HOMES.filter((h) => h.door.entrance === '1'));
  await letInOnWechat(http, staff, await makeCode(http, staff, second.id, 'building'), HOMES.filter((h) => h.door.entrance === '2'));
  page = await host.openBrowser();
  page.on('pageerror', (e) => thrown.push(e.message));
});

afterEach(() => expect(thrown).toEqual([]));

describe('议事协商, from the desk', () => {
  it('enters the compound’s first 公约', async () => {
    await signInAtDesk(page, host.url, 'shequ', '张伟');
    await page.getByRole('menuitem', { name: '议事协商' }).click();
    await menu('公约', /\/admin\/deliberation\/rules/);
    await page.getByRole('combobox', { name: '小区' }).click();
    await page.locator('.ant-select-item-option', { hasText: compound.name }).click();
    await page.getByText('还没有录入公约').waitFor();
    await page.getByRole('button', { name: /录入公约/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('公约全文').fill(RULES_V1);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await toast(`已保存${compound.name}的公约第 1 版`).waitFor();
    expect(await page.getByTestId('rules-text').innerText()).toContain('二、垃圾分类投放');
  });

  it('opens a compound topic with three options, the parties and a photo', async () => {
    await menu('议题', /\/admin\/deliberation$/);
    await page.getByText('没有进行中的议题').waitFor();
    await page.getByRole('button', { name: /发起议题/ }).click();
    await drawer().waitFor();
    await drawer().getByLabel('议题范围').click();
    await page.locator('.ant-select-dropdown .ant-select-tree').first().waitFor();
    // The tree is long (every compound's buildings): a search keeps the compound in view.
    await drawer().getByLabel('议题范围').fill('幸福里');
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: `${compound.name}（小区）` }).click();
    await drawer().getByLabel('议题', { exact: true }).fill(TITLE);
    await drawer().getByLabel('背景').fill('楼道里充电的电动车越来越多，去年 3 号楼发生过一次电瓶冒烟。物业提出在小区内建集中充电桩，地点请大家一起定。');
    await drawer().getByLabel('选项 1', { exact: true }).fill('北门车棚');
    await drawer().getByLabel('选项 2', { exact: true }).fill('南门空地');
    await drawer().getByRole('button', { name: /添加选项/ }).click();
    await drawer().getByLabel('选项 3', { exact: true }).fill('暂不建设');
    await drawer().getByLabel('参与方').click();
    for (const p of ['物业公司', '业主委员会']) await page.locator('.ant-select-item-option', { hasText: p }).click();
    // Away from the list (Escape would close the drawer).
    await drawer().getByLabel('背景').click();
    await drawer().getByLabel('选择议题照片').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: await png({ width: 480, height: 320 }) });
    await drawer().getByTestId('topic-photos').locator('img').waitFor();
    await drawer().getByTestId('topic-photos').scrollIntoViewIfNeeded();
    await settle();
    await shot('01-open');
    await drawer().getByRole('button', { name: /发起议题/ }).click();
    await toast(new RegExp(`^已发起议题「${TITLE}」`)).waitFor({ timeout: 30_000 });
    await page.waitForURL(/\/admin\/deliberation\/topic\?id=/);
    topicId = new URL(page.url()).searchParams.get('id')!;
    await page.getByTestId('topic-page').waitFor();
    expect(await page.getByTestId('phase').innerText()).toBe('征求意见中');
    expect(await page.locator('img[alt="议题照片 1"]').count()).toBe(1);
  });

  it('hides a resident’s opinion with a reason its author sees', async () => {
    await call('deliberation', 'say', { clientRequestId: 'e2e-adl-say-0001', topicId, text: '建在北门车棚最好，离楼远。有问题打我电话 13700009901' }, asResident(HOMES[0]));
    await page.getByRole('button', { name: /刷\s*新/ }).click();
    await page.getByTestId('opinion').waitFor();
    await page.getByTestId('opinion').getByRole('button', { name: /隐\s*藏/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('含有电话、门牌等个人信息').click();
    await dialog.getByRole('button', { name: /隐\s*藏/ }).click();
    await toast('已隐藏这条意见，发表人会看到原因').waitFor();
    expect(await page.getByTestId('hidden-reason').innerText()).toContain('原因：含有电话、门牌等个人信息');
    const mine = await call('deliberation', 'detail', { id: topicId }, asResident(HOMES[0]));
    expect(mine.opinionsList[0]).toMatchObject({ mine: true, hidden: { reason: '含有电话、门牌等个人信息' } });
    const other = await call('deliberation', 'detail', { id: topicId }, asResident(HOMES[1]));
    expect(other.opinionsList).toEqual([]);
  });

  it('counts three households’ votes once the vote has closed, and puts the topic on the 逢三说事 agenda', async () => {
    await clock.advance(7 * DAY);
    for (const [h, option] of [
      [HOMES[0], 'a'],
      [HOMES[1], 'b'],
      [HOMES[2], 'a'],
    ] as const)
      await call('deliberation', 'vote', { topicId, optionId: option }, asResident(h));
    await clock.advance(7 * DAY);

    await page.getByRole('button', { name: /刷\s*新/ }).click();
    await page.getByTestId('phase').filter({ hasText: '等待决定' }).waitFor();
    const results = page.getByTestId('results');
    expect(await results.getByTestId('option-count').allInnerTexts()).toEqual(['2 票 · 67%', '1 票 · 33%', '0 票 · 0%']);
    expect(await results.innerText()).toMatch(/已投票户数\s*3\s*\/ 4 户/);
    expect(await results.innerText()).toMatch(/参与率（占可投票户数）\s*75\s*%/);
    await shot('02-results');

    const meeting = meetingAfter(await clock.now());
    await page.goto(`${host.url}/admin/agenda?date=${meeting}&unit=${compound.id}`);
    const due = page.getByTestId('agenda-topics');
    await due.getByRole('link', { name: TITLE }).waitFor();
    expect(await due.innerText()).toMatch(/3\/4 户（75%）[\s\S]*北门车棚 \(2\)/);
    await shot('03-agenda');
    await due.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(new RegExp(`/admin/deliberation/topic\\?id=${topicId}`));
  });

  it('records the decision and minutes with a 公约 change, published on the topic and the compound’s public page', async () => {
    await page.getByRole('button', { name: '记录决定' }).click();
    await drawer().waitFor();
    expect(await drawer().getByRole('radio', { name: '按住户投票结果' }).isChecked()).toBe(true);
    await drawer().getByLabel('决定', { exact: true }).fill('在北门车棚建设集中充电桩，物业一个月内建成，费用按物业报价由公共收益列支。');
    await drawer().getByLabel('会议纪要').fill(MINUTES);
    await drawer().getByLabel('参会人员').fill('社区党委、业委会、物业、居民代表 12 人');
    await drawer().getByRole('switch').click();
    const text = drawer().getByLabel('公约全文');
    await page.waitForFunction((el) => (el as HTMLTextAreaElement).value.includes('垃圾分类'), await text.elementHandle());
    await text.fill(`${RULES_V1}\n${CLAUSE}`);
    await drawer().getByLabel('修改说明').fill('增加电动车充电条款');
    await settle();
    await shot('04-decide');
    await drawer().getByRole('button', { name: '公布决定' }).click();
    await toast(`已公布「${TITLE}」的决定和会议纪要，小区公约更新为第 2 版`).waitFor();
    await page.getByTestId('phase').filter({ hasText: '已有决定' }).waitFor();
    expect(await page.getByTestId('minutes').innerText()).toBe(MINUTES);
    expect(await page.getByTestId('decision').innerText()).toMatch(/采纳的选项\s*北门车棚[\s\S]*修改为第 2 版/);
    expect(await page.getByRole('button', { name: '记录决定' }).count()).toBe(0);
    await shot('05-decided');

    // A resident reads it; the compound's public page shows it (counts, turnout, minutes) and the new 公约 to anyone.
    const read = await call('deliberation', 'detail', { id: topicId }, asResident(HOMES[3]));
    expect(read.decision).toMatchObject({ decidedBy: 'vote', option: '北门车棚', minutes: MINUTES, rulesVersion: 2 });
    const staff = await http.signIn('shequ');
    const code = (await call<{ id: string }>('codes', 'create', { unitId: compound.id, purpose: 'public' }, { token: staff })).id;
    const shown = await post('deliberation', { action: 'public', data: { code } });
    expect(shown.ok).toBe(true);
    const published = shown.data.topics.find((t: { id: string }) => t.id === topicId);
    expect(published).toMatchObject({
      title: TITLE,
      options: [
        { label: '北门车棚', count: 2, percent: 67 },
        { label: '南门空地', count: 1, percent: 33 },
        { label: '暂不建设', count: 0, percent: 0 },
      ],
      turnout: { voted: 3, households: 4, percent: 75 },
      decision: { minutes: MINUTES, option: '北门车棚', rulesVersion: 2 },
    });
    expect(shown.data.rules).toMatchObject({ version: 2, topic: { id: topicId, title: TITLE } });
    expect(shown.data.rules.text).toContain(CLAUSE);
    expect(JSON.stringify(shown.data)).not.toContain(HOMES[0].name);

    // The 公约's history names the topic that changed it.
    await page.getByTestId('decision').getByText('修改为第 2 版').click();
    await page.waitForURL(/\/admin\/deliberation\/rules\?compound=/);
    await page.getByTestId('rules-text').filter({ hasText: CLAUSE }).waitFor();
    const rows = page.getByTestId('rules-history').locator('.ant-table-tbody tr[data-row-key]');
    expect(await rows.nth(0).innerText()).toMatch(/第 2 版\s*增加电动车充电条款\s*小区电动车充电桩建在哪里/);
    expect(await rows.nth(1).innerText()).toMatch(/第 1 版[\s\S]*工作人员录入/);
    await shot('06-rules');

    // The list of decided topics has it, with its turnout. (The agenda's reload closed the submenu.)
    await page.getByRole('menuitem', { name: '议事协商' }).click();
    await menu('议题', /\/admin\/deliberation$/);
    await page.getByText('已有决定', { exact: true }).click();
    const row = page.locator('.ant-table-tbody tr[data-row-key]', { hasText: TITLE });
    await row.waitFor();
    expect(await row.getByTestId('phase').innerText()).toBe('已有决定');
    expect(await row.getByTestId('turnout').innerText()).toBe('已投 3 户 / 共 4 户（75%）');
    await settle();
    await shot('07-list');
  });
});
