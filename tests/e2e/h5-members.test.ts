/**
 * Party members checking in (党员报到, #20), in the h5 build, in Chromium on a phone-sized screen, against
 * the real local host on a fresh database with WeChat simulated (JINLIN_DEV_WECHAT=1). Community staff
 * (张伟) make a member code on 幸福里小区 over the API the way the management page does. A member whose
 * browser stands in for a WeChat user nobody knows (Taro storage `jinlin.devOpenid`, sent as
 * X-Jinlin-Dev-Openid) opens the code's local link, goes on to 党员报到, fills its eight screens and
 * waits in 我的报到; the branch secretary 刘芳 (demo login) approves them in 党员报到审核; they are on the
 * roster and in the counts, and 我的 offers 我的报到. A second member is returned with a reason and reads
 * it in 我的报到. A volunteer opening the queue is told who decides check-ins and sees nobody.
 *
 * Screenshots land in tests/e2e/screenshots/h5-members-*.png.
 */
import type { Page } from 'playwright-core';
import { api } from './support/api';
import { phoneHost } from './support/host';
import { makeCode } from './support/people';
import { openPhone, PHONE, wechatUser } from './support/phones';
import { wholePhonePage } from './support/screenshots';
import { box, button, ui, words } from './support/taro';
import { demoPlaces } from './support/units';

const REASON = '组织关系所在党支部请写全称，改正后用同一个码重新报到';

const host = phoneHost({ JINLIN_DEV_WECHAT: '1', JINLIN_DEMO_RESIDENTS: '60', JINLIN_DEMO_REPORTS: '0' });
const http = api(() => host.url);
const { call, signIn } = http;

/** A phone of its own (browser context); with `openid`, standing in for that WeChat user. */
const phone = (openid?: string) => openPhone(host.browser, wechatUser(openid));

const choice = (page: Page, label: string) => ui(page).locator('.choices__text').filter({ hasText: new RegExp(`^(✓ )?${label}$`) });

