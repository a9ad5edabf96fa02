/**
 * The building's WeChat group, in the h5 build, in Chromium on a phone-sized screen, against the real
 * local host on a fresh database with WeChat simulated (JINLIN_DEV_WECHAT=1): each phone stands in for
 * a WeChat user (Taro storage `jinlin.devOpenid`) and, when it is "in" a group, for the group too
 * (`jinlin.devGroup`, the openGId the page sends as a `dev-group:` cloudID).
 *
 * Community staff (张伟), over the API the way the management page does, make 吴建华 the lead of
 * 幸福里小区 1号楼 and print his personal code; his WeChat registers with it (approved by itself: his
 * own code). The lead opens 绑定楼栋群 from home, reads the three steps, opens the card "in" group
 * g-3hao and binds it. 孙福贵 files a report and sees 分享到楼栋群 on it. A neighbour in g-3hao opens
 * the report's card and reads it in full and follows it; the same card in g-other, and outside any
 * group, says only that such a report exists. A newcomer in g-3hao opens the card, registers from it
 * with the building filled in, and lands in the lead's queue.
 *
 * Screenshots land in tests/e2e/screenshots/h5-group-*.png.
 */
import type { Page } from 'playwright-core';
import { api } from './support/api';
import { phoneHost } from './support/host';
import { letInOnWechat, makeCode } from './support/people';
import { enterGroup, openPhone, wechatUser } from './support/phones';
import { readabilityCheck } from './support/readability';
import { wholePhonePage } from './support/screenshots';
import { box, button, ui, words } from './support/taro';
import { demoPlaces } from './support/units';

const DESCRIPTION = '楼上每晚十一点后还在拖椅子';

const host = phoneHost({ JINLIN_DEV_WECHAT: '1', JINLIN_DEMO_RESIDENTS: '60', JINLIN_DEMO_REPORTS: '0' });
const http = api(() => host.url);
const { call, signIn } = http;

/** A phone of its own (browser context), standing in for a WeChat user and, with `group`, opened in that group. */
const phone = (openid: string, group?: string) => openPhone(host.browser, wechatUser(openid, group));

/**
 * What an older reader cannot read or tap (DESIGN.md, 长辈版) on these pages, opened from the group by
 * residents of every age.
 */
const READABILITY = readabilityCheck({ textUnder: 17.95, headings: '.grp__title, .join__title', tapTargets: 'taro-button-core, .big-field__input' });

/** The whole page at 390 wide (as tall as its content), checked for what an older reader cannot read. */
async function shot(page: Page, name: string, elder = true) {
  await wholePhonePage(page, `h5-group-${name}.png`);
  if (elder) expect({ page: name, problems: await page.evaluate(READABILITY) }).toEqual({ page: name, problems: [] });
}

