/**
 * The grid as a level of reports (#21), in Chromium against the real local host on a fresh database
 * with WeChat simulated (JINLIN_DEV_WECHAT=1). Over the API, the way the management page and the
 * mini-program do it: two WeChat users check in as members of 和平新村 (an old compound run by grids)
 * and the community secretary approves them; staff make one the lead (家长) of 第1网格, bind 刘芳 as
 * 和平新村's branch secretary, and pair the other member with a household of 第1网格's 1号楼 (a building
 * with no lead of its own in the demo).
 *
 * With the grid level off, a report the member files on a visit (channel 走访) passes the grid by and
 * lands at the compound. Then community staff (张伟) turn the level on in 时限设置 on the management
 * page, where the grid's row appears only once the switch is on. The next visit report goes to the
 * grid's lead first; the lead finds it in 待办 on their phone (the h5 build) and 上报s it, and it
 * lands at the compound with 刘芳.
 *
 * Screenshots land in tests/e2e/screenshots/grid-level-*.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, openDeskBrowser } from './browser';
import { ensureBuilt, startServer, ROOT, type RunningServer } from './server';

const SHOTS = path.join(ROOT, 'tests/e2e/screenshots');
const PHONE = { width: 390, height: 844 };
// Jest takes testTimeout from the root config only, so under `npm test` a hook would get 5 s.
const START_TIMEOUT = 120_000;
const VISITOR = { openid: 'e2e-wx-grid-visitor', name: '马建设', phone: '13700009931' };
const LEAD = { openid: 'e2e-wx-grid-lead', name: '郑秀云', phone: '13700009932' };
const FIRST = '楼上每天夜里十一点以后还在装修，老人睡不着';
const SECOND = '楼道里堆满了纸箱，老人下楼差点绊倒';
const chinaDay = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);

let server: RunningServer;
let browser: Browser;
let staff: string;
let communityId: string;
let buildingId: string;
let pairingId: string;
let visits = 0;

type Who = { token?: string; openid?: string };
async function call<T = any>(fn: string, action: string, data: unknown, who: Who = {}): Promise<T> {
  const res = await fetch(`${server.url}/api/${fn}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(who.token ? { authorization: `Bearer ${who.token}` } : {}),
      ...(who.openid ? { 'X-Jinlin-Dev-Openid': who.openid } : {}),
    },
    body: JSON.stringify({ action, data }),
  });
  const json = await res.json();
  if (!json.ok) throw new Error(`${fn}.${action}: ${json.code} ${json.message}`);
  return json.data;
}

const signIn = async (username: string) => (await call<{ token: string }>('auth', 'signIn', { username, password: 'demo1234' })).token;

/** A WeChat user checks in with the compound's member code; the community secretary approves: their person id. */
async function memberOf(codeId: string, m: typeof VISITOR, approver: string): Promise<string> {
  const sent = await call<{ checkin: { id: string } }>(
    'members',
    'submit',
    { codeId, name: m.name, phone: m.phone, memberType: 'retired', branch: { name: '市纺织厂退休职工党支部', place: '郑州市中原区' } },
    { openid: m.openid },
  );
  return (await call<{ person: { id: string } }>('members', 'approve', { id: sent.checkin.id, version: 1 }, { token: approver })).person.id;
}

/** The member, on a visit to the household, files a report for it (channel 走访) and records the visit with it. */
async function fileOnVisit(description: string) {
  const n = ++visits;
  const { report } = await call<{ report: { id: string } }>(
    'reports',
    'create',
    { clientRequestId: `e2e-grid-visit-${n}`, unitId: buildingId, category: 'noise', description, channel: 'visit', pairingId },
    { openid: VISITOR.openid },
  );
  await call('pairings', 'recordVisit', { clientRequestId: `e2e-grid-visit-record-${n}`, pairingId, date: chinaDay(Date.now()), done: '上门看望老人', reportId: report.id }, { openid: VISITOR.openid });
  return call<any>('reports', 'detail', { id: report.id }, { token: staff });
}

/** Each step of the report's way (its type and the levels it went between), in a fixed order: the page lists the newest first. */
const steps = (detail: { timeline: { type: string; fromLevel: string | null; toLevel: string | null }[] }) =>
  detail.timeline.map((e) => `${e.type}:${e.fromLevel ?? ''}>${e.toLevel ?? ''}`).sort();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ensureBuilt();
  server = await startServer({ env: { JINLIN_DEV_WECHAT: '1', JINLIN_DEMO_RESIDENTS: '60', JINLIN_DEMO_REPORTS: '0' } });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

  staff = await signIn('shequ');
  const shuji = await signIn('shuji');
  const { units } = await call<{ units: { id: string; parentId: string | null; name: string; kind: string }[] }>('units', 'tree', {}, { token: staff });
  const heping = units.find((u) => u.name === '和平新村')!;
  const grid = units.find((u) => u.parentId === heping.id && u.name === '第1网格')!;
  buildingId = units.find((u) => u.parentId === grid.id && u.name === '1号楼')!.id;
  communityId = heping.parentId!;

  // Two members of 和平新村's branch: the visitor, and the grid's lead-to-be.
  const code = await call<{ id: string }>('codes', 'create', { unitId: heping.id, purpose: 'member', label: '和平新村党员报到点' }, { token: staff });
  const visitorId = await memberOf(code.id, VISITOR, shuji);
  const leadId = await memberOf(code.id, LEAD, shuji);
  await call('units', 'bind', { unitId: grid.id, personId: leadId, role: 'grid_lead' }, { token: staff });
  // 和平新村 has no branch secretary in the demo without a history: 刘芳 (幸福里小区's) takes it on too.
  const liufang = await call<{ person: { id: string } }>('auth', 'whoAmI', {}, { token: await signIn('zhibu') });
  await call('units', 'bind', { unitId: heping.id, personId: liufang.person.id, role: 'compound_secretary' }, { token: staff });

  const paired = await call<{ pairing: { id: string } }>(
    'pairings',
    'pair',
    { memberId: visitorId, buildingId, door: { entrance: '1', floor: 3, room: '302' }, kinds: ['独居老人'], contactName: '何桂珍', contactPhone: '13900003344' },
    { token: staff },
  );
  pairingId = paired.pairing.id;
}, START_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, START_TIMEOUT);

