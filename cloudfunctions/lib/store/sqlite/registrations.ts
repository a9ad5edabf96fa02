/**
 * Registrations on SQLite: one row per registration, the Registration as a JSON doc beside the
 * columns its lists and its uniqueness read (migration 10).
 *
 * How the invariants hold when requests race:
 * - One pending registration per applicant: partial unique indexes on openid and on key_hash
 *   where status = 'pending'. insertPending inserts, and when an index refuses, reads and answers
 *   the pending one; of any number of concurrent submits (in this process or another on the same
 *   file) one row goes in.
 * - approve is one transaction: the registration still pending at the version read; the person
 *   made (the unique openid/username columns refuse a taken one), claimed by an UPDATE that
 *   matches only while nobody signs in as them, or as is; the resident binding; the registration
 *   decided (a move: the home it leaves ended, or its door changed). A refusal throws inside the transaction, so whatever it wrote before is rolled back.
 */
import type { Database as Db } from 'better-sqlite3';
import { forgottenRegistration, type Registration } from '../../../../src/core';
import type { Approval, RegistrationRepo } from '../port';
import { applicantBinder, ApprovalRefusal as Refusal } from './applicants';
import { bindingParams, INSERT_BINDING, type BindingRow } from './bindings';
import type { SqliteKit } from './kit';
import { END, isUnique } from './rows';

const parse = (r: { doc: string } | undefined): Registration | null => (r ? (JSON.parse(r.doc) as Registration) : null);

const row = (r: Registration) => ({
  id: r.id,
  status: r.status,
  openid: r.openid,
  username: r.username,
  keyHash: r.keyHash,
  applicantId: r.applicantId,
  buildingId: r.buildingId,
  buildingPath: r.buildingPath,
  personId: r.personId,
  createdAt: r.createdAt,
  version: r.version,
  doc: JSON.stringify(r),
});

/** Submits racing a decision: an insert refused by a pending one that was decided before it was read is tried again. */
const INSERT_TRIES = 5;

