/**
 * 社区讲堂 in the h5 build, in Chromium on a phone-sized screen, against the real local host on a fresh
 * database with WeChat simulated (JINLIN_DEV_WECHAT=1): residents are stand-in WeChat users
 * (X-Jinlin-Dev-Openid). Community staff publish a lecture of 2 seats through the lectures function with
 * their session (the management pages have their own test). 钱红梅 takes the first seat from home's
 * tile; 李桂芝 and 周建国 tap 报名 at the same moment for the last one: one gets it, the other waits and
 * sees her place. The one with the seat cancels in 我的报名; the one waiting moves up and is told (the
 * message in 消息, which opens the lecture with her code). At the door staff scan her code on their scan
 * page (marked once; a second scan says so); 钱红梅 comes in by the venue code: a `venue` code opens
 * 现场签到, where the screen's rotating code marks her, and the one who cancelled is turned away.
 *
 * In a browser there is no camera: the scan pages take what a code holds typed or pasted, which is what
 * the camera reads. Screenshots, in normal mode and in 长辈版, land in tests/e2e/screenshots/h5-lectures-*.png,
 * each page held to the elder-mode figures (elder-measure.ts).
 */
import type { Page } from 'playwright-core';
import { MEASURE, problemsOf, type Measured, type Mode } from './elder-measure';
import { lectureWorld, publishLecture, wechatResidents, type LectureWorld } from './lectures-seed';
import { phoneHost, START_TIMEOUT } from './support/host';
import { openPhone, wechatUser } from './support/phones';
import { wholePhonePage } from './support/screenshots';
import { button, ui, words } from './support/taro';

const MINUTE = 60_000;

const QIAN = { openid: 'dev-openid-lecture-qian', name: '钱红梅', room: '402', phone: '13655553001' };
const LI = { openid: 'dev-openid-lecture-li', name: '李桂芝', room: '501', phone: '13655553002' };
const ZHOU = { openid: 'dev-openid-lecture-zhou', name: '周建国', room: '602', phone: '13655553003' };

const host = phoneHost({ JINLIN_DEV_WECHAT: '1', JINLIN_DEMO_RESIDENTS: '60', JINLIN_DEMO_REPORTS: '0' });
let world: LectureWorld;

beforeAll(async () => {
  world = await lectureWorld(host.url);
  await wechatResidents(world, [QIAN, LI, ZHOU]);
}, START_TIMEOUT);

/** A phone of its own: a stand-in WeChat user, or signed in with a session; elder mode as the 长辈版 switch keeps it. */
const phone = (who: { openid?: string; token?: string }, mode: Mode = 'normal') =>
  openPhone(host.browser, {
    'jinlin.elderMode': mode === 'elder',
    ...wechatUser(who.openid),
    ...(who.token ? { 'jinlin.session': { token: who.token, expiresAt: Date.now() + 3600_000 } } : {}),
  });

const confirmModal = (page: Page) => page.locator('.taro-model__confirm').click();

/** The whole page as the person scrolls through it, held to the figures of its mode. */
async function shot(page: Page, name: string, mode: Mode = 'normal') {
  await wholePhonePage(page, `h5-lectures-${name}${mode === 'elder' ? '-elder' : ''}.png`, 400);
  const m = (await page.evaluate(MEASURE)) as Measured;
  expect({ page: name, mode, problems: problemsOf(m, mode) }).toEqual({ page: name, mode, problems: [] });
}

const mineOf = (who: { openid: string }) => world.call<{ signups: { lectureId: string; status: string; place: number | null; ticketCode: string | null }[] }>('lectures', 'mine', {}, { openid: who.openid });

