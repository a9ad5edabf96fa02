/**
 * The points shop (积分超市): staff list goods (versioned edits; the stock changes by restock only);
 * anyone bound in the community sees the shelf and their balance; a member or volunteer redeems, and
 * their balance, the stock and the order change together — refused out of stock, off the shelf, short
 * of points, for a resident, for another community's goods; a retried redemption is one order. Staff
 * hand it over; cancelling returns the points and the stock.
 */
import type { GoodsView, Outputs } from '../../src/core';
import { data, expectFailure } from '../support/harness';
import { crid, pointsKit, type PointsKit } from './support/points';

type Out = Outputs['points'];
let k: PointsKit;

const save = (input: Record<string, unknown>, cred = k.staff.cred) =>
  k.call<Out['saveGoods']>('saveGoods', { communityId: k.community.id, name: '洗衣液 2kg', description: '周三下午领取', price: 30, stock: 5, ...input }, cred);
const redeem = (goodsId: string, cred: PointsKit['member']['cred'], clientRequestId = crid()) => k.call<Out['redeem']>('redeem', { clientRequestId, goodsId }, cred);

beforeAll(async () => {
  k = await pointsKit();
});
afterAll(() => k.h.close());

describe('goods', () => {
  it('lists goods for staff, on the shelf for everyone bound in the community, with the caller’s balance', async () => {
    const on = data(await save({ name: '东北大米 5kg', price: 50, stock: 10 }));
    expect(on).toMatchObject({ name: '东北大米 5kg', price: 50, stock: 10, status: 'on', statusLabel: '上架', version: 1, description: '周三下午领取' });
    const off = data(await save({ name: '折叠雨伞', price: 20, stock: 0, status: 'off' }));
    await k.grant(k.member.id, 5);
    const shelf = data(await k.call<Out['goods']>('goods', { includeOff: true }, k.member.cred));
    expect(shelf).toMatchObject({ community: { id: k.community.id }, balance: await k.h.store.points.balance(k.member.id) });
    expect(shelf.goods.map((g) => g.id)).toContain(on.id);
    expect(shelf.goods.map((g) => g.id)).not.toContain(off.id);
    expect(data(await k.call<Out['goods']>('goods', {}, k.resident.cred)).goods.map((g) => g.id)).toContain(on.id);
    expect(data(await k.call<Out['goods']>('goods', { includeOff: true }, k.staff.cred)).goods.map((g) => g.id)).toContain(off.id);
    expectFailure(await k.call('goods', { communityId: k.community.id }, k.otherStaff.cred), 'AUTH.FORBIDDEN', 'communityId');
  });

  it('edits against the version read, never the stock; restocks up and down but not below zero', async () => {
    const g = data(await save({ name: '花生油', price: 40, stock: 3 }));
    // The form sends the stock it showed: the same number is no change.
    const edited = data(await save({ id: g.id, version: g.version, name: '花生油 1.8L', price: 45, stock: 3 }));
    expect(edited).toMatchObject({ name: '花生油 1.8L', price: 45, stock: 3, version: 2 });
    await k.writesNothing(async () => {
      expectFailure(await save({ id: g.id, version: 1, name: '花生油 5L', stock: undefined }), 'CONFLICT.VERSION', 'version');
      expectFailure(await save({ id: g.id, name: '花生油 5L', stock: undefined }), 'INPUT.INVALID', 'version');
      expectFailure(await save({ id: g.id, version: 2, stock: 100 }), 'INPUT.INVALID', 'stock');
      expectFailure(await k.call('restock', { id: g.id, delta: -4 }, k.staff.cred), 'SHOP.STOCK_BELOW_ZERO', 'delta');
      expectFailure(await k.call('restock', { id: g.id, delta: 0 }, k.staff.cred), 'INPUT.INVALID', 'delta');
      expectFailure(await k.call('restock', { id: g.id, delta: 5 }, k.member.cred), 'SHOP.NOT_FOUND', 'id');
      expectFailure(await k.call('restock', { id: g.id, delta: 5 }, k.otherStaff.cred), 'SHOP.NOT_FOUND', 'id');
    });
    expect(data(await k.call<GoodsView>('restock', { id: g.id, delta: 7 }, k.staff.cred)).stock).toBe(10);
    expect(data(await k.call<GoodsView>('restock', { id: g.id, delta: -10 }, k.staff.cred)).stock).toBe(0);
  });

  it('is refused to non-staff, to another community’s staff, and for bad input, writing nothing', async () => {
    const g = data(await save({ name: '毛巾', price: 10 }));
    await k.writesNothing(async () => {
      expectFailure(await save({ name: '毛巾' }, k.member.cred), 'AUTH.FORBIDDEN');
      expectFailure(await save({ name: '毛巾' }, k.branch.cred), 'AUTH.FORBIDDEN');
      expectFailure(await save({ name: '毛巾' }, k.otherStaff.cred), 'AUTH.FORBIDDEN');
      // 和平社区's staff edit their own community's goods only: 阳光社区's goods are not found there.
      expectFailure(await save({ communityId: k.otherCommunity.id, id: g.id, version: 1 }, k.otherStaff.cred), 'SHOP.NOT_FOUND', 'id');
      expectFailure(await save({ price: 0 }), 'INPUT.INVALID', 'price');
      expectFailure(await save({ stock: -1 }), 'INPUT.INVALID', 'stock');
      expectFailure(await save({ name: '' }), 'INPUT.INVALID', 'name');
      expectFailure(await save({ status: 'gone' }), 'INPUT.INVALID', 'status');
    });
  });
});

