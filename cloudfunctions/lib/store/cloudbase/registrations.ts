/**
 * Registrations on CloudBase: one document per registration, `_id` its id, every other field of
 * the port's Registration as it is (null, never absent).
 *
 * How the invariants hold when requests race:
 * - One pending registration per applicant: a guard in `uniques` keyed by hash(openid), and one
 *   by hash(keyHash) for a web applicant, naming the registration. insertPending adds the guards
 *   and the registration in one transaction; a submit that finds a guard writes nothing and
 *   answers the registration it names, read in the same snapshot. Racing submits all write the
 *   guard; the database lets one commit and the SDK re-runs the others, which then find it.
 *   Deciding (approve, reject) removes the guards in its own transaction, so the applicant may
 *   submit again once theirs is decided.
 * - approve is one transaction of single-document operations: it reads the registration (pending
 *   at the version read), the login guards and, for a claim, the person (nobody signs in as them
 *   yet), and the binding; only when every check passed does it write the person (added with
 *   their guards, or the applicant's openid / web account put on them), the binding (its `_id` is
 *   its (person, unit, role) key, bindings.ts), for a move the home it leaves removed (or its door
 *   changed), and the decided registration. Two approvals
 *   claiming one person both write that person's document: the database aborts one, and its
 *   re-run reads the winner's openid and answers `taken` without writing. The callback has no
 *   side effects and writes the same `_id`s each time it runs.
 */
import { createHash } from 'node:crypto';
import { forgottenRegistration, type Registration } from '../../../../src/core';
import type { ApprovalResult, RegistrationRepo } from '../port';
import { applicantPersonWrite } from './applicants';
import { bindingDoc, type BindingDoc } from './bindings';
import { bindingKey } from './guards';
import type { CloudbaseKit, Stored } from './kit';
import type { Tx } from './transaction';

/** A registration as stored: the domain's Registration with its id as `_id`. */
export interface RegistrationDoc extends Stored, Omit<Registration, 'id'> {}

/** An applicant's hold on their one pending registration. */
interface PendingGuard extends Stored {
  kind: 'registration';
  registrationId: string;
}

const hash = (...parts: string[]) => createHash('sha1').update(JSON.stringify(parts)).digest('hex');

/** The guard keys of the applicant: by openid, and by the web applicant's key. */
function pendingKeys(r: Pick<Registration, 'openid' | 'keyHash'>): string[] {
  const keys: string[] = [];
  if (r.openid !== null) keys.push(`registration_openid_${hash(r.openid)}`);
  if (r.keyHash !== null) keys.push(`registration_key_${hash(r.keyHash)}`);
  return keys;
}

const toRegistration = ({ _id, ...fields }: RegistrationDoc): Registration => ({ id: _id, ...fields });

const fieldsOf = ({ id: _id, ...fields }: Registration): Omit<RegistrationDoc, '_id'> => fields;

type Refusal = Exclude<ApprovalResult, { ok: true }>;
const refuse = (reason: Refusal['reason']): Refusal => ({ ok: false, reason });

/** Removes the applicant's pending guards where they name this registration. */
async function releasePending(t: Tx, r: Registration): Promise<void> {
  for (const key of pendingKeys(r)) {
    const held = await t.get<PendingGuard>('uniques', key);
    if (held?.registrationId === r.id) await t.remove('uniques', key);
  }
}

