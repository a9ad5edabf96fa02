/**
 * The Chromium every browser test drives (playwright-core, never a downloaded browser). The flags
 * keep it from calling out to Google's services, which on this closed network only produce refused
 * connections and slow it down.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
