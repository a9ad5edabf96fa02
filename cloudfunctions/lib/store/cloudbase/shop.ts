/**
 * The points shop (积分超市) on CloudBase: a document per goods (`_id` its id, holding the stock) and
 * per redemption (`_id` `<personId>:<clientRequestId>`), changed with the points ledger (points.ts).
 *
 * How the invariants hold when requests race:
 * - redeem is one transaction that reads the redemption's `_id`, the goods and (through ledgerStep)
 *   the spend's `_id` and the person's balance, refuses before writing anything, then writes the
 *   goods' stock, the spend, the balance and the order. Every redemption of a goods writes its
 *   document and every one of a person writes their balance, so of racing ones the database commits
 *   one and re-runs the others on what it left: the stock and the balance never go below zero. A
 *   retried redemption finds its `_id` and writes nothing.
 * - cancel is one transaction over the order, the goods and the refund: only an order still
 *   `ordered` is cancelled, so two cancels at once return the stock and the points once.
 * - collect writes the order where it is still `ordered` (a conditional update): against a cancel's
 *   transaction on the same document one of them wins, and the other sees it no longer `ordered`.
 * - addStock and updateGoods are conditional updates of the goods' document; a redemption's
 *   transaction that read it before is aborted and re-run.
 * The callbacks have no side effects and write the same `_id`s each time they run.
 */
import type { Goods, Redemption } from '../../../../src/core';
import type { RedeemResult, RedemptionChangeResult, ShopRepo } from '../port';
import type { CloudbaseKit, Stored, Where } from './kit';
import { ledgerStep, patientTransaction, type PointsBalanceDoc } from './points';

export interface GoodsDoc extends Stored, Omit<Goods, 'id'> {}
export interface RedemptionDoc extends Stored, Omit<Redemption, 'id'> {}

const toGoods = ({ _id, ...d }: GoodsDoc): Goods => ({
  id: _id,
  communityId: d.communityId,
  name: d.name,
  description: d.description ?? null,
  price: d.price,
  stock: d.stock,
  picture: d.picture ?? null,
  status: d.status,
  createdAt: d.createdAt,
  createdBy: d.createdBy,
  updatedAt: d.updatedAt,
  version: d.version,
});
const goodsDoc = ({ id, ...fields }: Goods): GoodsDoc => ({ _id: id, ...fields });

const toRedemption = ({ _id, ...d }: RedemptionDoc): Redemption => ({
  id: _id,
  goodsId: d.goodsId,
  goodsName: d.goodsName,
  price: d.price,
  personId: d.personId,
  communityId: d.communityId,
  status: d.status,
  orderedAt: d.orderedAt,
  collectedAt: d.collectedAt ?? null,
  collectedBy: d.collectedBy ?? null,
  cancelledAt: d.cancelledAt ?? null,
  cancelledBy: d.cancelledBy ?? null,
  cancelReason: d.cancelReason ?? null,
});
const redemptionDoc = ({ id, ...fields }: Redemption): RedemptionDoc => ({ _id: id, ...fields });

