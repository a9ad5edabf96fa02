/**
 * 党员 on the management page in a real Chromium against `npm start` on a temporary database with the
 * stand-in WeChat (JINLIN_DEV_WECHAT=1). Staff make a 党员报到码 on 幸福里小区 (and one on the community
 * for 直管 members) through the api; WeChat users nobody knows check in with them (X-Jinlin-Dev-Openid):
 * an in-service member who typed the phone of a resident imported in 3号楼, a retired veteran whose
 * phone WeChat verified, a mobile member, and a 直管 member at the community. A secretary of another
 * compound cannot approve them; the compound secretary 刘芳 (zhibu, who works in the mini-program: the
 * management page is for community staff) approves the mobile member through the api. The community
 * secretary 李秀英 (shuji / demo1234) opens 报到审核, approves the first as the imported resident,
 * returns the second with a reason (which the member reads in 我的报到), finds the third decided behind
 * the page's back, approves the fourth; reads the roster with phones, filters it, exports it as .xlsx,
 * reads the counts by type, transfers the mobile member out on a China day (the browser runs in Los
 * Angeles time), and sees each check-in point's code with its scans and check-ins, and its poster.
 * Screenshots land in tests/e2e/screenshots/members-*.png.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { api } from './support/api';
import { deskShot, signInAtDesk } from './support/desk';
import { deskHost } from './support/host';
import { checkIn as sendCheckin, importedResidents, makeCode, type Resident } from './support/people';
import { unitTree, type Unit } from './support/units';

jest.setTimeout(120_000);

const CHINA = 8 * 3600_000;
const RETURN_REASON = '组织关系所在党支部请写全称（如：市第二中学退休教师党支部），改正后用同一个码重新报到';
const TRANSFER_REASON = '搬离本小区，组织关系转至新住址所在社区';
const VERIFIED_PHONE = '13700007788';
const MOBILE_PHONE = '13700006655';
const DIRECT_PHONE = '13700004433';

const host = deskHost({ JINLIN_DEV_WECHAT: '1', JINLIN_DEMO_RESIDENTS: '140', JINLIN_DEMO_REPORTS: '0' }, { downloads: true });
let page: Page;
const http = api(() => host.url);
const { post, call, signIn } = http;
let staff: string;
let community: Unit;
let compound: Unit;
let otherCompound: Unit;
let building: Unit;
let codeId: string;
/** The imported resident of 3号楼 whose phone the in-service member typed. */
let matched: Resident;
/** The check-ins: in-service (a match to choose), retired veteran (returned), mobile (zhibu approves), 直管 at the community. */
const ids = { inService: '', retired: '', mobile: '', direct: '' };
/** Members approved before the page opens, so the roster and the counts have more than one row each. */
const EXTRA: { name: string; memberType: string; veteran?: boolean; skills: string[]; at: 'compound' | 'other' }[] = [
  { name: '蒋在职', memberType: 'in_service', skills: ['法律咨询'], at: 'compound' },
  { name: '杜离休', memberType: 'retired', veteran: true, skills: ['医疗护理'], at: 'compound' },
  { name: '魏离休', memberType: 'retired', skills: ['书法绘画'], at: 'other' },
  { name: '吕在职', memberType: 'in_service', veteran: true, skills: ['驾驶'], at: 'other' },
];

const settle = () => page.waitForTimeout(400);
const modal = (title: string | RegExp) => page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
const row = (id: string) => page.locator(`.ant-table-tbody tr[data-row-key="${id}"]`);
const toast = (text: string | RegExp) => page.locator('.ant-message').getByText(text);
/** A row's 通过 (its icon's name comes first: "check 通过"). */
const approveButton = (r: ReturnType<typeof row>) => r.getByRole('button', { name: /^(check )?通过$/ });
const chinaDay = (t: number) => new Date(t + CHINA).toISOString().slice(0, 10);

const shot = (name: string) => deskShot(page, `members-${name}.png`);

/** A WeChat user nobody knows checks in with a member code. */
async function checkIn(openid: string, data: Record<string, unknown>): Promise<string> {
  const sent = await sendCheckin(http, openid, data);
  expect(sent).toMatchObject({ created: true, checkin: { status: 'pending' } });
  return sent.checkin.id;
}

