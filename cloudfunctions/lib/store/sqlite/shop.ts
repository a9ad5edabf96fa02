/**
 * The points shop (积分超市) on SQLite: goods and redemptions, changed with the points ledger in one
 * IMMEDIATE transaction each (the ledger's own append, points.ts `sqliteLedger`).
 *
 * How the invariants hold when requests race: SQLite runs one writer at a time, so each redemption
 * sees the stock and the balance the one before it left: the stock never goes below zero (and its
 * CHECK says so too), nor does a balance. A redemption's id is its primary key, so a retried one finds
 * the first. cancel and collect act only on an order still `ordered`, inside their transaction, so of
 * a cancel and a collect at once (or two cancels) one changes it and the stock and points come back once.
 */
import type { Database as Db } from 'better-sqlite3';
import type { Goods, GoodsStatus, Redemption, RedemptionStatus } from '../../../../src/core';
import type { NewPointsEntry, RedeemResult, RedemptionChangeResult, ShopRepo } from '../port';
import type { SqliteKit } from './kit';
import { sqliteLedger } from './points';

interface GoodsRow {
  id: string;
  community_id: string;
  name: string;
  description: string | null;
  price: number;
  stock: number;
  picture: string | null;
  status: string;
  created_at: number;
  created_by: string;
  updated_at: number;
  version: number;
}

interface RedemptionRow {
  id: string;
  goods_id: string;
  goods_name: string;
  price: number;
  person_id: string;
  community_id: string;
  status: string;
  ordered_at: number;
  collected_at: number | null;
  collected_by: string | null;
  cancelled_at: number | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
}

const toGoods = (r: GoodsRow): Goods => ({
  id: r.id,
  communityId: r.community_id,
  name: r.name,
  description: r.description,
  price: r.price,
  stock: r.stock,
  picture: r.picture,
  status: r.status as GoodsStatus,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  version: r.version,
});

const toRedemption = (r: RedemptionRow): Redemption => ({
  id: r.id,
  goodsId: r.goods_id,
  goodsName: r.goods_name,
  price: r.price,
  personId: r.person_id,
  communityId: r.community_id,
  status: r.status as RedemptionStatus,
  orderedAt: r.ordered_at,
  collectedAt: r.collected_at,
  collectedBy: r.collected_by,
  cancelledAt: r.cancelled_at,
  cancelledBy: r.cancelled_by,
  cancelReason: r.cancel_reason,
});

