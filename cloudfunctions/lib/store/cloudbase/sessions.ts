/** Web sign-in sessions on CloudBase: one document per session, `_id` its id. */
import type { Session, SessionRepo } from '../port';
import type { CloudbaseKit, Stored } from './kit';

interface SessionDoc extends Stored {
  tokenHash: string;
  personId: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

const toSession = (d: SessionDoc): Session => ({
  id: d._id,
  tokenHash: d.tokenHash,
  personId: d.personId,
  createdAt: d.createdAt,
  expiresAt: d.expiresAt,
  revokedAt: d.revokedAt ?? null,
});

export function cloudbaseSessions(kit: CloudbaseKit): SessionRepo {
  const _ = kit.command;
  const coll = () => kit.coll('sessions');
  return {
    async insert(s) {
      const doc: SessionDoc = {
        _id: s.id,
        tokenHash: s.tokenHash,
        personId: s.personId,
        createdAt: s.createdAt,
        expiresAt: s.expiresAt,
        revokedAt: s.revokedAt,
      };
      await coll().add(doc);
    },
    async findByTokenHash(h) {
      const [d] = await kit.rows<SessionDoc>(coll().where({ tokenHash: h }).limit(1));
      return d ? toSession(d) : null;
    },
    async revoke(id, at) {
      // Conditional on revokedAt: of two revokes, one changes the session.
      return (await kit.update(coll().where({ _id: id, revokedAt: null }), { revokedAt: at })) === 1;
    },
    async revokeAllFor(personId, at, except) {
      // One conditional update: a session revoked meanwhile (signed out) is not counted twice.
      const live = { personId, revokedAt: null, expiresAt: _.gt(at) };
      return kit.update(coll().where(except === undefined ? live : { ...live, _id: _.neq(except) }), { revokedAt: at });
    },
    async purgeExpired(before) {
      return kit.remove(coll().where({ expiresAt: _.lt(before) }));
    },
  };
}