describe('redeeming', () => {
  it('takes the points and one of the stock together, once per request', async () => {
    const p = await k.personAt('volunteer', k.compound, '黄兑换');
    await k.grant(p.id, 40);
    const g = data(await save({ name: '抽纸', price: 15, stock: 2 }));
    const id = crid();
    const out = data(await redeem(g.id, p.cred, id));
    expect(out).toMatchObject({ created: true, balance: 25, redemption: { goodsId: g.id, goodsName: '抽纸', price: 15, status: 'ordered', statusLabel: '待领取', person: { id: p.id, name: '黄兑换' } } });
    expect(data(await redeem(g.id, p.cred, id))).toMatchObject({ created: false, balance: 25, redemption: { id: out.redemption.id } });
    expect((await k.h.store.shop.getGoods(g.id))!.stock).toBe(1);
    const mine = data(await k.call<Out['mine']>('mine', {}, p.cred));
    expect(mine.entries[0]).toMatchObject({ points: -15, kind: 'redemption', kindLabel: '积分兑换', reason: '兑换“抽纸”', balanceAfter: 25 });
    expect(data(await k.call<Out['myOrders']>('myOrders', {}, p.cred)).redemptions.map((r) => r.id)).toEqual([out.redemption.id]);
  });

  it('refuses out of stock, off the shelf and short of points with the balance, writing nothing', async () => {
    const p = await k.personAt('member', k.compound, '吕积分');
    await k.grant(p.id, 12);
    const none = data(await save({ name: '已兑完', price: 5, stock: 0 }));
    const off = data(await save({ name: '下架的', price: 5, stock: 3, status: 'off' }));
    const dear = data(await save({ name: '电饭煲', price: 200, stock: 3 }));
    await k.writesNothing(async () => {
      expectFailure(await redeem(none.id, p.cred), 'SHOP.OUT_OF_STOCK', 'goodsId');
      expectFailure(await redeem(off.id, p.cred), 'SHOP.OFF_SHELF', 'goodsId');
      const r = await redeem(dear.id, p.cred);
      expectFailure(r, 'SHOP.NOT_ENOUGH_POINTS', 'goodsId');
      if (!r.ok) expect(r.message).toMatch(/要 200 分，您现在有 12 分/);
      expectFailure(await redeem('gds_nothing', p.cred), 'SHOP.NOT_FOUND', 'goodsId');
      expectFailure(await k.call('redeem', { goodsId: dear.id }, p.cred), 'INPUT.INVALID', 'clientRequestId');
    });
  });

  it('is only for members and volunteers of the goods’ community', async () => {
    const g = data(await save({ name: '香皂', price: 1, stock: 5 }));
    await k.writesNothing(async () => {
      expectFailure(await redeem(g.id, k.resident.cred), 'POINTS.NOT_EARNER', 'goodsId');
      expectFailure(await redeem(g.id, k.staff.cred), 'POINTS.NOT_EARNER', 'goodsId');
      // Another community's member does not see 阳光社区's goods at all.
      expectFailure(await redeem(g.id, k.otherMember.cred), 'SHOP.NOT_FOUND', 'goodsId');
    });
  });
});

