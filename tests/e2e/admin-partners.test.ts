/**
 * 共建单位 (#30) on the management page in a real Chromium against the local host on a fresh database (the
 * light demo), with WeChat simulated: "a need posted, claimed by a partner, carried out, closed, counted".
 *
 * Over the API, staff let one WeChat resident in at 幸福里小区 — the hospital's contact to be. In the
 * browser, 张伟 (shequ) registers 滨江眼科医院 on 共建单位 with that resident as its contact (found with the
 * people search); the list says it has not visited this month. He posts a need on 需求清单. The contact,
 * on WeChat (over the API), records a visit and claims the need; the list now says visited and 走访记录
 * lists the visit. On 项目 the claim waits for the community: staff accept it, add a milestone and mark
 * it done, and close it with the result and a photo. 需求清单 shows the need met; 统计 counts it (needs met
 * and projects done one more than before, the hospital's row one each) and the .xlsx downloads with the
 * same figures (read back with exceljs). Last, staff ask for a resource the hospital offers on 资源清单: a
 * project that waits for the hospital to accept. Screenshots: tests/e2e/screenshots/admin-partners-*.png.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { png } from '../support/images';
import { api } from './support/api';
import { deskShot, signInAtDesk } from './support/desk';
import { deskHost } from './support/host';
import { imageLoaded } from './support/loaded-image';
import { letInOnWechat, makeCode, type WechatApplicant } from './support/people';
import { demoPlaces } from './support/units';

jest.setTimeout(120_000);

const PARTNER = '滨江眼科医院';
const NEED = '老年活动室的桌椅需要更换';
const CONTACT: WechatApplicant = { openid: 'e2e-wx-ptn-qian', name: '钱卫东', door: { entrance: '1', floor: 6, room: '601' }, phone: '13700009951' };

const host = deskHost({ JINLIN_DEV_WECHAT: '1', JINLIN_DEMO_RESIDENTS: '60', JINLIN_DEMO_REPORTS: '0' }, { downloads: true });
const http = api(() => host.url);
const { call } = http;
let page: Page;
let staff: string;
let communityId: string;
let partnerId: string;
/** The community's figures for the year before the story: a demo may hold partners of its own. */
let before: { needsMet: number; projectsDone: number };
/** What the pages threw: a page that throws unmounts, and every step after it times out without saying why. */
const thrown: string[] = [];