export function sqliteRegistrations(db: Db, { stmt }: SqliteKit): RegistrationRepo {
  const bindPerson = applicantBinder(db);
  const q = {
    insert: db.prepare(
      `INSERT INTO registrations (id, status, openid, username, key_hash, applicant_id, building_id, building_path, person_id, created_at, version, doc)
       VALUES (@id, @status, @openid, @username, @keyHash, @applicantId, @buildingId, @buildingPath, @personId, @createdAt, @version, @doc)`,
    ),
    get: db.prepare<[string], { doc: string }>('SELECT doc FROM registrations WHERE id = ?'),
    pendingByOpenid: db.prepare<[string], { doc: string }>("SELECT doc FROM registrations WHERE openid = ? AND status = 'pending'"),
    pendingByKey: db.prepare<[string], { doc: string }>("SELECT doc FROM registrations WHERE key_hash = ? AND status = 'pending'"),
    forOpenid: db.prepare<[string], { doc: string }>('SELECT doc FROM registrations WHERE openid = ? ORDER BY created_at DESC, id DESC'),
    forKey: db.prepare<[string], { doc: string }>('SELECT doc FROM registrations WHERE key_hash = ? ORDER BY created_at DESC, id DESC'),
    forApplicant: db.prepare<[string], { doc: string }>('SELECT doc FROM registrations WHERE applicant_id = ? ORDER BY created_at DESC, id DESC'),
    rejectedFor: db.prepare<{ openid: string | null; username: string | null; limit: number }, { doc: string }>(
      `SELECT doc FROM registrations WHERE status = 'rejected' AND (openid = @openid OR username = @username)
       ORDER BY created_at DESC, id DESC LIMIT @limit`,
    ),
    decide: db.prepare<{ id: string; expected: number; status: string; personId: string | null; version: number; doc: string }>(
      `UPDATE registrations SET status = @status, person_id = @personId, version = @version, doc = @doc
       WHERE id = @id AND version = @expected AND status = 'pending'`,
    ),
    forget: db.prepare<{ id: string; expected: number; version: number; doc: string }>(
      `UPDATE registrations SET openid = NULL, username = NULL, key_hash = NULL, version = @version, doc = @doc
       WHERE id = @id AND version = @expected AND status != 'pending'`,
    ),
    findBinding: db.prepare<[string, string, string], BindingRow>('SELECT * FROM bindings WHERE person_id = ? AND unit_id = ? AND role = ?'),
    insertBinding: db.prepare(INSERT_BINDING),
    setDoor: db.prepare('UPDATE bindings SET door = ? WHERE id = ? AND door IS NULL'),
    moveDoor: db.prepare('UPDATE bindings SET door = ? WHERE id = ?'),
    removeBinding: db.prepare('DELETE FROM bindings WHERE id = ?'),
  };

  const pendingOf = (r: Pick<Registration, 'openid' | 'keyHash'>): Registration | null =>
    (r.openid !== null ? parse(q.pendingByOpenid.get(r.openid)) : null) ?? (r.keyHash !== null ? parse(q.pendingByKey.get(r.keyHash)) : null);

  /** Writes the decided registration, if it is still pending at `expected`; else refuses with conflict. */
  const decide = (next: Registration, expected: number) => {
    const changed = q.decide.run({ id: next.id, expected, status: next.status, personId: next.personId, version: next.version, doc: JSON.stringify(next) }).changes;
    if (changed !== 1) throw new Refusal('conflict');
  };

  const approveTx = db.transaction((a: Approval): Registration => {
    const reg = parse(q.get.get(a.registrationId));
    if (!reg || reg.status !== 'pending' || reg.version !== a.version) throw new Refusal('conflict');
    if (reg.openid === null && reg.username === null) throw new Error(`registration ${reg.id} has neither an openid nor a username`);
    const personId = bindPerson(a.person, reg, a.at, `registration ${reg.id}`);
    if (a.binding.personId !== personId) throw new Error(`registration ${reg.id}: the binding is for ${a.binding.personId}, not ${personId}`);
    const held = q.findBinding.get(a.binding.personId, a.binding.unitId, a.binding.role);
    if (!held) q.insertBinding.run(bindingParams(a.binding));
    // A move changes the door the person has; anything else fills in one not known yet.
    else if (a.move && a.binding.door) q.moveDoor.run(JSON.stringify(a.binding.door), held.id);
    else if (a.binding.door) q.setDoor.run(JSON.stringify(a.binding.door), held.id);
    if (a.move && a.move.fromUnitId !== a.binding.unitId) {
      const left = q.findBinding.get(a.binding.personId, a.move.fromUnitId, a.binding.role);
      if (left) q.removeBinding.run(left.id);
    }
    const next: Registration = {
      ...reg,
      status: 'approved',
      personId,
      // Moved onto the person; the registration keeps no copy.
      passwordHash: null,
      autoApproved: a.autoApproved,
      decidedBy: a.decidedBy,
      decidedAt: a.at,
      updatedAt: a.at,
      version: reg.version + 1,
    };
    decide(next, a.version);
    return next;
  });

  return {
    async insertPending(r) {
      for (let i = 0; i < INSERT_TRIES; i++) {
        try {
          q.insert.run(row({ ...r, status: 'pending' }));
          return { registration: { ...r, status: 'pending' }, created: true };
        } catch (e) {
          if (!isUnique(e, 'registrations.openid') && !isUnique(e, 'registrations.key_hash')) throw e;
        }
        const pending = pendingOf(r);
        if (pending) return { registration: pending, created: false };
      }
      throw new Error(`registration ${r.id}: the applicant's pending registration kept changing`);
    },
    async get(id) {
      return parse(q.get.get(id));
    },
    async listForOpenid(openid) {
      return q.forOpenid.all(openid).map((x) => parse(x)!);
    },
    async listForKeyHash(keyHash) {
      return q.forKey.all(keyHash).map((x) => parse(x)!);
    },
    async listForApplicant(personId) {
      return q.forApplicant.all(personId).map((x) => parse(x)!);
    },
    async listPending(paths, limit) {
      if (paths.length === 0 || limit <= 0) return [];
      const scope = paths.map(() => '(building_path >= ? AND building_path < ?)').join(' OR ');
      const args: unknown[] = [];
      for (const p of paths) args.push(p, p + END);
      const sql = `SELECT doc FROM registrations WHERE status = 'pending' AND (${scope}) ORDER BY created_at, id LIMIT ?`;
      return (stmt(sql).all(...args, limit) as { doc: string }[]).map((x) => parse(x)!);
    },
    async listRejectedFor(applicant, limit) {
      if ((applicant.openid === null && applicant.username === null) || limit <= 0) return [];
      return q.rejectedFor.all({ ...applicant, limit }).map((x) => parse(x)!);
    },
    async approve(a) {
      try {
        return { ok: true, registration: approveTx(a) };
      } catch (e) {
        if (e instanceof Refusal) return { ok: false, reason: e.reason };
        throw e;
      }
    },
    async forget(id, version, at) {
      const reg = parse(q.get.get(id));
      if (!reg || reg.status === 'pending' || reg.version !== version) return null;
      const next = forgottenRegistration(reg, at);
      return q.forget.run({ id, expected: version, version: next.version, doc: JSON.stringify(next) }).changes === 1 ? next : null;
    },
    async reject(id, version, by, at, reason) {
      const reg = parse(q.get.get(id));
      if (!reg || reg.status !== 'pending' || reg.version !== version) return null;
      const next: Registration = {
        ...reg,
        status: 'rejected',
        passwordHash: null,
        decidedBy: by,
        decidedAt: at,
        rejectReason: reason,
        updatedAt: at,
        version: version + 1,
      };
      try {
        decide(next, version);
      } catch (e) {
        if (e instanceof Refusal) return null;
        throw e;
      }
      return next;
    },
  };
}