beforeAll(async () => {
  staff = await signIn('shequ');
  const units = await unitTree(http, staff);
  community = units.find((u) => u.kind === 'community')!;
  compound = units.find((u) => u.name === '幸福里小区')!;
  otherCompound = units.find((u) => u.name === '阳光花园')!;
  building = units.find((u) => u.name === '3号楼' && u.path.startsWith(compound.path))!;
  [matched] = await importedResidents(http, staff, building.id);

  // Staff make the check-in points' codes: the compound's, the community's (直管), another compound's.
  const memberCode = (unitId: string, label: string) => makeCode(http, staff, unitId, 'member', label);
  codeId = await memberCode(compound.id, '幸福里小区东门党员报到点');
  const communityCode = await memberCode(community.id, '社区直管党员报到');
  const otherCode = await memberCode(otherCompound.id, '阳光花园党员报到点');

  const shuji = await signIn('shuji');
  for (const [i, x] of EXTRA.entries()) {
    const id = await checkIn(`e2e-wx-extra-${i}`, {
      codeId: x.at === 'compound' ? codeId : otherCode,
      name: x.name,
      phone: `1370000100${i}`,
      memberType: x.memberType,
      veteran: x.veteran ?? false,
      branch: { name: '市机关第一党支部', place: '本市' },
      skills: x.skills,
      services: ['政策宣传'],
      freeTime: '周末',
    });
    await call('members', 'approve', { id, version: 1 }, { token: shuji });
  }

  // A scan of the compound's code, as the landing page counts one on every open.
  await call('codes', 'resolve', { id: codeId }, { openid: 'e2e-wx-in-service' });
  // Oldest first in the queue: the order they are sent.
  ids.inService = await checkIn('e2e-wx-in-service', {
    codeId,
    name: matched.name,
    phone: matched.phone,
    memberType: 'in_service',
    branch: { name: '市自来水公司第三党支部', place: '郑州市金水区' },
    workUnit: '市自来水公司',
    skills: ['水电维修', '电脑手机'],
    services: ['助老助残', '环境整治'],
    freeTime: '周末',
    household: { buildingId: building.id, door: { entrance: '2', floor: 5, room: '502' } },
  });
  ids.retired = await checkIn('e2e-wx-retired', {
    codeId,
    name: '孔退休',
    phoneCode: `dev-phone:${VERIFIED_PHONE}:1`,
    memberType: 'retired',
    veteran: true,
    branch: { name: '二中退休支部' },
    workUnit: '市第二中学',
    skills: ['书法绘画', '教育辅导'],
    services: ['政策宣传', '关爱儿童'],
    freeTime: '工作日白天',
  });
  ids.mobile = await checkIn('e2e-wx-mobile', {
    codeId,
    name: '冯流动',
    phone: MOBILE_PHONE,
    memberType: 'mobile',
    branch: { name: '安徽省阜阳市颍州区清河街道第二党支部', place: '安徽省阜阳市' },
    workUnit: '顺达快递',
    skills: ['驾驶'],
    services: ['治安巡逻'],
    freeTime: '工作日晚上',
  });
  ids.direct = await checkIn('e2e-wx-direct', {
    codeId: communityCode,
    name: '韩直管',
    phone: DIRECT_PHONE,
    memberType: 'direct',
    branch: { name: '阳光社区党委直属党支部', place: '本社区' },
    skills: ['心理疏导'],
    services: ['矛盾调解'],
    freeTime: '随时',
  });

  // A desk PC far from China.
  page = await host.openBrowser({ farFromChina: true });
});

describe('who may decide a check-in', () => {
  it('refuses a secretary of another compound (AUTH.FORBIDDEN) and writes nothing', async () => {
    // 阳光花园's branch secretary, made by community staff: a web account bound there.
    const person = await call<{ id: string }>('people', 'create', { name: '郑支书', phone: '13700002211', username: 'yg-zhibu', password: 'chuntian-2026' }, { token: staff });
    await call('units', 'bind', { unitId: otherCompound.id, personId: person.id, role: 'compound_secretary' }, { token: staff });
    const other = await signIn('yg-zhibu', 'chuntian-2026');

    const refused = await post('members', { action: 'approve', data: { id: ids.inService, version: 1 } }, { token: other });
    expect(refused).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(refused.message).toContain('幸福里小区');
    // Their queue is their own compound's: nothing of 幸福里小区 in it.
    const theirs = await call<{ checkins: { id: string }[] }>('members', 'pending', {}, { token: other });
    expect(theirs.checkins.map((c) => c.id)).not.toContain(ids.inService);
    // Community staff see the roster but do not decide either.
    expect(await post('members', { action: 'approve', data: { id: ids.inService, version: 1 } }, { token: staff })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });

    const mine = await call<{ checkins: { id: string; status: string; version: number }[] }>('members', 'mine', {}, { openid: 'e2e-wx-in-service' });
    expect(mine.checkins).toEqual([expect.objectContaining({ id: ids.inService, status: 'pending', version: 1 })]);
  });
});

