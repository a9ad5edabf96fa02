/**
 * The board (公示栏): a compound's ranking of what was earned in a China month or year, the top 50 and
 * the caller's own place below them; a name only for people who agreed (consent.board), the others as
 * 党员 or 志愿者（未公开姓名）; spending lowers no ranking; anyone bound in the community reads it,
 * nobody outside.
 */
import type { Outputs, Unit } from '../../src/core';
import { unit } from '../support/factories';
import { data, expectFailure } from '../support/harness';
import { pointsKit, type PointsKit, type Someone } from './support/points';

type Out = Outputs['points'];
let k: PointsKit;
let yard: Unit;
let named: Someone;
let hidden: Someone;
let volunteer: Someone;
let last: Someone;
let neighbour: Someone;

const board = (input: Record<string, unknown>, cred: Someone['cred']) => k.call<Out['board']>('board', input, cred);

beforeAll(async () => {
  k = await pointsKit();
  // A compound of its own, so the ranking holds only what this test grants.
  yard = unit(k.community, 'compound', '积分小区');
  await k.h.store.units.insert(yard);
  named = await k.personAt('member', yard, '王公开');
  hidden = await k.personAt('member', yard, '李不公开');
  volunteer = await k.personAt('volunteer', yard, '赵志愿');
  last = await k.personAt('member', yard, '钱最后');
  const building = unit(yard, 'building', '1号楼');
  await k.h.store.units.insert(building);
  neighbour = await k.personAt('resident', building, '孙居民');
  await k.h.store.people.setConsent(named.id, { board: true }, 1);
  await k.h.store.people.setConsent(last.id, { board: true }, 1);
  await k.grant(named.id, 300);
  await k.grant(hidden.id, 200);
  await k.grant(volunteer.id, 200);
  // 50 more above the last one, so the last is below the top 50.
  for (let i = 0; i < 50; i++) {
    const id = `per_crowd${i}`;
    await k.h.store.people.insert({ id, name: `众人${i}`, phone: null, username: null, openid: null, demo: false, version: 1, createdAt: 0, updatedAt: 0 }, null);
    await k.h.store.bindings.insert({ id: `bnd_crowd${i}`, personId: id, unitId: yard.id, role: 'volunteer', createdAt: 0, createdBy: null });
    await k.grant(id, 100 - i);
  }
  await k.grant(last.id, 1);
});
afterAll(() => k.h.close());

it('ranks this month’s earnings in the caller’s compound, names only those who agreed', async () => {
  const b = data(await board({}, neighbour.cred));
  expect(b).toMatchObject({ unit: { id: yard.id, name: '积分小区' }, trail: '阳光社区 积分小区', period: '2026年11月', myRow: null });
  expect(b.rows).toHaveLength(50);
  expect(b.rows.slice(0, 3)).toEqual([
    { rank: 1, name: '王公开', named: true, points: 300, mine: false },
    { rank: 2, name: '党员（未公开姓名）', named: false, points: 200, mine: false },
    { rank: 2, name: '志愿者（未公开姓名）', named: false, points: 200, mine: false },
  ]);
  expect(b.rows[3]).toMatchObject({ rank: 4, points: 100 });
  // No hidden name anywhere in the answer.
  expect(JSON.stringify(b)).not.toMatch(/李不公开|赵志愿|众人/);
});

it('shows the caller their own place below the top 50, and marks their row', async () => {
  const b = data(await board({}, last.cred));
  expect(b.rows.some((r) => r.mine)).toBe(false);
  expect(b.myRow).toEqual({ rank: 54, name: '钱最后', named: true, points: 1, mine: true });
  expect(data(await board({}, named.cred)).rows[0]).toMatchObject({ mine: true, rank: 1 });
});

it('changes the moment a person withdraws their consent', async () => {
  await k.h.store.people.setConsent(named.id, { board: false }, 2);
  expect(data(await board({}, neighbour.cred)).rows[0]).toMatchObject({ name: '党员（未公开姓名）', named: false, points: 300 });
  await k.h.store.people.setConsent(named.id, { board: true }, 3);
});

it('counts corrections but not spending', async () => {
  const before = data(await board({}, neighbour.cred)).rows[0].points;
  const g = data(await k.call<Out['saveGoods']>('saveGoods', { communityId: k.community.id, name: '大米', price: 50, stock: 5 }, k.staff.cred));
  data(await k.call('redeem', { clientRequestId: 'board-redeem-0001', goodsId: g.id }, named.cred));
  expect(data(await board({}, neighbour.cred)).rows[0].points).toBe(before);
  data(await k.call('correct', { clientRequestId: 'board-correct-0001', personId: named.id, points: -10, reason: '重复登记' }, k.staff.cred));
  expect(data(await board({}, neighbour.cred)).rows[0].points).toBe(before - 10);
});

it('answers a year, an empty month, and a compound named by a unit in it', async () => {
  expect(data(await board({ year: 2026 }, neighbour.cred))).toMatchObject({ period: '2026年', rows: expect.arrayContaining([expect.objectContaining({ rank: 1 })]) });
  expect(data(await board({ month: '2026-10' }, neighbour.cred))).toMatchObject({ period: '2026年10月', rows: [], myRow: null });
  expect(data(await board({ unitId: yard.id }, k.staff.cred)).unit.id).toBe(yard.id);
  const building = (await k.h.allUnits()).find((u) => u.parentId === yard.id)!;
  expect(data(await board({ unitId: building.id }, k.member.cred)).unit.id).toBe(yard.id);
});

it('is refused outside the community, without a compound, and for bad input', async () => {
  expectFailure(await board({ unitId: yard.id }, k.otherStaff.cred), 'AUTH.FORBIDDEN', 'unitId');
  expectFailure(await board({ unitId: yard.id }, k.otherMember.cred), 'AUTH.FORBIDDEN', 'unitId');
  // Community staff are bound above every compound: they name one.
  expectFailure(await board({}, k.staff.cred), 'INPUT.INVALID', 'unitId');
  expectFailure(await board({ unitId: k.community.id }, k.staff.cred), 'INPUT.INVALID', 'unitId');
  expectFailure(await board({ unitId: 'cmp_nothing' }, k.staff.cred), 'UNIT.NOT_FOUND', 'unitId');
  expectFailure(await board({ month: '2026-13' }, neighbour.cred), 'INPUT.INVALID', 'month');
  expectFailure(await board({ year: 1999 }, neighbour.cred), 'INPUT.INVALID', 'year');
  expectFailure(await board({ year: 2026, month: '2026-11' }, neighbour.cred), 'INPUT.INVALID', 'year');
});
