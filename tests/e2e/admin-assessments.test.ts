/**
 * 物业测评 on the management page in a real Chromium against `npm start` on a temporary database with the
 * full demo (its two property companies, last month's survey and published flags). The community staff
 * member 张伟 (shequ / demo1234) reads 物业公司 (the companies, their compounds and people, the way people
 * are bound), sets 测评设置 so that one household's answer may carry a flag this month, reads last
 * month's published table (flags, 不评旗 and why, a compound without a company) with a compound's
 * comments and history; the demo resident 孙福贵 answers this month's survey; staff compute this month,
 * publish 幸福里小区 after the confirmation, and open its A4 notice in a new tab, which prints on one
 * A4 page. Screenshots land in tests/e2e/screenshots/admin-assessments-*.png (the notice at A4 size in
 * print media).
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { api } from './support/api';
import { deskShot, signInAtDesk } from './support/desk';
import { deskHost } from './support/host';
import { SHOTS } from './support/screenshots';

jest.setTimeout(180_000);

const HAPPY = '幸福里小区';
const HAPPY_CO = '幸福里物业服务有限公司';
const SUNNY_CO = '阳光物业管理有限公司';
/** A4 at the browser's 96 dots per inch. */
const A4 = { width: 794, height: 1123 };

// A few reports make it the full demo (companies, last month's answers and flags); few keep it quick.
const host = deskHost({ JINLIN_DEMO_RESIDENTS: '140', JINLIN_DEMO_REPORTS: '20' });
const http = api(() => host.url);
let page: Page;
/** What the pages threw: a page that throws unmounts, and every step after it times out without saying why. */
const thrown: string[] = [];

/** A cell's words without the space its icon leaves before them. */
const words = async (l: Locator) => (await l.innerText()).trim();
const toast = (text: string | RegExp) => page.locator('.ant-message').getByText(text);
const shot = (name: string) => deskShot(page, `admin-assessments-${name}.png`);
const rowOf = (name: string) => page.locator('.ant-table-tbody tr[data-row-key]').filter({ has: page.locator('td').first().getByText(name, { exact: true }) });
const menu = async (label: string, url: RegExp) => {
  await page.getByRole('menuitem', { name: label, exact: true }).click();
  await page.waitForURL(url);
};

beforeAll(async () => {
  page = await host.openBrowser();
  page.on('pageerror', (e) => thrown.push(e.message));
});

afterEach(() => expect(thrown).toEqual([]));

