/**
 * The way in, in the h5 build, in Chromium on a phone-sized screen, against the real local host on a
 * fresh database with WeChat simulated (JINLIN_DEV_WECHAT=1). Community staff (张伟) make a building
 * code over the API the way the management page does. A newcomer whose browser stands in for a WeChat
 * user (Taro storage `jinlin.devOpenid`, sent as X-Jinlin-Dev-Openid) opens the code's local link,
 * goes on to 登记入住, registers with a typed phone and waits; the building lead 赵桂兰 (demo login)
 * approves in 入住审核; the newcomer reloads, is a resident, and files a report. A second newcomer is
 * turned away with a reason and reads it on the status page. A browser without WeChat registers a web
 * account (the phone and a chosen password) and signs in with it once approved.
 *
 * Screenshots land in tests/e2e/screenshots/h5-join-*.png.
 */
import type { Page } from 'playwright-core';
import { api } from './support/api';
import { phoneHost } from './support/host';
import { makeCode } from './support/people';
import { openPhone, wechatUser } from './support/phones';
import { readabilityCheck } from './support/readability';
import { wholePhonePage } from './support/screenshots';
import { box, button, ui, words } from './support/taro';
import { demoPlaces } from './support/units';

const REASON = '本楼没有 1808 室，请核对门牌后重新登记';

const host = phoneHost({ JINLIN_DEV_WECHAT: '1', JINLIN_DEMO_RESIDENTS: '60', JINLIN_DEMO_REPORTS: '0' });
const http = api(() => host.url);

/** A phone of its own (browser context); with `openid`, standing in for that WeChat user. */
const phone = (openid?: string) => openPhone(host.browser, wechatUser(openid));

/**
 * What an older reader cannot read or tap (DESIGN.md, 长辈版): on the way-in pages text under 18px,
 * headings under 30px, buttons and boxes under 60px tall; on the approver's page text under 16px.
 * Anything cut off at the edge, anywhere.
 */
const READABILITY = (elder: boolean) =>
  readabilityCheck(
    elder
      ? { textUnder: 17.95, headings: '.join__title, .status-page__title, .way-in__title', tapTargets: 'taro-button-core, .big-field__input' }
      : { textUnder: 15.95 },
  );

async function shot(page: Page, name: string, elder = true) {
  await wholePhonePage(page, `h5-join-${name}.png`);
  expect({ page: name, problems: await page.evaluate(READABILITY(elder)) }).toEqual({ page: name, problems: [] });
}

/** From the code's local link to the status page: the landing page, then the join form's three screens. */
async function register(page: Page, codeId: string, who: { name: string; entrance: string; floor: string; room: string; phone: string }, shots = false) {
  await page.goto(`${host.url}/pages/code/index?scene=${encodeURIComponent(codeId)}`);
  await ui(page).getByText('楼栋码', { exact: true }).waitFor();
  await button(page, '登记入住本楼').click();

  await page.waitForURL(/\/register\/join\/index\?code=/);
  await ui(page).getByText('您叫什么名字？').waitFor();
  expect(await words(page)).toContain('阳光社区 幸福里小区 1号楼');
  // A browser standing in for WeChat: no password screen.
  expect(await words(page)).toContain('第 1 步，共 3 步');
  await box(page, '例如：张秀英').fill(who.name);
  if (shots) await shot(page, '01-name');
  await button(page, '下一步').click();

  await ui(page).getByText('您住在哪一户？').waitFor();
  await box(page, '例如：2').fill(who.entrance);
  await box(page, '例如：5').fill(who.floor);
  await box(page, '例如：502').fill(who.room);
  if (shots) await shot(page, '02-door');
  await button(page, '下一步').click();

  await ui(page).getByText('您的手机号').waitFor();
  await box(page, '11 位手机号').fill(who.phone);
  expect(await words(page)).toContain('自己填写的手机号，要由楼栋长核对后才能通过。');
  if (shots) await shot(page, '03-phone');
  await button(page, '提交登记').click();

  await page.waitForURL(/\/register\/status\/index/);
  await ui(page).getByText('⏳ 等待审核').waitFor();
}

/** The building lead's phone, signed in with the demo login on the login page. */
async function leadPhone(): Promise<Page> {
  const page = await phone();
  await page.goto(`${host.url}/pages/login/index`);
  await ui(page).getByText('赵桂兰（楼栋长）').click();
  await ui(page).getByText('您好，赵桂兰').waitFor();
  return page;
}

