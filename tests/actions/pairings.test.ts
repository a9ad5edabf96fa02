/**
 * Pairing (联户): the branch secretary, community staff and a grid's lead pair members with households
 * of their compound; the same household is paired with one member once, however many ask at once;
 * kinds are read by the member, the secretary and staff only; a member records visits to their own
 * households and files a report for one during a visit (channel 走访); counts per member and kind.
 * Every refusal has a code and a Chinese message, and writes nothing.
 */
import type { Outputs, PairingView, Unit } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { data, expectFailure, T0 } from '../support/harness';
import { membersKit, type MembersKit } from './support/members';

let k: MembersKit;
let heping: Unit;
let grid1: Unit;
let grid2: Unit;
let g1building: Unit;
let g2building: Unit;
let staff: Credentials;
/** Members of 幸福里小区 (周 and 吴), of 阳光花园 (华), and of 和平新村 (郑: its first grid's lead, 冯). */
let zhou: { id: string; cred: Credentials };
let wu: { id: string; cred: Credentials };
let hua: { id: string; cred: Credentials };
let zheng: { id: string; cred: Credentials };
let feng: { id: string; cred: Credentials };

const door = (room: string, entrance = '2') => ({ entrance, floor: Number(room.slice(0, -2)) || null, room });
const call = <T>(action: string, input: Record<string, unknown>, cred: Credentials) => k.h.call<T>('pairings', action, input, cred);
const pair = (input: Record<string, unknown>, cred: Credentials = staff) => call<Outputs['pairings']['pair']>('pair', input, cred);
const today = new Date(T0 + 8 * 3600_000).toISOString().slice(0, 10);

/** Everything a refusal must leave as it was: pairings, visits, the audit log, the bindings of the grids. */
async function written() {
  const s = k.h.store;
  return JSON.stringify({
    pairings: await s.pairings.list({ paths: ['/'], statuses: ['active', 'ended'] }, 100_000, 0),
    visits: await s.pairings.listVisits({ paths: ['/'] }, 100_000, 0),
    audit: (await s.audit.search({}, 100_000)).length,
    grids: [await s.bindings.listForUnit(grid1.id), await s.bindings.listForUnit(grid2.id)],
  });
}
async function writesNothing<T>(run: () => Promise<T>): Promise<T> {
  const before = await written();
  const out = await run();
  expect(await written()).toEqual(before);
  return out;
}

beforeAll(async () => {
  k = await membersKit();
  staff = await k.h.as('shequ');
  heping = await k.h.unitNamed('和平新村');
  grid1 = await k.h.unitNamed('第1网格', '和平新村');
  grid2 = await k.h.unitNamed('第2网格', '和平新村');
  const units = await k.h.allUnits();
  g1building = units.find((u) => u.parentId === grid1.id && u.kind === 'building')!;
  g2building = units.find((u) => u.parentId === grid2.id && u.kind === 'building')!;
  zhou = await k.personAt('member', k.compound, '周党员');
  wu = await k.personAt('member', k.compound, '吴党员');
  hua = await k.personAt('member', k.otherCompound, '华党员');
  zheng = await k.personAt('member', heping, '郑家长');
  feng = await k.personAt('member', heping, '冯党员');
});
afterAll(() => k.h.close());

