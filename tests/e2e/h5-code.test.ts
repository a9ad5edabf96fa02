/**
 * The landing page every code opens, in the h5 build, in Chromium on a phone-sized screen, against
 * the real local host on a fresh database with the test clock. Community staff (张伟) make codes
 * over the API the way the management page does; then a phone that has never signed in opens each
 * code's local link (`/pages/code/index?scene=<id>`, what the local QR code holds) and reads what the
 * code is, or why it cannot be used and what to do instead.
 *
 * Screenshots land in tests/e2e/screenshots/h5-code-*.png.
 */
import type { Page } from 'playwright-core';
import { api } from './support/api';
import { phoneHost } from './support/host';
import { openPhone } from './support/phones';
import { readabilityCheck } from './support/readability';
import { wholePhonePage } from './support/screenshots';
import { button, ui, words } from './support/taro';
import { testClock } from './support/test-clock';
import { demoPlaces } from './support/units';

const HOUR = 3600_000;

const host = phoneHost({ JINLIN_TEST_CLOCK: '1', JINLIN_DEMO_RESIDENTS: '60', JINLIN_DEMO_REPORTS: '0' });
const http = api(() => host.url);
const { call } = http;
const clock = testClock(http);

/** A phone that has never signed in (whoever scans a code may not be registered), on the server's clock. */
const freshPhone = async () => openPhone(host.browser, {}, { clock: await clock.now() });

const openCode = (page: Page, scene: string) => page.goto(`${host.url}/pages/code/index?scene=${encodeURIComponent(scene)}`);

/** What an older reader cannot read or tap on this page (DESIGN.md, 长辈版). */
const ELDER_CHECK = readabilityCheck({ textUnder: 17.95, headings: '.code__title, .code-page__title', tapTargets: 'taro-button-core, .code-form__input' });

async function shot(page: Page, name: string) {
  await wholePhonePage(page, `h5-code-${name}.png`);
  expect({ page: name, problems: await page.evaluate(ELDER_CHECK) }).toEqual({ page: name, problems: [] });
}

it('shows each code to a phone that never signed in: what it is and where, or why not and what to do', async () => {
  // 张伟 (community staff) makes the codes the way the management page does.
  const staff = await http.signIn('shequ');
  const { building } = await demoPlaces(http, staff);
  const [resident] = await call<{ id: string }[]>('people', 'search', { q: '孙福贵' }, { token: staff });
  const make = (data: Record<string, unknown>) => call<{ id: string }>('codes', 'create', { unitId: building.id, ...data }, { token: staff });

  const buildingCode = await make({ purpose: 'building', label: '1号楼一单元门口' });
  const personal = await make({ purpose: 'personal', personId: resident.id });
  const revoked = await make({ purpose: 'building' });
  await call('codes', 'revoke', { id: revoked.id, reason: '海报被撕坏，换了新码' }, { token: staff });
  const shortLived = await make({ purpose: 'building', validUntil: (await clock.now()) + HOUR });

  // A building code, scanned: what it is, where, what scanning does, and the way on.
  const phone = await freshPhone();
  await openCode(phone, buildingCode.id);
  await ui(phone).getByText('楼栋码', { exact: true }).waitFor();
  let seen = await words(phone);
  // Its next step is the join page (登记入住, tests/e2e/h5-join.test.ts walks it).
  for (const w of ['✓ 可以使用', '阳光社区 幸福里小区 1号楼', '加入本楼，成为楼里的居民', '登记入住本楼']) expect(seen).toContain(w);
  await shot(phone, '01-building');

  // A personal code: whom it is for, masked, and until when.
  await openCode(phone, personal.id);
  await ui(phone).getByText('个人码', { exact: true }).waitFor();
  seen = await words(phone);
  expect(seen).toContain('孙*贵（只能本人使用）');
  expect(seen).toMatch(/请在 .+ 前使用/);
  await shot(phone, '02-personal');

  // A revoked code: the server's message, the status in words, the way on.
  await openCode(phone, revoked.id);
  await ui(phone).getByText('✕ 已作废').waitFor();
  expect(await words(phone)).toContain('这个码已作废');
  await shot(phone, '03-revoked');

  // The short-lived code after its hour: expired; typing another code shows that one.
  await clock.advance(2 * HOUR);
  await phone.context().clock.setSystemTime(await clock.now());
  await openCode(phone, shortLived.id);
  await ui(phone).getByText('✕ 已过期').waitFor();
  seen = await words(phone);
  expect(seen).toContain('这个码不能再用了');
  expect(seen).toContain('这个码已过期');
  await shot(phone, '04-expired');
  await button(phone, '输入别的码').click();
  await ui(phone).getByRole('textbox', { name: '请输入 12 位编号' }).fill(buildingCode.id.toUpperCase().replace(/(.{4})(?=.)/g, '$1 '));
  await shot(phone, '05-expired-typing');
  await button(phone, '查看').click();
  await ui(phone).getByText('楼栋码', { exact: true }).waitFor();

  // A code nobody made: not found, and the box to type the number is right there.
  await openCode(phone, 'zzzzzzzzzzzz');
  await ui(phone).getByText('没有找到这个码').waitFor();
  expect(await words(phone)).toContain('没有这个码');
  await shot(phone, '06-not-found');

  // Opened without a code: it asks for the number.
  await phone.goto(`${host.url}/pages/code/index`);
  await ui(phone).getByText('查看一个码').waitFor();
  await shot(phone, '07-typed');
  await phone.context().close();
});
