/**
 * The points shop (积分超市): staff list goods with a stock and a price in points; a person redeems
 * one, and their balance, the stock and the order change together — never an overdraft, never more
 * sold than the stock, under any concurrency (the store's atomic redeem). Staff mark an order
 * collected when the goods are handed over; cancelling an order not yet collected returns both the
 * points and the stock.
 */
export const GOODS_STATUSES = ['on', 'off'] as const;
export type GoodsStatus = (typeof GOODS_STATUSES)[number];
export const GOODS_STATUS_LABEL: Record<GoodsStatus, string> = { on: '上架', off: '已下架' };

export const GOODS_PRICE_MAX = 10000;
export const GOODS_STOCK_MAX = 100000;

export interface Goods {
  id: string;
  communityId: string;
  /** "洗衣液 2kg". */
  name: string;
  /** Where and when to collect, what it is: shown on the shop page; null when nothing to add. */
  description: string | null;
  /** Points for one. */
  price: number;
  /** How many are left to redeem. */
  stock: number;
  /** A picture's stored path (uploads), or null. */
  picture: string | null;
  status: GoodsStatus;
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  /** Bumped by staff edits only: a redemption changes the stock without it. */
  version: number;
}

export const REDEMPTION_STATUSES = ['ordered', 'collected', 'cancelled'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];
export const REDEMPTION_STATUS_LABEL: Record<RedemptionStatus, string> = { ordered: '待领取', collected: '已领取', cancelled: '已取消' };

/** One redemption (兑换): one of a goods, for its price at the time. */
export interface Redemption {
  /** `<personId>:<clientRequestId>`: a retried redemption is one order. */
  id: string;
  goodsId: string;
  /** The goods' name and price when redeemed (staff may rename or reprice later). */
  goodsName: string;
  price: number;
  personId: string;
  communityId: string;
  status: RedemptionStatus;
  orderedAt: number;
  collectedAt: number | null;
  collectedBy: string | null;
  cancelledAt: number | null;
  cancelledBy: string | null;
  cancelReason: string | null;
}

export function redemptionId(personId: string, clientRequestId: string): string {
  return `${personId}:${clientRequestId}`;
}