it('binds the building group, shows a shared report in full only inside it, and lets a newcomer in from it', async () => {
  // 张伟 (community staff) makes 吴建华 the lead of 1号楼 and prints his personal code.
  const staff = await signIn('shequ');
  const { building } = await demoPlaces(http, staff);
  const wu = await call<{ id: string }>('people', 'create', { name: '吴建华', phone: '13655551001' }, { token: staff });
  await call('units', 'bind', { unitId: building.id, personId: wu.id, role: 'building_lead' }, { token: staff });
  const personal = await call<{ id: string }>('codes', 'create', { unitId: building.id, purpose: 'personal', personId: wu.id }, { token: staff });
  // His WeChat registers with his own code: approved by itself.
  const LEAD = 'dev-openid-lead-wu';
  const joined = await call<{ registration: { status: string } }>(
    'registration',
    'submit',
    { codeId: personal.id, name: '吴建华', door: { entrance: '1', floor: 3, room: '301' }, phone: '13655551001' },
    { openid: LEAD },
  );
  expect(joined.registration.status).toBe('approved');

  // 1. The lead finds 绑定楼栋群 on home, outside any group: the three steps and the share button.
  const lead = await phone(LEAD);
  await lead.goto(`${host.url}/pages/index/index`);
  await ui(lead).getByText('您好，吴建华').waitFor();
  await ui(lead).getByText('幸福里小区 1号楼的微信群').click();
  await lead.waitForURL(/\/group\/bind\/index\?building=/);
  await ui(lead).getByText('点下面的按钮，把卡片发到本楼的微信群').waitFor();
  let seen = await words(lead);
  for (const w of ['幸福街道 / 阳光社区 / 幸福里小区 / 1号楼', '在群里点开这张卡片', '点“绑定本群”', '发送卡片到楼栋群']) expect(seen).toContain(w);
  await shot(lead, '01-bind-outside');

  // 2. The lead opens the card inside group g-3hao and binds it.
  await enterGroup(lead, 'g-3hao');
  await lead.reload();
  await ui(lead).getByText('把本群绑定到1号楼？').waitFor();
  await shot(lead, '02-bind-in-group');
  await button(lead, '绑定本群到1号楼').click();
  await ui(lead).getByText('本群已绑定到1号楼').waitFor();
  expect(await words(lead)).toContain('✓ 已绑定');
  await button(lead, '解绑本群').waitFor();
  await lead.waitForTimeout(1600); // the toast goes
  await shot(lead, '03-bound');

  // 3. 孙福贵 files a report; on its page he may share it to the group.
  const sun = await signIn('jumin');
  const filed = await call<{ report: { id: string } }>(
    'reports',
    'create',
    { clientRequestId: 'h5-group-request-0001', unitId: building.id, category: 'noise', description: DESCRIPTION, location: '2单元 502' },
    { token: sun },
  );
  const reportId = filed.report.id;
  const sunPhone = await openPhone(host.browser);
  await sunPhone.goto(`${host.url}/pages/login/index`);
  await ui(sunPhone).getByText('孙福贵（居民）').click();
  await ui(sunPhone).getByText('您好，孙福贵').waitFor();
  await sunPhone.goto(`${host.url}/pages/report/detail?id=${encodeURIComponent(reportId)}`);
  await button(sunPhone, '分享到楼栋群').waitFor();
  expect(await words(sunPhone)).toContain('群里的邻居能看到问题和进展，看不到您的名字。');
  await shot(sunPhone, '04-report-share', false);

  // The card WeChat would carry opens the card page with the report's id (reportCardPath).
  const cardUrl = `${host.url}/group/card/index?id=${encodeURIComponent(reportId)}`;

  // 4. A neighbour in g-3hao (a resident of 1号楼 on WeChat, let in by staff) reads it in full and follows it.
  const NEIGHBOUR = 'dev-openid-neighbour-1';
  await letInOnWechat(http, staff, await makeCode(http, staff, building.id, 'building'), [
    { openid: NEIGHBOUR, name: '钱红梅', door: { entrance: '2', floor: 4, room: '402' }, phone: '13655551002' },
  ]);

  const neighbour = await phone(NEIGHBOUR, 'g-3hao');
  await neighbour.goto(cardUrl);
  await ui(neighbour).getByText('🔊 噪音扰民').waitFor();
  seen = await words(neighbour);
  for (const w of ['1号楼 楼栋群里的反映', DESCRIPTION, '幸福里小区 1号楼', '待响应', '已交给楼栋', '我也遇到了（+1）']) expect(seen).toContain(w);
  // Never a name: neither the resident's nor the handler's.
  for (const name of ['孙福贵', '赵桂兰', '吴建华']) expect(seen).not.toContain(name);
  await shot(neighbour, '05-card-in-group');
  await button(neighbour, '我也遇到了（+1）').click();
  await ui(neighbour).getByText('已跟进，办理人会知道又有一户遇到了').waitFor();
  expect(await words(neighbour)).toContain('已有 1 户也遇到了');
  await shot(neighbour, '06-card-followed');

  // 5. The same card in another group, and outside any group: only that such a report exists.
  const elsewhere = await phone(NEIGHBOUR, 'g-other');
  await elsewhere.goto(cardUrl);
  await ui(elsewhere).getByText('这里有一条反映').waitFor();
  expect(await words(elsewhere)).not.toContain(DESCRIPTION);
  await shot(elsewhere, '07-card-other-group');

  const outside = await phone(NEIGHBOUR);
  await outside.goto(cardUrl);
  await ui(outside).getByText('这里有一条反映').waitFor();
  seen = await words(outside);
  expect(seen).not.toContain(DESCRIPTION);
  expect(seen).toContain('只能在本楼群里查看');
  expect(seen).toContain('反映的是 噪音扰民');
  expect(seen).not.toContain('我也遇到了');
  await shot(outside, '08-card-outside');

  // 6. A newcomer in g-3hao opens the card, registers from it with the building filled in, and waits.
  const newcomer = await phone('dev-openid-newcomer-1', 'g-3hao');
  await newcomer.goto(cardUrl);
  await ui(newcomer).getByText('🔊 噪音扰民').waitFor();
  expect(await words(newcomer)).not.toContain('我也遇到了');
  await shot(newcomer, '09-card-newcomer');
  await button(newcomer, '登记入住').click();
  await newcomer.waitForURL(/\/register\/join\/index\?group=1/);
  await ui(newcomer).getByText('您叫什么名字？').waitFor();
  seen = await words(newcomer);
  expect(seen).toContain('您在 1号楼 的群里');
  expect(seen).toContain('阳光社区 幸福里小区 1号楼');
  await box(newcomer, '例如：张秀英').fill('郑小燕');
  await shot(newcomer, '10-join-by-group');
  await button(newcomer, '下一步').click();
  await box(newcomer, '例如：2').fill('2');
  await box(newcomer, '例如：5').fill('6');
  await box(newcomer, '例如：502').fill('602');
  await button(newcomer, '下一步').click();
  await box(newcomer, '11 位手机号').fill('13655551003');
  await button(newcomer, '提交登记').click();
  await newcomer.waitForURL(/\/register\/status\/index/);
  await ui(newcomer).getByText('⏳ 等待审核').waitFor();
  seen = await words(newcomer);
  for (const w of ['请等待1号楼的楼栋长审核', '幸福里小区 1号楼', '2单元 6层 602室', '郑小燕']) expect(seen).toContain(w);
  await shot(newcomer, '11-join-pending');

  // …in the lead's queue.
  await lead.goto(`${host.url}/handler/approvals/index`);
  await ui(lead).getByText('郑小燕', { exact: true }).waitFor();
  expect(await words(lead)).toContain('2单元 6层 602室');

  for (const p of [lead, sunPhone, neighbour, elsewhere, outside, newcomer]) await p.context().close();
});
