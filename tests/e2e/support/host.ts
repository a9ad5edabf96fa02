import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, openDeskBrowser } from '../browser';
import { ensureBuilt, startServer, type RunningServer } from '../server';
import { SHOTS } from './screenshots';

/**
 * Starting the real local host on a fresh database for a file of browser tests, and stopping it and
 * its browser after them. `env` says how the host runs: the WeChat stand-in, the test clock, how many
 * demo residents. The returned object is filled in once the host has started (in the file's first
 * beforeAll: a file's own beforeAll runs after it).
 */

// Jest takes testTimeout from the root config only, so under `npm test` a hook would get 5 s.
export const START_TIMEOUT = 120_000;

/** A desk PC's screen for the management page. */
export const DESK = { width: 1440, height: 900 };

export interface PhoneHost {
  server: RunningServer;
  /** The Chromium each phone opens a context of. */
  browser: Browser;
  /** The host's address. */
  url: string;
}

/** For phone tests: the host and one Chromium, each phone a context of its own. */
/** `browserArgs`: flags beyond CHROMIUM_ARGS, e.g. the fake microphone of the voice-note test. */
export function phoneHost(env: Record<string, string>, opts: { browserArgs?: string[] } = {}): PhoneHost {
  const host = {} as PhoneHost;
  let started: Promise<void> | undefined;
  beforeAll(
    () =>
      (started = (async () => {
        mkdirSync(SHOTS, { recursive: true });
        ensureBuilt();
        host.server = await startServer({ env });
        host.url = host.server.url;
        host.browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...(opts.browserArgs ?? [])] });
      })()),
    START_TIMEOUT,
  );
  afterAll(async () => {
    // A start that outran its hook (a long build of stale pages) still ends here, not as a stray server.
    await started?.catch(() => undefined);
    await host.browser?.close();
    await host.server?.stop();
  }, START_TIMEOUT);
  return host;
}

export interface DeskHost {
  server: RunningServer;
  /** The host's address. */
  url: string;
  /** With `downloads`, a temporary folder the page's downloads land in, removed after. */
  downloads: string;
  /**
   * The management page's desk PC (last in the file's own beforeAll, once its data is made). With
   * `farFromChina`, Chromium runs in Los Angeles time, as it takes its zone from TZ (set after the
   * server started, which keeps its own): China's days must not depend on the desk's clock.
   */
  openBrowser(opts?: { farFromChina?: boolean }): Promise<Page>;
}

/** For management-page tests: the host, and one desk browser the file opens when its data is made. */
export function deskHost(env: Record<string, string>, opts: { downloads?: boolean } = {}): DeskHost {
  const host = {} as DeskHost;
  let closeBrowser: (() => Promise<void>) | undefined;
  let movedZone = false;
  host.openBrowser = async ({ farFromChina = false } = {}) => {
    if (farFromChina) {
      process.env.TZ = 'America/Los_Angeles';
      movedZone = true;
    }
    const desk = await openDeskBrowser(DESK, { acceptDownloads: opts.downloads ?? false });
    closeBrowser = desk.close;
    return desk.page;
  };
  let started: Promise<void> | undefined;
  beforeAll(
    () =>
      (started = (async () => {
        mkdirSync(SHOTS, { recursive: true });
        if (opts.downloads) host.downloads = mkdtempSync(path.join(tmpdir(), 'jinlin-e2e-downloads-'));
        ensureBuilt();
        host.server = await startServer({ env });
        host.url = host.server.url;
      })()),
    START_TIMEOUT,
  );
  afterAll(async () => {
    // A start that outran its hook (a long build of stale pages) still ends here, not as a stray server.
    await started?.catch(() => undefined);
    if (movedZone) delete process.env.TZ;
    await closeBrowser?.();
    await host.server?.stop();
    if (host.downloads) rmSync(host.downloads, { recursive: true, force: true });
  }, START_TIMEOUT);
  return host;
}
