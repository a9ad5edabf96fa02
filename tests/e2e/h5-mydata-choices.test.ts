/**
 * 我的信息's choices (#28) in the h5 build, in Chromium on a phone-sized screen (390×844), against the
 * real local host on a fresh database: the demo resident 孙福贵 (jumin) turns off 照片 on 我的信息 and
 * reads it back after a reload; then on 更正 asks to move to 2号楼 2单元 5层 502室 and reads that it
 * waits for the lead; the building's approver (刘芳, 2号楼 has no lead of its own) approves it, and
 * 我的信息 shows the new home. The same pages in 长辈版 too.
 *
 * Screenshots land in tests/e2e/screenshots/h5-mydata-choices-*.png.
 */
import type { Page } from 'playwright-core';
import { CONSENT_INFO } from '../../src/core/own-data';
import { api } from './support/api';
import { phoneHost } from './support/host';
import { PHONE, signedInPhone } from './support/phones';
import { wholePhonePage } from './support/screenshots';
import { box, button, ui, words } from './support/taro';

const host = phoneHost({ JINLIN_DEMO_REPORTS: '0' });
const http = api(() => host.url);

async function shot(page: Page, name: string) {
  await wholePhonePage(page, `h5-mydata-choices-${name}.png`, 400);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

const toggle = (page: Page, label: string) => ui(page).getByRole('switch', { name: label });

it('keeps a resident’s consent and sends his new door to the lead, then shows the new home once approved', async () => {
  const page = await signedInPhone(host.browser, host.url, 'jumin', '孙福贵');

  await page.goto(`${host.url}/mydata/index/index`);
  await ui(page).getByText('我同意别人看到的').waitFor();
  expect(await toggle(page, CONSENT_INFO.photos.label).getAttribute('aria-checked')).toBe('true');
  expect(await toggle(page, CONSENT_INFO.board.label).getAttribute('aria-checked')).toBe('false');
  await toggle(page, CONSENT_INFO.photos.label).click();
  await ui(page).getByText('已保存，随时可以再改').waitFor();
  await shot(page, '01-consent');
  await page.reload();
  await ui(page).getByText('我同意别人看到的').waitFor();
  expect(await toggle(page, CONSENT_INFO.photos.label).getAttribute('aria-checked')).toBe('false');

  await button(page, '更正我的信息').click();
  await page.waitForURL(/\/mydata\/correct\/index/);
  await button(page, '改门牌').click();
  await ui(page).getByText('2号楼', { exact: true }).click();
  await box(page, '例如：2').fill('2');
  await box(page, '例如：5').fill('5');
  await box(page, '例如：502').fill('502');
  await shot(page, '02-move-form');
  await button(page, '提交给楼栋长审核').click();
  await ui(page).getByText(/等待审核：搬到 .*2号楼 2单元 5层 502室/).waitFor();
  await shot(page, '03-move-pending');

  // 长辈版: the same two pages, larger.
  await page.evaluate(() => localStorage.setItem('jinlin.elderMode', JSON.stringify({ data: true })));
  await page.reload();
  await ui(page).getByText(/等待审核：搬到/).waitFor();
  await shot(page, '04-move-pending-elder');
  await page.goto(`${host.url}/mydata/index/index`);
  await ui(page).getByText('我同意别人看到的').waitFor();
  await shot(page, '05-consent-elder');

  // The approver of 2号楼 approves; 我的信息 shows the new home and not the old one.
  const secretary = { token: await http.signIn('zhibu') };
  const queue = (await http.call<{ registrations: { id: string; version: number; name: string }[] }>('registration', 'pending', {}, secretary)).registrations;
  const move = queue.find((r) => r.name === '孙福贵')!;
  await http.call('registration', 'approve', { id: move.id, version: move.version }, secretary);
  await page.reload();
  await ui(page).getByText('我同意别人看到的').waitFor();
  const seen = await words(page);
  expect(seen).toContain('门牌：2单元 5层 502室');
  expect(seen).toContain('幸福里小区 / 2号楼');
  expect(seen).not.toContain('幸福里小区 / 1号楼');
});