it('lets a newcomer in by a building code, approved by the lead, and turns another away with a reason they read', async () => {
  // 张伟 (community staff) makes 1号楼's code the way the management page does.
  const staff = await http.signIn('shequ');
  const { building } = await demoPlaces(http, staff);
  const codeId = await makeCode(http, staff, building.id, 'building', '1号楼一单元门口');

  // 1. A newcomer scans it (the local link), registers with a typed phone, and waits.
  const newcomer = await phone('dev-openid-new-1');
  // Before registering, home shows the way in.
  await newcomer.goto(`${host.url}/pages/index/index`);
  await ui(newcomer).getByText('欢迎使用近邻').waitFor();
  expect(await words(newcomer)).toContain('扫码登记');
  await shot(newcomer, '00-home-outsider');

  await register(newcomer, codeId, { name: '周晓梅', entrance: '2', floor: '6', room: '602', phone: '13655550101' }, true);
  let seen = await words(newcomer);
  for (const w of ['我的登记', '请等待1号楼的楼栋长审核', '幸福里小区 1号楼', '2单元 6层 602室', '周晓梅', '136****0101（自己填写）']) expect(seen).toContain(w);
  await shot(newcomer, '04-status-pending');

  // 2. 赵桂兰 sees the waiting newcomer on her home page and approves her in 入住审核.
  const lead = await leadPhone();
  await ui(lead).getByText('1 户等待审核').waitFor();
  await shot(lead, '05-home-lead', false);
  await ui(lead).getByText('入住审核', { exact: true }).click();
  await lead.waitForURL(/\/handler\/approvals\/index/);
  await ui(lead).getByText('周晓梅', { exact: true }).waitFor();
  seen = await words(lead);
  for (const w of ['1 户等待审核', '申请入住', '2单元 6层 602室', '13655550101', '⚠ 自己填写的号码，请先打电话核对']) expect(seen).toContain(w);
  await shot(lead, '06-approvals-queue', false);
  await button(lead, '✓ 通过').click();
  await lead.locator('.taro__modal').getByText(/周晓梅：1号楼 2单元 6层 602室，作为新居民/).waitFor();
  await lead.locator('.taro-model__confirm').click();
  await ui(lead).getByText('现在没有等待审核的登记', { exact: false }).waitFor();

  // 3. The newcomer reloads: a resident now, who files a report.
  await newcomer.reload();
  await ui(newcomer).getByText('✓ 已通过').waitFor();
  await shot(newcomer, '07-status-approved');
  await button(newcomer, '回到首页').click();
  await ui(newcomer).getByText('您好，周晓梅').waitFor();
  expect(await words(newcomer)).toContain('幸福街道 / 阳光社区 / 幸福里小区 / 1号楼');
  await ui(newcomer).getByText('随手拍', { exact: true }).click();
  await ui(newcomer).getByText('噪音扰民', { exact: true }).click();
  await ui(newcomer).getByRole('textbox', { name: /例如：3单元电梯/ }).fill('楼上每晚十一点后还在拖椅子');
  await button(newcomer, '提交反映').click();
  await newcomer.waitForURL(/\/pages\/report\/detail\?id=/);
  await ui(newcomer).getByText('楼上每晚十一点后还在拖椅子').first().waitFor();
  expect(await words(newcomer)).toContain('待响应');

  // 4. A second newcomer registers a door that is not there; the lead turns them away with the reason.
  const second = await phone('dev-openid-new-2');
  await register(second, codeId, { name: '钱多多', entrance: '1', floor: '18', room: '1808', phone: '13655550202' });
  await lead.reload();
  await ui(lead).getByText('钱多多', { exact: true }).waitFor();
  await button(lead, '✕ 不通过').click();
  await ui(lead).getByText('不通过：钱多多').waitFor();
  await button(lead, '确认不通过').click();
  await ui(lead).getByText('请写明不通过的原因，申请人会看到').waitFor();
  await ui(lead).getByRole('textbox', { name: /例如：本楼没有 502 室/ }).fill(REASON);
  await shot(lead, '08-approvals-reject', false);
  await button(lead, '确认不通过').click();
  await ui(lead).getByText('现在没有等待审核的登记', { exact: false }).waitFor();

  await second.reload();
  await ui(second).getByText('✕ 未通过').waitFor();
  seen = await words(second);
  expect(seen).toContain(`原因：${REASON}`);
  expect(seen).toContain('重新登记');
  await shot(second, '09-status-rejected');

  // 重新登记 goes back to the join form with the same code.
  await button(second, '重新登记').click();
  await second.waitForURL(new RegExp(`/register/join/index\\?code=${codeId}`));
  await ui(second).getByText('您叫什么名字？').waitFor();

  // 5. Without WeChat: from the login page to a web account whose sign-in name is the phone. The browser
  // keeps the key its submit answered, to read the registration before it can sign in.
  const web = await phone();
  await web.goto(`${host.url}/pages/login/index`);
  await ui(web).getByText('没有账号？扫楼栋码登记').click();
  await ui(web).getByText('查看一个码').waitFor();
  await box(web, '请输入 12 位编号').fill(codeId);
  await button(web, '查看').click();
  await button(web, '登记入住本楼').click();
  await ui(web).getByText('第 1 步，共 4 步').waitFor();
  await box(web, '例如：张秀英').fill('孔令华');
  await button(web, '下一步').click();
  await box(web, '例如：502').fill('301');
  await button(web, '下一步').click();
  await box(web, '11 位手机号').fill('13655550303');
  await button(web, '下一步').click();
  await ui(web).getByText('设置登录密码').waitFor();
  await box(web, '至少 8 位').fill('kong12345');
  await box(web, '和上面一样').fill('kong12345');
  await shot(web, '10-password');
  await button(web, '提交登记').click();
  await ui(web).getByText('⏳ 等待审核').waitFor();
  expect(await web.evaluate(() => localStorage.getItem('jinlin.registrationKey'))).toBeTruthy();

  await lead.reload();
  await ui(lead).getByText('孔令华', { exact: true }).waitFor();
  await button(lead, '✓ 通过').click();
  await lead.locator('.taro-model__confirm').click();
  await ui(lead).getByText('现在没有等待审核的登记', { exact: false }).waitFor();

  await web.reload();
  await ui(web).getByText('审核已通过。请用手机号 136****0303 和登记时设的密码登录。').waitFor();
  await button(web, '去登录').click();
  await ui(web).getByText('审核已通过，请用登记的手机号和密码登录').waitFor();
  await ui(web).getByRole('textbox', { name: '请输入账号' }).fill('13655550303');
  await ui(web).getByRole('textbox', { name: '请输入密码' }).fill('kong12345');
  await button(web, '登录').click();
  await ui(web).getByText('您好，孔令华').waitFor();

  for (const p of [newcomer, second, lead, web]) await p.context().close();
});
