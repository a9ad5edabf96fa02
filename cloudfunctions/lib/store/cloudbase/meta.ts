/**
 * Small settings on CloudBase: one document per key, `_id` the key. Setting an absent key adds
 * the document, and the `_id` lets only the first add land (guards.ts); changing a value is an
 * update conditional on the value the caller expects.
 */
import type { MetaRepo } from '../port';
import type { CloudbaseKit, Stored } from './kit';

interface MetaDoc extends Stored {
  value: string;
}

export function cloudbaseMeta(kit: CloudbaseKit): MetaRepo {
  const meta: MetaRepo = {
    async get(key) {
      const d = await kit.docById<MetaDoc>('meta', key);
      return d?.value ?? null;
    },
    async setIfAbsent(key, value) {
      const doc: MetaDoc = { _id: key, value };
      if (await kit.addOnce('meta', doc)) return value;
      return (await meta.get(key))!;
    },
    async compareAndSet(key, expected, next) {
      if (expected === null) {
        const doc: MetaDoc = { _id: key, value: next };
        return kit.addOnce('meta', doc);
      }
      return (await kit.update(kit.coll('meta').where({ _id: key, value: expected }), { value: next })) === 1;
    },
  };
  return meta;
}