export function sqliteShop(db: Db, { stmt }: SqliteKit): ShopRepo {
  const ledger = sqliteLedger(db);
  const q = {
    goods: db.prepare<[string], GoodsRow>('SELECT * FROM goods WHERE id = ?'),
    insertGoods: db.prepare(
      `INSERT INTO goods (id, community_id, name, description, price, stock, picture, status, created_at, created_by, updated_at, version)
       VALUES (@id, @communityId, @name, @description, @price, @stock, @picture, @status, @createdAt, @createdBy, @updatedAt, @version)`,
    ),
    updateGoods: db.prepare<Record<string, unknown>, GoodsRow>(
      `UPDATE goods SET name = @name, description = @description, price = @price, picture = @picture, status = @status,
         updated_at = @updatedAt, version = @version
       WHERE id = @id AND version = @expected RETURNING *`,
    ),
    addStock: db.prepare<[number, number, string, number], GoodsRow>('UPDATE goods SET stock = stock + ?, updated_at = ? WHERE id = ? AND stock + ? >= 0 RETURNING *'),
    takeOne: db.prepare<[string], unknown>('UPDATE goods SET stock = stock - 1 WHERE id = ? AND stock >= 1'),
    giveBack: db.prepare<[string], unknown>('UPDATE goods SET stock = stock + 1 WHERE id = ?'),
    listGoods: db.prepare<[string], GoodsRow>('SELECT * FROM goods WHERE community_id = ? ORDER BY status DESC, name, id'),
    listGoodsOn: db.prepare<[string], GoodsRow>("SELECT * FROM goods WHERE community_id = ? AND status = 'on' ORDER BY name, id"),
    redemption: db.prepare<[string], RedemptionRow>('SELECT * FROM redemptions WHERE id = ?'),
    insertRedemption: db.prepare(
      `INSERT INTO redemptions (id, goods_id, goods_name, price, person_id, community_id, status, ordered_at, collected_at, collected_by,
         cancelled_at, cancelled_by, cancel_reason)
       VALUES (@id, @goodsId, @goodsName, @price, @personId, @communityId, @status, @orderedAt, @collectedAt, @collectedBy,
         @cancelledAt, @cancelledBy, @cancelReason)`,
    ),
    collect: db.prepare<[number, string, string], RedemptionRow>(
      "UPDATE redemptions SET status = 'collected', collected_at = ?, collected_by = ? WHERE id = ? AND status = 'ordered' RETURNING *",
    ),
    cancel: db.prepare<[number, string, string, string], RedemptionRow>(
      "UPDATE redemptions SET status = 'cancelled', cancelled_at = ?, cancelled_by = ?, cancel_reason = ? WHERE id = ? AND status = 'ordered' RETURNING *",
    ),
  };

  const redemptionOf = (id: string) => {
    const r = q.redemption.get(id);
    return r ? toRedemption(r) : null;
  };

  const redeemTx = db.transaction((r: Redemption, spend: NewPointsEntry): RedeemResult => {
    const before = redemptionOf(r.id);
    if (before) return { ok: true, redemption: before, created: false, balance: ledger.balance(before.personId) };
    if (spend.personId !== r.personId) throw new Error(`redemption ${r.id}: the spend is for ${spend.personId}, not ${r.personId}`);
    const row = q.goods.get(r.goodsId);
    if (!row) return { ok: false, reason: 'not_found' };
    const g = toGoods(row);
    if (g.status !== 'on') return { ok: false, reason: 'off' };
    if (g.stock < 1) return { ok: false, reason: 'out_of_stock' };
    // The goods' name and price as they are now: a reprice since the caller read them wins.
    const order: Redemption = { ...r, goodsName: g.name, price: g.price };
    const paid = ledger.appendIn({ ...spend, points: -g.price });
    if (!paid.ok) return paid;
    if (!paid.created) throw new Error(`redemption ${r.id}: its spend ${spend.id} exists without it`);
    q.takeOne.run(g.id);
    q.insertRedemption.run(order);
    return { ok: true, redemption: order, created: true, balance: paid.entry.balanceAfter };
  });

  const cancelTx = db.transaction((id: string, by: string, at: number, reason: string, refund: NewPointsEntry): RedemptionChangeResult => {
    const before = redemptionOf(id);
    if (!before) return { ok: false, reason: 'not_found' };
    if (before.status !== 'ordered') return { ok: false, reason: 'not_ordered', redemption: before };
    if (refund.personId !== before.personId) throw new Error(`redemption ${id}: the refund is for ${refund.personId}, not ${before.personId}`);
    // Adding points never refuses; an existing refund of an order still open is a broken ledger.
    const back = ledger.appendIn({ ...refund, points: before.price });
    if (!back.ok || !back.created) throw new Error(`redemption ${id}: its refund ${refund.id} could not be written`);
    q.giveBack.run(before.goodsId);
    return { ok: true, redemption: toRedemption(q.cancel.get(at, by, reason, id)!) };
  });

  return {
    async insertGoods(g) {
      q.insertGoods.run(g);
      return g;
    },
    async getGoods(id) {
      const r = q.goods.get(id);
      return r ? toGoods(r) : null;
    },
    async updateGoods(next, version) {
      const r = q.updateGoods.get({ ...next, expected: version });
      return r ? toGoods(r) : null;
    },
    async addStock(id, delta, at) {
      const r = q.addStock.get(delta, at, id, delta);
      return r ? toGoods(r) : null;
    },
    async listGoods(communityId, onlyOn) {
      return (onlyOn ? q.listGoodsOn : q.listGoods).all(communityId).map(toGoods);
    },
    async redeem(r, spend) {
      return redeemTx.immediate(r, spend);
    },
    async getRedemption(id) {
      return redemptionOf(id);
    },
    async collect(id, by, at) {
      const r = q.collect.get(at, by, id);
      if (r) return { ok: true, redemption: toRedemption(r) };
      const before = redemptionOf(id);
      return before ? { ok: false, reason: 'not_ordered', redemption: before } : { ok: false, reason: 'not_found' };
    },
    async cancel(id, by, at, reason, refund) {
      return cancelTx.immediate(id, by, at, reason, refund);
    },
    async listRedemptions(rq, limit, offset) {
      const parts: string[] = [];
      const args: unknown[] = [];
      if ('personId' in rq) {
        parts.push('person_id = ?');
        args.push(rq.personId);
      } else {
        parts.push('community_id = ?');
        args.push(rq.communityId);
      }
      if (rq.statuses) {
        if (rq.statuses.length === 0) return { redemptions: [], total: 0 };
        parts.push(`status IN (${rq.statuses.map(() => '?').join(',')})`);
        args.push(...rq.statuses);
      }
      const where = parts.join(' AND ');
      const total = (stmt(`SELECT COUNT(*) AS n FROM redemptions WHERE ${where}`).get(...args) as { n: number }).n;
      if (limit <= 0) return { redemptions: [], total };
      const rows = stmt(`SELECT * FROM redemptions WHERE ${where} ORDER BY ordered_at DESC, id DESC LIMIT ? OFFSET ?`).all(...args, limit, offset) as RedemptionRow[];
      return { redemptions: rows.map(toRedemption), total };
    },
  };
}