/** The grid lead's phone: standing in for their WeChat user (the h5 build reads the simulated openid from storage). */
async function leadPhone(): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.addInitScript((openid) => localStorage.setItem('jinlin.devOpenid', JSON.stringify({ data: openid })), LEAD.openid);
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  return page;
}

const ui = (page: Page) => page.locator('#app');
const button = (page: Page, label: string) => ui(page).locator('taro-button-core').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) });
const words = async (page: Page) => (await ui(page).innerText()).replace(/\s+/g, ' ');

async function phoneShot(page: Page, name: string) {
  await page.waitForTimeout(400); // toasts go, fonts settle
  const height = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll('.taro_page, #app, body'), (e) => e.scrollHeight)));
  await page.setViewportSize({ width: PHONE.width, height: Math.max(PHONE.height, height) });
  await page.screenshot({ path: path.join(SHOTS, `grid-level-${name}.png`) });
  await page.setViewportSize(PHONE);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

it('with the grid level off, sends a visit report past the grid to the compound', async () => {
  const r = await fileOnVisit(FIRST);
  expect(r).toMatchObject({ level: 'compound', channel: 'visit', handler: expect.objectContaining({ name: '刘芳' }) });
  // The building has no lead: that skip is on the timeline; the grid, no level here, is not.
  expect(steps(r)).toEqual(['create:>compound', 'skip:building>building']);
  const dash = await call('management', 'dashboard', {}, { token: staff });
  expect(Object.keys(dash.byLevel)).toEqual(['building', 'compound', 'community', 'street']);
});

it('lets staff turn the grid level on in 时限设置, the grid’s row showing only once it is on', async () => {
  const { page, close } = await openDeskBrowser({ width: 1440, height: 900 });
  try {
    const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `grid-level-${name}.png`), fullPage: true });
    await page.goto(`${server.url}/admin/`);
    await page.waitForURL(/\/admin\/login$/);
    await page.getByLabel('账号').fill('shequ');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(/\/admin\/dashboard/);
    await page.getByRole('menuitem', { name: '时限设置' }).click();
    await page.waitForURL(/\/admin\/settings/);
    await page.getByLabel('楼栋响应时限').waitFor();
    // Off: the four levels staff always saw.
    await expect(page.getByLabel('网格响应时限').count()).resolves.toBe(0);
    await shot('01-settings-off');

    await page.getByRole('switch', { name: '网格作为一级' }).click();
    await page.getByLabel('网格响应时限').waitFor();
    await expect(page.getByLabel('网格办结时限').inputValue()).resolves.toBe('2');
    await shot('02-settings-on');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.locator('.ant-message').filter({ hasText: '已保存' }).waitFor();
    await page.getByText('已自定义（第 1 版）').waitFor();
  } finally {
    await close();
  }
  const s = await call('management', 'settings', { communityId }, { token: staff });
  expect(s).toMatchObject({ version: 1, policy: { gridLevel: true } });
});

it('with the grid level on, sends a visit report to the grid’s lead first, who 上报s it to the compound', async () => {
  const r = await fileOnVisit(SECOND);
  expect(r).toMatchObject({ level: 'grid', levelLabel: '网格', handler: expect.objectContaining({ name: LEAD.name }) });
  expect(steps(r)).toEqual(['create:>grid', 'skip:building>building']);

  // The lead's phone: 待办 lists it; its page says it is theirs.
  const page = await leadPhone();
  await page.goto(`${server.url}/handler/inbox/index`);
  await ui(page).getByText(SECOND).waitFor();
  await phoneShot(page, '03-lead-inbox');
  await ui(page).getByText(SECOND).click();
  await page.waitForURL(/\/handler\/report\/index\?id=/);
  await ui(page).getByText('我要办理').waitFor();
  let seen = await words(page);
  // Theirs as the grid's lead, filed on a visit; the building's missing lead on its way.
  for (const w of [`${LEAD.name}（网格长（家长））`, '来源 走访', '该级没有绑定负责人']) expect(seen).toContain(w);
  await phoneShot(page, '04-lead-report');

  await ui(page).getByText('上报', { exact: true }).click();
  await ui(page).getByRole('textbox', { name: '例如：需要更换主机，楼栋解决不了' }).fill('楼道堆物要物业清运，网格协调不了');
  await button(page, '确定上报').click();
  await ui(page).getByText('这条反映现在不需要您办理。').waitFor();
  seen = await words(page);
  expect(seen).toContain('刘芳');
  await phoneShot(page, '05-lead-escalated');
  await page.context().close();

  const after = await call<any>('reports', 'detail', { id: r.id }, { token: staff });
  expect(after).toMatchObject({ level: 'compound', handler: expect.objectContaining({ name: '刘芳' }) });
  expect(steps(after)).toEqual(['create:>grid', 'escalate:grid>compound', 'skip:building>building']);
  const dash = await call('management', 'dashboard', {}, { token: staff });
  expect(Object.keys(dash.byLevel)).toEqual(['building', 'grid', 'compound', 'community', 'street']);
});
