/**
 * 积分与心愿 on the management page in a real Chromium against `npm start` on a temporary database with
 * the full demo (its points, shop, service records and wishes). The community staff member 张伟
 * (shequ / demo1234) opens each page: 积分台账 with the demo's entries, 积分规则, 服务记录 — and
 * confirms one, its points then on the ledger —, 积分超市's goods and orders, 心愿审核 — and approves
 * the wish waiting there, which then is open to claim —, and 全部心愿 with a confirmed wish's detail.
 * A correction larger than a balance is refused in the dialog with the balance. Screenshots land in
 * tests/e2e/screenshots/admin-points-*.png.
 */
import type { Page } from 'playwright-core';
import { api } from './support/api';
import { deskShot, signInAtDesk } from './support/desk';
import { deskHost } from './support/host';

jest.setTimeout(120_000);

/** The demo's wish waiting for staff (cloudfunctions/lib/seed/wishes.ts) and its confirmed one. */
const WAITING = '想请人帮忙修一下漏水的水龙头';
const CONFIRMED = '想请人陪着去医院复查';

// A few reports make it the full demo (members, grids, pairings, points, wishes); few keep it quick.
const host = deskHost({ JINLIN_DEMO_RESIDENTS: '140', JINLIN_DEMO_REPORTS: '20' });
const http = api(() => host.url);
const { call, signIn } = http;
let page: Page;
let staff: string;

const toast = (text: string | RegExp) => page.locator('.ant-message').getByText(text);
const shot = (name: string) => deskShot(page, `admin-points-${name}.png`);
const menu = async (label: string, path: RegExp) => {
  await page.getByRole('menuitem', { name: label, exact: true }).click();
  await page.waitForURL(path);
};
const rows = () => page.locator('.ant-table-tbody tr[data-row-key]');

beforeAll(async () => {
  staff = await signIn('shequ');
  page = await host.openBrowser();
});

describe('积分与心愿, as community staff', () => {
  it('shows the ledger with the demo’s entries, newest first', async () => {
    await signInAtDesk(page, host.url, 'shequ', '张伟');
    await page.getByRole('menuitem', { name: '积分与心愿' }).click();
    await menu('积分台账', /\/admin\/points$/);
    await page.getByTestId('ledger-total').waitFor();
    expect(await page.getByTestId('ledger-total').innerText()).toMatch(/共 \d+ 笔/);
    expect(await rows().count()).toBeGreaterThan(5);
    const sources = await page.locator('.ant-table-tbody tr[data-row-key] td:nth-child(4)').allInnerTexts();
    expect(sources).toEqual(expect.arrayContaining(['志愿服务']));
    await shot('01-ledger');
  });

  it('refuses a correction larger than the balance, in the dialog, with the balance', async () => {
    const first = rows().first();
    const name = (await first.locator('td').nth(1).innerText()).trim();
    await first.locator('td').nth(1).getByRole('button').click();
    await page.getByText(`${name}的积分`).waitFor();
    await page.getByRole('button', { name: /更正积分/ }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '更正积分' });
    await dialog.getByRole('spinbutton').fill('-1000');
    await dialog.getByPlaceholder('如：11月5日讲座签到重复计分').fill('讲座签到重复计分');
    await dialog.getByRole('button', { name: /更\s*正/ }).click();
    const said = dialog.locator('.ant-form-item-explain-error');
    await said.waitFor();
    expect(await said.innerText()).toMatch(/\d/);
    await shot('02-correct-below-zero');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows the community’s rules, one row a kind', async () => {
    await menu('积分规则', /\/admin\/points\/rules$/);
    for (const kind of ['参加讲座', '志愿服务', '实现微心愿', '联户走访']) await page.locator('.ant-table-tbody td').getByText(kind, { exact: true }).first().waitFor();
    await page.getByRole('switch', { name: '志愿服务计分' }).waitFor();
    await shot('03-rules');
  });

  it('confirms a service record waiting, and its points reach the ledger', async () => {
    await menu('服务记录', /\/admin\/points\/services$/);
    await page.getByRole('tab', { name: /待确认（\d+）/ }).waitFor();
    const row = rows().first();
    await row.waitFor();
    const who = (await row.locator('td').nth(1).locator('span').first().innerText()).trim();
    const grants = Number((await row.getByTestId('points-if-confirmed').innerText()).match(/\d+/)![0]);
    await shot('04-service-records');
    await row.getByRole('button', { name: /确\s*认/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*认/ }).click();
    await toast(grants ? `已确认，${who}获得 ${grants} 分` : `已确认${who}的服务记录（按现行规则不得分）`).waitFor();

    const confirmed = await call<{ records: { person: { id: string; name: string }; points: number | null }[] }>('points', 'serviceRecords', { status: 'confirmed', limit: 500 }, { token: staff });
    const mine = confirmed.records.find((r) => r.person.name === who)!;
    expect(mine).toBeTruthy();
    const ledger = await call<{ entries: { kind: string; points: number }[] }>('points', 'ledger', { personId: mine.person.id }, { token: staff });
    expect(ledger.entries.filter((e) => e.kind === 'service').length).toBeGreaterThan(0);
  });

  it('shows the shop’s goods, on and off the shelf, and the orders to collect', async () => {
    await menu('积分超市', /\/admin\/shop$/);
    await page.getByText('洗衣液 2kg').waitFor();
    expect(await page.getByTestId('goods-total').innerText()).toMatch(/共 \d+ 件物品，上架 \d+ 件/);
    await shot('05-shop-goods');
    await page.getByRole('tab', { name: '兑换订单' }).click();
    await page.getByTestId('orders-total').waitFor();
    await shot('06-shop-orders');
  });

  it('approves the wish waiting, which is then open to claim', async () => {
    await menu('心愿审核', /\/admin\/wishes$/);
    const row = rows().filter({ hasText: WAITING });
    await row.waitFor();
    await shot('07-wish-queue');
    await row.getByRole('button', { name: /^通\s*过$/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /^通\s*过$/ }).click();
    await toast(`已通过心愿「${WAITING}」，党员和志愿者现在可以认领`).waitFor();
    await row.waitFor({ state: 'detached' });
    const open = await call<{ wishes: { what: string }[] }>('wishes', 'list', { status: 'open' }, { token: staff });
    expect(open.wishes.map((w) => w.what)).toContain(WAITING);
  });

  it('lists all wishes by status and opens a confirmed one: claimer, contact, note, confirmation, points', async () => {
    await menu('全部心愿', /\/admin\/wishes\/all$/);
    await page.getByText(WAITING).waitFor();
    await shot('08-wishes-open');
    await page.getByRole('tab', { name: '已确认' }).click();
    const row = rows().filter({ hasText: CONFIRMED });
    await row.getByRole('button', { name: '详情' }).click();
    const drawer = page.locator('.ant-drawer').filter({ hasText: CONFIRMED });
    await drawer.locator('.ant-descriptions').waitFor();
    await shot('09-wish-detail');
    const text = await drawer.innerText();
    for (const s of ['认领人', '联系方式', '实现情况']) expect(text).toContain(s);
    expect(text).toMatch(/许愿人已确认|由系统确认/);
  });
});
