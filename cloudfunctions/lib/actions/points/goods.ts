/**
 * The shop's goods (积分超市): anyone bound in the community sees what is on the shelf and their
 * balance; staff list goods, edit them (versioned: two editors at once cannot lose a change) and
 * restock. The stock changes only by restock and by redemptions, never by an edit, so an edit cannot
 * undo a sale made while the form was open.
 */
import { DomainError, mayRunPoints, type Goods } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/points';
import { unitRef } from '../codes/views';
import { personAction, type FunctionDef } from '../define';
import { readableCommunity, runCommunity, runGoods } from './scope';
import { goodsView } from './views';

export const goods: FunctionDef = {
  goods: personAction(schemas.points.goods, async (ctx, input) => {
    const { deps, caller } = ctx;
    const community = await readableCommunity(ctx, input.communityId);
    // Goods off the shelf are the staff's business; anyone else asking for them sees the shelf.
    const all = !!input.includeOff && mayRunPoints(caller.bindings, community);
    const list = await deps.store.shop.listGoods(community.id, !all);
    return { community: unitRef(community), goods: list.map(goodsView), balance: await deps.store.points.balance(caller.person.id) };
  }),

  saveGoods: personAction(schemas.points.saveGoods, async (ctx, input) => {
    const { deps, caller } = ctx;
    const community = await runCommunity(ctx, input.communityId);
    const now = deps.clock.now();
    if (!input.id) {
      const g: Goods = {
        id: deps.ids.next('gds'),
        communityId: community.id,
        name: input.name,
        description: input.description ?? null,
        price: input.price,
        stock: input.stock ?? 0,
        picture: null,
        status: input.status ?? 'on',
        createdAt: now,
        createdBy: caller.person.id,
        updatedAt: now,
        version: 1,
      };
      return goodsView(await deps.store.shop.insertGoods(g));
    }
    const { goods: before } = await runGoods(ctx, input.id);
    if (before.communityId !== community.id) throw new DomainError('SHOP.NOT_FOUND', undefined, 'id');
    if (input.version === undefined) throw new DomainError('INPUT.INVALID', '缺少版本号，请刷新后再改', 'version');
    if (input.stock !== undefined && input.stock !== before.stock) throw new DomainError('INPUT.INVALID', '修改物品时不能直接改库存，请用“补货”增减数量', 'stock');
    const next: Goods = {
      ...before,
      name: input.name,
      description: input.description === undefined ? before.description : input.description,
      price: input.price,
      status: input.status ?? before.status,
      updatedAt: now,
      version: before.version + 1,
    };
    const saved = await deps.store.shop.updateGoods(next, input.version);
    if (!saved) throw new DomainError('CONFLICT.VERSION', undefined, 'version');
    return goodsView(saved);
  }),

  restock: personAction(schemas.points.restock, async (ctx, input) => {
    const { deps } = ctx;
    const { goods: g } = await runGoods(ctx, input.id);
    const after = await deps.store.shop.addStock(g.id, input.delta, deps.clock.now());
    if (!after) {
      const now = await deps.store.shop.getGoods(g.id);
      if (!now) throw new DomainError('SHOP.NOT_FOUND', undefined, 'id');
      throw new DomainError('SHOP.STOCK_BELOW_ZERO', `库存现在是 ${now.stock} 件，最多只能减 ${now.stock} 件`, 'delta');
    }
    return goodsView(after);
  }),
};