it('publishes, fills the last seat once under a race, moves the waiting list up and tells, and takes attendance by scan and by the venue code', async () => {
  const lecture = await publishLecture(world, { title: '冬季高血压防治', capacity: 2, startsIn: 30 * MINUTE, companionsAllowed: 0 });

  // 1. 钱红梅 opens 社区讲堂 from home's tile and takes the first seat in one tap.
  const qian = await phone(QIAN);
  await qian.goto(`${host.url}/pages/index/index`);
  await ui(qian).getByText('您好，钱红梅').waitFor();
  await ui(qian).getByText('社区讲堂', { exact: true }).click();
  await qian.waitForURL(/\/lectures\/list\/index/);
  await ui(qian).getByText('冬季高血压防治').waitFor();
  expect(await words(qian)).toContain('还剩 2 个座位（共 2 个）');
  await shot(qian, '01-list');
  await ui(qian).getByText('冬季高血压防治').click();
  await qian.waitForURL(/\/lectures\/detail\/index\?id=/);
  await button(qian, '报名').waitFor();
  expect(await words(qian)).toContain('王建国 · 主任医师 · 市第一医院');
  await shot(qian, '02-detail');
  await button(qian, '报名').click();
  await ui(qian).getByText('报名成功！入场时出示下面的报名码。').waitFor();
  await ui(qian).getByLabel('《冬季高血压防治》的报名码').waitFor();
  await shot(qian, '03-signed-up');

  // 2. 李桂芝 and 周建国 both see one seat left and tap 报名 at the same moment.
  const li = await phone(LI);
  const zhou = await phone(ZHOU);
  for (const p of [li, zhou]) {
    await p.goto(`${host.url}/lectures/detail/index?id=${lecture.id}`);
    await button(p, '报名').waitFor();
    expect(await words(p)).toContain('还剩 1 个座位（共 2 个）');
  }
  await Promise.all([button(li, '报名').click(), button(zhou, '报名').click()]);
  const outcome = async (p: Page) => {
    await ui(p).locator('.message--info').waitFor();
    return (await words(p)).includes('报名成功') ? 'seat' : 'waiting';
  };
  const [liGot, zhouGot] = await Promise.all([outcome(li), outcome(zhou)]);
  expect([liGot, zhouGot].sort()).toEqual(['seat', 'waiting']);
  const [seated, waiting, waitingWho] = liGot === 'seat' ? [li, zhou, ZHOU] : [zhou, li, LI];
  const seatedWho = waitingWho === LI ? ZHOU : LI;
  expect(await words(waiting)).toContain('座位已满，您已排在候补第 1 位。');
  expect(await words(waiting)).toContain('⏳ 候补第 1 位');
  await shot(waiting, '04-waiting');
  expect((await mineOf(waitingWho)).signups).toEqual([expect.objectContaining({ status: 'waiting', place: 1, ticketCode: null })]);

  // 3. The one with the seat cancels it in 我的报名; the one waiting moves up.
  await seated.goto(`${host.url}/lectures/mine/index`);
  await button(seated, '取消报名').waitFor();
  await shot(seated, '05-mine');
  await button(seated, '取消报名').click();
  await confirmModal(seated);
  await ui(seated).getByText('已取消报名《冬季高血压防治》。').waitFor();
  await ui(seated).getByText('您还没有报名讲座。').waitFor();

  // 4. She is told: the message in 消息 opens the lecture, where her seat and code are.
  await waiting.goto(`${host.url}/pages/messages/index`);
  await ui(waiting).getByText('讲座候补成功，已为您报名').waitFor();
  await shot(waiting, '06-messages');
  await ui(waiting).getByText('讲座候补成功，已为您报名').click();
  await waiting.waitForURL(/\/lectures\/detail\/index\?id=/);
  await ui(waiting).getByText('✓ 已报名').waitFor();
  expect(await words(waiting)).toContain('候补成功，为您留了座位（本人）。');
  await ui(waiting).getByLabel('《冬季高血压防治》的报名码').waitFor();
  const [promoted] = (await mineOf(waitingWho)).signups;
  expect(promoted).toEqual(expect.objectContaining({ status: 'confirmed', place: null }));

  // 5. At the door staff scan her code (typed here: a browser has no camera), once; again changes nothing.
  const staff = await phone({ token: world.staff });
  await staff.goto(`${host.url}/lectures/list/index`);
  await button(staff, '扫码签到').click();
  await staff.waitForURL(/\/lectures\/scan\/index/);
  await ui(staff).locator('input').fill(promoted.ticketCode!);
  await button(staff, '签到').click();
  await ui(staff).getByText(`✓ ${waitingWho.name} 签到成功`).waitFor();
  expect(await words(staff)).toContain('这次已签到 1 人');
  await shot(staff, '07-scan');
  await ui(staff).locator('input').fill(promoted.ticketCode!);
  await button(staff, '签到').click();
  await ui(staff).getByText(`✓ ${waitingWho.name}已经签到过了`).waitFor();
  expect(await words(staff)).toContain('这次已签到 1 人');

  // 6. For crowds: a venue code (签到码) opens 现场签到; the screen's rotating code marks 钱红梅.
  const venue = await world.call<{ id: string }>('codes', 'create', { unitId: world.communityId, purpose: 'venue', label: '活动中心二楼' }, { token: world.staff });
  const screen = await world.call<{ code: string }>('lectures', 'venueCode', { id: lecture.id }, { token: world.staff });
  await qian.goto(`${host.url}/pages/code/index?scene=${venue.id}`);
  await button(qian, '现场签到').click();
  await qian.waitForURL(/\/lectures\/attend\/index\?code=/);
  await ui(qian).getByText('请扫讲堂屏幕上正在显示的签到码', { exact: false }).waitFor();
  await shot(qian, '08-attend');
  await ui(qian).locator('input').fill(screen.code);
  await button(qian, '签到').click();
  await ui(qian).getByText('✓ 签到成功').waitFor();
  await shot(qian, '09-attended');

  // …and turns away the one who cancelled, in plain words.
  await seated.goto(`${host.url}/lectures/attend/index`);
  await ui(seated).locator('input').fill(screen.code);
  await button(seated, '签到').click();
  await ui(seated).getByText('您没有报名这场讲座（或已取消），请找现场工作人员').waitFor();
  await shot(seated, '10-attend-refused');

  // Both marks are on the roster, by the way each came.
  const roster = await world.call<{ confirmed: { person: { name: string }; attendedViaLabel: string | null }[] }>('lectures', 'roster', { id: lecture.id }, { token: world.staff });
  expect(roster.confirmed.map((r) => [r.person.name, r.attendedViaLabel]).sort()).toEqual([
    [QIAN.name, '扫现场签到码'],
    [waitingWho.name, '扫报名码'],
  ].sort());
  expect(seatedWho.name).not.toBe(waitingWho.name);
  for (const p of [qian, li, zhou, staff]) await p.context().close();
}, 240_000);

