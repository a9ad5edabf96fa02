/**
 * Party members' check-ins on CloudBase: one document per check-in, `_id` its id, every other field
 * of the port's Checkin as it is (null, never absent).
 *
 * How the invariants hold when requests race:
 * - One pending check-in per applicant: a guard in `uniques` keyed by hash(openid), and one by
 *   hash(applicantId) for a person, naming the check-in. insertPending adds the guards and the
 *   check-in in one transaction; a submit that finds a guard writes nothing and answers the check-in
 *   it names, read in the same snapshot. Racing submits all write the guard; the database lets one
 *   commit and the SDK re-runs the others, which then find it. Deciding (approve, return) removes the
 *   guards in its own transaction, so the applicant may check in again once theirs is decided.
 * - approve is one transaction of single-document operations: it reads the check-in (at the version
 *   read), the login guards and, for a claim, the person (applicants.ts), and the binding; only when
 *   every check passed does it write the person, the member binding (its `_id` is its (person, unit,
 *   role) key, bindings.ts) and the decided check-in. Two approvals at once both write the check-in's
 *   document: the database aborts one, and its re-run reads the new version and answers `conflict`.
 * - end writes the check-in (at the version read) and removes the member binding in one transaction.
 * The callbacks have no side effects and write the same `_id`s each time they run.
 */
import { createHash } from 'node:crypto';
import { forgottenCheckin, type Checkin } from '../../../../src/core';
import type { CheckinApprovalResult, CheckinRepo, CheckinTallyRow, RosterQuery } from '../port';
import { applicantPersonWrite } from './applicants';
import { bindingDoc, type BindingDoc } from './bindings';
import { bindingKey } from './guards';
import type { CloudbaseKit, Condition, Stored, Where } from './kit';
import type { Tx } from './transaction';

/** A check-in as stored: the domain's Checkin with its id as `_id`. */
export interface CheckinDoc extends Stored, Omit<Checkin, 'id'> {}

/** An applicant's hold on their one pending check-in. */
interface PendingGuard extends Stored {
  kind: 'checkin';
  checkinId: string;
}

const hash = (...parts: string[]) => createHash('sha1').update(JSON.stringify(parts)).digest('hex');

/** The guard keys of the applicant: by openid, and by the person they were when they checked in. */
function pendingKeys(c: Pick<Checkin, 'openid' | 'applicantId'>): string[] {
  const keys: string[] = [];
  if (c.openid !== null) keys.push(`checkin_openid_${hash(c.openid)}`);
  if (c.applicantId !== null) keys.push(`checkin_person_${hash(c.applicantId)}`);
  return keys;
}

const toCheckin = ({ _id, ...fields }: CheckinDoc): Checkin => ({ id: _id, ...fields });

const fieldsOf = ({ id: _id, ...fields }: Checkin): Omit<CheckinDoc, '_id'> => fields;

/** Removes the applicant's pending guards where they name this check-in. */
async function releasePending(t: Tx, c: Checkin): Promise<void> {
  for (const key of pendingKeys(c)) {
    const held = await t.get<PendingGuard>('uniques', key);
    if (held?.checkinId === c.id) await t.remove('uniques', key);
  }
}

/** Newest first, as one list (a person's check-ins come from two fields). */
const newestFirst = (a: Checkin, b: Checkin) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1);

