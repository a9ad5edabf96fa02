import type { Browser, Page } from 'playwright-core';

/** A phone's screen in CSS pixels. */
export const PHONE = { width: 390, height: 844 };

/**
 * A phone of its own (a browser context: nothing shared with the other phones), in China, with what
 * `storage` says already in Taro storage when the first page loads: written the way
 * Taro.setStorageSync writes it, `{ data }` as JSON in localStorage. With `clock`, the phone's clock
 * starts there (the server's test clock, so "今天" means what it says).
 */
export async function openPhone(browser: Browser, storage: Record<string, unknown> = {}, opts: { clock?: number } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
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