const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const toast = (text: string | RegExp) => page.locator('.ant-message').getByText(text);
/** A picture of the page from its top (a click low in the tall menu scrolls the window), once drawers have slid in. */
async function shot(name: string) {
  await page.evaluate(() => void window.scrollTo(0, 0));
  await page.waitForTimeout(400);
  await deskShot(page, `admin-partners-${name}.png`);
}
const drawer = () => page.locator('.ant-drawer-body');
const row = (text: string) => page.locator('.ant-table-tbody tr[data-row-key]', { hasText: text });
const option = (text: string) => page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first();
/** An entry of the 共建单位 submenu (统计 is a word other submenus use too). */
const menu = async (label: string, url: RegExp) => {
  await page.locator('li.ant-menu-submenu', { has: page.locator('.ant-menu-submenu-title', { hasText: '共建单位' }) }).getByRole('menuitem', { name: label, exact: true }).click();
  await page.waitForURL(url);
};
/** A choice of an antd Segmented (its radio input is hidden under the label). */
const segment = (label: string | RegExp) => page.locator('.ant-segmented-item', { hasText: label }).click();
/** Types a day into an antd date picker and closes its calendar. */
async function pickDay(selector: string, day: string) {
  const input = page.locator(selector);
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

beforeAll(async () => {
  staff = await http.signIn('shequ');
  const places = await demoPlaces(http, staff);
  communityId = places.community.id;
  await letInOnWechat(http, staff, await makeCode(http, staff, places.building.id, 'building'), [CONTACT]);
  const figures = await call('partners', 'figures', { communityId, year }, { token: staff });
  before = { needsMet: figures.total.needsMet, projectsDone: figures.total.projectsDone };
  page = await host.openBrowser();
  page.on('pageerror', (e) => thrown.push(e.message));
});

afterEach(() => expect(thrown).toEqual([]));

describe('共建单位: a need posted, claimed by a partner, carried out, closed, counted', () => {
  it('registers a partner with its contact found by the people search; the list says it has not visited this month', async () => {
    await signInAtDesk(page, host.url, 'shequ', '张伟');
    await page.locator('.ant-menu-submenu-title', { hasText: '共建单位' }).click();
    await menu('单位名录', /\/admin\/partners$/);
    await page.getByRole('button', { name: /新增共建单位/ }).click();
    const dialog = page.getByRole('dialog');
    // Nothing typed: each field says what it needs, nothing is sent.
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('请填写单位名称').waitFor();
    await page.locator('#partner_name').fill(PARTNER);
    await page.locator('#partner_kind').click();
    await option('医院').click();
    await page.locator('#partner_address').fill('滨江路 88 号');
    await page.locator('#partner_contactPersonId').click();
    await page.locator('#partner_contactPersonId').fill(CONTACT.name);
    await option(CONTACT.phone).click();
    // The picked person's name and phone fill the contact's.
    await expect(page.locator('#partner_contactName').inputValue()).resolves.toBe(CONTACT.name);
    await expect(page.locator('#partner_contactPhone').inputValue()).resolves.toBe(CONTACT.phone);
    await pickDay('#partner_signedOn', `${year}-03-01`);
    await page.locator('#partner_terms').fill('每月一次眼科义诊；开放候诊大厅作为社区健康讲座场地');
    // A click on the title closes the date picker's calendar.
    await dialog.locator('.ant-modal-title').click();
    await shot('01-form');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await toast(`已新增共建单位${PARTNER}`).waitFor();
    // The partner opens in its drawer.
    await drawer().getByTestId('partner-detail').waitFor();
    expect(await drawer().innerText()).toContain(`${CONTACT.name} · ${CONTACT.phone}`);
    await shot('02-partner');
    await page.locator('.ant-drawer-close').click();
    await page.locator('.ant-drawer').waitFor({ state: 'hidden' });

    const mine = row(PARTNER);
    expect(await mine.getByTestId('visit-month').innerText()).toContain('本月未走访');
    await segment(/本月未走访/);
    await page.waitForURL(/show=not-visited/);
    await mine.waitFor();
    await shot('03-not-visited');
    partnerId = (await mine.getAttribute('data-row-key'))!;
  });

  it('posts a need on 需求清单', async () => {
    await menu('需求清单', /\/admin\/partners\/needs/);
    await page.getByRole('button', { name: /发布需求/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /发\s*布/ }).click();
    await dialog.getByText('请填写需求名称').waitFor();
    await page.locator('#need_title').fill(NEED);
    await page.locator('#need_kind').click();
    await option('设备物资').click();
    await page.locator('#need_description').fill('活动室 20 套桌椅老化松动，老人上课不安全，希望更换');
    await dialog.getByRole('button', { name: /发\s*布/ }).click();
    await toast(`已发布需求「${NEED}」，共建单位现在可以认领`).waitFor();
    await row(NEED).waitFor();
    expect(await row(NEED).getByTestId('need-status').innerText()).toBe('待认领');
    await shot('04-need');
  });

  it('the partner’s contact records a visit and claims the need on WeChat; the list says visited', async () => {
    const who = { openid: CONTACT.openid };
    const mine = await call('partners', 'mine', {}, who);
    const need = mine.partners[0].openNeeds.find((n: { title: string }) => n.title === NEED);
    expect(need).toBeDefined();
    await call('partners', 'recordVisit', { clientRequestId: 'e2e-partner-visit-1', partnerId, communityId, day: today, met: '社区书记、1号楼楼栋长', raised: '活动室桌椅松动，想换一批' }, who);
    const claimed = await call('partners', 'claimNeed', { clientRequestId: 'e2e-partner-claim-1', needId: need.id, partnerId, note: '医院淘汰一批候诊椅，可以送来' }, who);
    expect(claimed.project).toMatchObject({ status: 'proposed', startedBy: 'partner' });

    await menu('单位名录', /\/admin\/partners$/);
    await expect(row(PARTNER).getByTestId('visit-month').innerText()).resolves.toBe(`本月已走访（${today}）`);

    // 走访记录 lists the visit, ready to become a need or be tied to a report.
    await menu('走访记录', /\/admin\/partners\/visits/);
    const visit = row('活动室桌椅松动');
    await visit.waitFor();
    expect(await visit.innerText()).toMatch(new RegExp(`${today}[\\s\\S]*${PARTNER}[\\s\\S]*${CONTACT.name}[\\s\\S]*转为需求[\\s\\S]*关联反映`));
    await shot('05-visits');
  });

  it('staff accept the claim, keep a milestone, and close the project with its result and a photo', async () => {
    await menu('项目', /\/admin\/partners\/projects/);
    const project = row(NEED);
    await project.waitFor();
    expect(await project.getByTestId('project-status').innerText()).toBe('待对方确认');
    await project.getByText(NEED, { exact: true }).click();
    await drawer().getByTestId('project-detail').waitFor();
    await shot('06-claimed');
    await drawer().getByRole('button', { name: /^接\s*受$/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /^接\s*受$/ }).click();
    await toast(/^已接受，项目/).waitFor();
    expect(await drawer().getByTestId('project-status').innerText()).toBe('进行中');

    await page.locator('#milestone_title').fill('旧桌椅搬走，新椅子到货');
    await pickDay('#milestone_dueOn', today);
    await drawer().getByRole('button', { name: /添加节点/ }).click();
    await drawer().getByRole('button', { name: /标记完成/ }).click();
    await drawer().getByTestId('milestone-done').waitFor();

    await drawer().getByRole('button', { name: /^结\s*项$/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: `结项：${NEED}` });
    await dialog.getByRole('button', { name: /^结\s*项$/ }).click();
    await dialog.getByText('请填写项目成效').waitFor();
    await page.locator('#close_result').fill('医院送来 20 把候诊椅，志愿者搬运安装，老年大学当周就用上了');
    await dialog.getByLabel('选择成效照片').setInputFiles({ name: 'chairs.png', mimeType: 'image/png', buffer: await png({ width: 480, height: 320 }) });
    await dialog.getByTestId('result-photos').locator('img').waitFor();
    await dialog.getByRole('button', { name: /^结\s*项$/ }).click();
    await toast(`项目「${NEED}」已结项，需求已满足`).waitFor();
    expect(await drawer().getByTestId('project-status').innerText()).toBe('已完成');
    const result = drawer().getByTestId('project-result');
    expect(await result.innerText()).toContain('20 把候诊椅');
    // The photo is served back, cleaned, from where the upload put it.
    expect(await imageLoaded(result.locator('img').first())).toBe(true);
    await shot('07-done');
    await page.locator('.ant-drawer-close').click();

    await menu('需求清单', /\/admin\/partners\/needs/);
    await segment('已满足');
    expect(await row(NEED).innerText()).toContain(PARTNER);
  });

  it('counts it in the year’s figures, and the .xlsx says the same', async () => {
    await menu('统计', /\/admin\/partners\/figures/);
    await page.getByTestId('total-needsMet').waitFor();
    const figure = async (key: string) => Number((await page.getByTestId(`total-${key}`).locator('.ant-statistic-content-value').innerText()).trim());
    expect(await figure('needsMet')).toBe(before.needsMet + 1);
    expect(await figure('projectsDone')).toBe(before.projectsDone + 1);
    const mine = row(PARTNER);
    expect(await mine.getByTestId('row-needsMet').innerText()).toBe('1');
    expect(await mine.getByTestId('row-projectsDone').innerText()).toBe('1');
    expect(await mine.getByTestId('row-visits').innerText()).toBe('1');
    await shot('08-figures');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 Excel/ }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`共建台账_${year}年_.*\\.xlsx$`));
    const file = path.join(host.downloads, download.suggestedFilename());
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const summary = new Map<string, unknown>();
    wb.getWorksheet('汇总')!.eachRow((r, n) => n > 2 && summary.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(summary.get('满足需求')).toBe(before.needsMet + 1);
    expect(summary.get('完成项目')).toBe(before.projectsDone + 1);
    const partners = wb.getWorksheet('共建单位')!;
    const heads = partners.getRow(2).values as unknown[];
    let hospital: unknown[] = [];
    partners.eachRow((r, n) => {
      if (n > 2 && r.getCell(1).value === PARTNER) hospital = r.values as unknown[];
    });
    expect(hospital[heads.indexOf('满足需求')]).toBe(1);
    expect(hospital[heads.indexOf('完成项目')]).toBe(1);
    const projects: string[] = [];
    wb.getWorksheet('项目')!.eachRow((r, n) => n > 2 && projects.push(`${r.getCell(1).value}|${r.getCell(4).value}`));
    expect(projects).toContain(`${NEED}|已完成`);
  });

  it('asks the partner for a resource it offers: a project that waits for the partner to accept', async () => {
    const resource = '候诊大厅（周六上午）';
    await call('partners', 'offerResource', { clientRequestId: 'e2e-partner-offer-1', partnerId, kind: 'room', title: resource, description: '可坐 80 人，有投影', amount: '80 座', availability: '每周六 9:00–12:00' }, { openid: CONTACT.openid });
    await menu('资源清单', /\/admin\/partners\/resources/);
    await row(resource).getByRole('button', { name: '申请使用' }).click();
    const dialog = page.getByRole('dialog');
    await page.locator('#ask_title').fill('冬季眼健康讲座');
    await dialog.getByRole('button', { name: /发出申请/ }).click();
    await toast(`已向${PARTNER}发出申请，等对方确认`).waitFor();
    await page.waitForURL(/\/admin\/partners\/projects\?id=/);
    await drawer().getByText(`等${PARTNER}在小程序里确认接受`).waitFor();
    expect(await drawer().getByTestId('project-status').innerText()).toBe('待对方确认');
    // The community started it: only the partner's side accepts.
    expect(await drawer().getByRole('button', { name: /^接\s*受$/ }).count()).toBe(0);
    await shot('09-asked');
  });
});
