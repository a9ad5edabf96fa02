import { pointsKey, redemptionId, type Goods, type Redemption } from '../../../src/core';
import type { NewPointsEntry, Store } from '../../../cloudfunctions/lib/store/port';
import type { ContractContext } from './context';
import { ledgerOf, pointsEntry } from './points';

const COMMUNITY = 'com_contract';

let n = 0;
/** Goods on the shelf of the contract's community. */
function goods(name: string, price: number, stock: number, extra: Partial<Goods> = {}): Goods {
  const i = ++n;
  return {
    id: `gds_c${String(i).padStart(6, '0')}`,
    communityId: COMMUNITY,
    name,
    description: '社区服务站领取',
    price,
    stock,
    picture: null,
    status: 'on',
    createdAt: 10_000 + i,
    createdBy: 'per_staff',
    updatedAt: 10_000 + i,
    version: 1,
    ...extra,
  };
}

/** A redemption of one of `g` by `personId` and the spend that pays for it, as the action builds them. */
function order(g: Goods, personId: string, extra: Partial<Redemption> = {}): { r: Redemption; spend: NewPointsEntry } {
  const i = ++n;
  const r: Redemption = {
    id: redemptionId(personId, `req-${i}`),
    goodsId: g.id,
    goodsName: g.name,
    price: g.price,
    personId,
    communityId: g.communityId,
    status: 'ordered',
    orderedAt: 50_000 + i,
    collectedAt: null,
    collectedBy: null,
    cancelledAt: null,
    cancelledBy: null,
    cancelReason: null,
    ...extra,
  };
  const spend = pointsEntry(personId, -r.price, { source: { kind: 'redemption', id: r.id }, reason: `积分兑换：${g.name}`, grantedBy: null, at: r.orderedAt });
  return { r, spend };
}

/** The refund of a cancelled order, as the action builds it. */
const refundOf = (r: Redemption, at: number): NewPointsEntry =>
  pointsEntry(r.personId, r.price, { source: { kind: 'refund', id: r.id }, reason: `兑换取消退回：${r.goodsName}`, grantedBy: 'per_staff', at });

