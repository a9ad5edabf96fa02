/**
 * 共建单位 (#30), the partner's side, in the h5 build, in Chromium on a phone-sized screen (390×844), against
 * the real local host on a fresh database with the full demo (its three partners: 周敏, the demo member
 * `dangyuan`, is an in-service member linked to 市第一人民医院). In the browser:
 * 1. 周敏 finds 我的共建单位 on 我的 and opens it: our side (在职党员), the hospital's projects in words, the
 *    open need of 阳光社区, our resources.
 * 2. She opens the open need, writes a note and claims it through the confirm step: 已认领, the project
 *    waits for the community (⏳ 待社区确认). Staff (张伟) accept it over the API; she reads it 进行中, adds a
 *    milestone and marks it done.
 * 3. Staff ask for the hospital's 护士志愿者 (a project started by the community): on her list it comes first
 *    as ⏳ 待我方确认, and she accepts it.
 * 4. She records a visit (yesterday; whom she met, what was raised) and staff read it in the community's visits.
 * 5. She offers a resource, and it is on her list.
 * 6. Staff post a need; while she reads it, 吴婷 (`zhiyuan`, 幸福里开发公司's contact) claims it first: her 认领 is
 *    answered kindly (来晚了一步) with the way on to the other needs.
 * 7. 吴婷 reads the project the community closed for her company, with its result.
 *
 * Screenshots land in tests/e2e/screenshots/h5-partners-*.png, each page in normal mode and in 长辈版, held to
 * the elder-mode figures of its mode (elder-measure.ts).
 */
import type { Page } from 'playwright-core';
import { MEASURE, problemsOf, type Measured, type Mode } from './elder-measure';
import { api } from './support/api';
import { demoPlaces } from './support/units';
import { phoneHost, START_TIMEOUT } from './support/host';
import { openPhone, PHONE } from './support/phones';
import { wholePhonePage } from './support/screenshots';
import { button, ui, words } from './support/taro';

const NOTE = '医院有 5 名护士志愿者，每周六上午可以来';
const MILESTONE = '第一次上门服务';
const MET = '社区书记、3 号楼楼栋长';
const RAISED = '独居老人量血压不方便，希望每月有人上门';
const RESOURCE = '健康讲座（慢病管理）';

// The full demo (a few reports) seeds the demo's partners, needs and projects.
const host = phoneHost({ JINLIN_DEMO_RESIDENTS: '60', JINLIN_DEMO_REPORTS: '20' });
const http = api(() => host.url);
const { call } = http;

let staff: string;
beforeAll(async () => {
  staff = await http.signIn('shequ');
}, START_TIMEOUT);

async function phoneOf(username: string, mode: Mode = 'normal'): Promise<Page> {
  const s = await http.session(username);
  return openPhone(host.browser, { 'jinlin.elderMode': mode === 'elder', 'jinlin.session': { token: s.token, expiresAt: s.expiresAt } });
}