describe('报到审核 on the management page', () => {
  it('opens the queue from the 党员 menu, oldest first, with everything the secretary checks', async () => {
    await signInAtDesk(page, host.url, 'shuji', '李秀英');

    await page.getByRole('menuitem', { name: '报到审核' }).click();
    await page.waitForURL(/\/admin\/members\/checkins$/);
    await page.getByTestId('checkins-count').filter({ hasText: '共 4 份' }).waitFor();
    const keys = await page.locator('.ant-table-tbody tr[data-row-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')));
    expect(keys).toEqual([ids.inService, ids.retired, ids.mobile, ids.direct]);

    const first = row(ids.inService);
    const applicant = await first.getByTestId('applicant').innerText();
    for (const s of [matched.name, '在职党员', '报到：幸福里小区', '住址：3号楼 · 2单元 5层 502室']) expect(applicant).toContain(s);
    const phone = await first.getByTestId('phone').innerText();
    expect(phone).toContain(matched.phone);
    expect(phone).toContain('手填');
    expect(phone).toContain('未经验证：请先打电话核实是本人');
    const branch = await first.getByTestId('branch').innerText();
    for (const s of ['市自来水公司第三党支部', '郑州市金水区', '工作单位：市自来水公司']) expect(branch).toContain(s);
    const serve = await first.getByTestId('serve').innerText();
    for (const s of ['水电维修', '电脑手机', '助老助残', '环境整治', '周末']) expect(serve).toContain(s);
    // The typed phone is an imported resident's: the secretary says who the member is; nothing chosen, nothing to approve yet.
    await first.getByRole('radio', { name: `就是已登记的「${matched.name}」` }).waitFor();
    await first.getByRole('radio', { name: /不是他们/ }).waitFor();
    expect(await approveButton(first).isDisabled()).toBe(true);

    const second = row(ids.retired);
    const who = await second.getByTestId('applicant').innerText();
    expect(who).toContain('离退休党员');
    expect(who).toContain('退役军人');
    expect(who).toContain('住址：不住在这里');
    expect(await second.getByTestId('phone').innerText()).toContain(VERIFIED_PHONE);
    expect(await second.getByTestId('phone').innerText()).toContain('微信验证');
    expect(await second.getByRole('radio').count()).toBe(0);
    expect(await approveButton(second).isEnabled()).toBe(true);
    expect(await row(ids.direct).getByTestId('applicant').innerText()).toContain('报到：阳光社区');

    await first.getByRole('radio', { name: `就是已登记的「${matched.name}」` }).check();
    expect(await approveButton(first).isEnabled()).toBe(true);
    await settle();
    await shot('01-queue');
  });

  it('approves the in-service member as the imported resident: the row leaves and the member role is theirs', async () => {
    await approveButton(row(ids.inService)).click();
    await toast(`已通过：${matched.name}（就是已登记的「${matched.name}」）已报到到幸福里小区，成为在职党员，已通知本人`).waitFor();
    await row(ids.inService).waitFor({ state: 'detached' });
    await page.getByTestId('checkins-count').filter({ hasText: '共 3 份' }).waitFor();

    // The same person the import made, now a member there, signed in on WeChat.
    const me = await call<{ registered: boolean; person: { id: string }; bindings: { role: string; unit: { id: string } }[] }>('auth', 'whoAmI', {}, { openid: 'e2e-wx-in-service' });
    expect(me.person.id).toBe(matched.id);
    expect(me.bindings).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'member', unit: expect.objectContaining({ id: compound.id }) })]));
  });

  it('returns the retired member with a reason, required, which they read in 我的报到', async () => {
    await row(ids.retired).getByRole('button', { name: /退回/ }).click();
    const dialog = modal('退回孔退休的报到');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '退回' }).click();
    await dialog.getByText('请填写退回的原因，报到人会看到').waitFor();
    await dialog.getByLabel('退回的原因').fill(RETURN_REASON);
    await dialog.getByRole('button', { name: '退回' }).click();
    await toast('已退回孔退休的报到，本人会看到原因').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await row(ids.retired).waitFor({ state: 'detached' });

    const mine = await call<{ checkins: { id: string; status: string; statusLabel: string; reason: string | null; phone: string }[] }>('members', 'mine', {}, { openid: 'e2e-wx-retired' });
    expect(mine.checkins).toEqual([expect.objectContaining({ id: ids.retired, status: 'returned', statusLabel: '已退回', reason: RETURN_REASON })]);
    // The member's own screen shows the phone masked.
    expect(mine.checkins[0].phone).toBe('137****7788');
  });

  it('reloads with a word why when the compound secretary approved one in the meantime (in the mini-program)', async () => {
    const zhibu = await signIn('zhibu');
    const approved = await call<{ status: string; history: { by: { name: string } | null }[] }>('members', 'approve', { id: ids.mobile, version: 1 }, { token: zhibu });
    expect(approved.status).toBe('approved');
    expect(approved.history[approved.history.length - 1].by?.name).toBe('刘芳');

    await approveButton(row(ids.mobile)).click();
    await toast('冯流动的报到已经有人审核过了，已为您刷新列表').waitFor();
    await row(ids.mobile).waitFor({ state: 'detached' });
    await page.getByTestId('checkins-count').filter({ hasText: '共 1 份' }).waitFor();
  });

  it('approves the 直管 member at the community, and the queue is empty', async () => {
    await approveButton(row(ids.direct)).click();
    await toast('已通过：韩直管已报到到阳光社区，成为直管党员，已通知本人').waitFor();
    await page.getByText('没有等待审核的报到').waitFor();
  });
});