describe('orders', () => {
  it('are handed over by staff once, and cannot be cancelled after', async () => {
    const p = await k.personAt('member', k.otherCompound, '许领取');
    await k.grant(p.id, 30);
    const g = data(await save({ name: '牙膏', price: 10, stock: 4 }));
    const order = data(await redeem(g.id, p.cred)).redemption;
    const listed = data(await k.call<Out['orders']>('orders', { status: 'ordered' }, k.staff.cred));
    expect(listed.redemptions.map((r) => r.id)).toContain(order.id);
    await k.writesNothing(async () => {
      expectFailure(await k.call('collect', { id: order.id }, p.cred), 'SHOP.ORDER_NOT_FOUND', 'id');
      expectFailure(await k.call('collect', { id: order.id }, k.otherStaff.cred), 'SHOP.ORDER_NOT_FOUND', 'id');
      expectFailure(await k.call('orders', {}, k.member.cred), 'AUTH.FORBIDDEN');
      expectFailure(await k.call('orders', { communityId: k.community.id }, k.otherStaff.cred), 'AUTH.FORBIDDEN', 'communityId');
    });
    const collected = data(await k.call<Out['collect']>('collect', { id: order.id }, k.staff.cred));
    expect(collected).toMatchObject({ status: 'collected', statusLabel: '已领取', collectedAt: expect.any(Number) });
    // Collected twice (a double tap): the order as it is.
    expect(data(await k.call<Out['collect']>('collect', { id: order.id }, k.staff.cred))).toEqual(collected);
    await k.writesNothing(async () => {
      expectFailure(await k.call('cancelOrder', { id: order.id, reason: '不要了' }, p.cred), 'SHOP.ORDER_NOT_OPEN', 'id');
    });
  });

  it('cancelled by the person or staff give back the points and the stock together', async () => {
    const p = await k.personAt('volunteer', k.compound, '何取消');
    await k.grant(p.id, 50);
    const g = data(await save({ name: '酱油', price: 20, stock: 2 }));
    const a = data(await redeem(g.id, p.cred)).redemption;
    const b = data(await redeem(g.id, p.cred)).redemption;
    expect(await k.h.store.points.balance(p.id)).toBe(10);
    expect((await k.h.store.shop.getGoods(g.id))!.stock).toBe(0);
    await k.writesNothing(async () => {
      expectFailure(await k.call('cancelOrder', { id: a.id, reason: '不要了' }, k.member.cred), 'SHOP.ORDER_NOT_FOUND', 'id');
      expectFailure(await k.call('cancelOrder', { id: a.id, reason: '不要了' }, k.otherStaff.cred), 'SHOP.ORDER_NOT_FOUND', 'id');
      expectFailure(await k.call('cancelOrder', { id: a.id, reason: '' }, p.cred), 'INPUT.INVALID', 'reason');
    });
    expect(data(await k.call<Out['cancelOrder']>('cancelOrder', { id: a.id, reason: '选错了物品' }, p.cred))).toMatchObject({ status: 'cancelled', statusLabel: '已取消', cancelReason: '选错了物品' });
    expect(data(await k.call<Out['cancelOrder']>('cancelOrder', { id: b.id, reason: '没时间去领取' }, k.staff.cred))).toMatchObject({ status: 'cancelled' });
    expect(await k.h.store.points.balance(p.id)).toBe(50);
    expect((await k.h.store.shop.getGoods(g.id))!.stock).toBe(2);
    const entries = data(await k.call<Out['mine']>('mine', {}, p.cred)).entries;
    expect(entries.filter((e) => e.kind === 'refund').map((e) => e.points)).toEqual([20, 20]);
    // Cancelled again: the order as it is, nothing more returned.
    expect(data(await k.call<Out['cancelOrder']>('cancelOrder', { id: a.id, reason: '再取消' }, p.cred)).status).toBe('cancelled');
    expect(await k.h.store.points.balance(p.id)).toBe(50);
  });
});