describe('grid roles', () => {
  it('binds a grid lead only to an approved member of the compound, and a steward only to its property manager', async () => {
    const bind = (personId: string, role: string, unit = grid1) => k.h.call('units', 'bind', { unitId: unit.id, personId, role }, staff);
    const stranger = await k.personAt('resident', g1building, '路人甲');
    await writesNothing(async () => {
      const r = await bind(stranger.id, 'grid_lead');
      expectFailure(r, 'ROLE.NOT_ELIGIBLE', 'personId');
      if (!r.ok) expect(r.message).toMatch(/党员/);
      // A member of another compound is no member here.
      expectFailure(await bind(zhou.id, 'grid_lead'), 'ROLE.NOT_ELIGIBLE', 'personId');
      const s = await bind(stranger.id, 'steward');
      expectFailure(s, 'ROLE.NOT_ELIGIBLE', 'personId');
      if (!s.ok) expect(s.message).toMatch(/物业/);
      // A grid lead is bound on a grid, nowhere else.
      expectFailure(await bind(zheng.id, 'grid_lead', heping), 'ROLE.BAD_UNIT', 'role');
    });
    expect(data(await bind(zheng.id, 'grid_lead'))).toMatchObject({ role: 'grid_lead', roleLabel: '网格长（家长）' });
    const wuye = await k.personAt('property_manager', heping, '钱管家');
    expect(data(await bind(wuye.id, 'steward'))).toMatchObject({ role: 'steward', roleLabel: '管家' });
  });

  it('counts households per grid — one door once, however many live there — and warns outside 50–80', async () => {
    const grids = async () => data(await k.h.call<Outputs['units']['grids']>('units', 'grids', { unitId: heping.id }, staff));
    const before = await grids();
    expect(before.range).toEqual({ min: 50, max: 80 });
    expect(before.grids.map((g) => g.grid.name)).toEqual(['第1网格', '第2网格', '第3网格']);
    const row1 = before.grids[0];
    expect(row1).toMatchObject({ leads: [{ id: zheng.id, name: '郑家长' }], stewards: [{ name: '钱管家' }] });
    // Two residents behind one new door are one household; a resident without a door is not counted.
    const at = async (n: number, d: ReturnType<typeof door> | null) => {
      await k.h.store.people.insert({ id: `per_hh${n}`, name: `住户${n}`, phone: null, username: null, openid: null, demo: false, version: 1, createdAt: 0, updatedAt: 0 }, null);
      await k.h.store.bindings.insert({ id: `bnd_hh${n}`, personId: `per_hh${n}`, unitId: g1building.id, role: 'resident', createdAt: 0, createdBy: null, door: d });
    };
    await at(1, door('901', '9'));
    await at(2, { entrance: '9单元', floor: 9, room: '901室' });
    await at(3, null);
    const after = (await grids()).grids[0];
    expect(after.households).toBe(row1.households + 1);
    expect(after.residentsWithoutDoor).toBe(row1.residentsWithoutDoor + 1);
    // Enough new doors to bring the grid to exactly 50 households (in range), then to 81 (too many).
    let n = 100;
    const addDoors = async (count: number) => {
      for (let i = 0; i < count; i++, n++) await at(n, door(String(1001 + n), 'A'));
    };
    expect(after.households).toBeLessThan(50);
    expect(after).toMatchObject({ size: 'few', warning: expect.stringContaining('少于 50 户') });
    await addDoors(50 - after.households);
    expect((await grids()).grids[0]).toMatchObject({ households: 50, size: 'right', warning: null });
    await addDoors(31);
    expect((await grids()).grids[0]).toMatchObject({ households: 81, size: 'many', warning: expect.stringContaining('多于 80 户') });
    expect((await grids()).outsideGrids.buildings).toBe(0);
  });

  it('shows the households to those who see the people of the unit, and no one else', async () => {
    expectFailure(await k.h.call('units', 'grids', { unitId: heping.id }, await k.h.as('jumin')), 'AUTH.FORBIDDEN');
    expectFailure(await k.h.call('units', 'grids', { unitId: heping.id }, zhou.cred), 'AUTH.FORBIDDEN');
    expectFailure(await k.h.call('units', 'grids', { unitId: g1building.id }, staff), 'UNIT.BAD_PARENT', 'unitId');
    // The grid's lead reads their own grid, not the compound's others.
    const own = data(await k.h.call<Outputs['units']['grids']>('units', 'grids', { unitId: grid1.id }, zheng.cred));
    expect(own.grids.map((g) => g.grid.id)).toEqual([grid1.id]);
    expectFailure(await k.h.call('units', 'grids', { unitId: heping.id }, zheng.cred), 'AUTH.FORBIDDEN');
  });
});

