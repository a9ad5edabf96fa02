/**
 * 积分 (#24) for a party member, in the h5 build, in Chromium on a phone-sized screen (390×844), against the
 * real local host on a fresh database. Over the API, the way the management page does it: community staff
 * (张伟) put two goods in the shop (洗衣液 2kg for 30, 东北大米 5kg for 80) and grant the demo member 周敏
 * 50 points (社区奖励). In the browser, signed in as 周敏: home's 我的积分 shows the balance and the grant on
 * the ledger; in 积分超市 the rice says how many points are missing and the washing liquid is redeemed
 * through the confirm step (兑换后积分立即扣除，请到社区领取); the balance after is 20 and 我的兑换 lists the
 * order as 待领取, which staff see in their orders list with the stock down by one. 我的积分 then shows
 * the −30. On the board (公示栏) her row is marked 我 and, as she has not agreed to show her name, reads
 * 未公开姓名. She records an afternoon's service (记录服务); staff confirm it and it shows ✓ 已确认 with
 * its points.
 *
 * Screenshots land in tests/e2e/screenshots/h5-points-*.png, in normal mode and in 长辈版, each page held
 * to the elder-mode figures of its mode (elder-measure.ts).
 */
import type { Page } from 'playwright-core';
import { MEASURE, problemsOf, type Measured, type Mode } from './elder-measure';
import { api } from './support/api';
import { phoneHost, START_TIMEOUT } from './support/host';
import { openPhone, PHONE } from './support/phones';
import { wholePhonePage } from './support/screenshots';
import { box, button, ui, words } from './support/taro';
import { demoPlaces } from './support/units';

const host = phoneHost({ JINLIN_DEMO_RESIDENTS: '60', JINLIN_DEMO_REPORTS: '0' });
const http = api(() => host.url);
const { call, signIn } = http;

const SERVICE = '陪3号楼独居老人去医院复诊';
let staff: string;
let communityId: string;
let zhouId: string;

beforeAll(async () => {
  staff = await signIn('shequ');
  const { community } = await demoPlaces(http, staff);
  communityId = community.id;
  zhouId = (await call<{ person: { id: string } }>('auth', 'whoAmI', {}, { token: await signIn('dangyuan') })).person.id;
  await call('points', 'saveGoods', { communityId, name: '洗衣液 2kg', description: '每周三下午在社区党群服务中心领取', price: 30, stock: 5 }, { token: staff });
  await call('points', 'saveGoods', { communityId, name: '东北大米 5kg', price: 80, stock: 2 }, { token: staff });
  await call('points', 'grant', { clientRequestId: 'e2e-points-grant-0001', personId: zhouId, points: 50, reason: '社区“七一”表彰：优秀党员志愿者' }, { token: staff });
}, START_TIMEOUT);

/** 周敏's phone, signed in with a session of hers, in elder mode or not as the 长辈版 switch keeps it. */
async function zhouPhone(mode: Mode = 'normal'): Promise<Page> {
  const s = await http.session('dangyuan');
  return openPhone(host.browser, { 'jinlin.elderMode': mode === 'elder', 'jinlin.session': { token: s.token, expiresAt: s.expiresAt } });
}

