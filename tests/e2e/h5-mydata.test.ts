/**
 * 我的信息 and 注销 (#28) for a resident, in the h5 build, in Chromium on a phone-sized screen (390×844),
 * against the real local host on a fresh database. The demo resident 孙福贵 (jumin) opens 我的 → 我的信息:
 * every kind with who can see it and his own name and phone; 下载一份 saves the file. Then 注销账号:
 * the consequences, 我已了解, 确定注销 — and he is signed out, and his login no longer works.
 *
 * Screenshots land in tests/e2e/screenshots/h5-mydata-*.png.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { OWN_DATA_KIND_INFO } from '../../src/core/own-data';
import { api } from './support/api';
import { phoneHost } from './support/host';
import { PHONE, signedInPhone } from './support/phones';
import { wholePhonePage } from './support/screenshots';
import { button, ui, words } from './support/taro';

const host = phoneHost({ JINLIN_DEMO_REPORTS: '0' });
const http = api(() => host.url);

async function shot(page: Page, name: string) {
  await wholePhonePage(page, `h5-mydata-${name}.png`, 400);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

it('shows a resident everything kept about him with who sees it, gives a copy, and lets him leave after two confirms', async () => {
  const page = await signedInPhone(host.browser, host.url, 'jumin', '孙福贵');

  await page.goto(`${host.url}/pages/me/index`);
  await button(page, '我的信息').click();
  await page.waitForURL(/\/mydata\/index\/index/);
  await ui(page).getByText('谁能看到：', { exact: false }).first().waitFor();
  const seen = await words(page);
  for (const info of Object.values(OWN_DATA_KIND_INFO)) expect(seen).toContain(`谁能看到：${info.seenBy}`);
  for (const w of ['孙福贵', '手机号：13800000007', '幸福里小区']) expect(seen).toContain(w);
  await shot(page, '01-mine');

  const download = page.waitForEvent('download');
  await button(page, '下载一份').click();
  expect(JSON.parse(readFileSync(await (await download).path(), 'utf8'))).toMatchObject({ account: { items: [expect.objectContaining({ name: '孙福贵' })] } });
  await ui(page).getByText(/已下载：/).waitFor();

  await button(page, '注销账号').click();
  await page.waitForURL(/\/mydata\/leave\/index/);
  await button(page, '我已了解，继续注销').waitFor();
  expect((await words(page)).length).toBeGreaterThan(40);
  await shot(page, '02-leave-first');
  await button(page, '我已了解，继续注销').click();
  await ui(page).getByText('确定注销吗？').waitFor();
  await button(page, '确定注销').click();

  // Signed out and sent to the start, which asks a signed-out browser to sign in.
  await page.waitForURL(/\/pages\/login\/index/);
  await page.context().close();
  await expect(http.signIn('jumin')).rejects.toThrow();
});