describe('pairing', () => {
  let first: PairingView;

  it('pairs a member with a household of their compound, kinds from the community’s list', async () => {
    const r = data(await pair({ memberId: zhou.id, buildingId: k.building.id, door: door('502'), kinds: ['独居老人', '高龄'], contactName: '王奶奶', contactPhone: '13900000001' }));
    first = r.pairing;
    expect(r).toMatchObject({ created: true, pairing: { status: 'active', member: { id: zhou.id, name: '周党员' }, kinds: ['独居老人', '高龄'], visits: 0 } });
    expect(first.household).toMatchObject({ buildingId: k.building.id, doorLabel: '2单元 5层 502室', trail: expect.stringContaining('1号楼') });
  });

  it('refuses the same household with the same member again, written another way too; nothing written', async () => {
    await writesNothing(async () => {
      const again = await pair({ memberId: zhou.id, buildingId: k.building.id, door: { entrance: '2单元', floor: 5, room: '502室' } });
      expectFailure(again, 'PAIRING.ALREADY_PAIRED', 'door');
    });
    // Another member may pair with the same household.
    expect(data(await pair({ memberId: wu.id, buildingId: k.building.id, door: door('502') })).created).toBe(true);
  });

  it('pairs one of many requests for one member and one household made at once', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => pair({ memberId: zhou.id, buildingId: k.building.id, door: door('601') })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expectFailure(r, 'PAIRING.ALREADY_PAIRED');
  });

  it('refuses every bad pairing with a code and a message, writing nothing', async () => {
    await writesNothing(async () => {
      // A member of another compound, a resident, someone who does not exist: one answer.
      expectFailure(await pair({ memberId: hua.id, buildingId: k.building.id, door: door('301') }), 'PAIRING.NOT_MEMBER_HERE', 'memberId');
      expectFailure(await pair({ memberId: 'per_nobody', buildingId: k.building.id, door: door('301') }), 'PAIRING.NOT_MEMBER_HERE', 'memberId');
      expectFailure(await pair({ memberId: zhou.id, buildingId: k.building.id, door: door('301'), kinds: ['富户'] }), 'PAIRING.KIND_UNKNOWN', 'kinds');
      expectFailure(await pair({ memberId: zhou.id, buildingId: k.compound.id, door: door('301') }), 'UNIT.NOT_FOUND', 'buildingId');
      expectFailure(await pair({ memberId: zhou.id, buildingId: k.building.id, door: { entrance: '2', floor: null, room: '' } }), 'INPUT.INVALID', 'door.room');
      // Another compound's secretary, a member, a resident.
      expectFailure(await pair({ memberId: zhou.id, buildingId: k.building.id, door: door('301') }, k.otherSecretary.cred), 'AUTH.FORBIDDEN', 'buildingId');
      const byMember = await pair({ memberId: zhou.id, buildingId: k.building.id, door: door('301') }, zhou.cred);
      expectFailure(byMember, 'AUTH.FORBIDDEN', 'buildingId');
      if (!byMember.ok) expect(byMember.message).toMatch(/我的联户/);
      expectFailure(await pair({ memberId: zhou.id, buildingId: k.building.id, door: door('301') }, await k.h.as('jumin')), 'AUTH.FORBIDDEN');
    });
  });

  it('lets a grid lead pair in their grid without kinds, and refuses them outside it', async () => {
    const r = data(await pair({ memberId: feng.id, buildingId: g1building.id, door: door('101', '1') }, zheng.cred));
    // The lead does not read kinds, even of the pairing they made.
    expect(r.pairing.kinds).toBeNull();
    await writesNothing(async () => {
      const outside = await pair({ memberId: feng.id, buildingId: g2building.id, door: door('101', '1') }, zheng.cred);
      expectFailure(outside, 'AUTH.FORBIDDEN', 'buildingId');
      if (!outside.ok) expect(outside.message).toMatch(/不在您的网格里/);
      expectFailure(await pair({ memberId: feng.id, buildingId: g1building.id, door: door('201', '1'), kinds: ['低保'] }, zheng.cred), 'AUTH.FORBIDDEN', 'kinds');
      expectFailure(await call('list', { unitId: grid2.id }, zheng.cred), 'AUTH.FORBIDDEN', 'unitId');
      expectFailure(await call('list', { kind: '低保' }, zheng.cred), 'AUTH.FORBIDDEN', 'kind');
    });
    const mine = data(await call<Outputs['pairings']['list']>('list', {}, zheng.cred));
    expect(mine.rows.map((p) => p.household.buildingId)).toEqual([g1building.id]);
    // The secretary of the community sets its kinds; the member reads them.
    data(await call('setKinds', { id: r.pairing.id, version: r.pairing.version, kinds: ['低保'] }, k.communitySecretary));
    expect(data(await call<Outputs['pairings']['mine']>('mine', {}, feng.cred)).pairings[0].kinds).toEqual(['低保']);
    expect(data(await call<Outputs['pairings']['list']>('list', {}, zheng.cred)).rows[0].kinds).toBeNull();
  });

  it('shows kinds to the member for their own households, to the branch secretary and to staff; to nobody else', async () => {
    const own = data(await call<Outputs['pairings']['mine']>('mine', {}, zhou.cred)).pairings;
    expect(own.find((p) => p.id === first.id)?.kinds).toEqual(['独居老人', '高龄']);
    for (const cred of [k.secretary, staff, k.communitySecretary]) {
      const rows = data(await call<Outputs['pairings']['list']>('list', { unitId: k.compound.id }, cred)).rows;
      expect(rows.find((p) => p.id === first.id)?.kinds).toEqual(['独居老人', '高龄']);
    }
    expect(data(await call<Outputs['pairings']['list']>('list', { kind: '独居老人' }, k.secretary)).rows.map((p) => p.id)).toEqual([first.id]);
    // Another member, a resident, the building's lead: nothing of it.
    for (const cred of [wu.cred, await k.h.as('jumin'), await k.h.as('louzhang')]) expectFailure(await call('list', {}, cred), 'AUTH.FORBIDDEN');
    expect(data(await call<Outputs['pairings']['mine']>('mine', {}, wu.cred)).pairings.every((p) => p.member.id === wu.id)).toBe(true);
  });

  it('keeps each community’s kinds, edited by staff at the version read', async () => {
    const now = data(await call<Outputs['pairings']['kinds']>('kinds', { unitId: k.compound.id }, zhou.cred));
    expect(now).toMatchObject({ isDefault: true, version: 0, kinds: expect.arrayContaining(['独居老人', '低保', '残疾', '高龄']) });
    await writesNothing(async () => {
      expectFailure(await call('saveKinds', { communityId: k.community.id, version: 0, kinds: ['独居老人'] }, k.secretary), 'AUTH.FORBIDDEN', 'communityId');
      expectFailure(await call('saveKinds', { communityId: k.community.id, version: 0, kinds: [] }, staff), 'INPUT.INVALID', 'kinds');
    });
    const saved = data(await call<Outputs['pairings']['saveKinds']>('saveKinds', { communityId: k.community.id, version: 0, kinds: [...now.kinds, ' 失独 ', '失独'] }, staff));
    expect(saved).toMatchObject({ isDefault: false, version: 1, kinds: [...now.kinds, '失独'] });
    expectFailure(await call('saveKinds', { communityId: k.community.id, version: 0, kinds: ['独居老人'] }, staff), 'CONFLICT.VERSION');
    expect(data(await pair({ memberId: wu.id, buildingId: k.building.id, door: door('701'), kinds: ['失独'] })).pairing.kinds).toEqual(['失独']);
  });
});

