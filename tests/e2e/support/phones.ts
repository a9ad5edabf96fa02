import type { Browser, Page } from 'playwright-core';
import { button, ui } from './taro';

/** A phone's screen in CSS pixels. */
export const PHONE = { width: 390, height: 844 };

export interface PhoneOptions {
  clock?: number;
  deviceScaleFactor?: number;
}

/**
 * A phone of its own (a browser context: nothing shared with the other phones), in China, with what
 * `storage` says already in Taro storage when the first page loads: written the way
 * Taro.setStorageSync writes it, `{ data }` as JSON in localStorage. With `clock`, the phone's clock
 * starts there (the server's test clock, so "今天" means what it says); pictures are taken at
 * `deviceScaleFactor` (2 unless said).
 */
export async function openPhone(browser: Browser, storage: Record<string, unknown> = {}, opts: PhoneOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: opts.deviceScaleFactor ?? 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  if (opts.clock !== undefined) await context.clock.install({ time: opts.clock });
  if (Object.keys(storage).length)
    await context.addInitScript((items) => {
      for (const [k, v] of Object.entries(items)) localStorage.setItem(k, JSON.stringify({ data: v }));
    }, storage);
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  return page;
}

/**
 * The storage of a phone standing in for a WeChat user (`jinlin.devOpenid`, sent as
 * X-Jinlin-Dev-Openid) and, with `group`, opened inside that group (`jinlin.devGroup`, the openGId
 * the page sends as a `dev-group:` cloudID). Without `openid`, a browser without WeChat.
 */
export const wechatUser = (openid?: string, group?: string): Record<string, unknown> => ({
  ...(openid ? { 'jinlin.devOpenid': openid } : {}),
  ...(group ? { 'jinlin.devGroup': group } : {}),
});

/** Opens `group` on a phone already open (the card tapped inside that group); the next load sees it. */
export const enterGroup = (page: Page, group: string) => page.evaluate((g) => localStorage.setItem('jinlin.devGroup', JSON.stringify({ data: g })), group);

/** A person's own phone, signed in with their login on the page the app sends them to when signed out. */
export async function signedInPhone(browser: Browser, url: string, username: string, name: string, opts: PhoneOptions = {}): Promise<Page> {
  const page = await openPhone(browser, {}, opts);
  await page.goto(`${url}/`);
  await ui(page).getByRole('textbox', { name: '请输入账号' }).fill(username);
  await ui(page).getByRole('textbox', { name: '请输入密码' }).fill('demo1234');
  await button(page, '登录').click();
  await ui(page).getByText(`您好，${name}`).waitFor();
  return page;
}
