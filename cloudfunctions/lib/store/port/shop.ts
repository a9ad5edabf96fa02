import type { Goods, Redemption, RedemptionStatus } from '../../../../src/core';
import type { NewPointsEntry } from './points';

export type RedeemResult =
  /** Ordered now (created) or before with the same id (a retry): the order as stored, and the balance after it. */
  | { ok: true; redemption: Redemption; created: boolean; balance: number }
  | { ok: false; reason: 'not_found' }
  /** The goods are off the shelf. */
  | { ok: false; reason: 'off' }
  | { ok: false; reason: 'out_of_stock' }
  /** The person's balance is less than the price: nothing written; the balance as it is. */
  | { ok: false; reason: 'below_zero'; balance: number };

export type RedemptionChangeResult =
  | { ok: true; redemption: Redemption }
  | { ok: false; reason: 'not_found' }
  /** Not `ordered` any more (collected or cancelled already): the order as stored. */
  | { ok: false; reason: 'not_ordered'; redemption: Redemption };

/** Which orders: one person's, or a community's, optionally of some statuses. */
export type RedemptionQuery = ({ personId: string } | { communityId: string }) & { statuses?: readonly RedemptionStatus[] };

export interface ShopRepo {
  insertGoods(g: Goods): Promise<Goods>;
  getGoods(id: string): Promise<Goods | null>;
  /** Writes name, description, price, picture and status of `next` if the stored goods are at `version`; the stock is kept. The goods, or null. */
  updateGoods(next: Goods, version: number): Promise<Goods | null>;
  /** Adds `delta` to the stock (a restock, or a correction down) atomically; refused (null) when the stock would go below zero or the goods are gone. */
  addStock(id: string, delta: number, at: number): Promise<Goods | null>;
  /** A community's goods, on the shelf first then by name; with `onlyOn`, those on the shelf only. */
  listGoods(communityId: string, onlyOn: boolean): Promise<Goods[]>;
  /**
   * In one atomic step: the goods on the shelf with stock ≥ 1 lose one, the person's balance loses
   * the price (never below zero: `spend`, an entry of −price with id `redemption:<id>`, is appended
   * as PointsRepo.append would) and the order is written. A redemption whose id exists answers that
   * one (and the balance as it is now) and writes nothing. Of N concurrent redemptions of a goods with
   * stock S, min(N, S) succeed (less if balances run out); none takes a balance below zero.
   * The order and the spend carry the goods' name and price as stored at that moment, not as the
   * caller read them: a reprice that landed in between wins (r.goodsName, r.price and spend.points are
   * overwritten). Refusals are checked in the order not_found, off, out_of_stock, below_zero.
   */
  redeem(r: Redemption, spend: NewPointsEntry): Promise<RedeemResult>;
  getRedemption(id: string): Promise<Redemption | null>;
  /** ordered → collected, atomically. */
  collect(id: string, by: string, at: number): Promise<RedemptionChangeResult>;
  /**
   * ordered → cancelled in one atomic step with the stock back (+1) and the points back (`refund`,
   * an entry of +price with id `refund:<id>`; its points are the order's price as stored). Of
   * concurrent cancels, or a cancel and a collect, one changes the order; the others answer not_ordered.
   */
  cancel(id: string, by: string, at: number, reason: string, refund: NewPointsEntry): Promise<RedemptionChangeResult>;
  /** Orders, newest first (ties by id); `total` counts every match. `statuses: []` matches none. */
  listRedemptions(q: RedemptionQuery, limit: number, offset: number): Promise<{ redemptions: Redemption[]; total: number }>;
}
