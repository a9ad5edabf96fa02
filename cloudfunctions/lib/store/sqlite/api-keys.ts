/** Open311 interface keys in SQLite: one row per key, found by its hash; a revoke is conditional on the key being live. */
import type { Database as Db } from 'better-sqlite3';
import type { ApiKey, ApiKeyRepo } from '../port';

interface ApiKeyRow {
  id: string;
  community_id: string;
  community_path: string;
  partner: string;
  key_hash: string;
  shown: string;
  actor_id: string;
  created_at: number;
  created_by: string;
  revoked_at: number | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

const toKey = (r: ApiKeyRow): ApiKey => ({
  id: r.id,
  communityId: r.community_id,
  communityPath: r.community_path,
  partner: r.partner,
  keyHash: r.key_hash,
  shown: r.shown,
  actorId: r.actor_id,
  createdAt: r.created_at,
  createdBy: r.created_by,
  revokedAt: r.revoked_at,
  revokedBy: r.revoked_by,
  revokeReason: r.revoke_reason,
});

export function sqliteApiKeys(db: Db): ApiKeyRepo {
  const q = {
    insert: db.prepare(
      `INSERT INTO api_keys (id, community_id, community_path, partner, key_hash, shown, actor_id, created_at, created_by, revoked_at, revoked_by, revoke_reason)
       VALUES (@id, @communityId, @communityPath, @partner, @keyHash, @shown, @actorId, @createdAt, @createdBy, @revokedAt, @revokedBy, @revokeReason)`,
    ),
    get: db.prepare<[string], ApiKeyRow>('SELECT * FROM api_keys WHERE id = ?'),
    byHash: db.prepare<[string], ApiKeyRow>('SELECT * FROM api_keys WHERE key_hash = ?'),
    forCommunity: db.prepare<[string], ApiKeyRow>('SELECT * FROM api_keys WHERE community_id = ? ORDER BY created_at DESC, id DESC'),
    // RETURNING: the key as this revoke left it; nothing when it was gone or already revoked.
    revoke: db.prepare<[number, string, string, string], ApiKeyRow>(
      'UPDATE api_keys SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS NULL RETURNING *',
    ),
  };
  return {
    async insert(k) {
      q.insert.run(k);
    },
    async get(id) {
      const r = q.get.get(id);
      return r ? toKey(r) : null;
    },
    async findByHash(hash) {
      const r = q.byHash.get(hash);
      return r ? toKey(r) : null;
    },
    async listForCommunity(communityId) {
      return q.forCommunity.all(communityId).map(toKey);
    },
    async revoke(id, at, by, reason) {
      const r = q.revoke.get(at, by, reason, id);
      return r ? toKey(r) : null;
    },
  };
}
