/**
 * Leaving (注销) closes what the person holds in points and wishes, each step resumable like the rest
 * of leaving (a step done already finds nothing to do when the token is sent again):
 * - orders not yet collected are cancelled, the points and the stock coming back;
 * - the balance then goes to zero by one last correction (its source is the person, so a second run
 *   writes nothing new);
 * - service records still waiting are closed unconfirmed;
 * - wishes the person posted (or that were posted for them) and not yet fulfilled are withdrawn,
 *   the claimer told; wishes they claimed go back to be claimed by someone else, the wisher told;
 *   the phone on every wish of theirs is removed.
 */
import { LEAVE_REASON, pointsKey, wishTransition, type ServiceRecord, type Wish } from '../../../../src/core';
import type { NewPointsEntry } from '../../store/port';
import type { AuthedContext } from '../define';
import { givenBackNotices, tell, withdrawnNotice } from '../wishes/notices';

const MANY = 1000;
/** Versioned writes that meet a change made meanwhile are read again and tried this many times. */
const TRIES = 3;

export async function cancelOrders(ctx: AuthedContext): Promise<number> {
  const { deps, caller } = ctx;
  const { redemptions } = await deps.store.shop.listRedemptions({ personId: caller.person.id, statuses: ['ordered'] }, MANY, 0);
  let cancelled = 0;
  for (const r of redemptions) {
    const spent = await deps.store.points.get(pointsKey('redemption', r.id));
    const now = deps.clock.now();
    const refund: NewPointsEntry = {
      id: pointsKey('refund', r.id),
      personId: r.personId,
      communityId: r.communityId,
      unitPath: spent?.unitPath ?? '',
      points: r.price,
      reason: `取消兑换“${r.goodsName}”：${LEAVE_REASON}`,
      source: { kind: 'refund', id: r.id },
      grantedBy: caller.person.id,
      at: now,
    };
    if ((await deps.store.shop.cancel(r.id, caller.person.id, now, LEAVE_REASON, refund)).ok) cancelled++;
  }
  return cancelled;
}

/** The balance to zero: one correction keyed by the person, in the community of their latest entry. */
export async function clearPoints(ctx: AuthedContext): Promise<number> {
  const { deps, caller } = ctx;
  const sourceId = `leave:${caller.person.id}`;
  for (let tries = 0; tries < TRIES; tries++) {
    const balance = await deps.store.points.balance(caller.person.id);
    if (balance <= 0) return 0;
    const [latest] = (await deps.store.points.list({ personId: caller.person.id }, 1, 0)).entries;
    if (!latest) return 0;
    const r = await deps.store.points.append({
      id: pointsKey('correction', sourceId),
      personId: caller.person.id,
      communityId: latest.communityId,
      unitPath: latest.unitPath,
      points: -balance,
      reason: '注销账号，积分清零',
      source: { kind: 'correction', id: sourceId },
      grantedBy: caller.person.id,
      at: deps.clock.now(),
    });
    // Written before by a run that stopped: what it cleared then.
    if (r.ok) return -r.entry.points;
    // Spent meanwhile (an order collected, a correction): read the balance again.
  }
  return 0;
}

export async function closeServiceRecords(ctx: AuthedContext): Promise<number> {
  const { deps, caller } = ctx;
  const { records } = await deps.store.serviceRecords.list({ personId: caller.person.id, statuses: ['pending'] }, MANY, 0);
  let closed = 0;
  for (const first of records) {
    let r: ServiceRecord | null = first;
    for (let tries = 0; r && r.status === 'pending' && tries < TRIES; tries++) {
      const now = deps.clock.now();
      const next: ServiceRecord = { ...r, status: 'rejected', decidedBy: caller.person.id, decidedAt: now, rejectReason: LEAVE_REASON, version: r.version + 1 };
      if (await deps.store.serviceRecords.update(next, r.version)) {
        closed++;
        break;
      }
      r = await deps.store.serviceRecords.get(r.id);
    }
  }
  return closed;
}

/** Applies `change` to the wish as stored, re-reading on a version conflict; the saved wish or null. */
async function changeWish(ctx: AuthedContext, first: Wish, change: (w: Wish, at: number) => Wish | null): Promise<Wish | null> {
  const { deps } = ctx;
  let w: Wish | null = first;
  for (let tries = 0; w && tries < TRIES; tries++) {
    const next = change(w, deps.clock.now());
    if (!next) return null;
    const saved = await deps.store.wishes.update(next, w.version);
    if (saved) return saved;
    w = await deps.store.wishes.get(w.id);
  }
  return null;
}

export async function closeWishes(ctx: AuthedContext): Promise<number> {
  const { deps, caller } = ctx;
  const me = caller.person.id;
  let closed = 0;
  const posted = (await deps.store.wishes.list({ postedOrWishedBy: me }, MANY, 0)).wishes;
  for (const w of posted) {
    const claimerId = w.status === 'claimed' ? w.claimerId : null;
    const saved = await changeWish(ctx, w, (cur, at) => {
      const status = wishTransition(cur.status, 'withdraw') ?? cur.status;
      if (status === cur.status && cur.phone === null && !cur.phoneShared) return null;
      return { ...cur, status, phone: null, phoneShared: false, updatedAt: at, version: cur.version + 1 };
    });
    if (saved && saved.status === 'withdrawn' && w.status !== 'withdrawn') {
      closed++;
      if (claimerId) await tell(deps, [withdrawnNotice(saved, claimerId)]);
    }
  }
  const claimed = (await deps.store.wishes.list({ claimerId: me, statuses: ['claimed'] }, MANY, 0)).wishes;
  for (const w of claimed) {
    const saved = await changeWish(ctx, w, (cur, at) => {
      const status = cur.claimerId === me ? wishTransition(cur.status, 'leave') : null;
      return status ? { ...cur, status, claimerId: null, claimedAt: null, updatedAt: at, version: cur.version + 1 } : null;
    });
    if (saved) {
      closed++;
      await tell(deps, givenBackNotices(saved, '认领人已注销账号'));
    }
  }
  return closed;
}