describe('物业测评, as community staff', () => {
  it('lists the property companies with their compounds and people, and says how people are bound', async () => {
    await signInAtDesk(page, host.url, 'shequ', '张伟');
    await page.getByRole('menuitem', { name: '物业测评' }).click();
    await menu('物业公司', /\/admin\/assessments\/companies$/);
    const happy = page.locator('.ant-table-tbody tr', { hasText: HAPPY_CO });
    await happy.waitFor();
    expect(await happy.innerText()).toContain('13900004001');
    expect(await happy.innerText()).toContain(HAPPY);
    const sunny = page.locator('.ant-table-tbody tr', { hasText: SUNNY_CO });
    expect(await sunny.innerText()).toMatch(/阳光花园[\s\S]*锦绣家园/);
    expect(await page.getByTestId('unserved').innerText()).toContain('和平新村');
    expect(await page.getByTestId('managers-note').innerText()).toContain('角色选“物业”');
    await shot('01-companies');
  });

  it('saves a policy under which one household’s answer may carry a flag', async () => {
    await menu('测评设置', /\/admin\/assessments\/policy$/);
    const minAnswers = page.getByRole('spinbutton', { name: '最少测评户数' });
    await page.getByText('使用默认设置').waitFor();
    await minAnswers.fill('');
    await page.getByRole('button', { name: /保存设置/ }).click();
    await page.getByText('请填写最少测评户数').waitFor();
    await minAnswers.fill('1');
    await page.getByRole('spinbutton', { name: '最少反映数' }).fill('0');
    await page.getByRole('button', { name: /保存设置/ }).click();
    await toast(/已保存.*的测评设置/).waitFor();
    await page.getByText('第 1 版').waitFor();
    await shot('02-policy');
  });

  it('shows last month as published: a red flag, a yellow one, no flag and why, a compound without a company', async () => {
    await menu('月度测评', /\/admin\/assessments$/);
    await page.getByTestId('tally').waitFor();
    // The demo's few reports decide whether a flag could stand on them; the survey's few answers always fail 锦绣家园.
    for (const name of [HAPPY, '阳光花园']) expect(await words(rowOf(name).getByTestId('flag'))).toMatch(/^(红旗|黄旗)$|^不评旗\s*物业办理的反映太少/);
    expect(await words(rowOf('锦绣家园').getByTestId('flag'))).toMatch(/^不评旗[\s\S]*参加测评的住户太少（\d+ 户，至少 5 户）/);
    expect(await rowOf('和平新村').innerText()).toContain('未登记物业公司');
    expect(await words(rowOf(HAPPY).getByTestId('status'))).toBe('已发布');
    await shot('03-last-month');

    await rowOf(HAPPY).getByRole('button', { name: /意\s*见/ }).click();
    await page.getByText('电梯坏了物业当天就修好了，谢谢').waitFor();
    await page.waitForTimeout(400);
    await shot('04-comments');
    await page.locator('.ant-drawer-close').click();

    await rowOf(HAPPY).getByRole('button', { name: /历\s*史/ }).click();
    const history = page.getByTestId('history');
    await history.locator('.ant-table-tbody tr[data-row-key]').first().waitFor();
    expect(await words(history.getByTestId('flag').first())).toMatch(/^(红旗|黄旗|不评旗)/);
    await page.locator('.ant-drawer-close').click();
    await page.locator('.ant-drawer').waitFor({ state: 'hidden' });
  });

  it('computes this month after a resident answers, publishes 幸福里小区 once confirmed, and prints its notice on one A4 page', async () => {
    // 孙福贵 (jumin) answers this month's survey for his household.
    const jumin = await http.signIn('jumin');
    const survey = await http.call<{ compound: { id: string; name: string }; month: string; open: boolean }>('assessments', 'survey', {}, { token: jumin });
    expect(survey).toMatchObject({ compound: { name: HAPPY }, open: true });
    const all = (v: string) => ({ response: v, repair: v, cleaning: v, security: v, attitude: v });
    await http.call('assessments', 'answer', { compoundId: survey.compound.id, month: survey.month, answers: all('satisfied'), comment: '保洁阿姨很负责' }, { token: jumin });

    await page.getByRole('combobox', { name: '月份' }).click();
    await page.locator('.ant-select-item-option', { hasText: '本月，还没过完' }).click();
    await page.waitForURL(new RegExp(`month=${survey.month}`));
    await page.getByRole('button', { name: /计算\d{4}年/ }).click();
    await toast(/^已计算.*待发布/).waitFor();
    const row = rowOf(HAPPY);
    expect(await words(row.getByTestId('status'))).toBe('待发布');
    expect(await words(row.getByTestId('flag'))).toMatch(/^拟评(红旗|黄旗)$/);
    expect(await words(row.getByTestId('figure-survey'))).toBe('100 分');
    await shot('05-computed');

    await row.getByRole('button', { name: /发\s*布/ }).click();
    const confirm = page.locator('.ant-popconfirm');
    await confirm.getByText(`发布${HAPPY}`).waitFor();
    await shot('06-confirm');
    await confirm.getByRole('button', { name: /发\s*布/ }).click();
    await toast(new RegExp(`^已发布${HAPPY}`)).waitFor();
    expect(await words(row.getByTestId('status'))).toBe('已发布');
    const flag = await words(row.getByTestId('flag'));
    expect(flag).toMatch(/^(红旗|黄旗)$/);

    // The notice opens in a tab of its own.
    const [notice] = await Promise.all([page.context().waitForEvent('page'), row.getByRole('link', { name: /打\s*印/ }).click()]);
    await notice.waitForURL(/\/admin\/assessments\/print\?id=/);
    const sheet = notice.getByTestId('notice');
    await sheet.waitFor();
    const text = await sheet.innerText();
    for (const words of [HAPPY, `物业公司：${HAPPY_CO}`, '物业服务测评公示', '响应率', '按时办结率', '满意率', '问卷得分', '公布']) expect(text).toContain(words);
    expect(await words(notice.getByTestId('notice-flag'))).toContain(flag);
    expect(text).not.toContain('未发布');
    await notice.screenshot({ path: path.join(SHOTS, 'admin-assessments-07-notice-screen.png'), fullPage: true });

    // On paper: A4 portrait, one page, only the sheet.
    await notice.emulateMedia({ media: 'print' });
    await notice.setViewportSize(A4);
    expect(await notice.locator('.ant-layout-sider').isVisible()).toBe(false);
    await notice.screenshot({ path: path.join(SHOTS, 'admin-assessments-08-notice-a4.png') });
    const pdf = await notice.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages).toHaveLength(1);
    const box = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
    // A4 in points: 595 × 842.
    expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([595, 842]);
    await notice.close();
  });
});
