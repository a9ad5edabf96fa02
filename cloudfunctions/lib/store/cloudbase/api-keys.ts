/**
 * Open311 interface keys on CloudBase: one document per key, `_id` its id. A revoke is one update
 * conditional on `revokedAt: null`, so of two racing revokes one changes the key. The key's hash is
 * random (256 bits of the key): the unique index on it is a second line of defence, not an invariant.
 */
import type { ApiKey, ApiKeyRepo } from '../port';
import type { CloudbaseKit, Stored } from './kit';

export interface ApiKeyDoc extends Stored, Omit<ApiKey, 'id'> {}

const toKey = (d: ApiKeyDoc): ApiKey => ({
  id: d._id,
  communityId: d.communityId,
  communityPath: d.communityPath,
  partner: d.partner,
  keyHash: d.keyHash,
  shown: d.shown,
  actorId: d.actorId,
  createdAt: d.createdAt,
  createdBy: d.createdBy,
  revokedAt: d.revokedAt ?? null,
  revokedBy: d.revokedBy ?? null,
  revokeReason: d.revokeReason ?? null,
});

export function cloudbaseApiKeys(kit: CloudbaseKit): ApiKeyRepo {
  const coll = () => kit.coll('api_keys');
  const get = async (id: string) => {
    const d = await kit.docById<ApiKeyDoc>('api_keys', id);
    return d ? toKey(d) : null;
  };
  return {
    async insert({ id, ...k }) {
      // `_id` is unique in every collection: a taken id fails the add and throws.
      await coll().add({ _id: id, ...k });
    },
    get,
    async findByHash(keyHash) {
      const [d] = await kit.rows<ApiKeyDoc>(coll().where({ keyHash }).limit(1));
      return d ? toKey(d) : null;
    },
    async listForCommunity(communityId) {
      const q = coll().where({ communityId }).orderBy('createdAt', 'desc').orderBy('_id', 'desc');
      return (await kit.drainBySkip<ApiKeyDoc>(q)).map(toKey);
    },
    async revoke(id, at, by, reason) {
      const n = await kit.update(coll().where({ _id: id, revokedAt: null }), { revokedAt: at, revokedBy: by, revokeReason: reason });
      return n === 1 ? get(id) : null;
    },
  };
}
