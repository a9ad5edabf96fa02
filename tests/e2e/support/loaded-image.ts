import type { Locator } from 'playwright-core';

/**
 * Whether an <img> was loaded by the browser: waits (up to `timeoutMs`) until it has an address and its decoded
 * bytes. An image counts as `complete` before its address is set (Taro's Image sets it after mounting) and while a
 * busy machine is still fetching, so one look at `complete` is not enough. False if it never loads.
 */
export async function imageLoaded(img: Locator, timeoutMs = 15_000): Promise<boolean> {
  await img.waitFor();
  return img.evaluate(
    (i: HTMLImageElement, ms: number) =>
      new Promise<boolean>((settle) => {
        const until = Date.now() + ms;
        const look = () => {
          if (i.currentSrc && i.complete && i.naturalWidth > 0) return settle(true);
          if (Date.now() > until) return settle(false);
          setTimeout(look, 100);
        };
        look();
      }),
    timeoutMs,
  );
}
