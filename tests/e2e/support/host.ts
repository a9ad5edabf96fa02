import { mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../browser';
import { ensureBuilt, startServer, type RunningServer } from '../server';
import { SHOTS } from './screenshots';

// Jest takes testTimeout from the root config only, so under `npm test` a hook would get 5 s.
export const START_TIMEOUT = 120_000;

export interface PhoneHost {
  server: RunningServer;
  /** The Chromium each phone opens a context of. */
  browser: Browser;
  /** The host's address, once started. */
  url: string;
}

/**
 * For a file of phone tests: the real local host on a fresh database (with `env`: the WeChat
 * stand-in, the test clock, how many demo residents) and one Chromium, started before the file's
 * tests and stopped after. The returned object is filled in when they have started.
 */
export function phoneHost(env: Record<string, string>): PhoneHost {
  const host = {} as PhoneHost;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ensureBuilt();
    host.server = await startServer({ env });
    host.url = host.server.url;
    host.browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  }, START_TIMEOUT);
  afterAll(async () => {
    await host.browser?.close();
    await host.server?.stop();
  }, START_TIMEOUT);
  return host;
}
