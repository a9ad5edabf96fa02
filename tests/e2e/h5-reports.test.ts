/**
 * The story in the h5 build, in Chromium on a phone-sized screen, against the real local
 * host (`npm start` on a fresh database in a temporary folder) with the test clock
 * (JINLIN_TEST_CLOCK=1) standing in for the day that passes. Each person has their own phone
 * (browser context): 孙福贵 files a noise report through the form; the building lead 赵桂兰 responds
 * in her handler pages; the building's time runs out and the sweep moves it to the compound;
 * the compound secretary 刘芳 resolves it in her handler page; 孙福贵 rates it on its detail page;
 * and the community's figures (reports.figures, called over the API as the management page
 * does) count it.
 *
 * Screenshots of every page on the way land in tests/e2e/screenshots/h5-*.png.
 */
import type { Page } from 'playwright-core';
import { api } from './support/api';
import { phoneHost } from './support/host';
import { signedInPhone } from './support/phones';
import { readabilityCheck } from './support/readability';
import { wholePhonePage } from './support/screenshots';
import { button, ui, words } from './support/taro';
import { testClock } from './support/test-clock';

const DESCRIPTION = '楼上每天半夜装修，电钻声吵得睡不着';
const HOUR = 3600_000;

// Phones stay signed in for the month the story spans (web sessions last 12 hours by default).
// No demo reports: the figures then count this story's report alone.
const host = phoneHost({ JINLIN_TEST_CLOCK: '1', JINLIN_DEMO_RESIDENTS: '60', JINLIN_DEMO_REPORTS: '0', JINLIN_SESSION_HOURS: '720' });
/** The server's API, for the test clock and the figures. */
const http = api(() => host.url);
const { call, signIn } = http;
const clock = testClock(http);

/** What an older reader cannot read: text under 16px, typed text under 16px, text cut off at the edge. */
const READABILITY = readabilityCheck({ textUnder: 16, typingUnder: 16 });

/** The whole page as the person scrolls through it, checked for what an older reader cannot read. */
async function shot(page: Page, name: string) {
  await wholePhonePage(page, `h5-${name}.png`); // toasts and fonts settle
  const problems = await page.evaluate(READABILITY);
  expect({ page: name, problems }).toEqual({ page: name, problems: [] });
}

/**
 * A person's own phone: a fresh browser profile, 390×844, signed in with their account. The phone's
 * clock reads the server's test clock, so "今天" and "明天" mean what they say.
 */
const phoneOf = async (username: string, name: string) => signedInPhone(host.browser, host.url, username, name, { clock: await clock.now(), deviceScaleFactor: 1 });

/** Moves every open phone's clock to the server's. */
async function phonesFollowServerClock(...pages: Page[]) {
  const now = await clock.now();
  for (const p of pages) await p.context().clock.setSystemTime(now);
}

