import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

/**
 * The Chromium every browser test drives (playwright-core, never a downloaded browser). The flags
 * keep it from calling out to Google's services, which on this closed network only produce refused
 * connections and slow it down.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * A desk-PC browser for the management page: Chromium with a temporary profile of its own (so no
 * session leaks between test files), Chinese locale, the given screen. close() shuts it and removes
 * the profile.
 */
export async function openDeskBrowser(viewport: { width: number; height: number }, opts: { acceptDownloads?: boolean } = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), 'jinlin-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    locale: 'zh-CN',
    acceptDownloads: opts.acceptDownloads ?? false,
    args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15000);
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, close };
}
