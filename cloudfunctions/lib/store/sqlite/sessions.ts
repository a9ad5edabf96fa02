import type { Database as Db } from 'better-sqlite3';
import type { Session, SessionRepo } from '../port';

interface SessionRow {
  id: string;
  token_hash: string;
  person_id: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

const toSession = (r: SessionRow): Session => ({
  id: r.id,
  tokenHash: r.token_hash,
  personId: r.person_id,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

export function sqliteSessions(db: Db): SessionRepo {
  const q = {
    insert: db.prepare(
      'INSERT INTO sessions (id, token_hash, person_id, created_at, expires_at, revoked_at) VALUES (@id, @tokenHash, @personId, @createdAt, @expiresAt, @revokedAt)',
    ),
    byHash: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE token_hash = ?'),
    revoke: db.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    // Rare (a password reset or change) and over live sessions only: a scan of the few live ones is cheap.
    revokeAll: db.prepare(
      'UPDATE sessions SET revoked_at = @at WHERE person_id = @personId AND revoked_at IS NULL AND expires_at > @at AND id IS NOT @except',
    ),
    purge: db.prepare('DELETE FROM sessions WHERE expires_at < ?'),
  };

  return {
    async insert(s) {
      q.insert.run(s);
    },
    async findByTokenHash(hash) {
      const r = q.byHash.get(hash);
      return r ? toSession(r) : null;
    },
    async revoke(id, at) {
      return q.revoke.run(at, id).changes === 1;
    },
    async revokeAllFor(personId, at, except) {
      return q.revokeAll.run({ personId, at, except: except ?? null }).changes;
    },
    async purgeExpired(before) {
      return q.purge.run(before).changes;
    },
  };
}
