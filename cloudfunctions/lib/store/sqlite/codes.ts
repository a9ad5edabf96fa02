/**
 * Codes on SQLite: one row per code, every field a column. A use is one UPDATE that checks
 * revocation, the validity window and the limit and counts the use together, so of any number of
 * concurrent uses at most `use_limit` change the row; the reason for a refusal is read afterwards.
 */
import type { Database as Db } from 'better-sqlite3';
import { codeRefusal, type Code, type CodePurpose } from '../../../../src/core';
import type { CodeRepo } from '../port';
import type { SqliteKit } from './kit';

interface CodeRow {
  id: string;
  purpose: string;
  unit_id: string;
  unit_path: string;
  person_id: string | null;
  label: string | null;
  valid_from: number | null;
  valid_until: number | null;
  use_limit: number | null;
  uses: number;
  scans: number;
  created_by: string;
  created_at: number;
  revoked_at: number | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  image: string | null;
}

const toCode = (r: CodeRow): Code => ({
  id: r.id,
  purpose: r.purpose as CodePurpose,
  unitId: r.unit_id,
  unitPath: r.unit_path,
  personId: r.person_id,
  label: r.label,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
  useLimit: r.use_limit,
  uses: r.uses,
  scans: r.scans,
  createdBy: r.created_by,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  revokedBy: r.revoked_by,
  revokeReason: r.revoke_reason,
  image: r.image,
});

export function sqliteCodes(db: Db, { stmt }: SqliteKit): CodeRepo {
  const q = {
    insert: db.prepare(
      `INSERT INTO codes (id, purpose, unit_id, unit_path, person_id, label, valid_from, valid_until, use_limit, uses, scans, created_by, created_at, revoked_at, revoked_by, revoke_reason, image)
       VALUES (@id, @purpose, @unitId, @unitPath, @personId, @label, @validFrom, @validUntil, @useLimit, @uses, @scans, @createdBy, @createdAt, @revokedAt, @revokedBy, @revokeReason, @image)`,
    ),
    get: db.prepare<[string], CodeRow>('SELECT * FROM codes WHERE id = ?'),
    forPerson: db.prepare<[string], CodeRow>('SELECT * FROM codes WHERE person_id = ? ORDER BY created_at DESC, id DESC'),
    scan: db.prepare('UPDATE codes SET scans = scans + 1 WHERE id = ?'),
    // RETURNING: the code as the use left it, from the same statement that took the use.
    use: db.prepare<{ id: string; at: number }, CodeRow>(
      `UPDATE codes SET uses = uses + 1
       WHERE id = @id AND revoked_at IS NULL
         AND (valid_from IS NULL OR valid_from <= @at)
         AND (valid_until IS NULL OR valid_until > @at)
         AND (use_limit IS NULL OR uses < use_limit)
       RETURNING *`,
    ),
    giveBack: db.prepare('UPDATE codes SET uses = uses - 1 WHERE id = ? AND uses > 0'),
    revoke: db.prepare<[number, string, string, string], CodeRow>(
      'UPDATE codes SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS NULL RETURNING *',
    ),
    setImage: db.prepare('UPDATE codes SET image = ? WHERE id = ? AND image IS NULL'),
    image: db.prepare<[string], { image: string | null }>('SELECT image FROM codes WHERE id = ?'),
  };

  return {
    async insert(c) {
      // A taken id fails the primary key and throws: the caller draws another.
      q.insert.run(c);
    },
    async get(id) {
      const r = q.get.get(id);
      return r ? toCode(r) : null;
    },
    async listForUnit(unitId, opts = {}) {
      const purposes = opts.purposes;
      const args: unknown[] = [unitId];
      let sql = 'SELECT * FROM codes WHERE unit_id = ?';
      if (purposes) {
        if (purposes.length === 0) return [];
        sql += ` AND purpose IN (${purposes.map(() => '?').join(',')})`;
        args.push(...purposes);
      }
      sql += ' ORDER BY created_at DESC, id DESC';
      if (opts.limit !== undefined) (sql += ' LIMIT ?'), args.push(opts.limit);
      return (stmt(sql).all(...args) as CodeRow[]).map(toCode);
    },
    async listForPerson(personId) {
      return q.forPerson.all(personId).map(toCode);
    },
    async countScan(id) {
      q.scan.run(id);
    },
    async use(id, at) {
      const taken = q.use.get({ id, at });
      if (taken) return { ok: true, code: toCode(taken) };
      const r = q.get.get(id);
      if (!r) return { ok: false, reason: 'not_found' };
      // The UPDATE refused, so the stored code refuses too; only a give-back from another process
      // in between could free a use again, and then the answer stands as it was when refused.
      return { ok: false, reason: codeRefusal(toCode(r), at) ?? 'used_up' };
    },
    async giveBack(id) {
      return q.giveBack.run(id).changes === 1;
    },
    async revoke(id, at, by, reason) {
      const r = q.revoke.get(at, by, reason, id);
      return r ? toCode(r) : null;
    },
    async setImage(id, image) {
      q.setImage.run(image, id);
      return q.image.get(id)?.image ?? null;
    },
  };
}