describe('visits', () => {
  let p: PairingView;
  beforeAll(async () => {
    p = data(await call<Outputs['pairings']['mine']>('mine', {}, zhou.cred)).pairings.find((x) => x.household.door.room === '502')!;
  });
  const visit = (input: Record<string, unknown>, cred: Credentials = zhou.cred) =>
    call<Outputs['pairings']['recordVisit']>('recordVisit', { clientRequestId: 'visit-0001', pairingId: p.id, date: today, done: '上门问候，帮忙换了灯泡', ...input }, cred);

  it('records a visit once however often it is sent, counted on the pairing', async () => {
    const first = data(await visit({ needs: '希望每周有人来看看' }));
    expect(first).toMatchObject({ created: true, visit: { date: today, needs: '希望每周有人来看看', member: { name: '周党员' }, reportId: null } });
    expect(data(await visit({ done: '重发的' }))).toEqual({ visit: first.visit, created: false });
    const mine = data(await call<Outputs['pairings']['mine']>('mine', {}, zhou.cred)).pairings.find((x) => x.id === p.id)!;
    expect(mine).toMatchObject({ visits: 1, lastVisitOn: today });
  });

  it('refuses a visit on a day not yet come or before the pairing, and to someone else’s household, writing nothing', async () => {
    await writesNothing(async () => {
      expectFailure(await visit({ clientRequestId: 'visit-0002', date: '2099-01-01' }), 'VISIT.BAD_DATE', 'date');
      expectFailure(await visit({ clientRequestId: 'visit-0002', date: '2020-01-01' }), 'VISIT.BAD_DATE', 'date');
      expectFailure(await visit({ clientRequestId: 'visit-0002', date: '2026-02-30' }), 'VISIT.BAD_DATE', 'date');
      expectFailure(await visit({ clientRequestId: 'visit-0002' }, wu.cred), 'PAIRING.NOT_FOUND', 'pairingId');
      expectFailure(await visit({ clientRequestId: 'visit-0002', done: '' }), 'INPUT.INVALID', 'done');
      expectFailure(await visit({ clientRequestId: 'visit-0002', reportId: 'rep_nothing' }), 'VISIT.REPORT_NOT_LINKED', 'reportId');
    });
  });

  it('files a report for a paired household during a visit (channel 走访), for the member’s own households only', async () => {
    const report = (input: Record<string, unknown>, cred: Credentials = zhou.cred) =>
      k.h.call<Outputs['reports']['create']>(
        'reports',
        'create',
        { clientRequestId: `visit-report-${Math.random().toString(36).slice(2, 10)}`, unitId: k.building.id, category: 'noise', description: '楼上夜里装修，老人睡不好', channel: 'visit', ...input },
        cred,
      );
    await writesNothing(async () => {
      // Without the pairing, the visit channel stays staff's.
      expectFailure(await report({}), 'AUTH.FORBIDDEN');
      expectFailure(await report({ pairingId: p.id }, wu.cred), 'PAIRING.NOT_FOUND', 'pairingId');
      expectFailure(await report({ pairingId: p.id, unitId: (await k.h.unitNamed('2号楼', '幸福里小区')).id }), 'PAIRING.NOT_FOUND', 'pairingId');
      expectFailure(await report({ pairingId: p.id, channel: 'phone' }), 'PAIRING.NOT_FOUND', 'pairingId');
    });
    const filed = data(await report({ pairingId: p.id }));
    expect(filed.report).toMatchObject({ channel: 'visit' });
    const r = await k.h.store.reports.get(filed.report.id);
    expect(r).toMatchObject({ channel: 'visit', createdBy: zhou.id, contactName: '王奶奶', contactPhone: '13900000001', location: '2单元 5层 502室', unitId: k.building.id });
    const v = data(await visit({ clientRequestId: 'visit-0003', reportId: filed.report.id, needs: '噪音' }));
    expect(v.visit.reportId).toBe(filed.report.id);
    // Another member cannot claim it for a visit of theirs.
    const other = data(await call<Outputs['pairings']['mine']>('mine', {}, wu.cred)).pairings[0];
    expectFailure(await visit({ clientRequestId: 'visit-0004', pairingId: other.id, reportId: filed.report.id }, wu.cred), 'VISIT.REPORT_NOT_LINKED', 'reportId');
  });

  it('counts pairings, visits and the reports they filed per member, and per kind for those who read kinds', async () => {
    const c = data(await call<Outputs['pairings']['counts']>('counts', { unitId: k.compound.id }, k.secretary));
    const zhouRow = c.members.find((m) => m.member.id === zhou.id)!;
    expect(zhouRow).toMatchObject({ households: 2, visits: 2, reports: 1, lastVisitOn: today });
    expect(c.kinds?.find((x) => x.kind === '独居老人')).toEqual({ kind: '独居老人', households: 1, visits: 2 });
    expect(c.total).toMatchObject({ members: 2, reports: 1 });
    const lead = data(await call<Outputs['pairings']['counts']>('counts', {}, zheng.cred));
    expect(lead).toMatchObject({ unit: { id: grid1.id }, kinds: null, total: { households: 1 } });
    const visits = data(await call<Outputs['pairings']['visits']>('visits', { pairingId: p.id }, zhou.cred));
    expect(visits.total).toBe(2);
    expectFailure(await call('visits', { pairingId: p.id }, wu.cred), 'PAIRING.NOT_FOUND', 'pairingId');
    expectFailure(await call('counts', {}, zhou.cred), 'AUTH.FORBIDDEN');
  });

  it('ends a pairing: no more visits; pairing the two again takes it up with its visits', async () => {
    const now = data(await call<Outputs['pairings']['mine']>('mine', {}, zhou.cred)).pairings.find((x) => x.id === p.id)!;
    await writesNothing(async () => {
      // The member reads their pairing but does not end it: the secretary does.
      expectFailure(await call('end', { id: p.id, version: now.version, reason: '搬走了' }, zhou.cred), 'AUTH.FORBIDDEN');
      expectFailure(await call('end', { id: p.id, version: now.version, reason: '搬走了' }, wu.cred), 'PAIRING.NOT_FOUND', 'id');
      expectFailure(await call('end', { id: p.id, version: now.version + 5, reason: '搬走了' }, k.secretary), 'CONFLICT.VERSION');
      expectFailure(await call('end', { id: p.id, version: now.version, reason: '' }, k.secretary), 'INPUT.INVALID', 'reason');
    });
    const ended = data(await call<Outputs['pairings']['end']>('end', { id: p.id, version: now.version, reason: '住户搬去子女家' }, k.secretary));
    expect(ended).toMatchObject({ status: 'ended', endReason: '住户搬去子女家' });
    expectFailure(await visit({ clientRequestId: 'visit-0009' }), 'PAIRING.ENDED', 'pairingId');
    const again = data(await pair({ memberId: zhou.id, buildingId: k.building.id, door: door('502') }));
    expect(again).toMatchObject({ created: false, pairing: { id: p.id, status: 'active', visits: 2, kinds: ['独居老人', '高龄'] } });
  });
});