/** The whole page as she scrolls through it, held to the figures of its mode, nothing wider than the phone. */
async function shot(page: Page, name: string, mode: Mode = 'normal') {
  await wholePhonePage(page, `h5-points-${name}${mode === 'elder' ? '-elder' : ''}.png`, 400);
  const m = (await page.evaluate(MEASURE)) as Measured;
  expect({ page: name, mode, problems: problemsOf(m, mode) }).toEqual({ page: name, mode, problems: [] });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

it('lets a member see her balance, redeem a goods through the confirm step, see the order, her place on the board and a confirmed service record', async () => {
  const page = await zhouPhone();

  // Home: 我的积分 for a member.
  await page.goto(`${host.url}/pages/index/index`);
  await ui(page).getByText('您好，周敏').waitFor();
  await ui(page).getByText('我的积分', { exact: true }).click();

  // 我的积分: the balance, the grant on the ledger, her name not on the board.
  await page.waitForURL(/\/points\/index\/index/);
  await ui(page).getByText('积分明细').waitFor();
  let seen = await words(page);
  for (const w of ['现有积分 50 分', '社区“七一”表彰：优秀党员志愿者', '今天 · 社区奖励', '+50', '余 50', '未公开姓名']) expect(seen).toContain(w);
  await shot(page, '01-mine');
  await button(page, '去积分超市兑换').click();

  // 积分超市: the price and stock of each; the rice is out of reach in words.
  await page.waitForURL(/\/points\/shop\/index/);
  await ui(page).getByText('洗衣液 2kg').waitFor();
  seen = await words(page);
  for (const w of ['30 积分', '还剩 5 件', '东北大米 5kg', '80 积分', '积分不够，还差 30 分']) expect(seen).toContain(w);
  await shot(page, '02-shop');
  await button(page, '兑换').click();

  // The confirm step: nothing spent yet.
  await ui(page).getByText('兑换后积分立即扣除，请到社区领取。').waitFor();
  seen = await words(page);
  for (const w of ['确认兑换', '需要积分 30 分', '现有积分 50 分', '兑换后还剩 20 分']) expect(seen).toContain(w);
  expect((await call<{ balance: number }>('points', 'mine', {}, { token: (await http.session('dangyuan')).token })).balance).toBe(50);
  await shot(page, '03-confirm');
  await button(page, '确认兑换').click();

  // Redeemed: the balance after and where to collect it.
  await ui(page).getByText('✓ 兑换成功').waitFor();
  seen = await words(page);
  for (const w of ['洗衣液 2kg', '扣除积分 30 分', '现有积分 20 分', '待领取', '请带上手机到社区领取']) expect(seen).toContain(w);
  await shot(page, '04-redeemed');

  // Staff see the order waiting, and the stock one down.
  const { redemptions } = await call<{ redemptions: { goodsName: string; status: string; person: { name: string } }[] }>('points', 'orders', { communityId }, { token: staff });
  expect(redemptions).toEqual([expect.objectContaining({ goodsName: '洗衣液 2kg', status: 'ordered', person: expect.objectContaining({ name: '周敏' }) })]);
  const shelf = await call<{ goods: { name: string; stock: number }[] }>('points', 'goods', { communityId, includeOff: true }, { token: staff });
  expect(shelf.goods.find((g) => g.name === '洗衣液 2kg')!.stock).toBe(4);

  // 我的兑换: the order as 待领取.
  await button(page, '查看我的兑换').click();
  await page.waitForURL(/\/points\/orders\/index/);
  await ui(page).getByText('⏳ 待领取').waitFor();
  seen = await words(page);
  for (const w of ['洗衣液 2kg', '今天兑换，30 积分', '取消兑换']) expect(seen).toContain(w);
  await shot(page, '05-orders');

  // 我的积分 again: the spending on the ledger.
  await page.goto(`${host.url}/points/index/index`);
  await ui(page).getByText('积分明细').waitFor();
  seen = await words(page);
  for (const w of ['现有积分 20 分', '−30', '余 20']) expect(seen).toContain(w);

  // The board: her row marked 我, her name not shown (she has not agreed); spending does not lower it.
  await page.goto(`${host.url}/points/board/index`);
  await ui(page).getByText('积分排名', { exact: false }).first().waitFor();
  const mine = ui(page).locator('.board__row--mine');
  await mine.waitFor();
  expect((await mine.innerText()).replace(/\s+/g, ' ')).toMatch(/未公开姓名.*◀ 我.*50 分/);
  await shot(page, '06-board');
  await ui(page).getByText('今年', { exact: true }).click();
  await ui(page).getByText(`${new Date(Date.now() + 8 * 3600_000).getUTCFullYear()}年积分排名`).waitFor();

  // 记录服务: an afternoon's service; refused empty first, nothing sent.
  await page.goto(`${host.url}/points/service/index`);
  await ui(page).getByText('我的服务记录').waitFor();
  await button(page, '提交服务记录').click();
  await ui(page).getByText('请写一写做了什么服务').waitFor();
  await ui(page).locator('textarea[placeholder^="例如：陪独居老人"]').fill(SERVICE);
  await ui(page).locator('.big-field__input input').first().fill('2');
  await ui(page).locator('.big-field__input input').nth(1).fill('30');
  await box(page, '例如：3号楼独居老人').fill('3号楼独居老人');
  await shot(page, '07-service-form');
  await button(page, '提交服务记录').click();
  await ui(page).getByText('⏳ 待确认').waitFor();
  expect(await words(page)).toContain('今天2小时30分钟');

  // Staff confirm it; her record says so with its points.
  const { records } = await call<{ records: { id: string; version: number; what: string; minutes: number }[] }>('points', 'serviceRecords', { status: 'pending' }, { token: staff });
  const r = records.find((x) => x.what === SERVICE)!;
  expect(r.minutes).toBe(150);
  const confirmed = await call<{ points: number }>('points', 'confirmService', { id: r.id, version: r.version }, { token: staff });
  await page.reload();
  await ui(page).getByText(`✓ 已确认 +${confirmed.points}`).waitFor();
  await shot(page, '08-service-confirmed');
  await page.context().close();
}, 240_000);

it('draws the points pages in 长辈版 to its figures', async () => {
  // Enough for the washing liquid again, so the shop offers 兑换 and its confirm step.
  await call('points', 'grant', { clientRequestId: 'e2e-points-grant-0002', personId: zhouId, points: 50, reason: '社区敬老月活动表现突出' }, { token: staff });
  const page = await zhouPhone('elder');
  for (const [path, ready, name] of [
    ['/points/index/index', '积分明细', '01-mine'],
    ['/points/shop/index', '东北大米 5kg', '02-shop'],
    ['/points/orders/index', '⏳ 待领取', '05-orders'],
    ['/points/board/index', '◀ 我', '06-board'],
    ['/points/service/index', '我的服务记录', '07-service-form'],
  ] as const) {
    await page.goto(`${host.url}${path}`);
    await ui(page).getByText(ready).first().waitFor();
    await shot(page, name, 'elder');
  }
  // The confirm step and the cancel form, one tap in.
  await page.goto(`${host.url}/points/shop/index`);
  await button(page, '兑换').first().click();
  await ui(page).getByText('兑换后积分立即扣除，请到社区领取。').waitFor();
  const target = await button(page, '确认兑换').boundingBox();
  expect(target!.height).toBeGreaterThanOrEqual(60);
  await shot(page, '03-confirm', 'elder');
  await page.goto(`${host.url}/points/orders/index`);
  await button(page, '取消兑换').click();
  await ui(page).getByText('为什么取消').waitFor();
  await shot(page, '09-cancel', 'elder');
  await page.context().close();
}, 180_000);