/** The whole page as the person scrolls through it, held to the figures of its mode, nothing wider than the phone. */
async function shot(page: Page, name: string, mode: Mode = 'normal') {
  await wholePhonePage(page, `h5-partners-${name}${mode === 'elder' ? '-elder' : ''}.png`, 400);
  const m = (await page.evaluate(MEASURE)) as Measured;
  expect({ page: name, mode, problems: problemsOf(m, mode) }).toEqual({ page: name, mode, problems: [] });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

/** The same page on the same person's phone in 长辈版: its picture, held to elder mode's figures. */
async function elderShot(url: string, ready: string, name: string) {
  const page = await phoneOf('dangyuan', 'elder');
  await page.goto(`${host.url}${url}`);
  await ui(page).getByText(ready, { exact: false }).first().waitFor();
  await shot(page, name, 'elder');
  await page.context().close();
}

/** Taro's modal (the confirm step): its words, then its confirm button. */
async function confirmModal(page: Page, says: RegExp) {
  await page.locator('.taro__modal').getByText(says).waitFor();
  await page.locator('.taro-model__confirm').click();
}

interface Ref {
  id: string;
  version: number;
}

it('takes a partner member from 我的 through a claim the community accepts, a request of the community, a visit and a resource', async () => {
  const mine = async () => (await call<{ partners: { partner: { id: string }; openNeeds: { id: string; title: string }[]; projects: (Ref & { title: string; status: string })[] }[] }>('partners', 'mine', {}, { token: await http.signIn('dangyuan') })).partners;
  const [hospital] = await mine();
  expect(hospital.openNeeds.length).toBeGreaterThan(0);
  const need = hospital.openNeeds[0];

  // 1. 我的 → 我的共建单位.
  const zhou = await phoneOf('dangyuan');
  await zhou.goto(`${host.url}/pages/me/index`);
  await ui(zhou).getByText('共建单位：市第一人民医院').waitFor();
  await button(zhou, '我的共建单位').click();
  await zhou.waitForURL(/\/partners\/index\/index/);
  await ui(zhou).getByText('我是在职党员').waitFor();
  let seen = await words(zhou);
  for (const w of ['市第一人民医院', '共建社区：阳光社区', '▶ 进行中', need.title, '全科医生义诊', '记录走访', '提供资源']) expect(seen).toContain(w);
  await shot(zhou, '01-index');
  await elderShot('/partners/index/index', '我是在职党员', '01-index');

  // 2. The open need, claimed with a note.
  await ui(zhou).locator('.pcard').filter({ hasText: need.title }).click();
  await zhou.waitForURL(/\/partners\/need\/index/);
  await button(zhou, '认领这项需求').waitFor();
  await ui(zhou).locator('textarea').fill(NOTE);
  await shot(zhou, '02-need');
  await elderShot(`/partners/need/index?partner=${hospital.partner.id}&id=${need.id}`, '认领这项需求', '02-need');
  await button(zhou, '认领这项需求').click();
  await confirmModal(zhou, /以“市第一人民医院”的名义认领/);
  await ui(zhou).getByText('✓ 已认领').waitFor();
  expect(await words(zhou)).toContain('⏳ 待社区确认');
  await zhou.waitForTimeout(1500); // the toast goes
  await shot(zhou, '03-claimed');
  await button(zhou, '查看项目').click();
  await zhou.waitForURL(/\/partners\/project\/index/);
  await ui(zhou).getByText('已经认领，等阳光社区确认', { exact: false }).waitFor();
  const claimed = (await mine())[0].projects.find((p) => p.title === need.title && p.status === 'proposed')!;
  expect(claimed).toBeDefined();

  // Staff accept the claim; she reads it going, adds a milestone (today, the picker's first day) and marks it done.
  await call('partners', 'accept', { id: claimed.id, version: claimed.version }, { token: staff });
  await zhou.reload();
  await ui(zhou).getByText('▶ 进行中').waitFor();
  await ui(zhou).getByText('＋ 添加节点').click();
  await ui(zhou).locator('input[placeholder="例如：第一次上门服务"]').fill(MILESTONE);
  await ui(zhou).locator('.pday').click();
  // Taro's h5 picker opens over the page, outside #app.
  await zhou.locator('.weui-picker__action').filter({ hasText: '确定' }).click();
  await ui(zhou).getByText('今天前').waitFor();
  await button(zhou, '添加这个节点').click();
  await ui(zhou).getByText(`已添加节点“${MILESTONE}”`).waitFor();
  await shot(zhou, '04-project-active');
  await elderShot(`/partners/project/index?id=${claimed.id}`, MILESTONE, '04-project-active');
  await ui(zhou).getByRole('button', { name: `完成：${MILESTONE}` }).click();
  await confirmModal(zhou, /已经做完了吗/);
  await ui(zhou).getByText(`“${MILESTONE}”已完成。`).waitFor();
  expect(await words(zhou)).toContain('项目节点（1 / 1 完成）');

  // 3. Staff ask for the hospital's nurses: a project waiting for our side, first on the list.
  const { resources } = await call<{ resources: { id: string; title: string }[] }>('partners', 'resources', { partnerId: hospital.partner.id }, { token: staff });
  const nurses = resources.find((r) => r.title === '护士志愿者')!;
  const communityId = (await call<{ community: { id: string } }>('partners', 'list', {}, { token: staff })).community.id;
  await call('partners', 'askResource', { clientRequestId: 'h5-partners-ask-000001', resourceId: nurses.id, communityId, title: '护士上门换药' }, { token: staff });
  await zhou.goto(`${host.url}/partners/index/index`);
  await ui(zhou).getByText('共建项目（1 个等我方确认）').waitFor();
  expect(await ui(zhou).locator('.pcard__title').first().innerText()).toBe('护士上门换药');
  await ui(zhou).locator('.pcard').filter({ hasText: '护士上门换药' }).click();
  await button(zhou, '接受，开始这个项目').waitFor();
  seen = await words(zhou);
  for (const w of ['⏳ 待我方确认', '阳光社区想请我们一起做这个项目', '资源：护士志愿者', '接受后定']) expect(seen).toContain(w);
  await shot(zhou, '05-project-asked');
  const asked = (await mine())[0].projects.find((p) => p.title === '护士上门换药')!;
  await elderShot(`/partners/project/index?id=${asked.id}`, '接受，开始这个项目', '05-project-asked');
  await button(zhou, '接受，开始这个项目').click();
  await confirmModal(zhou, /接受后项目开始/);
  await ui(zhou).getByText('已接受，项目开始了', { exact: false }).waitFor();
  expect(await words(zhou)).toContain('周敏');

  // 4. A visit, yesterday.
  await zhou.goto(`${host.url}/partners/visit/index?partner=${hospital.partner.id}`);
  await button(zhou, '记录这次走访').waitFor();
  await button(zhou, '记录这次走访').click();
  await ui(zhou).getByText('请写见了谁', { exact: false }).waitFor();
  await ui(zhou).getByText('昨天', { exact: true }).click();
  await ui(zhou).locator('input[placeholder="社区书记、楼栋长"]').fill(MET);
  await ui(zhou).locator('textarea').first().fill(RAISED);
  await shot(zhou, '06-visit');
  await elderShot(`/partners/visit/index?partner=${hospital.partner.id}`, '记录这次走访', '06-visit');
  await button(zhou, '记录这次走访').click();
  await ui(zhou).getByText('✓ 走访已记录').waitFor();
  await zhou.waitForTimeout(1500); // the toast goes
  await shot(zhou, '07-visit-recorded');
  const { visits } = await call<{ visits: { met: string; raised: string; by: { name: string } }[] }>('partners', 'visits', { partnerId: hospital.partner.id }, { token: staff });
  expect(visits).toEqual(expect.arrayContaining([expect.objectContaining({ met: MET, raised: RAISED, by: expect.objectContaining({ name: '周敏' }) })]));

  // 5. A resource offered, from 我的共建单位's 提供资源; offered, the form goes back to the list, which shows it.
  await zhou.goto(`${host.url}/partners/index/index`);
  await button(zhou, '提供资源').click();
  await zhou.waitForURL(/\/partners\/resource\/index/);
  await button(zhou, '提供这项资源').waitFor();
  await ui(zhou).getByText('专家', { exact: true }).click();
  await ui(zhou).locator('input[placeholder="例如：党群活动室"]').fill(RESOURCE);
  await ui(zhou).locator('textarea').fill('高血压、糖尿病老人的日常管理，医生讲、现场答疑');
  await ui(zhou).locator('input[placeholder="例如：251 平方米"]').fill('每季度 1 次');
  await ui(zhou).locator('input[placeholder="例如：工作日 9:00–17:00"]').fill('提前两周预约');
  await shot(zhou, '08-resource');
  await elderShot(`/partners/resource/index?partner=${hospital.partner.id}`, '提供这项资源', '08-resource');
  await button(zhou, '提供这项资源').click();
  await zhou.waitForURL(/\/partners\/index\/index/);
  await ui(zhou).locator('.pcard').filter({ hasText: RESOURCE }).waitFor();
  expect(await words(zhou)).toContain('我们的资源（3 项）');

  // 6. Two partners at once: staff post a need; while 周敏 reads it, 吴婷 claims it for 幸福里开发公司 first.
  const { compound } = await demoPlaces(http, staff);
  const { need: race } = await call<{ need: { id: string } }>('partners', 'postNeed', { clientRequestId: 'h5-partners-race-0001', unitId: compound.id, kind: 'equipment', title: '活动室缺一台投影仪', description: '社区讲堂放课件用' }, { token: staff });
  await zhou.goto(`${host.url}/partners/need/index?partner=${hospital.partner.id}&id=${race.id}`);
  await button(zhou, '认领这项需求').waitFor();
  const wu = await http.signIn('zhiyuan');
  const [company] = (await call<{ partners: { partner: { id: string; name: string } }[] }>('partners', 'mine', {}, { token: wu })).partners;
  expect(company.partner.name).toBe('幸福里开发公司');
  await call('partners', 'claimNeed', { clientRequestId: 'h5-partners-race-wu01', needId: race.id, partnerId: company.partner.id }, { token: wu });
  await button(zhou, '认领这项需求').click();
  await confirmModal(zhou, /以“市第一人民医院”的名义认领/);
  await ui(zhou).getByText('来晚了一步').waitFor();
  expect(await words(zhou)).toContain('这项需求刚刚被另一家共建单位认领了');
  await shot(zhou, '09-need-taken');
  await zhou.context().close();

  // 7. 吴婷, the company's contact: the project the community closed, with its result.
  const wuPhone = await openPhone(host.browser, { 'jinlin.session': await http.session('zhiyuan') });
  await wuPhone.goto(`${host.url}/partners/index/index`);
  await ui(wuPhone).getByText('我是联络人').waitFor();
  await ui(wuPhone).locator('.pcard').filter({ hasText: '✓ 已完成' }).first().click();
  await ui(wuPhone).getByText('项目成效').waitFor();
  expect(await words(wuPhone)).toContain('86 位老人参加');
  await shot(wuPhone, '10-project-done');
  await wuPhone.context().close();
}, 300_000);