it('files, responds, moves to the compound when overdue, resolves, rates, and counts — all through the h5 pages', async () => {
  // 1. 孙福贵 files the report: 随手拍 → pick 噪音扰民 → describe → 提交反映.
  const resident = await phoneOf('jumin', '孙福贵');
  await shot(resident, '01-home-resident');
  await ui(resident).getByText('随手拍', { exact: true }).click();
  await ui(resident).getByText('遇到了什么问题？').waitFor();
  await shot(resident, '02-form-category');
  await ui(resident).getByText('噪音扰民', { exact: true }).click();
  await ui(resident).getByText('请说说是什么问题').waitFor();
  await ui(resident).getByRole('textbox', { name: /例如：3单元电梯/ }).fill(DESCRIPTION);
  await ui(resident).getByRole('textbox', { name: '例如：3单元 电梯' }).fill('2单元 502 楼上');
  await ui(resident).getByText(`还可以写 ${500 - DESCRIPTION.length} 字`).waitFor();
  await shot(resident, '03-form-details');
  await button(resident, '提交反映').click();

  // The new report opens: with the building lead, her deadline and what happens next.
  await resident.waitForURL(/\/pages\/report\/detail\?id=/);
  await ui(resident).getByText('下一步', { exact: true }).waitFor();
  const reportId = new URL(resident.url()).searchParams.get('id')!;
  let seen = await words(resident);
  expect(seen).toContain('待响应');
  expect(seen).toContain(DESCRIPTION);
  expect(seen).toContain('赵桂兰（楼栋长）');
  expect(seen).toMatch(/办理时限：.*前响应/);
  expect(seen).toContain('已交给楼栋的赵桂兰');
  await shot(resident, '04-detail-submitted');

  // 2. 赵桂兰 sees it in 待办 and responds from the handler report page.
  const lead = await phoneOf('louzhang', '赵桂兰');
  await ui(lead).getByText('1 件等我处理').waitFor();
  await shot(lead, '05-home-lead');
  await ui(lead).getByText('待办', { exact: true }).click();
  await ui(lead).getByText(DESCRIPTION).waitFor();
  await shot(lead, '06-handler-inbox');
  await ui(lead).getByText(DESCRIPTION).click();
  await lead.waitForURL(/\/handler\/report\/index\?id=/);
  await ui(lead).getByText('我要办理').waitFor();
  expect(await words(lead)).toContain('孙福贵');
  await shot(lead, '07-handler-report');
  await ui(lead).getByText('响应', { exact: true }).click();
  await ui(lead).getByRole('textbox', { name: '例如：已联系物业，明天上午来修' }).fill('收到，今晚去502看看');
  await shot(lead, '08-handler-respond-form');
  await button(lead, '确定响应').click();
  await ui(lead).getByText('已响应', { exact: true }).first().waitFor();
  await ui(lead).getByText('收到，今晚去502看看').waitFor();
  expect(await words(lead)).toContain('办理中');

  // The resident's detail page now shows the response.
  await resident.reload();
  await ui(resident).getByText('收到，今晚去502看看').waitFor();
  expect(await words(resident)).toContain('办理中');

  // 3. The building's time runs out: the sweep moves the report to the compound.
  const filed = await call<{ dueAt: number }>('reports', 'detail', { id: reportId }, { token: await signIn('jumin') });
  const now = await clock.now();
  const { swept } = (await clock.advance(filed.dueAt - now + HOUR, { sweep: true })) as { swept: { escalated: number } };
  expect(swept.escalated).toBe(1);
  await phonesFollowServerClock(resident, lead);

  // 4. 刘芳, the compound secretary, finds it overdue-escalated in 待办 and resolves it.
  const secretary = await phoneOf('zhibu', '刘芳');
  await ui(secretary).getByText('待办', { exact: true }).click();
  await ui(secretary).getByText(DESCRIPTION).click();
  await secretary.waitForURL(/\/handler\/report\/index\?id=/);
  await ui(secretary).getByText('我要办理').waitFor();
  seen = await words(secretary);
  expect(seen).toContain('上报到小区');
  expect(seen).toContain('刘芳（小区党支部书记）');
  await ui(secretary).getByText('办结', { exact: true }).click();
  await ui(secretary).getByRole('textbox', { name: /例如：电梯已修好/ }).fill('已和502住户谈好，晚上8点后不再施工');
  await shot(secretary, '09-handler-resolve-form');
  await button(secretary, '确定办结').click();
  await ui(secretary).getByText('已办结，等居民评价').waitFor();
  expect(await words(secretary)).toContain('已办结待评价');

  // 5. 孙福贵 is told in 消息, opens the report from there and rates it 满意.
  await resident.goto(`${host.url}/pages/index/index`);
  await ui(resident).getByText('消息', { exact: true }).click();
  await ui(resident).getByText(/已办结/).first().waitFor();
  await shot(resident, '10-messages');
  await ui(resident).getByText(/已办结/).first().click();
  await resident.waitForURL(new RegExp(`/pages/report/detail\\?id=${reportId}`));
  await ui(resident).getByText('问题解决了吗？请您评价').waitFor();
  seen = await words(resident);
  expect(seen).toContain('已办结待评价');
  expect(seen).toContain('已和502住户谈好，晚上8点后不再施工');
  expect(seen).toContain('上报到小区');
  await shot(resident, '11-detail-resolved');
  await ui(resident).getByText('😊 满意', { exact: true }).click();
  await button(resident, '提交评价').click();
  await ui(resident).getByText('谢谢您的评价').waitFor();
  seen = await words(resident);
  expect(seen).toContain('已关闭');
  expect(seen).toContain('居民评价 满意');
  await shot(resident, '12-detail-rated');

  // 我的反映 lists it, closed.
  await resident.goto(`${host.url}/pages/report/mine`);
  await ui(resident).getByText(DESCRIPTION).waitFor();
  expect(await words(resident)).toContain('已关闭');
  await shot(resident, '13-mine');

  // 6. The community's figures for the month count one report, resolved late at the compound, rated satisfied.
  const shuji = await signIn('shuji');
  const community = (await call<{ bindings: { unit: { id: string } }[] }>('auth', 'whoAmI', {}, { token: shuji })).bindings[0].unit;
  const month = new Date(filed.dueAt - HOUR + 8 * HOUR).toISOString().slice(0, 7);
  const figures = await call('reports', 'figures', { unitId: community.id, month }, { token: shuji });
  expect(figures).toMatchObject({ reports: 1, resolved: 1, resolvedOnTime: 0, onTimeRate: 0, rated: 1, satisfactionRate: 1, resolvedAtLevel: { compound: 1 } });

  // 7. The building lead records a report for a neighbour who wrote in the group chat.
  await lead.goto(`${host.url}/handler/inbox/index`);
  await button(lead, '替居民登记反映').click();
  await lead.waitForURL(/\/handler\/record\/index/);
  await ui(lead).getByText('谁反映的').waitFor();
  await shot(lead, '14-handler-record');
}, 180_000);
