/**
 * The demo's points (seed/points.ts), seeded with the full demo: the shop is stocked (one goods off the
 * shelf), 周敏's 我的积分 has service, visits and a grant, the board of 幸福里小区 is filled with some
 * names shown, staff have service records to confirm and an order to hand over. Read through the
 * actions, as the pages read them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock, type Outputs, type Result } from '../../src/core';
import { DEMO_PASSWORD } from '../../cloudfunctions/lib/actions/auth';
import { makeDeps, silentLogger } from '../../cloudfunctions/lib/deps';
import { dispatch } from '../../cloudfunctions/lib/functions';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { DEMO_GOODS } from '../../cloudfunctions/lib/seed/points';
import { seedDemo } from '../../cloudfunctions/lib/seed/demo';
import { openSqliteStore } from '../../cloudfunctions/lib/store/sqlite';
import { data } from '../support/harness';

type Out = Outputs['points'];
const NOW = Date.parse('2026-11-23T09:00:00+08:00');

let call: <T>(action: string, input: unknown, cred?: Credentials) => Promise<Result<T>>;
let as: (username: string) => Promise<Credentials>;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-demo-points-'));
  const store = openSqliteStore(path.join(dir, 'jinlin.db'));
  const deps = makeDeps(store, { clock: fixedClock(NOW), log: silentLogger });
  await seedDemo(deps, { residents: 1_400, reports: 5, seed: 1 });
  const raw = (fn: string, action: string, input: unknown, cred: Credentials = {}) => dispatch(deps, fn, { action, data: input }, cred);
  call = (action, input, cred) => raw('points', action, input, cred) as never;
  as = async (username) => ({ token: data((await raw('auth', 'signIn', { username, password: DEMO_PASSWORD })) as Result<{ token: string }>).token });
});

it('stocks the shop, with one goods off the shelf that only staff see', async () => {
  const shelf = data(await call<Out['goods']>('goods', {}, await as('dangyuan')));
  expect(shelf.goods.map((g) => g.name).sort()).toEqual(DEMO_GOODS.filter((g) => g[4]).map((g) => g[0]).sort());
  expect(shelf.balance).toBeGreaterThan(0);
  expect(data(await call<Out['goods']>('goods', { includeOff: true }, await as('shequ'))).goods).toHaveLength(DEMO_GOODS.length);
});

it('gives 周敏 a ledger of service, visits and a grant, less what she redeemed', async () => {
  const mine = data(await call<Out['mine']>('mine', {}, await as('dangyuan')));
  expect(mine).toMatchObject({ earns: true, onBoard: true });
  expect([...new Set(mine.entries.map((e) => e.kind))]).toEqual(expect.arrayContaining(['service', 'visit', 'grant', 'redemption']));
  expect(mine.balance).toBe(mine.entries.reduce((sum, e) => sum + e.points, 0));
  expect(mine.balance).toBeGreaterThan(0);
});

it('fills the board of 幸福里小区, naming only those who agreed', async () => {
  const board = data(await call<Out['board']>('board', {}, await as('jumin')));
  expect(board.unit.name).toBe('幸福里小区');
  expect(board.rows.length).toBeGreaterThan(1);
  expect(board.rows.some((r) => r.named && r.name === '周敏')).toBe(true);
  const year = data(await call<Out['board']>('board', { year: 2026 }, await as('jumin')));
  expect(year.rows.some((r) => !r.named)).toBe(true);
});

it('leaves staff service records to confirm and an order to hand over', async () => {
  const staff = await as('shequ');
  const pending = data(await call<Out['serviceRecords']>('serviceRecords', { status: 'pending' }, staff));
  expect(pending.records.map((r) => r.person.name).sort()).toEqual(['吴婷', '周敏']);
  expect(data(await call<Out['serviceRecords']>('serviceRecords', { status: 'confirmed' }, staff)).total).toBeGreaterThan(5);
  expect(data(await call<Out['orders']>('orders', { status: 'ordered' }, staff)).redemptions).toHaveLength(1);
  expect(data(await call<Out['rules']>('rules', {}, staff))).toMatchObject({ version: 1, rules: { service: { points: 2 } } });
});
