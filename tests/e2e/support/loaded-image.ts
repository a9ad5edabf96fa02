import type { Locator } from 'playwright-core';

/** Whether an <img> was loaded by the browser: waits for its bytes first (a busy machine may still be fetching when
 *  the element appears), and is false if the browser could not decode them. */
export async function imageLoaded(img: Locator): Promise<boolean> {
  await img.waitFor();
  return img.evaluate((i: HTMLImageElement) => {
    const done = () => i.complete && i.naturalWidth > 0;
    if (i.complete) return done();
    return new Promise<boolean>((settle) => {
      i.addEventListener('load', () => settle(done()), { once: true });
      i.addEventListener('error', () => settle(false), { once: true });
    });
  });
}