describe('花名册', () => {
  it('lists the members with phones and branches of origin; a returned check-in is not a member', async () => {
    await page.getByRole('menuitem', { name: '花名册' }).click();
    await page.waitForURL(/\/admin\/members\/roster$/);
    await page.getByTestId('roster-total').filter({ hasText: `共 ${EXTRA.length + 3} 人` }).waitFor();
    const member = row(ids.inService);
    await member.waitFor();
    expect(await member.getByTestId('phone').innerText()).toContain(matched.phone);
    expect(await member.getByTestId('branch').innerText()).toContain('市自来水公司第三党支部');
    expect(await member.getByTestId('member').innerText()).toContain('住：3号楼 · 2单元 5层 502室');
    expect(await member.getByTestId('roster-status').innerText()).toContain('已报到');
    expect(await row(ids.mobile).getByTestId('phone').innerText()).toContain(MOBILE_PHONE);
    expect(await row(ids.retired).count()).toBe(0);
    // The community secretary may transfer out or withdraw.
    await member.getByRole('button', { name: '转出' }).waitFor();
    await settle();
    await shot('02-roster');
  });

  it('filters by type, skill, veteran and unit, the filter kept in the address', async () => {
    const total = page.getByTestId('roster-total');
    const types = page.getByLabel('党员类型');
    await types.click();
    await page.locator('.ant-select-item-option', { hasText: '流动' }).click();
    await page.keyboard.press('Escape');
    await total.filter({ hasText: '共 1 人' }).waitFor();
    expect(page.url()).toContain('type=mobile');
    await row(ids.mobile).waitFor();
    await page.getByRole('button', { name: /清除筛选/ }).click();
    await total.filter({ hasText: `共 ${EXTRA.length + 3} 人` }).waitFor();

    const veteran = page.getByLabel('退役军人');
    await veteran.click();
    await page.locator('.ant-select-item-option', { hasText: '只看退役军人' }).click();
    // 杜离休 and 吕在职 (the returned veteran is not a member).
    await total.filter({ hasText: '共 2 人' }).waitFor();
    await page.getByRole('button', { name: /清除筛选/ }).click();

    const skills = page.getByLabel('特长');
    await skills.click();
    await page.locator('.ant-select-item-option', { hasText: '水电维修' }).click();
    await page.keyboard.press('Escape');
    await total.filter({ hasText: '共 1 人' }).waitFor();
    await row(ids.inService).waitFor();
    await page.getByRole('button', { name: /清除筛选/ }).click();

    await page.goto(`${host.url}/admin/members/roster?unit=${otherCompound.id}`);
    await total.filter({ hasText: '共 2 人' }).waitFor();
    expect(await page.locator('[data-testid="roster-unit"]').allInnerTexts()).toEqual(['阳光花园', '阳光花园']);
    await page.goto(`${host.url}/admin/members/roster`);
    await total.filter({ hasText: `共 ${EXTRA.length + 3} 人` }).waitFor();
  });

  it('exports the roster as an .xlsx that reads back with exceljs', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 Excel/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/党员花名册_\d{4}-\d\d-\d\d\.xlsx$/);
    const file = path.join(host.downloads, download.suggestedFilename());
    await download.saveAs(file);
    await page.getByTestId('roster-file').waitFor();

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('党员花名册')!;
    const header = sheet.getRow(2).values as unknown[];
    const col = (name: string) => header.indexOf(name);
    const rows: Record<string, string>[] = [];
    sheet.eachRow((r, n) => {
      if (n > 2) rows.push(Object.fromEntries(['姓名', '手机号', '党员类型', '退役军人', '报到单位', '组织关系所在党支部', '特长', '住址', '状态'].map((k) => [k, String(r.getCell(col(k)).value ?? '')])));
    });
    expect(rows).toHaveLength(EXTRA.length + 3);
    const member = rows.find((r) => r['姓名'] === matched.name)!;
    expect(member).toMatchObject({ 手机号: matched.phone, 党员类型: '在职', 组织关系所在党支部: '市自来水公司第三党支部', 特长: '水电维修、电脑手机', 状态: '已报到' });
    expect(member['报到单位']).toContain('幸福里小区');
    expect(member['住址']).toContain('2单元 5层 502室');
    expect(rows.find((r) => r['姓名'] === '杜离休')!['退役军人']).toBe('是');
    expect(rows.some((r) => r['姓名'] === '孔退休')).toBe(false);
    expect(wb.getWorksheet('按类型统计')).toBeDefined();
  });
});

