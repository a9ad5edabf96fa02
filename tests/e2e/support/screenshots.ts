import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../server';
import { PHONE } from './phones';

/** Where every browser test leaves its pictures (tests/e2e/screenshots/<file>-<step>.png). */
export const SHOTS = path.join(ROOT, 'tests/e2e/screenshots');

/**
 * The whole phone page as the person scrolls through it: Taro's h5 pages scroll inside their own
 * container, so the window is made as tall as that content for the picture, then put back. `settleMs`
 * lets toasts go and fonts settle first.
 */
export async function wholePhonePage(page: Page, file: string, settleMs = 300): Promise<void> {
  await page.waitForTimeout(settleMs);
  const height = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll('.taro_page, #app, body'), (e) => e.scrollHeight)));
  await page.setViewportSize({ width: PHONE.width, height: Math.max(PHONE.height, height) });
  await page.screenshot({ path: path.join(SHOTS, file) });
  await page.setViewportSize(PHONE);
}