export function shopContract(ctx: ContractContext) {
  describe('shop', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    /** Gives `personId` `points` to spend. */
    const give = async (personId: string, points: number) => expect((await store.points.append(pointsEntry(personId, points))).ok).toBe(true);
    const redeem = (o: { r: Redemption; spend: NewPointsEntry }) => store.shop.redeem(o.r, o.spend);

    describe('goods', () => {
      it('edits goods at the version read, keeping the stock; a stale version writes nothing', async () => {
        const g = goods('洗衣液 2kg', 30, 5);
        expect(await store.shop.insertGoods(g)).toEqual(g);
        expect(await store.shop.getGoods(g.id)).toEqual(g);
        const next: Goods = { ...g, name: '洗衣液 3kg', description: null, price: 40, picture: 'uploads/g.jpg', status: 'off', stock: 999, updatedAt: 20_000, version: 2 };
        expect(await store.shop.updateGoods(next, 1)).toEqual({ ...next, stock: 5 });
        expect(await store.shop.updateGoods({ ...g, name: '旧的', version: 2 }, 1)).toBeNull();
        expect(await store.shop.getGoods(g.id)).toEqual({ ...next, stock: 5 });
        expect(await store.shop.getGoods('gds_nothing')).toBeNull();
      });

      it('restocks and corrects the stock down, never below zero', async () => {
        const g = goods('大米 5kg', 50, 3);
        await store.shop.insertGoods(g);
        expect(await store.shop.addStock(g.id, 7, 30_000)).toEqual({ ...g, stock: 10, updatedAt: 30_000 });
        expect(await store.shop.addStock(g.id, -10, 31_000)).toMatchObject({ stock: 0, updatedAt: 31_000, version: 1 });
        expect(await store.shop.addStock(g.id, -1, 32_000)).toBeNull();
        expect(await store.shop.getGoods(g.id)).toMatchObject({ stock: 0, updatedAt: 31_000 });
        expect(await store.shop.addStock('gds_nothing', 1, 33_000)).toBeNull();
      });

      it("lists a community's goods on the shelf first, then by name; or those on the shelf alone", async () => {
        const soap = goods('b 肥皂', 5, 1);
        const oil = goods('a 食用油', 60, 1, { status: 'off' });
        const towel = goods('c 毛巾', 10, 0);
        const rice = goods('a 大米', 50, 2);
        const elsewhere = goods('a 酱油', 8, 2, { communityId: 'com_other' });
        for (const g of [soap, oil, towel, rice, elsewhere]) await store.shop.insertGoods(g);
        expect((await store.shop.listGoods(COMMUNITY, false)).map((g) => g.id)).toEqual([rice.id, soap.id, towel.id, oil.id]);
        expect((await store.shop.listGoods(COMMUNITY, true)).map((g) => g.id)).toEqual([rice.id, soap.id, towel.id]);
        expect(await store.shop.listGoods('com_none', false)).toEqual([]);
      });
    });

    describe('redeem', () => {
      it('takes one from the stock and the price from the balance, and writes the order and its spend together', async () => {
        const g = goods('洗衣液 2kg', 30, 5);
        await store.shop.insertGoods(g);
        await give('per_zhou', 50);
        const o = order(g, 'per_zhou');
        expect(await redeem(o)).toEqual({ ok: true, redemption: o.r, created: true, balance: 20 });
        expect(await store.shop.getRedemption(o.r.id)).toEqual(o.r);
        expect(await store.shop.getGoods(g.id)).toEqual({ ...g, stock: 4 });
        expect(await store.points.balance('per_zhou')).toBe(20);
        expect(await store.points.get(pointsKey('redemption', o.r.id))).toEqual({ ...o.spend, balanceAfter: 20 });
      });

      it('charges the price the goods have when redeemed, whatever the caller read', async () => {
        const g = goods('毛巾', 10, 5);
        await store.shop.insertGoods(g);
        await store.shop.updateGoods({ ...g, name: '毛巾（两条）', price: 15, version: 2 }, 1);
        await give('per_zhou', 20);
        const o = order(g, 'per_zhou');
        expect(await redeem(o)).toMatchObject({ ok: true, redemption: { goodsName: '毛巾（两条）', price: 15 }, balance: 5 });
        expect(await store.points.get(o.spend.id)).toMatchObject({ points: -15, balanceAfter: 5 });
      });

      it('refuses goods that are gone, off the shelf or out of stock, and a balance short of the price, writing nothing', async () => {
        const off = goods('食用油', 10, 5, { status: 'off' });
        const none = goods('大米', 10, 0);
        const dear = goods('电饭煲', 500, 5);
        for (const g of [off, none, dear]) await store.shop.insertGoods(g);
        await give('per_zhou', 100);
        expect(await redeem(order(goods('不存在', 10, 1), 'per_zhou'))).toEqual({ ok: false, reason: 'not_found' });
        expect(await redeem(order(off, 'per_zhou'))).toEqual({ ok: false, reason: 'off' });
        expect(await redeem(order(none, 'per_zhou'))).toEqual({ ok: false, reason: 'out_of_stock' });
        const short = order(dear, 'per_zhou');
        expect(await redeem(short)).toEqual({ ok: false, reason: 'below_zero', balance: 100 });
        expect(await store.shop.getRedemption(short.r.id)).toBeNull();
        expect(await store.points.get(short.spend.id)).toBeNull();
        expect(await store.shop.getGoods(dear.id)).toEqual(dear);
        expect(await store.points.balance('per_zhou')).toBe(100);
        expect(await store.shop.listRedemptions({ personId: 'per_zhou' }, 10, 0)).toEqual({ redemptions: [], total: 0 });
      });

      it('answers a retried redemption (the same id) with the first order, one at a time or many at once', async () => {
        const g = goods('肥皂', 5, 10);
        await store.shop.insertGoods(g);
        await give('per_zhou', 20);
        const o = order(g, 'per_zhou');
        await redeem(o);
        expect(await redeem({ r: { ...o.r, orderedAt: 99_999 }, spend: o.spend })).toEqual({ ok: true, redemption: o.r, created: false, balance: 15 });
        const p = order(g, 'per_zhou');
        const retries = await Promise.all(Array.from({ length: 8 }, () => redeem(p)));
        expect(retries.filter((r) => r.ok && r.created)).toHaveLength(1);
        expect(retries.every((r) => r.ok && r.redemption.id === p.r.id)).toBe(true);
        expect((await store.shop.listRedemptions({ personId: 'per_zhou' }, 10, 0)).total).toBe(2);
        expect(await store.shop.getGoods(g.id)).toMatchObject({ stock: 8 });
        expect(await store.points.balance('per_zhou')).toBe(10);
      });

      it('of 50 people redeeming goods with a stock of 10 at once, sells exactly 10 and takes no balance below zero', async () => {
        const g = goods('鸡蛋一盒', 20, 10);
        await store.shop.insertGoods(g);
        const people = Array.from({ length: 50 }, (_, i) => `per_crowd${String(i).padStart(2, '0')}`);
        for (const p of people) await give(p, 30);
        const results = await Promise.all(people.map((p) => redeem(order(g, p))));
        expect(results.filter((r) => r.ok && r.created)).toHaveLength(10);
        for (const r of results) if (!r.ok) expect(r).toEqual({ ok: false, reason: 'out_of_stock' });
        expect(await store.shop.getGoods(g.id)).toMatchObject({ stock: 0 });
        expect((await store.shop.listRedemptions({ communityId: COMMUNITY }, 100, 0)).total).toBe(10);
        for (const p of people) {
          const balance = await store.points.balance(p);
          expect(balance === 10 || balance === 30).toBe(true);
          expect((await ledgerOf(store, p)).reduce((s, e) => s + e.points, 0)).toBe(balance);
        }
      }, 120_000);

      it('lets one person with points for 3 who redeems 10 times at once have 3, never going below zero', async () => {
        const a = goods('纸巾', 1, 10);
        const b = goods('牙膏', 1, 10);
        for (const g of [a, b]) await store.shop.insertGoods(g);
        await give('per_zhou', 3);
        // Two goods: the orders race for the balance, not only for one goods' stock.
        const results = await Promise.all(Array.from({ length: 10 }, (_, i) => redeem(order(i % 2 ? a : b, 'per_zhou'))));
        expect(results.filter((r) => r.ok && r.created)).toHaveLength(3);
        for (const r of results) if (!r.ok) expect(r).toEqual({ ok: false, reason: 'below_zero', balance: 0 });
        expect(await store.points.balance('per_zhou')).toBe(0);
        const ledger = await ledgerOf(store, 'per_zhou');
        expect(ledger).toHaveLength(4);
        expect(ledger.every((e) => e.balanceAfter >= 0)).toBe(true);
        expect(ledger.reduce((s, e) => s + e.points, 0)).toBe(0);
        const stocks = [(await store.shop.getGoods(a.id))!.stock, (await store.shop.getGoods(b.id))!.stock];
        expect(stocks[0] + stocks[1]).toBe(17);
      }, 120_000);
    });

    describe('collect and cancel', () => {
      /** Goods with a stock of 5 and an order of one by 周, who had 50. */
      async function ordered() {
        const g = goods('洗衣液 2kg', 30, 5);
        await store.shop.insertGoods(g);
        await give('per_zhou', 50);
        const o = order(g, 'per_zhou');
        expect((await redeem(o)).ok).toBe(true);
        return { g, r: o.r };
      }

      it('marks an order collected once; a collected order cannot be collected or cancelled again', async () => {
        const { r } = await ordered();
        const collected = { ...r, status: 'collected' as const, collectedAt: 60_000, collectedBy: 'per_staff' };
        expect(await store.shop.collect(r.id, 'per_staff', 60_000)).toEqual({ ok: true, redemption: collected });
        expect(await store.shop.collect(r.id, 'per_staff2', 61_000)).toEqual({ ok: false, reason: 'not_ordered', redemption: collected });
        expect(await store.shop.cancel(r.id, 'per_staff', 62_000, '不需要了', refundOf(r, 62_000))).toEqual({ ok: false, reason: 'not_ordered', redemption: collected });
        expect(await store.shop.collect('per_zhou:nothing', 'per_staff', 60_000)).toEqual({ ok: false, reason: 'not_found' });
        expect(await store.points.balance('per_zhou')).toBe(20);
      });

      it('cancels an order, returning the stock and the points together', async () => {
        const { g, r } = await ordered();
        const refund = refundOf(r, 70_000);
        const cancelled = { ...r, status: 'cancelled' as const, cancelledAt: 70_000, cancelledBy: 'per_staff', cancelReason: '选错了物品' };
        expect(await store.shop.cancel(r.id, 'per_staff', 70_000, '选错了物品', refund)).toEqual({ ok: true, redemption: cancelled });
        expect(await store.shop.getRedemption(r.id)).toEqual(cancelled);
        expect(await store.shop.getGoods(g.id)).toMatchObject({ stock: 5 });
        expect(await store.points.balance('per_zhou')).toBe(50);
        expect(await store.points.get(pointsKey('refund', r.id))).toEqual({ ...refund, balanceAfter: 50 });
        expect(await store.shop.cancel('per_zhou:nothing', 'per_staff', 70_000, '选错了物品', refund)).toEqual({ ok: false, reason: 'not_found' });
      });

      it('returns the stock and the points once when an order is cancelled twice at once', async () => {
        const { g, r } = await ordered();
        const results = await Promise.all(
          Array.from({ length: 2 }, (_, i) => store.shop.cancel(r.id, `per_staff${i}`, 70_000 + i, '不需要了', refundOf(r, 70_000 + i))),
        );
        expect(results.filter((x) => x.ok)).toHaveLength(1);
        const stored = await store.shop.getRedemption(r.id);
        expect(stored).toMatchObject({ status: 'cancelled' });
        for (const x of results) if (!x.ok) expect(x).toEqual({ ok: false, reason: 'not_ordered', redemption: stored });
        expect(await store.shop.getGoods(g.id)).toMatchObject({ stock: 5 });
        expect(await store.points.balance('per_zhou')).toBe(50);
        expect(await ledgerOf(store, 'per_zhou')).toHaveLength(3);
      });

      it('lets exactly one of a collect and a cancel at once win', async () => {
        const { g, r } = await ordered();
        const [collected, cancelled] = await Promise.all([
          store.shop.collect(r.id, 'per_staff', 80_000),
          store.shop.cancel(r.id, 'per_zhou', 80_001, '没时间去领取', refundOf(r, 80_001)),
        ]);
        expect([collected.ok, cancelled.ok].filter(Boolean)).toHaveLength(1);
        const stored = (await store.shop.getRedemption(r.id))!;
        if (collected.ok) {
          expect(stored.status).toBe('collected');
          expect(cancelled).toEqual({ ok: false, reason: 'not_ordered', redemption: stored });
          expect(await store.shop.getGoods(g.id)).toMatchObject({ stock: 4 });
          expect(await store.points.balance('per_zhou')).toBe(20);
          expect(await store.points.get(pointsKey('refund', r.id))).toBeNull();
        } else {
          expect(stored.status).toBe('cancelled');
          expect(collected).toEqual({ ok: false, reason: 'not_ordered', redemption: stored });
          expect(await store.shop.getGoods(g.id)).toMatchObject({ stock: 5 });
          expect(await store.points.balance('per_zhou')).toBe(50);
        }
      });
    });

    it("lists a person's orders and a community's, newest first, by status, with a total whatever the page", async () => {
      const g = goods('肥皂', 5, 20);
      await store.shop.insertGoods(g);
      await give('per_zhou', 50);
      await give('per_wu', 50);
      const os = [
        order(g, 'per_zhou', { orderedAt: 1_000 }),
        order(g, 'per_wu', { orderedAt: 2_000 }),
        order(g, 'per_zhou', { orderedAt: 3_000 }),
        order(g, 'per_zhou', { orderedAt: 4_000 }),
        order(g, 'per_wu', { orderedAt: 5_000 }),
      ];
      for (const o of os) await redeem(o);
      await store.shop.collect(os[0].r.id, 'per_staff', 6_000);
      await store.shop.cancel(os[2].r.id, 'per_zhou', 6_000, '不需要了', refundOf(os[2].r, 6_000));
      const ids = async (q: Parameters<Store['shop']['listRedemptions']>[0], limit = 100, offset = 0) => {
        const r = await store.shop.listRedemptions(q, limit, offset);
        return { ids: r.redemptions.map((x) => x.id), total: r.total };
      };
      const id = (i: number) => os[i].r.id;
      expect(await ids({ personId: 'per_zhou' })).toEqual({ ids: [id(3), id(2), id(0)], total: 3 });
      expect(await ids({ personId: 'per_zhou' }, 1, 1)).toEqual({ ids: [id(2)], total: 3 });
      expect(await ids({ communityId: COMMUNITY })).toEqual({ ids: [id(4), id(3), id(2), id(1), id(0)], total: 5 });
      expect(await ids({ communityId: COMMUNITY, statuses: ['ordered'] })).toEqual({ ids: [id(4), id(3), id(1)], total: 3 });
      expect(await ids({ communityId: COMMUNITY, statuses: ['ordered'] }, 2, 2)).toEqual({ ids: [id(1)], total: 3 });
      expect(await ids({ communityId: COMMUNITY, statuses: ['collected', 'cancelled'] })).toEqual({ ids: [id(2), id(0)], total: 2 });
      expect(await ids({ personId: 'per_wu', statuses: [] })).toEqual({ ids: [], total: 0 });
      expect(await ids({ communityId: 'com_other' })).toEqual({ ids: [], total: 0 });
    });
  });
}
