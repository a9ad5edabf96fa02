/**
 * 讲堂 on the management page in a real Chromium against `npm start` on a temporary database, with the
 * stand-in WeChat (JINLIN_DEV_WECHAT=1) for residents and the test clock (JINLIN_TEST_CLOCK=1) for the
 * week until the lecture. Community staff 张伟 (shequ / demo1234) add a speaker to the pool, make a lecture
 * with a picture (times typed as China time on a desk PC set to Los Angeles time), save it as a draft
 * and publish it. Four residents of 幸福里小区 1号楼, let in through the way in, sign up through the
 * lectures function (one brings a companion): four seats taken, one waiting. Staff see the roster,
 * are refused a capacity below the confirmed seats beside the field, cancel another lecture with a
 * reason (its resident is told), and on the lecture's day show the venue screen (whose code a resident
 * scans), tick one name, read the attendance rate, print the sign-in sheet, and export the roster as
 * an .xlsx that parses back. Screenshots land in tests/e2e/screenshots/lectures-*.png.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { png } from '../support/images';
import { api } from './support/api';
import { deskShot, signInAtDesk } from './support/desk';
import { DESK, deskHost } from './support/host';
import { imageLoaded } from './support/loaded-image';
import { letInOnWechat, makeCode } from './support/people';
import { SHOTS } from './support/screenshots';
import { testClock } from './support/test-clock';
import { demoPlaces, type Unit } from './support/units';

jest.setTimeout(120_000);

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const CHINA = 8 * HOUR;
const TITLE = '冬季老年人心脑血管疾病预防';
const OTHER_TITLE = '防范电信诈骗讲座';
const CANCEL_REASON = '主讲人临时有事，讲座改期，新时间另行通知';
const SPEAKER = { name: '周明华', title: '主任医师', field: '老年心血管', affiliation: '市第一人民医院', contact: '13912340001' };

// A web session that outlives the week the test clock moves through.
const host = deskHost({ JINLIN_DEV_WECHAT: '1', JINLIN_TEST_CLOCK: '1', JINLIN_SESSION_HOURS: '720', JINLIN_DEMO_RESIDENTS: '60', JINLIN_DEMO_REPORTS: '0' }, { downloads: true });
let page: Page;
const http = api(() => host.url);
const { call } = http;
const clock = testClock(http);
let staff: string;
let community: Unit;
/** The residents, by openid, in the order they sign up. */
const RESIDENTS = [
  { openid: 'e2e-lec-wang', name: '王秀兰', room: '101', phone: '13655553001', companions: 1 },
  { openid: 'e2e-lec-li', name: '李国强', room: '102', phone: '13655553002', companions: 0 },
  { openid: 'e2e-lec-chen', name: '陈桂芳', room: '201', phone: '13655553003', companions: 0 },
  { openid: 'e2e-lec-zhao', name: '赵德明', room: '202', phone: '13655553004', companions: 0 },
];
let lectureId: string;
let startsAt: number;

const settle = () => page.waitForTimeout(400);
const toast = (text: string | RegExp) => page.locator('.ant-message').getByText(text);
const drawer = () => page.locator('.lecture-drawer');
const row = (id: string) => page.locator(`.ant-table-tbody tr[data-row-key="${id}"]`);
const rowOf = (text: string) => page.locator('.ant-table-tbody tr[data-row-key]', { hasText: text });
/** The rows of one of the roster's lists: confirmed, waiting, attended. */
const rosterRows = (list: 'confirmed' | 'waiting' | 'attended') => page.getByTestId(`roster-${list}`).locator('.ant-table-tbody tr[data-row-key]');
const shownRow = (text: string) => rosterRows('confirmed').filter({ hasText: text });
const chinaMonth = (t: number) => new Date(t + CHINA).toISOString().slice(0, 7);
/** "2026-12-08 14:30", China's wall clock. */
const chinaText = (t: number) => new Date(t + CHINA).toISOString().slice(0, 16).replace('T', ' ');

const shot = (name: string) => deskShot(page, `lectures-${name}.png`);

