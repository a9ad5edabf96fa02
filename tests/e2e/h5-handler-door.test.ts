/**
 * Issue #18 in the h5 build, in Chromium at 390×844, against the real local host: a resident who
 * opens a handler page is told whose page it is before any of it; the building lead reads the urgent
 * lift report in their building under 关注 and on the report; a phone that loses its network is told
 * so, not "network unreachable". Screenshots land in tests/e2e/screenshots/h5-door-*.png.
 */
import type { Page } from 'playwright-core';
import { api } from './support/api';
import { phoneHost } from './support/host';
import { signedInPhone } from './support/phones';
import { wholePhonePage } from './support/screenshots';
import { button, ui, words } from './support/taro';

const LIFT = '3单元电梯停在5楼，按了没反应，楼里老人下不了楼';
const NOT_A_HANDLER = '这个页面是给楼栋长、物业和社区工作人员用的；您可以在首页随手拍反映问题';

const host = phoneHost({ JINLIN_DEMO_RESIDENTS: '20', JINLIN_DEMO_REPORTS: '0' });
const { call, signIn } = api(() => host.url);

const shot = (page: Page, name: string) => wholePhonePage(page, `h5-door-${name}.png`);

const phoneOf = (username: string, name: string) => signedInPhone(host.browser, host.url, username, name, { deviceScaleFactor: 1 });

it('refuses a resident before the handler pages, shows the lead 关注, and tells a lost network apart', async () => {
  // 孙福贵 reports the lift: urgent, it goes straight to the property company, past the building lead.
  const residentToken = await signIn('jumin');
  const me = await call<{ bindings: { role: string; unit: { id: string; kind: string } }[] }>('auth', 'whoAmI', {}, { token: residentToken });
  const building = me.bindings.find((b) => b.unit.kind === 'building')!.unit.id;
  const filed = await call<{ report: { id: string } }>(
    'reports',
    'create',
    { clientRequestId: 'e2e-door-lift-1', unitId: building, category: 'lift', description: LIFT, location: '3单元 电梯' },
    { token: residentToken },
  );

  // 1. The resident opens each handler page (a forwarded link, an old bookmark): refused before any of it.
  const resident = await phoneOf('jumin', '孙福贵');
  for (const [name, url] of [
    ['inbox', '/handler/inbox/index'],
    ['report', `/handler/report/index?id=${filed.report.id}`],
    ['record', '/handler/record/index'],
  ] as const) {
    await resident.goto(`${host.url}${url}`);
    await ui(resident).getByText(NOT_A_HANDLER).waitFor();
    const seen = await words(resident);
    expect(seen).not.toMatch(/分派给我|我要办理|登记这条反映|居民姓名/);
    await shot(resident, `refused-${name}`);
  }
  await resident.goto(`${host.url}/handler/approvals/index`);
  await ui(resident).getByText(/入住审核是给楼栋长/).waitFor();
  await shot(resident, 'refused-approvals');
  await button(resident, '回首页').click();
  await ui(resident).getByText('您好，孙福贵').waitFor();

  // 2. 赵桂兰, the building lead, finds it under 关注 with its count, and reads why it is there.
  const lead = await phoneOf('louzhang', '赵桂兰');
  await ui(lead).getByText('待办', { exact: true }).click();
  const watchTab = ui(lead).getByRole('tab', { name: /关注/ });
  await watchTab.waitFor();
  expect((await watchTab.innerText()).replace(/\s+/g, '')).toBe('关注1');
  await watchTab.click();
  await ui(lead).getByText(LIFT).waitFor();
  expect(await words(lead)).toContain('不用您办理，也不算您的待办');
  await shot(lead, 'inbox-watching');
  await ui(lead).getByText(LIFT).click();
  await lead.waitForURL(/\/pages\/report\/detail\?id=/);
  await ui(lead).getByText('关注 · 只看不办').waitFor();
  const seen = await words(lead);
  expect(seen).toMatch(/这条紧急反映由.*办理，您作为楼栋长可以查看，不用您办理。/);
  expect(seen).not.toContain('分享到楼栋群');
  // Whose move it is, not the resident's "…会联系您".
  expect(seen).toMatch(/下一步 等.*的陈强受理/);
  expect(seen).not.toContain('会联系您');
  await shot(lead, 'detail-watching');

  // The same report opened in the handler page (a forwarded link): why it is there, nothing to do.
  await lead.goto(`${host.url}/handler/report/index?id=${filed.report.id}`);
  await ui(lead).getByText(/^关注：这条紧急反映由.*不用您办理。$/).waitFor();
  expect(await words(lead)).not.toContain('我要办理');
  await shot(lead, 'handler-report-watching');

  // The door lets the lead into the other handler pages as before.
  await lead.goto(`${host.url}/handler/record/index`);
  await ui(lead).getByText('谁反映的').waitFor();
  await lead.goto(`${host.url}/handler/approvals/index`);
  await ui(lead).getByText(/等待审核/).first().waitFor();
  await lead.goto(`${host.url}/handler/inbox/index`);
  await ui(lead).getByRole('tab', { name: /关注/ }).click();

  // 3. The lead's phone loses its network: the page says so and what to do, not "连接不上".
  await ui(lead).locator('.rcard__desc', { hasText: LIFT }).waitFor();
  await lead.context().setOffline(true);
  await ui(lead).getByRole('tab', { name: /分派给我/ }).click();
  await ui(lead).getByText('手机没有联网：请打开 Wi-Fi 或手机流量，连上后再试一次').waitFor();
  await shot(lead, 'offline');
  await lead.context().setOffline(false);
  await button(lead, '重新加载').click();
  await ui(lead).getByText(/现在没有分派给您的反映|件/).first().waitFor();
});