export function cloudbaseCheckins(kit: CloudbaseKit): CheckinRepo {
  const _ = kit.command;
  const coll = () => kit.coll('checkins');
  const list = async (where: object) => (await kit.drainBySkip<CheckinDoc>(coll().where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc'))).map(toCheckin);
  const under = (paths: readonly string[]) => _.or(paths.map((p) => ({ unitPath: kit.under(p) })));

  function rosterWhere(q: RosterQuery): Condition {
    const all: (Where | Condition)[] = [under(q.paths), { status: _.in([...q.statuses]) }];
    if (q.types?.length) all.push({ memberType: _.in([...q.types]) });
    if (q.veteran !== undefined) all.push({ veteran: q.veteran });
    // On an array field, `in` matches a document any of whose elements is in the list.
    if (q.skills?.length) all.push({ skills: _.in([...q.skills]) });
    return _.and(all);
  }

  /** Writes `next` if the check-in is still at `version`, with `also` in the same transaction; null otherwise. */
  const save = (next: Checkin, version: number, also: (t: Tx, before: Checkin) => Promise<void>) =>
    kit.transaction(async (t) => {
      const d = await t.get<CheckinDoc>('checkins', next.id);
      if (!d || d.version !== version) return null;
      const before = toCheckin(d);
      await t.set('checkins', next.id, fieldsOf(next));
      await also(t, before);
      return next;
    });

  return {
    async insertPending(c) {
      const keys = pendingKeys(c);
      if (keys.length === 0) throw new Error(`check-in ${c.id} has neither an openid nor an applicant`);
      const existing = await kit.transaction(async (t) => {
        for (const key of keys) {
          const held = await t.get<PendingGuard>('uniques', key);
          if (!held) continue;
          // The guard and its check-in were committed together: this snapshot has both.
          const d = await t.get<CheckinDoc>('checkins', held.checkinId);
          if (!d) throw new Error(`pending guard ${key} names a missing check-in ${held.checkinId}`);
          return d;
        }
        for (const key of keys) {
          const guard: PendingGuard = { _id: key, kind: 'checkin', checkinId: c.id };
          await t.add('uniques', guard);
        }
        await t.add('checkins', { _id: c.id, ...fieldsOf(c) });
        return null;
      });
      return existing ? { checkin: toCheckin(existing), created: false } : { checkin: c, created: true };
    },
    async get(id) {
      const d = await kit.docById<CheckinDoc>('checkins', id);
      return d ? toCheckin(d) : null;
    },
    async listForOpenid(openid) {
      return list({ openid });
    },
    async listForPerson(personId) {
      const [asked, bound] = await Promise.all([list({ applicantId: personId }), list({ personId })]);
      const byId = new Map([...asked, ...bound].map((c) => [c.id, c]));
      return [...byId.values()].sort(newestFirst);
    },
    async listPending(paths, limit) {
      if (paths.length === 0 || limit <= 0) return [];
      const q = coll()
        .where(_.and([{ status: 'pending' }, under(paths)]))
        .orderBy('createdAt', 'asc')
        .orderBy('_id', 'asc');
      return (await kit.drainBySkip<CheckinDoc>(q, limit)).map(toCheckin);
    },
    async roster(q, limit, offset) {
      if (q.paths.length === 0 || q.statuses.length === 0) return { checkins: [], total: 0 };
      const where = rosterWhere(q);
      const total = await kit.count(coll().where(where));
      if (limit <= 0) return { checkins: [], total };
      const query = coll().where(where).orderBy('unitPath', 'asc').orderBy('name', 'asc').orderBy('_id', 'asc');
      return { checkins: (await kit.drainBySkip<CheckinDoc>(query, limit, offset)).map(toCheckin), total };
    },
    async tally(paths) {
      if (paths.length === 0) return [];
      // Every unit × code × status × type × tag of a street: more groups than one answer holds, paged.
      const data = await kit.groups<{ _id: Omit<CheckinTallyRow, 'count'>; count: number }>(
        () =>
          coll()
            .aggregate()
            .match(under(paths))
            .group({ _id: { unitId: '$unitId', codeId: '$codeId', status: '$status', memberType: '$memberType', veteran: '$veteran' }, count: { $sum: 1 } }),
        ['unitId', 'codeId', 'status', 'memberType', 'veteran'],
      );
      return data.map((d) => ({ ...d._id, count: d.count }));
    },
    async approve(a) {
      return kit.transaction(async (t): Promise<CheckinApprovalResult> => {
        // Reads and checks first: a refusal returns before anything is written.
        const d = await t.get<CheckinDoc>('checkins', a.next.id);
        if (!d || d.version !== a.version) return { ok: false, reason: 'conflict' };
        const c = toCheckin(d);
        const who = await applicantPersonWrite(t, a.person, { openid: c.openid, username: null, passwordHash: null }, a.next.updatedAt, `check-in ${c.id}`);
        if (!who.ok) return { ok: false, reason: who.reason };
        if (a.binding.personId !== who.personId || a.next.personId !== who.personId) throw new Error(`check-in ${c.id}: the binding is for ${a.binding.personId}, not ${who.personId}`);
        const bindingId = bindingKey(a.binding.personId, a.binding.unitId, a.binding.role);
        const held = await t.get<BindingDoc>('bindings', bindingId);

        await who.write();
        // A member role the person holds there already stays as it is.
        if (!held) await t.add('bindings', bindingDoc(a.binding));
        await t.set('checkins', c.id, fieldsOf(a.next));
        await releasePending(t, c);
        return { ok: true, checkin: a.next };
      });
    },
    async decide(next, version) {
      return save(next, version, (t, before) => releasePending(t, before));
    },
    async forget(id, version, at) {
      return kit.transaction(async (t) => {
        const d = await t.get<CheckinDoc>('checkins', id);
        if (!d || d.status === 'pending' || d.version !== version) return null;
        const next: Checkin = { ...forgottenCheckin(toCheckin(d)), updatedAt: at, version: version + 1 };
        await t.set('checkins', id, fieldsOf(next));
        return next;
      });
    },
    async end(next, version) {
      if (!next.personId) throw new Error(`check-in ${next.id} ends without a person`);
      const bindingId = bindingKey(next.personId, next.unitId, 'member');
      return save(next, version, async (t) => {
        if (await t.get<BindingDoc>('bindings', bindingId)) await t.remove('bindings', bindingId);
      });
    },
  };
}
