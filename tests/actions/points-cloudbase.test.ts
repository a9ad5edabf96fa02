/**
 * The points function on CloudBase, through dispatch and the unmodified node-sdk answered in-process:
 * a grant written once, a correction below zero refused with the balance, a service record confirmed
 * into points, a redemption and its cancellation, the board and the ledger export — the same answers
 * as on SQLite (points-*.test.ts), so the queries the adapter builds hold up on a Mongo engine.
 */
import ExcelJS from 'exceljs';
import tcb from '@cloudbase/node-sdk';
import { fixedClock, type Outputs, type Result } from '../../src/core';
import { DEMO_PASSWORD } from '../../cloudfunctions/lib/actions/auth';
import { makeDeps, silentLogger } from '../../cloudfunctions/lib/deps';
import { dispatch } from '../../cloudfunctions/lib/functions';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { seedDemo } from '../../cloudfunctions/lib/seed/demo';
import { COLLECTIONS, ensureCollections, openCloudbaseStore } from '../../cloudfunctions/lib/store/cloudbase';
import { installAnswerer, TcbAnswerer } from '../support/tcb';
import { data, expectFailure, T0 } from '../support/harness';

type Out = Outputs['points'];
const answerer = new TcbAnswerer();
let uninstall = () => {};
const app = tcb.init({ env: 'test-env', secretId: 'x', secretKey: 'y' });

beforeAll(() => {
  uninstall = installAnswerer(answerer);
});
afterAll(() => uninstall());

it('grants, corrects, confirms service, redeems and cancels, ranks and exports on CloudBase', async () => {
  const prefix = 'points_';
  await ensureCollections(app, { prefix });
  for (const c of COLLECTIONS) for (const idx of c.indexes) answerer.createIndex(prefix + c.name, idx);
  const store = openCloudbaseStore(app, { prefix });
  const deps = makeDeps(store, { clock: fixedClock(T0), log: silentLogger });
  await seedDemo(deps, { residents: 10 });
  const call = <T>(action: string, payload: unknown, cred: Credentials) => dispatch(deps, 'points', { action, data: payload }, cred) as Promise<Result<T>>;
  const as = async (username: string) => ({ token: data((await dispatch(deps, 'auth', { action: 'signIn', data: { username, password: DEMO_PASSWORD } }, {})) as Result<{ token: string }>).token });
  const [staff, member, neighbour] = [await as('shequ'), await as('dangyuan'), await as('jumin')];
  const zhou = (await store.people.findByUsername('dangyuan'))!;
  const community = (await store.units.listSubtree('/')).find((u) => u.kind === 'community')!;

  const grant = { clientRequestId: 'cb-grant-0001', personId: zhou.id, points: 20, reason: '社区表彰' };
  expect(data(await call<Out['grant']>('grant', grant, staff)).balance).toBe(20);
  expect(data(await call<Out['grant']>('grant', grant, staff)).balance).toBe(20);
  const below = await call('correct', { clientRequestId: 'cb-correct-01', personId: zhou.id, points: -25, reason: '扣错' }, staff);
  expectFailure(below, 'POINTS.BELOW_ZERO', 'points');
  if (!below.ok) expect(below.message).toMatch(/余额是 20 分/);

  const rec = data(await call<Out['recordService']>('recordService', { clientRequestId: 'cb-service-01', what: '楼道清扫', date: '2026-11-22', minutes: 120 }, member)).record;
  expect(data(await call<Out['confirmService']>('confirmService', { id: rec.id, version: rec.version }, staff))).toMatchObject({ status: 'confirmed', points: 2 });
  expect(data(await call<Out['confirmService']>('confirmService', { id: rec.id, version: rec.version }, staff)).points).toBe(2);
  expect(await store.points.balance(zhou.id)).toBe(22);

  const g = data(await call<Out['saveGoods']>('saveGoods', { communityId: community.id, name: '毛巾', price: 10, stock: 1 }, staff));
  const order = data(await call<Out['redeem']>('redeem', { clientRequestId: 'cb-redeem-01', goodsId: g.id }, member));
  expect(order).toMatchObject({ balance: 12, created: true });
  expectFailure(await call('redeem', { clientRequestId: 'cb-redeem-02', goodsId: g.id }, member), 'SHOP.OUT_OF_STOCK', 'goodsId');
  expect(data(await call<Out['cancelOrder']>('cancelOrder', { id: order.redemption.id, reason: '不需要了' }, member)).status).toBe('cancelled');
  expect(await store.points.balance(zhou.id)).toBe(22);
  expect((await store.shop.getGoods(g.id))!.stock).toBe(1);

  const board = data(await call<Out['board']>('board', {}, neighbour));
  expect(board.rows).toEqual([{ rank: 1, name: '党员（未公开姓名）', named: false, points: 22, mine: false }]);

  const file = data(await call<Out['exportLedger']>('exportLedger', {}, staff));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as never);
  expect(wb.getWorksheet('积分台账')!.rowCount).toBe(2 + 4);
});
