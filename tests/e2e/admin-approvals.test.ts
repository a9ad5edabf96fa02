/**
 * 入住审核 and the people actions of the way in, on the management page in a real Chromium against
 * `npm start` on a temporary database with the stand-in WeChat (JINLIN_DEV_WECHAT=1). Staff make a
 * 楼栋码 on 幸福里小区 3号楼 (api); four people register from it: a web applicant who types the phone
 * of a resident imported for that building, a new web applicant, a resident of 1号楼 adding a second
 * household, and a WeChat user whose phone WeChat verified, turned away once before. The community
 * staff member 张伟 (shequ / demo1234) opens 入住审核 from the dashboard, approves the first as the
 * imported resident, rejects the second with a reason, approves the third's second household, and
 * finds the fourth decided behind the page's back. Then, on 单位与人员, unbinds the WeChat user from a
 * resident whose phone changed hands and prints a personal code for another.
 * Screenshots land in tests/e2e/screenshots/approvals-*.png.
 */
import type { Page } from 'playwright-core';
import { api } from './support/api';
import { deskShot, signInAtDesk } from './support/desk';
import { deskHost } from './support/host';
import { importedResidents, makeCode, type Resident } from './support/people';
import { unitTree } from './support/units';

jest.setTimeout(120_000);

const PASSWORD = 'chuntian-2026';
const REASON = '门牌号不对：3号楼没有 9 单元，请核对后重新登记';
const EARLIER_REASON = '3号楼没有 99 层，请核对门牌后重新登记';
const NEW_PHONE = '13700001234';
const WECHAT_PHONE = '13700005678';

// A few residents a building (35 buildings): each building's people fit on one page of the table.
const host = deskHost({ JINLIN_DEV_WECHAT: '1', JINLIN_DEMO_RESIDENTS: '140', JINLIN_DEMO_REPORTS: '0' });
let page: Page;
const http = api(() => host.url);
const { call, signIn } = http;
let staff: string;
let buildingId: string;
let codeId: string;
/** Imported residents of 3号楼: the one the first applicant is, the one on WeChat whose phone changes hands, the one a personal code is printed for. */
let matched: Resident;
let onWechat: Resident;
let printedFor: Resident;
const regs = { matched: '', fresh: '', household: '', wechat: '' };
let freshKey: string;

const settle = () => page.waitForTimeout(400);
const modal = (title: string | RegExp) => page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
const queueRow = (id: string) => page.locator(`.ant-table-tbody tr[data-row-key="${id}"]`);
const toast = (text: string | RegExp) => page.locator('.ant-message').getByText(text);
/** A row's 通过 (its icon's name comes first: "check 通过"), never 不通过. */
const approveButton = (row: ReturnType<typeof queueRow>) => row.getByRole('button', { name: /^(check )?通过$/ });

const shot = (name: string) => deskShot(page, `approvals-${name}.png`);

beforeAll(async () => {
  staff = await signIn('shequ');
  const units = await unitTree(http, staff);
  const compound = units.find((u) => u.name === '幸福里小区')!;
  buildingId = units.find((u) => u.name === '3号楼' && u.path.startsWith(compound.path))!.id;

  const imported = await importedResidents(http, staff, buildingId);
  expect(imported.length).toBeGreaterThanOrEqual(3);
  [matched, onWechat, printedFor] = imported;

  codeId = await makeCode(http, staff, buildingId, 'building', '3号楼单元门');
  const submit = (data: Record<string, unknown>, openid?: string) =>
    call<{ registration: { id: string; status: string }; key: string | null }>('registration', 'submit', { codeId, ...data }, { openid });
  // Oldest first in the queue: the order they are sent.
  regs.matched = (await submit({ name: matched.name, door: { entrance: '2', floor: 5, room: '502' }, phone: matched.phone, password: PASSWORD })).registration.id;
  const fresh = await submit({ name: '钱新来', door: { entrance: '9', floor: 3, room: '301' }, phone: NEW_PHONE, password: PASSWORD });
  regs.fresh = fresh.registration.id;
  freshKey = fresh.key!;
  // 孙福贵 (jumin) lives in 1号楼 and registers a second household here, signed in.
  const jumin = await signIn('jumin');
  regs.household = (
    await call<{ registration: { id: string } }>('registration', 'submit', { codeId, name: '孙福贵', door: { entrance: '1', floor: 1, room: '102' }, phone: '13800000007' }, { token: jumin })
  ).registration.id;
  // A WeChat user turned away once (a door that does not exist), who comes back with the right one.
  const shuji = await signIn('shuji');
  const earlier = await submit({ name: '孔微信', door: { entrance: '1', floor: 99, room: '9901' }, phoneCode: `dev-phone:${WECHAT_PHONE}:1` }, 'e2e-wx-new');
  await call('registration', 'reject', { id: earlier.registration.id, version: 1, reason: EARLIER_REASON }, { token: shuji });
  const wechat = await submit({ name: '孔微信', door: { entrance: '1', floor: 2, room: '201' }, phoneCode: `dev-phone:${WECHAT_PHONE}:2` }, 'e2e-wx-new');
  expect(wechat.registration.status).toBe('pending');
  regs.wechat = wechat.registration.id;

  page = await host.openBrowser();
});

