import type { Store } from '../../../cloudfunctions/lib/store/port';
import type { ContractContext } from './context';

export function metaContract(ctx: ContractContext) {
  describe('meta', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    it('keeps the first value written for a key, even under concurrent writers', async () => {
      const values = await Promise.all(['x', 'y', 'z'].map((v) => store.meta.setIfAbsent('secret', v)));
      expect(new Set(values).size).toBe(1);
      expect(await store.meta.get('secret')).toBe(values[0]);
      expect(await store.meta.get('missing')).toBeNull();
    });

    it('compares and sets a meta value, one winner among racing writers', async () => {
      expect(await store.meta.compareAndSet('policy:x', 'old', 'v1')).toBe(false);
      expect(await store.meta.compareAndSet('policy:x', null, 'v1')).toBe(true);
      expect(await store.meta.compareAndSet('policy:x', null, 'v1b')).toBe(false);
      const results = await Promise.all(['a', 'b', 'c', 'd'].map((v) => store.meta.compareAndSet('policy:x', 'v1', v)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(['a', 'b', 'c', 'd']).toContain(await store.meta.get('policy:x'));
    });
  });
}