export function cloudbaseRegistrations(kit: CloudbaseKit): RegistrationRepo {
  const _ = kit.command;
  const coll = () => kit.coll('registrations');
  const newestFirst = (where: object) => coll().where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc');
  const list = async (where: object, limit?: number) => (await kit.drainBySkip<RegistrationDoc>(newestFirst(where), limit)).map(toRegistration);

  return {
    async insertPending(r) {
      const reg: Registration = { ...r, status: 'pending' };
      const keys = pendingKeys(reg);
      if (keys.length === 0) throw new Error(`registration ${r.id} has neither an openid nor a web key`);
      const existing = await kit.transaction(async (t) => {
        for (const key of keys) {
          const held = await t.get<PendingGuard>('uniques', key);
          if (!held) continue;
          // The guard and its registration were committed together: this snapshot has both.
          const d = await t.get<RegistrationDoc>('registrations', held.registrationId);
          if (!d) throw new Error(`pending guard ${key} names a missing registration ${held.registrationId}`);
          return d;
        }
        for (const key of keys) {
          const guard: PendingGuard = { _id: key, kind: 'registration', registrationId: reg.id };
          await t.add('uniques', guard);
        }
        await t.add('registrations', { _id: reg.id, ...fieldsOf(reg) });
        return null;
      });
      return existing ? { registration: toRegistration(existing), created: false } : { registration: reg, created: true };
    },
    async get(id) {
      const d = await kit.docById<RegistrationDoc>('registrations', id);
      return d ? toRegistration(d) : null;
    },
    async listForOpenid(openid) {
      return list({ openid });
    },
    async listForKeyHash(keyHash) {
      return list({ keyHash });
    },
    async listForApplicant(personId) {
      return list({ applicantId: personId });
    },
    async listPending(paths, limit) {
      if (paths.length === 0 || limit <= 0) return [];
      const q = coll()
        .where(_.and([{ status: 'pending' }, _.or(paths.map((p) => ({ buildingPath: kit.under(p) })))]))
        .orderBy('createdAt', 'asc')
        .orderBy('_id', 'asc');
      return (await kit.drainBySkip<RegistrationDoc>(q, limit)).map(toRegistration);
    },
    async listRejectedFor(applicant, limit) {
      // A null login must not match: `{ openid: null }` would find every web applicant's.
      const branches: object[] = [];
      if (applicant.openid !== null) branches.push({ status: 'rejected', openid: applicant.openid });
      if (applicant.username !== null) branches.push({ status: 'rejected', username: applicant.username });
      if (branches.length === 0 || limit <= 0) return [];
      return list(_.or(branches), limit);
    },
    async approve(a) {
      return kit.transaction(async (t): Promise<ApprovalResult> => {
        // Reads and checks first: a refusal returns before anything is written.
        const d = await t.get<RegistrationDoc>('registrations', a.registrationId);
        if (!d || d.status !== 'pending' || d.version !== a.version) return refuse('conflict');
        const reg = toRegistration(d);
        if (reg.openid === null && reg.username === null) throw new Error(`registration ${reg.id} has neither an openid nor a username`);

        const who = await applicantPersonWrite(t, a.person, reg, a.at, `registration ${reg.id}`);
        if (!who.ok) return refuse(who.reason);
        const { personId } = who;
        if (a.binding.personId !== personId) throw new Error(`registration ${reg.id}: the binding is for ${a.binding.personId}, not ${personId}`);
        const bindingId = bindingKey(a.binding.personId, a.binding.unitId, a.binding.role);
        const held = await t.get<BindingDoc>('bindings', bindingId);
        // A move to another building ends the home it leaves (read here, with the rest, before any write).
        const leftId = a.move && a.move.fromUnitId !== a.binding.unitId ? bindingKey(a.binding.personId, a.move.fromUnitId, a.binding.role) : null;
        const left = leftId ? await t.get<BindingDoc>('bindings', leftId) : null;

        await who.write();
        if (!held) await t.add('bindings', bindingDoc(a.binding));
        // _.set: a plain object would be written field by field, which fails on a null door. A move changes the door it has.
        else if ((a.move || !held.door) && a.binding.door) await t.update('bindings', bindingId, { door: _.set(a.binding.door) });
        if (left && leftId) await t.remove('bindings', leftId);
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
        await t.set('registrations', reg.id, fieldsOf(next));
        await releasePending(t, reg);
        return { ok: true, registration: next };
      });
    },
    async forget(id, version, at) {
      const d = await kit.docById<RegistrationDoc>('registrations', id);
      if (!d || d.status === 'pending' || d.version !== version) return null;
      const next = forgottenRegistration(toRegistration(d), at);
      // A decided registration holds no pending guard: a conditional write of the one document is enough.
      const changed = await kit.update(kit.coll('registrations').where({ _id: id, version, status: kit.command.neq('pending') }), { ...fieldsOf(next) });
      return changed === 1 ? next : null;
    },
    async reject(id, version, by, at, reason) {
      return kit.transaction(async (t) => {
        const d = await t.get<RegistrationDoc>('registrations', id);
        if (!d || d.status !== 'pending' || d.version !== version) return null;
        const reg = toRegistration(d);
        const next: Registration = { ...reg, status: 'rejected', passwordHash: null, decidedBy: by, decidedAt: at, rejectReason: reason, updatedAt: at, version: version + 1 };
        await t.set('registrations', id, fieldsOf(next));
        await releasePending(t, reg);
        return next;
      });
    },
  };
}