describe('入住审核 on the management page', () => {
  it('says on the dashboard and in the menu how many wait, and opens the queue oldest first', async () => {
    await signInAtDesk(page, host.url, 'shequ', '张伟');

    await page.getByTestId('approvals-badge').filter({ hasText: '4' }).waitFor();
    const reminder = page.getByTestId('pending-approvals');
    await reminder.filter({ hasText: '有 4 份入住登记等待审核' }).waitFor();
    await reminder.getByRole('button', { name: '去审核' }).click();
    await page.waitForURL(/\/admin\/approvals$/);
    await page.getByTestId('approvals-count').filter({ hasText: '共 4 份' }).waitFor();
    const keys = await page.locator('.ant-table-tbody tr[data-row-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')));
    expect(keys).toEqual([regs.matched, regs.fresh, regs.household, regs.wechat]);
  });

  it('shows each applicant: name, building and door, the phone and whether WeChat verified it, when, and who they may be', async () => {
    const first = queueRow(regs.matched);
    expect(await first.getByTestId('applicant').innerText()).toContain(matched.name);
    const home = await first.getByTestId('home').innerText();
    expect(home).toContain('3号楼 · 2单元 5层 502室');
    expect(home).toContain('幸福里小区');
    const phone = await first.getByTestId('phone').innerText();
    expect(phone).toContain(matched.phone);
    expect(phone).toContain('手填');
    expect(phone).toContain('未经验证：请先打电话核实是本人');
    // A typed phone that matches an imported resident: the approver says who the applicant is; nothing chosen, nothing to approve yet.
    const choices = first.getByRole('radio');
    await expect(choices.count()).resolves.toBe(2);
    await first.getByRole('radio', { name: `就是导入的「${matched.name}」` }).waitFor();
    await first.getByRole('radio', { name: /新登记的居民/ }).waitFor();
    expect(await approveButton(first).isDisabled()).toBe(true);

    const second = queueRow(regs.fresh);
    expect(await second.getByTestId('who').innerText()).toContain('新登记的居民');
    expect(await second.getByRole('radio').count()).toBe(0);
    expect(await approveButton(second).isEnabled()).toBe(true);

    // Someone who lives elsewhere already: approving adds a household to them, nobody to choose.
    const household = queueRow(regs.household);
    expect(await household.getByTestId('already-resident').innerText()).toBe('已是居民（孙福贵）');
    expect(await household.getByTestId('who').innerText()).toContain('就是居民「孙福贵」本人');

    const wechat = queueRow(regs.wechat);
    expect(await wechat.getByTestId('phone').innerText()).toContain('微信验证');
    expect(await wechat.getByTestId('phone').innerText()).not.toContain('手填');
    const before = await wechat.getByTestId('rejected-before').innerText();
    expect(before).toContain('曾被拒绝 1 次');
    expect(before).toContain(EARLIER_REASON);

    await first.getByRole('radio', { name: `就是导入的「${matched.name}」` }).check();
    expect(await approveButton(first).isEnabled()).toBe(true);
    await settle();
    await shot('01-queue-match');
  });

  it('approves the first as the imported resident: the row leaves, and they sign in with phone and password as a resident of 3号楼', async () => {
    await approveButton(queueRow(regs.matched)).click();
    await toast(`已通过：${matched.name}就是导入的「${matched.name}」，已成为3号楼的居民，已通知本人`).waitFor();
    await queueRow(regs.matched).waitFor({ state: 'detached' });
    await page.getByTestId('approvals-count').filter({ hasText: '共 3 份' }).waitFor();
    await page.getByTestId('approvals-badge').filter({ hasText: '3' }).waitFor();

    const signed = await call<{ token: string; me: { person: { id: string }; bindings: { role: string; unit: { id: string } }[] } }>('auth', 'signIn', {
      username: matched.phone,
      password: PASSWORD,
    });
    // The same person the import made, not a second one with the same name.
    expect(signed.me.person.id).toBe(matched.id);
    expect(signed.me.bindings).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'resident', unit: expect.objectContaining({ id: buildingId }) })]));
  });

  it('rejects the second with a reason, required, that the applicant reads', async () => {
    await queueRow(regs.fresh).getByRole('button', { name: '不通过' }).click();
    const dialog = modal('不通过钱新来的登记');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '不通过' }).click();
    await dialog.getByText('请填写不通过的原因，申请人会看到').waitFor();
    await dialog.getByLabel('不通过的原因').fill(REASON);
    await dialog.getByRole('button', { name: '不通过' }).click();
    await toast('已退回钱新来的登记，本人会看到原因').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await queueRow(regs.fresh).waitFor({ state: 'detached' });

    const mine = await call<{ registrations: { id: string; status: string; rejectReason: string | null }[] }>('registration', 'mine', { key: freshKey });
    expect(mine.registrations).toEqual([expect.objectContaining({ id: regs.fresh, status: 'rejected', rejectReason: REASON })]);
  });

  it('approves a resident of 1号楼 for a second household in 3号楼', async () => {
    await approveButton(queueRow(regs.household)).click();
    await toast('已通过：孙福贵多登记了一户（3号楼 1单元 1层 102室），已通知本人').waitFor();
    await queueRow(regs.household).waitFor({ state: 'detached' });
    const me = (await call<{ me: { bindings: { role: string; unit: { name: string; id: string } }[] } }>('auth', 'signIn', { username: 'jumin', password: 'demo1234' })).me;
    expect(me.bindings.filter((b) => b.role === 'resident').map((b) => b.unit.id)).toContain(buildingId);
    expect(me.bindings.filter((b) => b.role === 'resident')).toHaveLength(2);
  });

  it('reloads with a word why when the registration was decided elsewhere in the meantime', async () => {
    await call('registration', 'reject', { id: regs.wechat, version: 1, reason: '已电话核实，不是本楼住户' }, { token: await signIn('shuji') });
    await approveButton(queueRow(regs.wechat)).click();
    await toast('孔微信的登记已经有人审核过了，已为您刷新列表').waitFor();
    await queueRow(regs.wechat).waitFor({ state: 'detached' });
    await page.getByText('没有等待审核的登记').waitFor();
  });
});

