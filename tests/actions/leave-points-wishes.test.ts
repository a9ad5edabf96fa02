/**
 * Leaving (注销) closes points and wishes: orders not collected are cancelled (stock and points back),
 * the balance goes to zero by one correction, waiting service records close, the person's wishes are
 * withdrawn (the claimer told) and the wishes they claimed go back to be claimed (the wisher told);
 * 我的信息 shows all of it before. Sending the token again changes nothing more.
 */
import type { GoodsView, LeaveConfirmation, Left, Outputs, OwnData, WishView } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import type { AuthedContext } from '../../cloudfunctions/lib/actions/define';
import { cancelOrders, clearPoints, closeServiceRecords, closeWishes } from '../../cloudfunctions/lib/actions/own-data/leave-points-wishes';
import { data } from '../support/harness';
import { crid } from './support/points';
import { dayAfter, wishesKit } from './support/wishes';

describe('leaving with points and wishes', () => {
  let w: Awaited<ReturnType<typeof wishesKit>>;
  beforeAll(async () => {
    w = await wishesKit();
  });
  afterAll(() => w.h.close());

  const ask = async (cred: Credentials) => data(await w.h.call<LeaveConfirmation>('people', 'askToLeave', {}, cred)).token;
  const points = <T>(action: string, input: Record<string, unknown>, cred: Credentials) => w.h.call<T>('points', action, input, cred);
  const leave = async (cred: Credentials, token: string) => data(await w.h.call<Left>('people', 'leave', { token }, cred));

  it('cancels the open order, clears the balance, closes the waiting record and gives the claimed wish back', async () => {
    const me = await w.personAt('volunteer', w.compound, '吴要走');
    data(await points('grant', { clientRequestId: crid(), personId: me.id, points: 20, reason: '测试奖励' }, w.staff.cred));
    const goods = data(await points<GoodsView>('saveGoods', { communityId: w.community.id, name: '洗衣液', price: 5, stock: 2 }, w.staff.cred));
    const order = data(await points<Outputs['points']['redeem']>('redeem', { clientRequestId: crid(), goodsId: goods.id }, me.cred));
    expect(order.balance).toBe(15);
    const record = data(await points<Outputs['points']['recordService']>('recordService', { clientRequestId: crid(), what: '陪老人看病', date: dayAfter(-1), minutes: 120 }, me.cred)).record;
    const claimed = await w.claimedWish(me);
    expect(claimed.status).toBe('claimed');

    const mine = data(await w.h.call<OwnData>('people', 'ownData', {}, me.cred));
    expect(mine.points.items.map((e) => e.points)).toEqual([-5, 20]);
    expect(mine.orders.items).toMatchObject([{ goodsName: '洗衣液', statusLabel: '待领取' }]);
    expect(mine.services.items).toMatchObject([{ what: '陪老人看病', statusLabel: '待确认' }]);
    expect(mine.wishes.items).toMatchObject([{ role: 'claimer', what: claimed.what, door: null, phone: null }]);

    const left = await leave(me.cred, await ask(me.cred));
    expect(left).toMatchObject({ ordersCancelled: 1, pointsCleared: 20, servicesClosed: 1, wishesClosed: 1 });

    const s = w.h.store;
    expect(await s.points.balance(me.id)).toBe(0);
    const entries = (await s.points.list({ personId: me.id }, 10, 0)).entries;
    // The refund and the clearing share the fixed clock's instant: found by what they are.
    expect(entries.find((e) => e.source.kind === 'correction')).toMatchObject({ points: -20, reason: '注销账号，积分清零', balanceAfter: 0 });
    expect(entries.find((e) => e.source.kind === 'refund')).toMatchObject({ points: 5, balanceAfter: 20 });
    expect((await s.shop.getGoods(goods.id))!.stock).toBe(2);
    expect((await s.shop.getRedemption(order.redemption.id))!.status).toBe('cancelled');
    expect((await s.serviceRecords.get(record.id))!).toMatchObject({ status: 'rejected', rejectReason: '本人注销账号' });
    const back = (await s.wishes.get(claimed.id))!;
    expect(back).toMatchObject({ status: 'open', claimerId: null });
    expect((await w.messagesOf(w.resident)).map((m) => m.body).join('\n')).toContain('认领人已注销账号');

    // A run that stopped and is sent again finds nothing more to do in these steps.
    const ctx = { deps: w.h.deps, caller: { person: { id: me.id, name: '已注销居民' } } } as unknown as AuthedContext;
    expect([await cancelOrders(ctx), await clearPoints(ctx), await closeServiceRecords(ctx), await closeWishes(ctx)]).toEqual([0, 0, 0, 0]);
    expect((await s.points.list({ personId: me.id }, 10, 0)).total).toBe(entries.length);
  });

  it('withdraws the wishes a leaving resident posted, tells the claimer, and removes the phone from every wish of theirs', async () => {
    const me = await w.personAt('resident', w.building, '许要走', { phone: '13650009876' });
    const posted = data(await w.post(w.wish({ phoneShared: true }), me)).wish;
    const approved = data(await w.act('approve', posted, w.staff));
    const claimed = data(await w.call<WishView>('claim', { id: approved.id }, w.member.cred));
    expect((await w.h.store.wishes.get(claimed.id))!.phone).toBe('13650009876');

    const left = await leave(me.cred, await ask(me.cred));
    expect(left.wishesClosed).toBe(1);
    const after = (await w.h.store.wishes.get(claimed.id))!;
    expect(after).toMatchObject({ status: 'withdrawn', phone: null, phoneShared: false });
    expect((await w.messagesOf(w.member)).map((m) => m.title)).toContain('微心愿已撤回');
  });
});
