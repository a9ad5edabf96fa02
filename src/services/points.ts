/**
 * 积分 (#24): what the points pages call. A member or volunteer reads their balance and ledger, ranks on
 * the board (公示栏), records service for the community to confirm, and spends points in the shop
 * (积分超市). Redeeming and recording carry a client request id made once per tap's worth of intent,
 * so a retry after a dropped answer is one order and one record. Every answer is a result value whose
 * failure `message` can be shown as it is.
 */
import type { ActionInput } from '../core/api';
import { call } from './api';

export type ServiceInput = ActionInput<'points', 'recordService'>;

/** The caller's balance, latest entries, whether their name shows on the board and whether they earn at all. */
export const myPoints = (limit = 50) => call('points', 'mine', { limit });

/** The caller's compound's board: a month ("2026-11") or a year (2026). */
export const pointsBoard = (period: { month: string } | { year: number }) => call('points', 'board', period);

/** The caller's community's goods on the shelf, with the caller's balance. */
export const shopGoods = () => call('points', 'goods', {});

/** One of a goods: balance, stock and order change together, or not at all. */
export const redeemGoods = (goodsId: string, clientRequestId: string) => call('points', 'redeem', { clientRequestId, goodsId });

/** 我的兑换: the caller's orders, newest first. */
export const myOrders = () => call('points', 'myOrders', {});

/** Cancels an order not yet collected: the points and the stock come back. */
export const cancelOrder = (id: string, reason: string) => call('points', 'cancelOrder', { id, reason });

export const recordService = (input: ServiceInput) => call('points', 'recordService', input);

/** The caller's service records, newest first, with their status. */
export const myServices = () => call('points', 'myServices', {});
