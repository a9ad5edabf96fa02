import path from 'node:path';
import type { Page } from 'playwright-core';
import { SHOTS } from './screenshots';

/** The management page on a desk PC: signing in, and pictures of it. */

/** Opens the management page signed out (it sends them to its login), signs in and waits for their name in the header. */
export async function signInAtDesk(page: Page, url: string, username: string, name: string): Promise<void> {
  await page.goto(`${url}/admin/`);
  await page.waitForURL(/\/admin\/login/);
  await page.getByLabel('账号').fill(username);
  await page.getByLabel('密码').fill('demo1234');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('me-name').filter({ hasText: name }).waitFor();
}

/** A screenshot once passing messages have gone: they would hide the page. */
export async function deskShot(page: Page, file: string): Promise<void> {
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 8000 });
  await page.screenshot({ path: path.join(SHOTS, file) });
}