async function shot(page: Page, name: string) {
  await wholePhonePage(page, `h5-members-${name}.png`);
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

async function next(page: Page, heading: string) {
  await button(page, '下一步').click();
  await ui(page).getByText(heading).waitFor();
}

/** The branch secretary's phone, signed in with the demo login on the login page, on the queue. */
async function secretaryPhone(): Promise<Page> {
  const page = await phone();
  await page.goto(`${host.url}/pages/login/index`);
  await ui(page).getByText('刘芳（小区党支部书记）').click();
  await ui(page).getByText('您好，刘芳').waitFor();
  await page.goto(`${host.url}/handler/checkins/index`);
  await ui(page).getByText('党员报到审核', { exact: true }).first().waitFor();
  return page;
}

it('checks a member in with a member code, approved by the branch secretary onto the roster and counts; a returned one reads why', async () => {
  const staff = await signIn('shequ');
  const { compound } = await demoPlaces(http, staff);
  const codeId = await makeCode(http, staff, compound.id, 'member', '幸福里小区东门党员报到点');

  // 1. A member scans it (the local link), goes on to 党员报到 and fills one task a screen.
  const member = await phone('dev-openid-member-1');
  await member.goto(`${host.url}/pages/code/index?scene=${encodeURIComponent(codeId)}`);
  await ui(member).getByText('党员报到码', { exact: true }).waitFor();
  await button(member, '党员报到').click();
  await member.waitForURL(/\/members\/checkin\/index\?code=/);
  await ui(member).getByText('您叫什么名字？').waitFor();
  expect(await words(member)).toContain('阳光社区 幸福里小区');
  expect(await words(member)).toContain('第 1 步，共 8 步');
  await next(member, '请填写姓名');
  await box(member, '例如：张秀英').fill('周建民');
  await shot(member, '01-name');
  await next(member, '您是哪一类党员？');
  await next(member, '请选择您是哪一类党员');
  await choice(member, '在职').click();
  await choice(member, '是退役军人').click();
  await shot(member, '02-type');
  await next(member, '您的组织关系在哪个党支部？');
  await box(member, '例如：市第一人民医院第三党支部').fill('市第一人民医院第三党支部');
  await box(member, '例如：郑州市金水区').fill('郑州市金水区');
  await shot(member, '03-branch');
  await next(member, '您在哪里工作？');
  await box(member, '例如：金水区实验小学').fill('市第一人民医院');
  await next(member, '您有什么特长？');
  await choice(member, '医疗护理').click();
  await box(member, '例如：理发，烹饪').fill('理发');
  await shot(member, '04-skills');
  await next(member, '您愿意做哪些服务？什么时候有空？');
  await choice(member, '义诊义剪').click();
  await choice(member, '周末').click();
  await shot(member, '05-services');
  await next(member, '您住在这里吗？');
  await shot(member, '06-home');
  await next(member, '您的手机号');
  await box(member, '11 位手机号').fill('13655550301');
  expect(await words(member)).toContain('自己填写的手机号，要由党支部书记核对后才能通过。');
  await shot(member, '07-phone');
  await button(member, '提交报到').click();

  await member.waitForURL(/\/members\/mine\/index/);
  await ui(member).getByText('⏳ 等待审核').waitFor();
  let seen = await words(member);
  for (const w of ['我的报到', '请等待幸福里小区的党支部书记审核', '在职党员，退役军人', '市第一人民医院第三党支部（郑州市金水区）', '136****0301（自己填写）', '医疗护理、理发', '义诊义剪'])
    expect(seen).toContain(w);
  await shot(member, '08-mine-pending');

  // 2. 刘芳 (the branch secretary) approves in 党员报到审核.
  const secretary = await secretaryPhone();
  await ui(secretary).getByText('周建民', { exact: true }).waitFor();
  seen = await words(secretary);
  for (const w of ['1 位党员等待审核', '报到到 阳光社区 幸福里小区', '在职党员，退役军人', '市第一人民医院第三党支部（郑州市金水区）', '13655550301', '⚠ 自己填写的号码，请先打电话核对']) expect(seen).toContain(w);
  await shot(secretary, '09-queue');
  await button(secretary, '✓ 通过').click();
  await secretary.locator('.taro__modal').getByText(/周建民（在职党员）报到到 幸福里小区/).waitFor();
  await secretary.locator('.taro-model__confirm').click();
  await ui(secretary).getByText('现在没有等待审核的报到', { exact: false }).waitFor();

  // 3. The member reads it; 我的 offers 我的报到.
  await member.reload();
  await ui(member).getByText('✓ 已报到').waitFor();
  expect(await words(member)).toContain('报到成功，您已是幸福里小区的报到党员。');
  expect(await words(member)).toContain('✓ 审核通过（刘芳）');
  await shot(member, '10-mine-approved');
  await member.goto(`${host.url}/pages/me/index`);
  await ui(member).getByText('我的报到（已报到）').waitFor();
  await shot(member, '11-me');
  await button(member, '我的报到（已报到）').click();
  await member.waitForURL(/\/members\/mine\/index/);
  await ui(member).getByText('✓ 已报到').waitFor();

  // 4. On the roster (with the phone and the branch of origin) and in the counts, for staff.
  const roster = await call<{ rows: { name: string; phone: string; memberType: string; branch: { name: string } }[]; total: number }>('members', 'roster', { unitId: compound.id }, { token: staff });
  expect(roster.rows.map((r) => [r.name, r.phone, r.memberType, r.branch.name])).toContainEqual(['周建民', '13655550301', 'in_service', '市第一人民医院第三党支部']);
  const counts = await call<{ rows: { unit: { id: string }; byType: Record<string, number>; veterans: number; total: number }[] }>('members', 'counts', { unitId: compound.id }, { token: staff });
  const here = counts.rows.find((r) => r.unit.id === compound.id)!;
  expect(here.byType.in_service).toBeGreaterThanOrEqual(1);
  expect(here.veterans).toBeGreaterThanOrEqual(1);

  // 5. A second member checks in; the secretary returns it with a reason, which they read.
  const second = 'dev-openid-member-2';
  await call('members', 'submit', { codeId, name: '林秀兰', phone: '13655550302', memberType: 'retired', branch: { name: '退休党支部' } }, { openid: second });
  await secretary.reload();
  await ui(secretary).getByText('林秀兰', { exact: true }).waitFor();
  await button(secretary, '↩ 退回').click();
  await ui(secretary).getByText('退回：林秀兰').waitFor();
  await button(secretary, '确认退回').click();
  await ui(secretary).getByText('请写明退回的原因，申请人会看到').waitFor();
  await ui(secretary).getByRole('textbox', { name: /例如：请写明组织关系/ }).fill(REASON);
  await shot(secretary, '12-return');
  await button(secretary, '确认退回').click();
  await ui(secretary).getByText('现在没有等待审核的报到', { exact: false }).waitFor();

  const returned = await phone(second);
  await returned.goto(`${host.url}/members/mine/index`);
  await ui(returned).getByText('↩ 已退回').waitFor();
  expect(await words(returned)).toContain(`退回原因：${REASON}`);
  await shot(returned, '13-mine-returned');
  // 重新报到 goes back to the form with the same code.
  await button(returned, '重新报到').click();
  await returned.waitForURL(new RegExp(`/members/checkin/index\\?code=${codeId}`));
  await ui(returned).getByText('您叫什么名字？').waitFor();

  // 6. A volunteer opening the queue is told who decides, and sees no one.
  const volunteer = await phone();
  await volunteer.goto(`${host.url}/pages/login/index`);
  await ui(volunteer).getByText('吴婷（志愿者）').click();
  await ui(volunteer).getByText('您好，吴婷').waitFor();
  await volunteer.goto(`${host.url}/handler/checkins/index`);
  await ui(volunteer).getByText(/党员报到只有小区党支部书记和社区书记能审核/).waitFor();
  expect(await words(volunteer)).not.toContain('周建民');
  await shot(volunteer, '14-not-a-decider');
}, 300_000);
