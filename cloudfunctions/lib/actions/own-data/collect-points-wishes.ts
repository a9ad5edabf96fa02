/**
 * 我的信息's points and wishes: the person's ledger, service records, orders, and the wishes posted
 * by or for them and claimed by them. Reads only.
 */
import {
  OWN_DATA_MAX_ITEMS,
  POINTS_SOURCE_LABEL,
  REDEMPTION_STATUS_LABEL,
  SERVICE_RECORD_STATUS_LABEL,
  WISH_STATUS_LABEL,
  type OwnOrder,
  type OwnPointsEntry,
  type OwnServiceRecord,
  type OwnWish,
  type Wish,
} from '../../../../src/core';
import type { Deps } from '../../deps';

/** One more than the cap: the section then says it was cut short. */
const READ = OWN_DATA_MAX_ITEMS + 1;

const ownWish = (w: Wish, role: OwnWish['role']): OwnWish => ({
  id: w.id,
  role,
  what: w.what,
  forWhom: w.forWhom,
  byDate: w.byDate,
  statusLabel: WISH_STATUS_LABEL[w.status],
  // The door and phone are the wisher's, not the claimer's to take away.
  door: role === 'wisher' ? w.door : null,
  phone: role === 'wisher' ? w.phone : null,
  phoneShared: role === 'wisher' && w.phoneShared,
  fulfilNote: w.fulfilNote,
  points: role === 'claimer' ? w.points : null,
  createdAt: w.createdAt,
});

export async function collectPointsAndWishes(
  deps: Deps,
  personId: string,
): Promise<{ points: OwnPointsEntry[]; services: OwnServiceRecord[]; orders: OwnOrder[]; wishes: OwnWish[] }> {
  const { store } = deps;
  const [entries, records, orders, posted, claimed] = await Promise.all([
    store.points.list({ personId }, READ, 0),
    store.serviceRecords.list({ personId }, READ, 0),
    store.shop.listRedemptions({ personId }, READ, 0),
    store.wishes.list({ postedOrWishedBy: personId }, READ, 0),
    store.wishes.list({ claimerId: personId }, READ, 0),
  ]);
  return {
    points: entries.entries.map((e) => ({ id: e.id, at: e.at, points: e.points, reason: e.reason, kindLabel: POINTS_SOURCE_LABEL[e.source.kind], balanceAfter: e.balanceAfter })),
    services: records.records.map((r) => ({
      id: r.id,
      what: r.what,
      date: r.date,
      minutes: r.minutes,
      forWhom: r.forWhom,
      statusLabel: SERVICE_RECORD_STATUS_LABEL[r.status],
      points: r.points,
      rejectReason: r.rejectReason,
      createdAt: r.createdAt,
    })),
    orders: orders.redemptions.map((o) => ({
      id: o.id,
      goodsName: o.goodsName,
      price: o.price,
      statusLabel: REDEMPTION_STATUS_LABEL[o.status],
      orderedAt: o.orderedAt,
      collectedAt: o.collectedAt,
      cancelledAt: o.cancelledAt,
    })),
    wishes: [...posted.wishes.map((w) => ownWish(w, 'wisher')), ...claimed.wishes.filter((w) => w.postedBy !== personId && w.wisherId !== personId).map((w) => ownWish(w, 'claimer'))],
  };
}
