/**
 * Notice fan-outs on CloudBase: one document each in `notice_fanouts`, `_id` the fan-out's id (from
 * its cause), so racing enqueues add one (`addOnce`). A claim reads the oldest claimable few without
 * their people and takes the first it can with an update conditional on `{ _id, version }` (a lost
 * race moves on to the next); an advance is the same conditional update. Each is one document's
 * update, atomic on the service, so two runs never both take or both move a fan-out.
 *
 * A document holds its people's ids (about 22 bytes each): the sender keeps one at a few thousand
 * (deliberation/notices.ts FANOUT_MAX), well inside what one add may carry.
 */
import type { NoticeFanout, NoticeFanoutBacklog, NoticeFanoutRepo } from '../port';
import type { CloudbaseKit, Stored } from './kit';

interface FanoutDoc extends Stored, Omit<NoticeFanout, 'id'> {
  /** personIds.length, for the backlog without reading the ids. */
  total: number;
}

/** Candidates read per try of a claim: enough that a few runs at once each find one. */
const CANDIDATES = 5;
const CLAIM_TRIES = 3;

const toFanout = ({ _id, total: _total, ...d }: FanoutDoc): NoticeFanout => ({ id: _id, ...d, page: d.page ?? null, doneAt: d.doneAt ?? null });

export function cloudbaseNoticeFanouts(kit: CloudbaseKit): NoticeFanoutRepo {
  const _ = kit.command;
  const coll = () => kit.coll('notice_fanouts');
  const get = async (id: string) => {
    const d = await kit.docById<FanoutDoc>('notice_fanouts', id);
    return d ? toFanout(d) : null;
  };

  return {
    async enqueue(f) {
      const doc: FanoutDoc = {
        _id: f.id,
        kind: f.kind,
        title: f.title,
        body: f.body,
        page: f.page,
        fields: f.fields,
        personIds: [...f.personIds],
        total: f.personIds.length,
        next: 0,
        claimedUntil: 0,
        version: 1,
        createdAt: f.createdAt,
        doneAt: null,
      };
      if (await kit.addOnce('notice_fanouts', doc)) return { fanout: toFanout(doc), created: true };
      const stored = await get(f.id);
      if (!stored) throw new Error(`notice fan-out ${f.id} neither added nor found`);
      return { fanout: stored, created: false };
    },
    get,
    async claim(now, until) {
      for (let attempt = 0; attempt < CLAIM_TRIES; attempt++) {
        const candidates = await kit.rows<Pick<FanoutDoc, '_id' | 'version'>>(
          coll().where({ doneAt: null, claimedUntil: _.lte(now) }).orderBy('createdAt', 'asc').orderBy('_id', 'asc').field({ _id: true, version: true }).limit(CANDIDATES),
        );
        if (candidates.length === 0) return null;
        for (const c of candidates) {
          const taken = await kit.update(coll().where({ _id: c._id, version: c.version, doneAt: null, claimedUntil: _.lte(now) }), { claimedUntil: until, version: c.version + 1 });
          if (taken !== 1) continue;
          const held = await get(c._id);
          // Held by this run now: nobody else can have moved it since.
          if (held && held.version === c.version + 1) return held;
        }
      }
      return null;
    },
    async advance(held, next, at, until) {
      if (next < held.next || next > held.personIds.length) throw new Error(`notice fan-out ${held.id}: cursor ${next} outside ${held.next}..${held.personIds.length}`);
      const done = next >= held.personIds.length;
      const claimedUntil = done || until === null ? 0 : until;
      const patch = { next, claimedUntil, doneAt: done ? at : null, version: held.version + 1 };
      const n = await kit.update(coll().where({ _id: held.id, version: held.version, doneAt: null }), patch);
      return n === 1 ? { ...held, ...patch } : null;
    },
    async backlog(): Promise<NoticeFanoutBacklog> {
      const docs = await kit.drain<Pick<FanoutDoc, '_id' | 'total' | 'next' | 'createdAt'>>(
        (after) =>
          coll()
            .where({ doneAt: null, _id: after === null ? _.exists(true) : _.gt(after) })
            .orderBy('_id', 'asc')
            .field({ _id: true, total: true, next: true, createdAt: true }),
        (d) => d._id,
      );
      return {
        fanouts: docs.length,
        people: docs.reduce((sum, d) => sum + d.total - d.next, 0),
        oldestAt: docs.length ? Math.min(...docs.map((d) => d.createdAt)) : null,
      };
    },
    async purgeDone(before) {
      return kit.remove(coll().where({ doneAt: _.gte(0).and(_.lt(before)) }));
    },
  };
}