describe('people: a WeChat user unbound, a personal code printed', () => {
  it('unbinds WeChat from a resident whose phone changed hands, with a reason, and the WeChat user is nobody again', async () => {
    // The resident's own WeChat registers with the phone WeChat verified: they are in at once.
    const sent = await call<{ registration: { status: string } }>(
      'registration',
      'submit',
      { codeId, name: onWechat.name, door: { entrance: '1', floor: 1, room: '101' }, phoneCode: `dev-phone:${onWechat.phone}:1` },
      { openid: 'e2e-wx-bound' },
    );
    expect(sent.registration.status).toBe('approved');

    await page.goto(`${host.url}/admin/units?unit=${buildingId}`);
    await page.getByTestId('unit-title').filter({ hasText: '3号楼' }).waitFor();
    const row = page.locator('.ant-table-row', { hasText: onWechat.name });
    await row.getByTestId('wechat-bound').waitFor();
    // Someone on WeChat, or with an account (the approved applicant), is in already: no personal code for them.
    expect(await row.getByRole('button', { name: /打印个人码/ }).count()).toBe(0);
    expect(await page.locator('.ant-table-row', { hasText: matched.name }).getByRole('button', { name: /打印个人码/ }).count()).toBe(0);
    await settle();
    await shot('03-people');
    await row.getByRole('button', { name: '解绑微信' }).click();
    const dialog = modal(`解绑${onWechat.name}的微信`);
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '解绑' }).click();
    await dialog.getByText('请写明解绑原因').waitFor();
    await dialog.getByText('手机给了别人').click();
    await dialog.getByRole('button', { name: '解绑' }).click();
    await toast(`已解绑${onWechat.name}的微信`).waitFor();
    await dialog.waitFor({ state: 'detached' });
    await row.getByTestId('wechat-bound').waitFor({ state: 'detached' });
    expect(await row.getByRole('button', { name: '解绑微信' }).count()).toBe(0);

    const who = await call<{ registered: boolean }>('auth', 'whoAmI', {}, { openid: 'e2e-wx-bound' });
    expect(who.registered).toBe(false);
    const found = await call<{ id: string; wechatBound: boolean }[]>('people', 'search', { q: onWechat.phone }, { token: staff });
    expect(found).toEqual([expect.objectContaining({ id: onWechat.id, wechatBound: false })]);
  });

  it('prints a personal code for a resident: a poster 本人专用', async () => {
    const row = page.locator('.ant-table-row', { hasText: printedFor.name });
    await row.getByRole('button', { name: /打印个人码/ }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '生成并打开海报' }).click();
    await page.waitForURL(new RegExp(`/admin/codes/[0-9a-z]+/poster\\?unit=${buildingId}$`));
    const poster = page.getByTestId('poster');
    await poster.waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="poster-image"]');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    const text = await poster.innerText();
    for (const s of ['3号楼', '个人码', '本人加入近邻（只能用一次）', '填写本人姓名、电话和门牌，提交后就能使用', '本人专用']) expect(text).toContain(s);
    // The name half hidden on paper: "张*华".
    expect(text).not.toContain(printedFor.name);
    const listed = await call<{ codes: { id: string; purpose: string; person: { id: string } | null }[] }>('codes', 'list', { unitId: buildingId }, { token: staff });
    const personal = listed.codes.filter((c) => c.purpose === 'personal');
    expect(personal).toEqual([expect.objectContaining({ person: expect.objectContaining({ id: printedFor.id }) })]);
    expect(page.url()).toContain(`/admin/codes/${personal[0].id}/poster`);
    // The foot of the sheet in view: whose code it is (本人专用), under the code itself.
    await page.locator('.poster-foot').scrollIntoViewIfNeeded();
    await settle();
    await shot('02-personal-poster');

    // Asked again for the same person, the unused code is opened, not a second one made.
    await page.goto(`${host.url}/admin/units?unit=${buildingId}`);
    await row.getByRole('button', { name: /打印个人码/ }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '生成并打开海报' }).click();
    await page.waitForURL(new RegExp(`/admin/codes/${personal[0].id}/poster`));
    await toast(`${printedFor.name}在3号楼已有一个没用过的个人码，打开的是它`).waitFor();
    const again = await call<{ codes: { purpose: string }[] }>('codes', 'list', { unitId: buildingId }, { token: staff });
    expect(again.codes.filter((c) => c.purpose === 'personal')).toHaveLength(1);
  });

  it('names the new actions in the audit log', async () => {
    await page.getByRole('menuitem', { name: '操作日志' }).click();
    await page.waitForURL(/\/admin\/audit/);
    const table = page.locator('.ant-table-tbody');
    await table.locator('tr', { hasText: '解绑微信' }).filter({ hasText: '人员' }).first().waitFor();
    await table.locator('tr', { hasText: '通过登记' }).filter({ hasText: '入住登记' }).first().waitFor();
    await table.locator('tr', { hasText: '不通过登记' }).first().waitFor();
    await table.locator('tr', { hasText: '提交登记' }).first().waitFor();
    await table.locator('tr', { hasText: '生成码' }).filter({ hasText: '码' }).first().waitFor();
  });
});
