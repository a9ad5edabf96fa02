/**
 * Bounded concurrency for work that waits on the network: each request to CloudBase (or WeChat)
 * takes tens of milliseconds, so one after another a few hundred of them outlast a function's
 * timeout, while all at once they would open hundreds of connections and trip the service's limits.
 */

/** Runs `fn` on every item, at most `width` at once; answers in the items' order. A failure rejects once the ones started have settled. */
export async function mapAtOnce<T, R>(items: readonly T[], width: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let failed: { error: unknown } | null = null;
  const worker = async () => {
    while (next < items.length && !failed) {
      const i = next++;
      try {
        out[i] = await fn(items[i], i);
      } catch (error) {
        failed ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, items.length)) }, worker));
  if (failed) throw (failed as { error: unknown }).error;
  return out;
}
