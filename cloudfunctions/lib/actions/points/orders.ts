/**
 * Redemptions (兑换): a member or volunteer redeems one of a goods; their balance, the stock and the
 * order change in one atomic step of the store (never an overdraft, never more sold than the stock).
 * Staff hand it over (collect); the person or staff cancel it while not collected, and the points and
 * the stock come back together. A retried redeem (the same clientRequestId) is one order; a repeated
 * collect or cancel answers the order as it stands.
 */
import { DomainError, mayRedeem, pointsKey, redemptionId, type Redemption } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/points';
import { personAction, type FunctionDef } from '../define';
import { earningUnit } from './earn';
import { reachableOrder, runCommunity, visibleGoods } from './scope';
import { namesOf, redemptionView, redemptionViews } from './views';

export const orders: FunctionDef = {
  redeem: personAction(schemas.points.redeem, async (ctx, input) => {
    const { deps, caller } = ctx;
    const { goods: g, community } = await visibleGoods(ctx, input.goodsId);
    if (!mayRedeem(caller.bindings, community)) throw new DomainError('POINTS.NOT_EARNER', '积分超市只对本社区已报到的党员和志愿者开放', 'goodsId');
    const unit = await earningUnit(deps, caller.person.id, community);
    const now = deps.clock.now();
    const r: Redemption = {
      id: redemptionId(caller.person.id, input.clientRequestId),
      goodsId: g.id,
      goodsName: g.name,
      price: g.price,
      personId: caller.person.id,
      communityId: community.id,
      status: 'ordered',
      orderedAt: now,
      collectedAt: null,
      collectedBy: null,
      cancelledAt: null,
      cancelledBy: null,
      cancelReason: null,
    };
    const out = await deps.store.shop.redeem(r, {
      id: pointsKey('redemption', r.id),
      personId: caller.person.id,
      communityId: community.id,
      unitPath: unit?.path ?? community.path,
      points: -g.price,
      reason: `兑换“${g.name}”`,
      source: { kind: 'redemption', id: r.id },
      grantedBy: caller.person.id,
      at: now,
    });
    if (!out.ok) {
      if (out.reason === 'not_found') throw new DomainError('SHOP.NOT_FOUND', undefined, 'goodsId');
      if (out.reason === 'off') throw new DomainError('SHOP.OFF_SHELF', `“${g.name}”已经下架了，请看看其他物品`, 'goodsId');
      if (out.reason === 'out_of_stock') throw new DomainError('SHOP.OUT_OF_STOCK', `“${g.name}”已经兑换完了，请看看其他物品`, 'goodsId');
      throw new DomainError('SHOP.NOT_ENOUGH_POINTS', `积分不够：兑换“${g.name}”要 ${g.price} 分，您现在有 ${out.balance} 分`, 'goodsId');
    }
    const names = await namesOf(deps, [caller.person.id]);
    return { redemption: redemptionView(out.redemption, names), balance: out.balance, created: out.created };
  }),

  myOrders: personAction(schemas.points.myOrders, async (ctx, input) => {
    const found = await ctx.deps.store.shop.listRedemptions({ personId: ctx.caller.person.id }, input.limit ?? 50, input.offset ?? 0);
    return { redemptions: await redemptionViews(ctx.deps, found.redemptions), total: found.total };
  }),

  orders: personAction(schemas.points.orders, async (ctx, input) => {
    const community = await runCommunity(ctx, input.communityId);
    const found = await ctx.deps.store.shop.listRedemptions(
      { communityId: community.id, ...(input.status ? { statuses: [input.status] } : {}) },
      input.limit ?? 100,
      input.offset ?? 0,
    );
    return { redemptions: await redemptionViews(ctx.deps, found.redemptions), total: found.total };
  }),

  collect: personAction(schemas.points.collect, async (ctx, input) => {
    const { deps, caller } = ctx;
    await reachableOrder(ctx, input.id, false);
    const out = await deps.store.shop.collect(input.id, caller.person.id, deps.clock.now());
    if (!out.ok) {
      if (out.reason === 'not_found') throw new DomainError('SHOP.ORDER_NOT_FOUND', undefined, 'id');
      // Collected already (a double tap): the order as it stands.
      if (out.redemption.status !== 'collected') throw new DomainError('SHOP.ORDER_NOT_OPEN', '这个订单已经取消了，不能再领取', 'id');
    }
    return (await redemptionViews(deps, [out.redemption]))[0];
  }),

  cancelOrder: personAction(schemas.points.cancelOrder, async (ctx, input) => {
    const { deps, caller } = ctx;
    const { redemption: r, community } = await reachableOrder(ctx, input.id, true);
    if (r.status === 'collected') throw new DomainError('SHOP.ORDER_NOT_OPEN', '这个订单已经领取了，不能再取消', 'id');
    const spent = await deps.store.points.get(pointsKey('redemption', r.id));
    const now = deps.clock.now();
    const out = await deps.store.shop.cancel(r.id, caller.person.id, now, input.reason, {
      id: pointsKey('refund', r.id),
      personId: r.personId,
      communityId: r.communityId,
      unitPath: spent?.unitPath ?? community.path,
      points: r.price,
      reason: `取消兑换“${r.goodsName}”：${input.reason}`,
      source: { kind: 'refund', id: r.id },
      grantedBy: caller.person.id,
      at: now,
    });
    if (!out.ok) {
      if (out.reason === 'not_found') throw new DomainError('SHOP.ORDER_NOT_FOUND', undefined, 'id');
      // Cancelled already (by the person or staff): the order as it stands, nothing returned twice.
      if (out.redemption.status !== 'cancelled') throw new DomainError('SHOP.ORDER_NOT_OPEN', '这个订单已经领取了，不能再取消', 'id');
    }
    return (await redemptionViews(deps, [out.redemption]))[0];
  }),
};