describe('统计', () => {
  it('counts the members by type per check-in point, with the totals as figures', async () => {
    await page.getByRole('menuitem', { name: '统计' }).click();
    await page.waitForURL(/\/admin\/members\/counts$/);
    await page.getByTestId('counts-trail').filter({ hasText: '阳光社区' }).waitFor();
    const figure = (m: string) => page.locator(`[data-figure="${m}"] .ant-statistic-content-value`).innerText();
    await page.locator('[data-figure="total"]').filter({ hasText: String(EXTRA.length + 3) }).waitFor();
    // 在职: 蒋在职, 吕在职 and the one approved here; 离退休: 杜离休, 魏离休; 流动: 冯流动; 直管: 韩直管; 退役军人: 杜离休, 吕在职.
    expect(await figure('in_service')).toBe('3');
    expect(await figure('retired')).toBe('2');
    expect(await figure('mobile')).toBe('1');
    expect(await figure('direct')).toBe('1');
    expect(await figure('veterans')).toBe('2');

    const cell = (key: string) => page.locator(`[data-count="${key}"]`).getAttribute('data-value');
    // 幸福里小区: 蒋在职 and the approved one (在职), 杜离休 (离退休), 冯流动 (流动).
    expect(await cell(`${compound.id}.in_service`)).toBe('2');
    expect(await cell(`${compound.id}.retired`)).toBe('1');
    expect(await cell(`${compound.id}.mobile`)).toBe('1');
    expect(await cell(`${compound.id}.total`)).toBe('4');
    expect(await cell(`${otherCompound.id}.total`)).toBe('2');
    expect(await cell(`${community.id}.direct`)).toBe('1');
    expect(await cell('total.total')).toBe(String(EXTRA.length + 3));
    await settle();
    await shot('03-counts');

    // A number opens the roster on the members it counts.
    await page.locator(`[data-count="${compound.id}.in_service"]`).click();
    await page.waitForURL(new RegExp(`/admin/members/roster\\?unit=${compound.id}&type=in_service$`));
    await page.getByTestId('roster-total').filter({ hasText: '共 2 人' }).waitFor();
    await row(ids.inService).waitFor();
  });
});