export function cloudbaseShop(kit: CloudbaseKit): ShopRepo {
  const _ = kit.command;
  const goods = () => kit.coll('goods');
  const redemptions = () => kit.coll('redemptions');

  const getGoods = async (id: string) => {
    const d = await kit.docById<GoodsDoc>('goods', id);
    return d ? toGoods(d) : null;
  };
  const getRedemption = async (id: string) => {
    const d = await kit.docById<RedemptionDoc>('redemptions', id);
    return d ? toRedemption(d) : null;
  };

  return {
    async insertGoods(g) {
      await goods().add(goodsDoc(g));
      return g;
    },
    getGoods,
    async updateGoods(next, version) {
      const patch = {
        name: next.name,
        description: next.description,
        price: next.price,
        picture: next.picture,
        status: next.status,
        updatedAt: next.updatedAt,
        version: next.version,
      };
      if ((await kit.update(goods().where({ _id: next.id, version }), patch)) !== 1) return null;
      return getGoods(next.id);
    },
    async addStock(id, delta, at) {
      // The stock after is never below zero: the condition is the database's, in the same write.
      const changed = await kit.update(goods().where({ _id: id, stock: _.gte(-delta) }), { stock: _.inc(delta), updatedAt: at });
      return changed === 1 ? getGoods(id) : null;
    },
    async listGoods(communityId, onlyOn) {
      const q = onlyOn
        ? goods().where({ communityId, status: 'on' }).orderBy('name', 'asc').orderBy('_id', 'asc')
        : goods().where({ communityId }).orderBy('status', 'desc').orderBy('name', 'asc').orderBy('_id', 'asc');
      return (await kit.drainBySkip<GoodsDoc>(q)).map(toGoods);
    },
    async redeem(r, spend) {
      return patientTransaction(kit, async (t): Promise<RedeemResult> => {
        // Reads and checks first: a refusal returns before anything is written.
        const before = await t.get<RedemptionDoc>('redemptions', r.id);
        if (before) {
          const balance = (await t.get<PointsBalanceDoc>('points_balances', before.personId))?.balance ?? 0;
          return { ok: true, redemption: toRedemption(before), created: false, balance };
        }
        if (spend.personId !== r.personId) throw new Error(`redemption ${r.id}: the spend is for ${spend.personId}, not ${r.personId}`);
        const d = await t.get<GoodsDoc>('goods', r.goodsId);
        if (!d) return { ok: false, reason: 'not_found' };
        const g = toGoods(d);
        if (g.status !== 'on') return { ok: false, reason: 'off' };
        if (g.stock < 1) return { ok: false, reason: 'out_of_stock' };
        // The goods' name and price as they are now: a reprice since the caller read them wins.
        const order: Redemption = { ...r, goodsName: g.name, price: g.price };
        const paid = await ledgerStep(t, { ...spend, points: -g.price });
        if (!paid.ok) return paid;
        if (!paid.created) throw new Error(`redemption ${r.id}: its spend ${spend.id} exists without it`);

        await t.update('goods', g.id, { stock: g.stock - 1 });
        await paid.write();
        await t.add('redemptions', redemptionDoc(order));
        return { ok: true, redemption: order, created: true, balance: paid.entry.balanceAfter };
      });
    },
    getRedemption,
    async collect(id, by, at) {
      const changed = await kit.update(redemptions().where({ _id: id, status: 'ordered' }), { status: 'collected', collectedAt: at, collectedBy: by });
      // Collected is final: what is read back is what this write left, or what stopped it.
      const after = await getRedemption(id);
      if (!after) return { ok: false, reason: 'not_found' };
      return changed === 1 ? { ok: true, redemption: after } : { ok: false, reason: 'not_ordered', redemption: after };
    },
    async cancel(id, by, at, reason, refund) {
      return patientTransaction(kit, async (t): Promise<RedemptionChangeResult> => {
        const d = await t.get<RedemptionDoc>('redemptions', id);
        if (!d) return { ok: false, reason: 'not_found' };
        const before = toRedemption(d);
        if (before.status !== 'ordered') return { ok: false, reason: 'not_ordered', redemption: before };
        if (refund.personId !== before.personId) throw new Error(`redemption ${id}: the refund is for ${refund.personId}, not ${before.personId}`);
        const g = await t.get<GoodsDoc>('goods', before.goodsId);
        if (!g) throw new Error(`redemption ${id}: its goods ${before.goodsId} are gone`);
        // Adding points never refuses; an existing refund of an order still open is a broken ledger.
        const back = await ledgerStep(t, { ...refund, points: before.price });
        if (!back.ok || !back.created) throw new Error(`redemption ${id}: its refund ${refund.id} could not be written`);

        const after: Redemption = { ...before, status: 'cancelled', cancelledAt: at, cancelledBy: by, cancelReason: reason };
        await t.update('goods', g._id, { stock: g.stock + 1 });
        await back.write();
        await t.update('redemptions', id, { status: after.status, cancelledAt: at, cancelledBy: by, cancelReason: reason });
        return { ok: true, redemption: after };
      });
    },
    async listRedemptions(rq, limit, offset) {
      const where: Where = 'personId' in rq ? { personId: rq.personId } : { communityId: rq.communityId };
      if (rq.statuses) {
        if (rq.statuses.length === 0) return { redemptions: [], total: 0 };
        where.status = _.in([...rq.statuses]);
      }
      const total = await kit.count(redemptions().where(where));
      if (limit <= 0) return { redemptions: [], total };
      const q = redemptions().where(where).orderBy('orderedAt', 'desc').orderBy('_id', 'desc');
      return { redemptions: (await kit.drainBySkip<RedemptionDoc>(q, limit, offset)).map(toRedemption), total };
    },
  };
}