/** Moves the server's clock (the browser's stays: the page must not depend on it). */
const advance = clock.advance;
const serverNow = clock.now;

/** Types a China date-time into one half of a RangePicker and confirms it. */
async function typeRange(label: string, from: number, to: number) {
  const item = page.locator('.ant-form-item', { has: page.locator('label', { hasText: label }) });
  const inputs = item.locator('.ant-picker-input input');
  await inputs.nth(0).click();
  await inputs.nth(0).fill(chinaText(from));
  await page.keyboard.press('Enter');
  await inputs.nth(1).click();
  await inputs.nth(1).fill(chinaText(to));
  await page.keyboard.press('Enter');
  await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'detached', timeout: 3000 }).catch(() => undefined);
}

beforeAll(async () => {
  staff = await http.signIn('shequ');
  const places = await demoPlaces(http, staff);
  community = places.community;

  // Residents on WeChat, let in through the way in: the building's code, registration, approval.
  const codeId = await makeCode(http, staff, places.building.id, 'building', '1号楼门口');
  await letInOnWechat(
    http,
    staff,
    codeId,
    RESIDENTS.map((r) => ({ ...r, door: { entrance: '1', floor: Number(r.room[0]), room: r.room } })),
  );

  // A desk PC far from China.
  page = await host.openBrowser({ farFromChina: true });
});

describe('讲师库', () => {
  it('adds a speaker to the pool, contact included, from the 讲堂 menu', async () => {
    await signInAtDesk(page, host.url, 'shequ', '张伟');

    await page.getByRole('menuitem', { name: '讲堂' }).click();
    await page.getByRole('menuitem', { name: '讲师库' }).click();
    await page.waitForURL(/\/admin\/lectures\/speakers$/);
    await page.getByText('讲师库还是空的').waitFor();
    await page.getByRole('button', { name: '添加主讲人' }).click();
    const dialog = page.locator('.ant-modal', { hasText: '添加主讲人' });
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('请填写主讲人姓名').waitFor();
    await dialog.getByLabel('姓名').fill(SPEAKER.name);
    await dialog.getByLabel('职称').fill(SPEAKER.title);
    await dialog.getByLabel('领域').fill(SPEAKER.field);
    await dialog.getByLabel('工作单位').fill(SPEAKER.affiliation);
    await dialog.getByLabel('联系方式').fill(SPEAKER.contact);
    await dialog.getByRole('button', { name: '保存' }).click();
    await toast(`已将${SPEAKER.name}加入讲师库`).waitFor();
    const r = rowOf(SPEAKER.name);
    for (const v of Object.values(SPEAKER)) expect(await r.innerText()).toContain(v);

    // Edited in place: a second field of work.
    await r.getByRole('button', { name: '编辑' }).click();
    const edit = page.locator('.ant-modal', { hasText: `编辑主讲人：${SPEAKER.name}` });
    await edit.getByLabel('领域').fill(`${SPEAKER.field}、慢病管理`);
    await edit.getByRole('button', { name: '保存' }).click();
    await toast(`已保存${SPEAKER.name}的资料`).waitFor();
    await rowOf('慢病管理').waitFor();
    await settle();
    await shot('01-speakers');
  });
});

