/**
 * Micro-wishes (微心愿) on CloudBase: one document per wish, `_id` its id.
 *
 * How the invariants hold when requests race:
 * - A retried post is one wish: a guard in `uniques` keyed by hash(postedBy, clientRequestId)
 *   names the wish, added in the same transaction as the wish (as a report's, guards.ts). Racing
 *   posts all write the guard's `_id`: the database lets one commit, and the others re-run, find
 *   the guard and answer the wish it names, read in the same snapshot.
 * - One claimer: claim updates the wish where `_id` is it and status is 'open' (not where the
 *   version is one read), so of any number of claims exactly one changes it; the others read the
 *   wish back and answer `not_open`.
 * - update writes the wish where `_id` and `version` are the ones read: a second update at the
 *   same version, or one racing a claim, writes nothing.
 */
import { createHash } from 'node:crypto';
import type { Wish } from '../../../../src/core';
import type { WishQuery, WishRepo } from '../port';
import type { CloudbaseKit, Condition, Stored, Where } from './kit';

export interface WishDoc extends Stored, Omit<Wish, 'id'> {}

/** The wish a (poster, clientRequestId) pair made. */
interface WishGuard extends Stored {
  kind: 'wish';
  wishId: string;
}

const toWish = ({ _id, ...fields }: WishDoc): Wish => ({ id: _id, ...fields });
const wishDoc = ({ id, ...fields }: Wish): WishDoc => ({ _id: id, ...fields });

/** The guard's `_id` in `uniques`: a poster's client request id is theirs once. */
export const wishRequestKey = (postedBy: string, clientRequestId: string) =>
  `wish_${createHash('sha1').update(JSON.stringify([postedBy, clientRequestId])).digest('hex')}`;

export function cloudbaseWishes(kit: CloudbaseKit): WishRepo {
  const _ = kit.command;
  const wishes = () => kit.coll('wishes');
  const get = async (id: string) => {
    const d = await kit.docById<WishDoc>('wishes', id);
    return d ? toWish(d) : null;
  };

  /** The where-clause of a list query; null when nothing can match. */
  function filter(q: WishQuery): Where | Condition | null {
    const all: (Where | Condition)[] = [];
    if ('paths' in q) {
      if (q.paths.length === 0) return null;
      all.push(_.or(q.paths.map((p) => ({ unitPath: kit.under(p) }))));
    } else if ('postedOrWishedBy' in q) {
      all.push(_.or([{ postedBy: q.postedOrWishedBy }, { wisherId: q.postedOrWishedBy }]));
    } else {
      all.push({ claimerId: q.claimerId });
    }
    if (q.statuses) {
      if (q.statuses.length === 0) return null;
      all.push({ status: _.in([...q.statuses]) });
    }
    return _.and(all);
  }

  return {
    async insert(w) {
      const key = wishRequestKey(w.postedBy, w.clientRequestId);
      const existing = await kit.transaction(async (t) => {
        const held = await t.get<WishGuard>('uniques', key);
        if (held) {
          // The guard and its wish were committed together: this snapshot has both.
          const d = await t.get<WishDoc>('wishes', held.wishId);
          if (!d) throw new Error(`wish guard ${key} names a missing wish ${held.wishId}`);
          return d;
        }
        const guard: WishGuard = { _id: key, kind: 'wish', wishId: w.id };
        await t.add('uniques', guard);
        await t.add('wishes', wishDoc(w));
        return null;
      });
      return existing ? { wish: toWish(existing), created: false } : { wish: w, created: true };
    },
    get,
    async update(next, version) {
      // Everything but the wish's identity: its id, its poster and request id (the guard's key), its creation.
      const { _id, postedBy, clientRequestId, createdAt, ...fields } = wishDoc(next);
      // The door and the photos are replaced whole: a shorter list must not keep the old tail.
      const patch = { ...fields, door: _.set(next.door), fulfilPhotos: _.set(next.fulfilPhotos) };
      if ((await kit.update(wishes().where({ _id: next.id, version }), patch)) !== 1) return null;
      return get(next.id);
    },
    async claim(id, claimerId, at) {
      const won = (await kit.update(wishes().where({ _id: id, status: 'open' }), { status: 'claimed', claimerId, claimedAt: at, updatedAt: at, version: _.inc(1) })) === 1;
      const now = await get(id);
      if (!now) return { ok: false, reason: 'not_found' };
      return won ? { ok: true, wish: now } : { ok: false, reason: 'not_open', wish: now };
    },
    async list(wq, limit, offset) {
      const where = filter(wq);
      if (!where) return { wishes: [], total: 0 };
      const total = await kit.count(wishes().where(where));
      const q = wishes().where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc');
      return { wishes: (await kit.drainBySkip<WishDoc>(q, limit, offset)).map(toWish), total };
    },
    async listOpenBefore(day, limit) {
      const q = wishes().where({ status: 'open', byDate: _.lt(day) }).orderBy('byDate', 'asc').orderBy('_id', 'asc');
      return (await kit.drainBySkip<WishDoc>(q, limit)).map(toWish);
    },
    async listFulfilledBefore(at, limit) {
      const q = wishes().where({ status: 'fulfilled', fulfilledAt: _.lt(at) }).orderBy('fulfilledAt', 'asc').orderBy('_id', 'asc');
      return (await kit.drainBySkip<WishDoc>(q, limit)).map(toWish);
    },
  };
}