describe('a member who leaves', () => {
  it('ends their pairings with their check-in, visits kept; the others’ stay', async () => {
    const leaving = await k.member({ name: '褚将走' });
    const personId = leaving.checkin.person!.id;
    const mine = data(await pair({ memberId: personId, buildingId: k.building.id, door: door('802'), kinds: ['高龄'] }));
    data(await call('recordVisit', { clientRequestId: 'visit-leave-1', pairingId: mine.pairing.id, date: today, done: '送药' }, leaving.wx));
    const othersBefore = data(await call<Outputs['pairings']['mine']>('mine', {}, wu.cred)).pairings;
    data(await k.transferOut(leaving.checkin, today, '搬到外地'));
    const after = await k.h.store.pairings.get(mine.pairing.id);
    expect(after).toMatchObject({ status: 'ended', endReason: '党员转出', visits: 1 });
    expect(data(await call<Outputs['pairings']['mine']>('mine', {}, wu.cred)).pairings).toEqual(othersBefore);
    // No longer a member: no visit, no report on the household's behalf.
    expectFailure(await call('recordVisit', { clientRequestId: 'visit-leave-2', pairingId: mine.pairing.id, date: today, done: '再去看看' }, leaving.wx), 'PAIRING.ENDED', 'pairingId');
  });
});