describe('讲座', () => {
  it('makes a lecture with a picture in China time on a desk PC set elsewhere, saved as a draft', async () => {
    const now = await serverNow();
    // Tomorrow week at 14:30 China time, for 90 minutes; sign-ups from now until two hours before.
    const day = new Date(now + CHINA + 7 * DAY).toISOString().slice(0, 10);
    startsAt = Date.parse(`${day}T14:30:00+08:00`);
    await page.getByRole('menuitem', { name: '讲座', exact: true }).click();
    await page.waitForURL(/\/admin\/lectures$/);
    await page.getByRole('button', { name: '新建讲座' }).click();
    await drawer().waitFor();
    await drawer().getByLabel('讲座题目').fill(TITLE);
    await drawer().getByLabel('主讲人').click();
    await page.locator('.ant-select-item-option', { hasText: SPEAKER.name }).click();
    await drawer().getByLabel('讲座介绍').fill('冬季气温低，心脑血管疾病高发。主任医师讲解血压管理、用药和急救常识，欢迎带家属一起来听。');
    await drawer().getByLabel('选择讲座图片').setInputFiles({ name: 'poster.png', mimeType: 'image/png', buffer: await png({ width: 640, height: 400 }) });
    await drawer().getByTestId('lecture-picture').locator('img').waitFor();
    await typeRange('讲座时间', startsAt, startsAt + 90 * 60_000);
    await drawer().getByLabel('地点').fill('社区党群服务中心二楼会议室');
    await drawer().getByLabel('座位数').fill('4');
    await drawer().getByLabel('每人可带同行').fill('1');
    await typeRange('报名时间', now - HOUR, startsAt - 2 * HOUR);
    await settle();
    await shot('02-new-lecture');
    await drawer().getByRole('button', { name: '保存为草稿' }).click();
    // Saving uploads the picture first: on a busy CI machine that alone has taken more than the default 15 s.
    await toast(`已保存草稿「${TITLE}」`).waitFor({ timeout: 45_000 });
    await page.waitForURL(/shelf=drafts/);

    const { lectures } = await call<{ lectures: { id: string; title: string; startsAt: number; endsAt: number; signupUntil: number; picture: string | null; pictureUrl: string | null; status: string }[] }>(
      'lectures',
      'managed',
      { communityId: community.id },
      { token: staff },
    );
    const made = lectures.find((l) => l.title === TITLE)!;
    lectureId = made.id;
    // The times are China's, whatever zone the browser runs in.
    expect(made).toMatchObject({ status: 'draft', startsAt, endsAt: startsAt + 90 * 60_000, signupUntil: startsAt - 2 * HOUR });
    expect(made.picture).toBeTruthy();
    // The picture goes out to the page at an address a browser shows.
    const img = await fetch(`${host.url}${made.pictureUrl}`);
    expect([img.status, img.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
  });

  it('publishes the draft: residents see it', async () => {
    await row(lectureId).getByRole('button', { name: '发布' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '发布' }).click();
    await toast(`已发布「${TITLE}」，居民现在可以看到并报名`).waitFor();
    await page.getByRole('tab', { name: /即将举行/ }).click();
    await row(lectureId).waitFor();
    const open = await call<{ lectures: { id: string; seatsLeft: number; pictureUrl: string | null }[] }>('lectures', 'open', {}, { openid: RESIDENTS[0].openid });
    expect(open.lectures).toEqual([expect.objectContaining({ id: lectureId, seatsLeft: 4 })]);
  });

  it('shows the sign-ups: four seats taken, one waiting, in the list and the roster', async () => {
    for (const r of RESIDENTS) await call('lectures', 'signUp', { id: lectureId, companions: r.companions }, { openid: r.openid });
    await page.getByRole('button', { name: '刷新' }).click();
    await row(lectureId).getByTestId('lecture-seats').filter({ hasText: '4 / 4 人' }).waitFor();
    expect(await row(lectureId).innerText()).toContain('候补 1 组');
    await settle();
    await shot('03-list');

    await row(lectureId).getByRole('button', { name: '名单' }).click();
    await page.waitForURL(/\/admin\/lectures\/roster\?id=/);
    await page.getByRole('tab', { name: '已报名（3）' }).waitFor();
    const confirmed = rosterRows('confirmed');
    expect(await confirmed.count()).toBe(3);
    expect(await confirmed.nth(0).innerText()).toContain('2 人（带 1 位同行）');
    expect(await confirmed.nth(0).innerText()).toContain(RESIDENTS[0].phone);
    expect(await confirmed.nth(0).innerText()).toContain('幸福里小区 1号楼');
    await page.getByRole('tab', { name: '候补（1）' }).click();
    expect(await rosterRows('waiting').first().innerText()).toContain(RESIDENTS[3].name);
    await page.getByRole('tab', { name: '已报名（3）' }).click();
    // Not started yet: no rate, no no-shows.
    expect(await page.getByTestId('roster-figures').innerText()).toMatch(/报名人数\s*4[\s\S]*签到率\s*—/);
    await settle();
    await shot('04-roster');
  });

  it('refuses a capacity below the confirmed seats, saying so beside 座位数', async () => {
    await page.getByRole('button', { name: '返回讲座' }).click();
    await row(lectureId).getByRole('button', { name: '编辑' }).click();
    await drawer().getByText('已有 4 人报名成功').waitFor();
    await drawer().getByLabel('座位数').fill('3');
    await drawer().getByRole('button', { name: '保存', exact: true }).click();
    const err = drawer().locator('.ant-form-item', { has: page.locator('label', { hasText: '座位数' }) }).locator('.ant-form-item-explain-error');
    await err.filter({ hasText: '已经有 4 人报名成功，座位数不能少于 4' }).waitFor();
    // The picture the lecture has is shown where the browser can load it.
    expect(await imageLoaded(drawer().getByTestId('lecture-picture').locator('img'))).toBe(true);
    await settle();
    await shot('05-capacity-refused');
    await drawer().getByRole('button', { name: '取消' }).click();
    await drawer().waitFor({ state: 'detached' });
    const still = await call<{ lectures: { id: string; capacity: number }[] }>('lectures', 'managed', { communityId: community.id }, { token: staff });
    expect(still.lectures.find((l) => l.id === lectureId)!.capacity).toBe(4);
  });

  it('cancels another lecture with a reason, and its resident is told', async () => {
    const speakers = await call<{ speakers: { id: string }[] }>('lectures', 'speakers', { communityId: community.id }, { token: staff });
    const now = await serverNow();
    const draft = await call<{ id: string; version: number }>(
      'lectures',
      'create',
      {
        communityId: community.id,
        title: OTHER_TITLE,
        speakerId: speakers.speakers[0].id,
        description: '识别冒充客服、公检法的骗局',
        // The same evening: the same month's figures.
        startsAt: startsAt + 4 * HOUR,
        endsAt: startsAt + 5 * HOUR,
        venue: '社区活动室',
        capacity: 30,
        openTo: [community.id],
        signupFrom: now - HOUR,
        signupUntil: startsAt,
        companionsAllowed: 0,
      },
      { token: staff },
    );
    const other = await call<{ id: string }>('lectures', 'publish', { id: draft.id, version: draft.version }, { token: staff });
    await call('lectures', 'signUp', { id: other.id }, { openid: RESIDENTS[3].openid });

    await page.getByRole('button', { name: '刷新' }).click();
    await row(other.id).getByRole('button', { name: '取消讲座' }).click();
    const dialog = page.locator('.ant-modal', { hasText: `取消讲座「${OTHER_TITLE}」` });
    await dialog.getByText('已报名的 1 人都会收到通知').waitFor();
    await dialog.getByLabel('取消原因（会告诉居民）').fill(CANCEL_REASON);
    await settle();
    await shot('06-cancel');
    await dialog.getByRole('button', { name: '取消讲座' }).click();
    await toast(`已取消「${OTHER_TITLE}」，已通知 1 位报名和候补的居民`).waitFor();
    await page.getByRole('tab', { name: /已取消（1）/ }).click();
    expect(await row(other.id).innerText()).toContain(CANCEL_REASON);

    const { messages } = await call<{ messages: { title: string; body: string }[] }>('messages', 'list', {}, { openid: RESIDENTS[3].openid });
    const told = messages.find((m) => m.title === '讲座已取消');
    expect(told?.body).toContain(CANCEL_REASON);
    expect(told?.body).toContain(OTHER_TITLE);
  });
});

describe('on the lecture’s day', () => {
  let venueCode: string;

  it('shows the venue screen full-window with a code residents scan to attend', async () => {
    // Ten minutes after the start, on the server's clock.
    await advance(startsAt + 10 * 60_000 - (await serverNow()));
    await page.goto(`${host.url}/admin/lectures/roster?id=${lectureId}`);
    await page.getByRole('button', { name: '现场签到码' }).click();
    await page.waitForURL(/\/admin\/lectures\/venue\?id=/);
    const code = page.getByTestId('venue-code');
    await code.waitFor();
    venueCode = (await code.getAttribute('data-code'))!;
    expect(venueCode).toMatch(/^jinlin:venue:/);
    // It covers the window: no menu, no header.
    const box = await page.getByTestId('venue-screen').boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: DESK.width, height: DESK.height });
    const img = await code.boundingBox();
    expect(img!.height).toBeGreaterThan(500);
    expect(await page.getByTestId('venue-screen').innerText()).toContain(TITLE);
    await page.mouse.move(10, 10);
    await page.screenshot({ path: path.join(SHOTS, 'lectures-07-venue-screen.png') });

    const attended = await call<{ person: { name: string }; via: string; first: boolean }>('lectures', 'attend', { code: venueCode }, { openid: RESIDENTS[1].openid });
    expect(attended).toMatchObject({ person: { name: RESIDENTS[1].name }, via: 'venue', first: true });
  });

  it('ticks a name for someone without a phone, and the figures show the rate', async () => {
    await page.getByRole('button', { name: '返回名单' }).click();
    await page.waitForURL(/\/admin\/lectures\/roster\?id=/);
    const wang = shownRow(RESIDENTS[0].name);
    expect(await shownRow(RESIDENTS[1].name).getByTestId('attended').innerText()).toContain('扫现场签到码');
    await wang.getByRole('button', { name: '勾选签到' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '签到' }).click();
    await toast(`已为${RESIDENTS[0].name}签到（2 人）`).waitFor();
    expect(await shownRow(RESIDENTS[0].name).getByTestId('attended').innerText()).toContain('工作人员勾选');
    // 3 of 4 people: the party of two and the one who scanned; 陈桂芳 has not come.
    await page.getByTestId('roster-figures').filter({ hasText: /签到人数\s*3/ }).waitFor();
    expect(await page.getByTestId('roster-figures').innerText()).toMatch(/签到率\s*75\.0%/);
    await page.getByRole('tab', { name: '已签到（2）' }).waitFor();
    await settle();
    await shot('08-roster-attended');
  });

  it('prints a sign-in sheet with every seat and the waiting list', async () => {
    await page.emulateMedia({ media: 'print' });
    const sheet = page.locator('.lecture-sheet');
    expect(await sheet.isVisible()).toBe(true);
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    const text = await sheet.innerText();
    for (const r of RESIDENTS) expect(text).toContain(r.name);
    expect(text).toContain('候补（按顺序）');
    await page.screenshot({ path: path.join(SHOTS, 'lectures-09-print-sheet.png') });
    await page.emulateMedia({ media: 'screen' });
  });

  it('exports the roster as an .xlsx that parses back', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 Excel/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(download.suggestedFilename()).toContain(TITLE);
    const file = path.join(host.downloads, download.suggestedFilename());
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const cells = book.worksheets.flatMap((ws) => {
      const out: string[] = [];
      ws.eachRow((r) => r.eachCell((c) => void out.push(String(c.text))));
      return out;
    });
    for (const r of RESIDENTS.slice(0, 3)) expect(cells).toContain(r.name);
    expect(cells.join(' ')).toContain(TITLE);
  });

  it('counts the month: signed up, attended, rate and no-shows once it has ended', async () => {
    await advance(2 * HOUR);
    await page.getByRole('menuitem', { name: '统计' }).last().click();
    await page.waitForURL(/\/admin\/lectures\/figures/);
    await page.goto(`${host.url}/admin/lectures/figures?month=${chinaMonth(startsAt)}`);
    const lectureRow = rowOf(TITLE);
    await lectureRow.waitFor();
    expect(await lectureRow.getByTestId('lecture-rate').innerText()).toBe('75.0%');
    // The cancelled lecture counts nothing.
    expect(await rowOf(OTHER_TITLE).innerText()).toContain('已取消');
    const month = await page.getByTestId('month-figures').innerText();
    expect(month).toMatch(/报名人数\s*4/);
    expect(month).toMatch(/签到人数\s*3/);
    expect(month).toMatch(/签到率\s*75\.0%/);
    expect(month).toMatch(/未到\s*1/);
    await settle();
    await shot('10-figures');
  });
});
