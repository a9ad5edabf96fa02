/**
 * The grid lead's page (units.myGrid): the lead sees their own grid's households by building and door
 * with names only, its members (with their type) and volunteers; a lead of another grid and a
 * resident are refused with a message saying whose page it is.
 */
import type { Outputs, Unit } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { data, expectFailure } from '../support/harness';
import { membersKit, type MembersKit } from './support/members';

let k: MembersKit;
let grid1: Unit;
let grid2: Unit;
let building: Unit;
let lead: { id: string; cred: Credentials };

const myGrid = (unitId: string, cred: Credentials) => k.h.call<Outputs['units']['myGrid']>('units', 'myGrid', { unitId }, cred);

beforeAll(async () => {
  k = await membersKit();
  grid1 = await k.h.unitNamed('第1网格', '和平新村');
  grid2 = await k.h.unitNamed('第2网格', '和平新村');
  building = (await k.h.allUnits()).find((u) => u.parentId === grid1.id && u.kind === 'building')!;
  lead = await k.personAt('grid_lead', grid1, '郑家长');
  const s = k.h.store;
  const resident = async (n: number, name: string, door: { entrance: string; floor: number | null; room: string } | null) => {
    await s.people.insert({ id: `per_gl${n}`, name, phone: '13800000000', username: null, openid: null, demo: false, version: 1, createdAt: 0, updatedAt: 0 }, null);
    await s.bindings.insert({ id: `bnd_gl${n}`, personId: `per_gl${n}`, unitId: building.id, role: 'resident', createdAt: 0, createdBy: null, door });
  };
  // Two residents behind one door are one household.
  await resident(1, '门一甲', { entrance: '7', floor: 7, room: '701' });
  await resident(2, '门一乙', { entrance: '7单元', floor: 7, room: '701室' });
  await resident(3, '无门丙', null);
  await k.personAt('member', grid1, '卫党员');
  await k.personAt('volunteer', building, '韩志愿者');
});
afterAll(() => k.h.close());

it("shows the lead their grid's households by door, members and volunteers — names only", async () => {
  const out = data(await myGrid(grid1.id, lead.cred));
  expect(out.grid.id).toBe(grid1.id);
  const row = out.buildings.find((b) => b.building.id === building.id)!;
  const door = row.doors.find((d) => d.door === '7单元 7层 701室')!;
  expect(door.residents.sort()).toEqual(['门一乙', '门一甲'].sort());
  expect(row.withoutDoor).toContain('无门丙');
  expect(out.members).toContainEqual({ id: expect.any(String), name: '卫党员', memberType: null });
  expect(out.volunteers.map((v) => v.name)).toContain('韩志愿者');
  expect(out.counts.households).toBe(out.buildings.reduce((n, b) => n + b.doors.length, 0));
  expect(out.counts.households).toBeGreaterThan(0);
  expect(out.counts.members).toBe(out.members.length);
  // Phones stay with the community staff.
  expect(JSON.stringify(out)).not.toContain('13800000000');
});

it('refuses a lead of another grid and a resident, saying whose page it is', async () => {
  const other = await k.personAt('grid_lead', grid2, '另一家长');
  const r = await myGrid(grid1.id, other.cred);
  expectFailure(r, 'AUTH.FORBIDDEN', 'unitId');
  if (!r.ok) expect(r.message).toMatch(/家长/);
  expectFailure(await myGrid(grid1.id, await k.h.as('jumin')), 'AUTH.FORBIDDEN', 'unitId');
  // Their own grid still opens for them.
  expect(data(await myGrid(grid2.id, other.cred)).grid.id).toBe(grid2.id);
});