describe('转出', () => {
  it('transfers the mobile member out on a China day with a reason: off the roster, their role gone, the date kept', async () => {
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/Los_Angeles');
    await page.goto(`${host.url}/admin/members/roster`);
    await row(ids.mobile).getByRole('button', { name: '转出' }).click();
    const dialog = modal('转出冯流动');
    await dialog.waitFor();
    // Today in China, whatever day it is in Los Angeles.
    const today = chinaDay(Date.now());
    await expect(dialog.getByLabel('转出日期').inputValue()).resolves.toBe(today);
    await dialog.getByRole('button', { name: '转出' }).click();
    await dialog.getByText('请填写转出原因，本人会看到').waitFor();
    await dialog.getByLabel('转出原因').fill(TRANSFER_REASON);
    await dialog.getByRole('button', { name: '转出' }).click();
    await toast(`已办理冯流动转出（${today}），已通知本人`).waitFor();
    await dialog.waitFor({ state: 'detached' });
    await row(ids.mobile).waitFor({ state: 'detached' });
    await page.getByTestId('roster-total').filter({ hasText: `共 ${EXTRA.length + 2} 人` }).waitFor();

    // Kept, with the day and the reason, among the transferred.
    await page.goto(`${host.url}/admin/members/roster?status=transferred_out`);
    const gone = row(ids.mobile);
    await gone.waitFor();
    const status = await gone.getByTestId('roster-status').innerText();
    expect(status).toContain('已转出');
    expect(status).toContain(`${today.replace(/-/g, '/')} 转出`);
    expect(status).toContain(TRANSFER_REASON);
    expect(await gone.getByRole('button', { name: '转出' }).count()).toBe(0);

    const me = await call<{ bindings: { role: string }[] }>('auth', 'whoAmI', {}, { openid: 'e2e-wx-mobile' });
    expect(me.bindings.filter((b) => b.role === 'member')).toHaveLength(0);
    const mine = await call<{ checkins: { status: string; endedOn: string | null; reason: string | null }[] }>('members', 'mine', {}, { openid: 'e2e-wx-mobile' });
    expect(mine.checkins[0]).toMatchObject({ status: 'transferred_out', endedOn: today, reason: TRANSFER_REASON });
    const counts = await call<{ total: { byType: Record<string, number> } }>('members', 'counts', {}, { token: staff });
    expect(counts.total.byType.mobile).toBe(0);
  });
});

describe('报到点', () => {
  it("lists each check-in point's code with its scans, uses and check-ins by status, and opens its poster", async () => {
    await page.getByRole('menuitem', { name: '报到点' }).click();
    await page.waitForURL(/\/admin\/members\/points$/);
    await page.getByTestId('points-trail').filter({ hasText: '阳光社区' }).waitFor();
    const point = row(codeId);
    await point.waitFor();
    expect(await point.innerText()).toContain('幸福里小区东门党员报到点');
    await point.getByTestId('point-scans').filter({ hasText: /^1$/ }).waitFor();
    // Five check-ins took a use; the returned one gave it back.
    expect(await point.getByTestId('point-uses').innerText()).toBe('4 / 不限');
    const byStatus = (s: string) => point.locator(`[data-testid="point-checkins"] [data-status="${s}"]`).getAttribute('data-value');
    expect(await byStatus('approved')).toBe('3');
    expect(await byStatus('returned')).toBe('1');
    expect(await byStatus('transferred_out')).toBe('1');
    expect(await byStatus('pending')).toBe('0');
    await settle();
    await shot('04-points');

    await point.getByRole('button', { name: /海报/ }).click();
    await page.waitForURL(new RegExp(`/admin/codes/${codeId}/poster\\?unit=${compound.id}$`));
    const poster = page.getByTestId('poster');
    await poster.waitFor();
    const text = await poster.innerText();
    for (const s of ['幸福里小区', '党员报到码', '填写报到信息，等党支部审核']) expect(text).toContain(s);
  });

  it('names the check-in actions in the audit log', async () => {
    await page.getByRole('menuitem', { name: '操作日志' }).click();
    await page.waitForURL(/\/admin\/audit/);
    const table = page.locator('.ant-table-tbody');
    for (const label of ['通过报到', '退回报到', '党员转出', '提交报到']) {
      await table.locator('tr', { hasText: label }).filter({ hasText: '党员报到' }).first().waitFor();
    }
  });
});

describe('community staff', () => {
  it('shows community staff the roster with phones but no 转出 or 撤回, and says the secretaries decide check-ins', async () => {
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${host.url}/admin/members/checkins`);
    await page.waitForURL(/\/admin\/login/);
    await page.getByLabel('账号').fill('shequ');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(/\/admin\/members\/checkins$/);
    await page.getByTestId('members-no-access').filter({ hasText: '党员报到由小区党支部书记和社区书记审核' }).waitFor();
    await page.getByRole('button', { name: '去花名册' }).click();
    await page.getByTestId('roster-total').filter({ hasText: `共 ${EXTRA.length + 2} 人` }).waitFor();
    expect(await row(ids.inService).getByTestId('phone').innerText()).toContain(matched.phone);
    expect(await page.getByRole('button', { name: '转出' }).count()).toBe(0);
    expect(await page.getByRole('columnheader', { name: '办理' }).count()).toBe(0);
  });
});
