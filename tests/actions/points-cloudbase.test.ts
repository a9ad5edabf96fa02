/**
 * The points function on CloudBase, through dispatch and the unmodified node-sdk answered in-process:
 * a grant written once, a correction below zero refused with the balance, a service record confirmed
 * into points, a redemption and its cancellation, the board and the ledger export — the same answers
 * as on SQLite (points-*.test.ts), so the queries the adapter builds hold up on a Mongo engine.
 */
import ExcelJS from 'exceljs';
import type { Outputs } from '../../src/core';
import { cloudbase, cloudbaseDemo } from '../support/cloudbase-demo';
import { data, expectFailure } from '../support/harness';

type Out = Outputs['points'];
const cloud = cloudbase();

it('grants, corrects, confirms service, redeems and cancels, ranks and exports on CloudBase', async () => {
  const { store, callOf, as, personId } = await cloudbaseDemo(cloud, 'points_');
  const call = callOf('points');
  const [staff, member, neighbour] = [await as('shequ'), await as('dangyuan'), await as('jumin')];
  const zhouId = await personId('dangyuan');
  const community = (await store.units.listSubtree('/')).find((u) => u.kind === 'community')!;

  const grant = { clientRequestId: 'cb-grant-0001', personId: zhouId, points: 20, reason: '社区表彰' };
  expect(data(await call<Out['grant']>('grant', grant, staff)).balance).toBe(20);
  expect(data(await call<Out['grant']>('grant', grant, staff)).balance).toBe(20);
  const below = await call('correct', { clientRequestId: 'cb-correct-01', personId: zhouId, points: -25, reason: '扣错' }, staff);
  expectFailure(below, 'POINTS.BELOW_ZERO', 'points');
  if (!below.ok) expect(below.message).toMatch(/余额是 20 分/);

  const rec = data(await call<Out['recordService']>('recordService', { clientRequestId: 'cb-service-01', what: '楼道清扫', date: '2026-11-22', minutes: 120 }, member)).record;
  expect(data(await call<Out['confirmService']>('confirmService', { id: rec.id, version: rec.version }, staff))).toMatchObject({ status: 'confirmed', points: 2 });
  expect(data(await call<Out['confirmService']>('confirmService', { id: rec.id, version: rec.version }, staff)).points).toBe(2);
  expect(await store.points.balance(zhouId)).toBe(22);

  const g = data(await call<Out['saveGoods']>('saveGoods', { communityId: community.id, name: '毛巾', price: 10, stock: 1 }, staff));
  const order = data(await call<Out['redeem']>('redeem', { clientRequestId: 'cb-redeem-01', goodsId: g.id }, member));
  expect(order).toMatchObject({ balance: 12, created: true });
  expectFailure(await call('redeem', { clientRequestId: 'cb-redeem-02', goodsId: g.id }, member), 'SHOP.OUT_OF_STOCK', 'goodsId');
  expect(data(await call<Out['cancelOrder']>('cancelOrder', { id: order.redemption.id, reason: '不需要了' }, member)).status).toBe('cancelled');
  expect(await store.points.balance(zhouId)).toBe(22);
  expect((await store.shop.getGoods(g.id))!.stock).toBe(1);

  const board = data(await call<Out['board']>('board', {}, neighbour));
  expect(board.rows).toEqual([{ rank: 1, name: '党员（未公开姓名）', named: false, points: 22, mine: false }]);

  const file = data(await call<Out['exportLedger']>('exportLedger', {}, staff));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as never);
  expect(wb.getWorksheet('积分台账')!.rowCount).toBe(2 + 4);
});
