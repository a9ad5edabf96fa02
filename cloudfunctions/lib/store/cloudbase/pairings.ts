/**
 * Pairings (联户) and their visits (走访) on CloudBase: one document per pairing, `_id` its id
 * (`<memberId>:<householdKey>`), and one per visit, `_id` `<memberId>:<clientRequestId>` (the
 * port's id a field).
 *
 * How the invariants hold when requests race:
 * - One pairing per member and household: the `_id` is the pair, so of racing adds one is written
 *   (kit.addOnce); the others find it and answer `taken`.
 * - A visit is recorded once and counted once: a transaction reads the visit's `_id` and the pairing,
 *   then adds the visit and writes the pairing's counters from that snapshot. Two visits at once both
 *   write the pairing: the database aborts one and its re-run counts on top of the winner; a retried
 *   visit finds its `_id` and writes nothing.
 * - update writes the pairing where `_id` and `version` are the ones read (never the counters), so a
 *   visit landing meanwhile is kept and a second update at the same version writes nothing.
 * The callbacks have no side effects and write the same `_id`s each time they run.
 */
import type { Pairing, Visit } from '../../../../src/core';
import type { PairingRepo } from '../port';
import type { CloudbaseKit, Condition, Stored, Where } from './kit';

interface PairingDoc extends Stored, Omit<Pairing, 'id'> {}
interface VisitDoc extends Stored, Visit {}

const toPairing = ({ _id, ...fields }: PairingDoc): Pairing => ({ id: _id, ...fields });
const pairingDoc = ({ id, ...fields }: Pairing): PairingDoc => ({ _id: id, ...fields });

const toVisit = (d: VisitDoc): Visit => ({
  id: d.id,
  pairingId: d.pairingId,
  memberId: d.memberId,
  unitPath: d.unitPath,
  date: d.date,
  done: d.done,
  needs: d.needs ?? null,
  reportId: d.reportId ?? null,
  clientRequestId: d.clientRequestId,
  createdAt: d.createdAt,
});

/** The visit's document id: a member's client request id is theirs once. */
export const visitKey = (memberId: string, clientRequestId: string) => `${memberId}:${clientRequestId}`;

export function cloudbasePairings(kit: CloudbaseKit): PairingRepo {
  const _ = kit.command;
  const pairings = () => kit.coll('pairings');
  const visits = () => kit.coll('visits');
  const under = (paths: readonly string[]) => _.or(paths.map((p) => ({ unitPath: kit.under(p) })));

  return {
    async insert(p) {
      if (await kit.addOnce('pairings', pairingDoc(p))) return { ok: true, pairing: p };
      const existing = await kit.docById<PairingDoc>('pairings', p.id);
      if (!existing) throw new Error(`pairing ${p.id} was refused but is not there`);
      return { ok: false, reason: 'taken', existing: toPairing(existing) };
    },
    async get(id) {
      const d = await kit.docById<PairingDoc>('pairings', id);
      return d ? toPairing(d) : null;
    },
    async update(next, version) {
      const patch = {
        kinds: next.kinds,
        contactName: next.contactName,
        contactPhone: next.contactPhone,
        status: next.status,
        endedAt: next.endedAt,
        endedBy: next.endedBy,
        endReason: next.endReason,
        updatedAt: next.updatedAt,
        version: next.version,
      };
      // kinds is replaced whole: an update with a shorter array must not keep the old tail.
      const changed = await kit.update(pairings().where({ _id: next.id, version }), { ...patch, kinds: _.set(next.kinds) });
      if (changed !== 1) return null;
      const d = await kit.docById<PairingDoc>('pairings', next.id);
      return d ? toPairing(d) : null;
    },
    async listForMember(memberId) {
      const q = pairings().where({ memberId }).orderBy('unitPath', 'asc').orderBy('householdKey', 'asc').orderBy('_id', 'asc');
      return (await kit.drainBySkip<PairingDoc>(q)).map(toPairing);
    },
    async list(pq, limit, offset) {
      if (pq.paths.length === 0 || pq.statuses.length === 0) return { pairings: [], total: 0 };
      const all: (Where | Condition)[] = [under(pq.paths), { status: _.in([...pq.statuses]) }];
      if (pq.memberId) all.push({ memberId: pq.memberId });
      // An array field equal to a value matches the arrays holding it.
      if (pq.kind) all.push({ kinds: pq.kind });
      const where = _.and(all);
      const total = await kit.count(pairings().where(where));
      const q = pairings().where(where).orderBy('unitPath', 'asc').orderBy('householdKey', 'asc').orderBy('_id', 'asc');
      return { pairings: (await kit.drainBySkip<PairingDoc>(q, limit, offset)).map(toPairing), total };
    },
    async insertVisit(v) {
      const key = visitKey(v.memberId, v.clientRequestId);
      return kit.transaction(async (t) => {
        const before = await t.get<VisitDoc>('visits', key);
        if (before) return { ok: true as const, visit: toVisit(before), created: false };
        const p = await t.get<PairingDoc>('pairings', v.pairingId);
        if (!p) return { ok: false as const, reason: 'not_found' as const };
        await t.add('visits', { _id: key, ...v });
        const last = p.lastVisitOn && p.lastVisitOn > v.date ? p.lastVisitOn : v.date;
        await t.update('pairings', v.pairingId, { visits: (p.visits ?? 0) + 1, lastVisitOn: last });
        return { ok: true as const, visit: v, created: true };
      });
    },
    async listVisits(vq, limit, offset) {
      let where: Where | Condition;
      if ('pairingId' in vq) where = { pairingId: vq.pairingId };
      else {
        if (vq.paths.length === 0) return { visits: [], total: 0 };
        where = under(vq.paths);
      }
      const total = await kit.count(visits().where(where));
      const q = visits().where(where).orderBy('date', 'desc').orderBy('createdAt', 'desc').orderBy('id', 'desc');
      return { visits: (await kit.drainBySkip<VisitDoc>(q, limit, offset)).map(toVisit), total };
    },
  };
}
