/**
 * Codes on CloudBase: one document per code, `_id` its id.
 *
 * A use reads the code, refuses what already refuses, and then takes the use with an update
 * conditional on the code being unrevoked and under its limit (`uses: _.lt(useLimit)`), counting
 * `updated === 1`. Of any number of concurrent uses the database applies the conditional
 * increments one at a time, so at most `useLimit` match. The validity window and the limit never
 * change after a code is made, so checking the window on the read is as good as in the update.
 * Give-backs, revocation, the image and scans are single conditional updates too.
 */
import { codeRefusal, type Code } from '../../../../src/core';
import type { CodeRepo } from '../port';
import type { CloudbaseKit, Stored } from './kit';

/** A code as stored: the domain's Code with its id as `_id`; optional fields are null, never absent. */
export interface CodeDoc extends Stored, Omit<Code, 'id'> {}

const toCode = (d: CodeDoc): Code => ({
  id: d._id,
  purpose: d.purpose,
  unitId: d.unitId,
  unitPath: d.unitPath,
  personId: d.personId ?? null,
  label: d.label ?? null,
  validFrom: d.validFrom ?? null,
  validUntil: d.validUntil ?? null,
  useLimit: d.useLimit ?? null,
  uses: d.uses,
  scans: d.scans,
  createdBy: d.createdBy,
  createdAt: d.createdAt,
  revokedAt: d.revokedAt ?? null,
  revokedBy: d.revokedBy ?? null,
  revokeReason: d.revokeReason ?? null,
  image: d.image ?? null,
});

const codeDoc = ({ id, ...c }: Code): CodeDoc => ({ _id: id, ...c });

export function cloudbaseCodes(kit: CloudbaseKit): CodeRepo {
  const _ = kit.command;
  const coll = () => kit.coll('codes');
  const get = async (id: string) => {
    const d = await kit.docById<CodeDoc>('codes', id);
    return d ? toCode(d) : null;
  };
  const newestFirst = (where: object) => coll().where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc');

  return {
    async insert(c) {
      // `_id` is unique in every collection: a taken id fails the add and throws.
      await coll().add(codeDoc(c));
    },
    get,
    async listForUnit(unitId, opts = {}) {
      const { purposes, limit } = opts;
      if (purposes?.length === 0 || (limit !== undefined && limit <= 0)) return [];
      const where = purposes ? { unitId, purpose: _.in([...purposes]) } : { unitId };
      return (await kit.drainBySkip<CodeDoc>(newestFirst(where), limit)).map(toCode);
    },
    async listForPerson(personId) {
      return (await kit.drainBySkip<CodeDoc>(newestFirst({ personId }))).map(toCode);
    },
    async countScan(id) {
      await kit.update(coll().where({ _id: id }), { scans: _.inc(1) });
    },
    async use(id, at) {
      const c = await get(id);
      if (!c) return { ok: false, reason: 'not_found' };
      const refused = codeRefusal(c, at);
      if (refused) return { ok: false, reason: refused };
      const cond = c.useLimit === null ? { _id: id, revokedAt: null } : { _id: id, revokedAt: null, uses: _.lt(c.useLimit) };
      if ((await kit.update(coll().where(cond), { uses: _.inc(1) })) === 1) {
        // The uses this call read plus its own; concurrent uses may have added more meanwhile.
        return { ok: true, code: { ...c, uses: c.uses + 1 } };
      }
      // Revoked or used up since the read: the code as it is now says which.
      const now = await get(id);
      if (!now) return { ok: false, reason: 'not_found' };
      return { ok: false, reason: codeRefusal(now, at) ?? 'used_up' };
    },
    async giveBack(id) {
      return (await kit.update(coll().where({ _id: id, uses: _.gt(0) }), { uses: _.inc(-1) })) === 1;
    },
    async revoke(id, at, by, reason) {
      // Conditional on revokedAt: of concurrent revokes, one changes the code.
      const n = await kit.update(coll().where({ _id: id, revokedAt: null }), { revokedAt: at, revokedBy: by, revokeReason: reason });
      return n === 1 ? get(id) : null;
    },
    async setImage(id, image) {
      // Conditional on image: the first recorded stays, and every caller reads that one back.
      await kit.update(coll().where({ _id: id, image: null }), { image });
      const d = await kit.docById<CodeDoc>('codes', id, { image: true });
      return d?.image ?? null;
    },
  };
}