it('draws the lectures pages in 长辈版 to its figures', async () => {
  const lecture = await publishLecture(world, { title: '老年人防范电信诈骗', capacity: 30, startsIn: 2 * 24 * 60 * MINUTE, companionsAllowed: 2 });
  await world.call('lectures', 'signUp', { id: lecture.id, companions: 1 }, { openid: LI.openid });

  const li = await phone(LI, 'elder');
  await li.goto(`${host.url}/lectures/list/index`);
  await ui(li).getByText('老年人防范电信诈骗').waitFor();
  await shot(li, '01-list', 'elder');
  await li.goto(`${host.url}/lectures/mine/index`);
  await ui(li).getByLabel('《老年人防范电信诈骗》的报名码').waitFor();
  await shot(li, '05-mine', 'elder');

  const zhou = await phone(ZHOU, 'elder');
  await zhou.goto(`${host.url}/lectures/detail/index?id=${lecture.id}`);
  await ui(zhou).getByText('带几位同行？').waitFor();
  await ui(zhou).getByLabel('多一位同行').click();
  await ui(zhou).getByText('本人和 1 位同行，2 个座位', { exact: false }).waitFor();
  await shot(zhou, '02-detail', 'elder');
  await zhou.goto(`${host.url}/lectures/attend/index`);
  await ui(zhou).getByText('现场签到').first().waitFor();
  await shot(zhou, '08-attend', 'elder');

  const staff = await phone({ token: world.staff }, 'elder');
  await staff.goto(`${host.url}/lectures/scan/index`);
  await ui(staff).getByText('扫码签到').first().waitFor();
  await shot(staff, '07-scan', 'elder');
  for (const p of [li, zhou, staff]) await p.context().close();
}, 180_000);
