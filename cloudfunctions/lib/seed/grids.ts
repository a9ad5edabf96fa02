/**
 * The demo's 党群小家 (full demo only, after the check-ins): 和平新村's grids get households — some of
 * their residents tell their doors, so one grid is within 50–80 households and the others warn — and
 * 第1网格 gets a lead (家长) and a steward (管家), both demo logins. The lead checks in with 和平新村's
 * branch the way members do (a member code, approved); the steward is the property company's, bound
 * as the compound's property manager — 和平新村 has had a property service since the demo's history
 * ended. A grid role is bound at the moment its prerequisite is (grids.ts GRID_ROLE_NEEDS).
 */
import { checkinTransition, type Binding, type Checkin, type Code, type Door, type Person, type Role, type Unit } from '../../../src/core';
import { DEMO_PASSWORD } from '../actions/auth';
import { drawCodeId } from '../actions/codes/create';
import { hashPassword } from '../auth/passwords';
import type { Deps } from '../deps';
import type { DemoPeople } from './people';
import type { DemoTree } from './tree';

const DAY = 24 * 3600_000;
export const GRID_COMPOUND = '和平新村';

/** The demo logins on a grid, with the role each holds first on the compound. */
export const DEMO_GRID_PEOPLE: readonly { username: string; name: string; phone: string; role: Role; at: string; holds: Role }[] = [
  { username: 'jiazhang', name: '郑秀云', phone: '13800000010', role: 'grid_lead', at: `${GRID_COMPOUND}/第1网格`, holds: 'member' },
  { username: 'guanjia', name: '钱卫东', phone: '13800000011', role: 'steward', at: `${GRID_COMPOUND}/第1网格`, holds: 'property_manager' },
];

/** Members of 和平新村's branch who are no login: paired with households of the other grids. */
export const DEMO_GRID_MEMBERS: readonly { name: string; phone: string }[] = [{ name: '曹建民', phone: '13600002001' }];

/** Households per building of each grid (a 6-storey block has 12 per entrance): 66 (within), 36 (too few), 96 (too many). */
const HOUSEHOLDS_PER_BUILDING: Record<string, number> = { 第1网格: 22, 第2网格: 12, 第3网格: 32 };

/** The k-th household of a building: entrances of 12 doors, two a floor (1单元 3层 302). */
export function demoDoor(k: number): Door {
  const floor = 1 + Math.floor((k % 12) / 2);
  return { entrance: String(1 + Math.floor(k / 12)), floor, room: `${floor}0${1 + (k % 2)}` };
}

export interface DemoGrid {
  /** The demo's members of 和平新村 by name (the lead among them), person ids. */
  members: ReadonlyMap<string, string>;
}

/** Gives doors to residents of the grids' buildings: one resident a household, the rest as imported. */
async function tellDoors(deps: Deps, tree: DemoTree): Promise<void> {
  for (const [grid, perBuilding] of Object.entries(HOUSEHOLDS_PER_BUILDING)) {
    const unit = tree.byKey.get(`${GRID_COMPOUND}/${grid}`)!;
    for (const b of tree.buildings.filter((x) => x.parentId === unit.id)) {
      const residents = (await deps.store.bindings.listForUnit(b.id)).filter((x) => x.role === 'resident' && !x.door);
      // The same binding (its id kept) with the door the resident gave.
      for (const [k, r] of residents.slice(0, perBuilding).entries()) {
        await deps.store.bindings.remove(r.id);
        await deps.store.bindings.insert({ ...r, door: demoDoor(k) });
      }
    }
  }
}

/**
 * Two binding ids in order: bindings made at one moment are listed by id, and the demo's login pages
 * name a person by their first binding — the grid role, not what it needs.
 */
function pairedIds(deps: Deps): [string, string] {
  const [a, b] = [deps.ids.next('bnd'), deps.ids.next('bnd')].sort();
  return [a, b];
}

function memberCode(unit: Unit, by: string, at: number): Code {
  return {
    id: drawCodeId(),
    purpose: 'member',
    unitId: unit.id,
    unitPath: unit.path,
    personId: null,
    label: `${GRID_COMPOUND}党群小家报到点`,
    validFrom: null,
    validUntil: null,
    useLimit: null,
    uses: 0,
    scans: 0,
    createdBy: by,
    createdAt: at,
    revokedAt: null,
    revokedBy: null,
    revokeReason: null,
    image: null,
  };
}

/**
 * Checks a person in with the compound's branch and approves it (the member role bound at approval);
 * `alsoFirst` is bound at the same moment, with the smaller id (see pairedIds).
 */
async function checkInApproved(
  deps: Deps,
  code: Code,
  compound: Unit,
  who: { person: Person; known: boolean },
  by: string,
  submitted: number,
  alsoFirst?: { role: Role; unit: Unit },
): Promise<void> {
  const { store, ids } = deps;
  const draft: Checkin = {
    id: ids.next('chk'),
    status: 'pending',
    openid: who.known ? null : `demo-openid-member-${who.person.phone}`,
    applicantId: who.known ? who.person.id : null,
    codeId: code.id,
    unitId: compound.id,
    unitPath: compound.path,
    name: who.person.name,
    phone: who.person.phone!,
    phoneVerified: true,
    memberType: 'retired',
    branch: { name: '市纺织厂退休职工党支部', place: '郑州市中原区' },
    workUnit: '市纺织厂',
    skills: ['医疗护理'],
    services: ['助老助残', '政策宣传'],
    freeTime: '工作日白天',
    veteran: false,
    household: null,
    personId: null,
    decidedBy: null,
    decidedAt: null,
    reason: null,
    history: [{ status: 'pending', at: submitted, by: who.known ? who.person.id : null, reason: null, date: null }],
    createdAt: submitted,
    updatedAt: submitted,
    version: 1,
  };
  const { checkin } = await store.checkins.insertPending(draft);
  const decided = submitted + DAY / 4;
  const [firstId, memberId] = pairedIds(deps);
  const person = who.known ? { kind: 'existing' as const, personId: who.person.id } : { kind: 'new' as const, person: { ...who.person, openid: checkin.openid, createdAt: decided, updatedAt: decided }, passwordHash: null };
  const next = checkinTransition(checkin, 'approve', { at: decided, by, personId: who.person.id });
  const binding: Binding = { id: memberId, personId: who.person.id, unitId: compound.id, role: 'member', createdAt: decided, createdBy: by };
  const approved = await store.checkins.approve({ next, version: checkin.version, person, binding });
  if (!approved.ok) throw new Error(`demo check-in of ${who.person.name} not approved: ${approved.reason}`);
  code.uses += 1;
  if (alsoFirst) await store.bindings.insert({ id: firstId, personId: who.person.id, unitId: alsoFirst.unit.id, role: alsoFirst.role, createdAt: decided, createdBy: by });
}

/** Seeds the grids' households, lead and steward at `now`. */
export async function seedGrids(deps: Deps, tree: DemoTree, people: DemoPeople, now: number): Promise<DemoGrid> {
  const { store, ids } = deps;
  const compound = tree.byKey.get(GRID_COMPOUND)!;
  const grid = tree.byKey.get(`${GRID_COMPOUND}/第1网格`)!;
  const secretary = people.byUsername.get('shuji')!;
  const demoHash = await hashPassword(DEMO_PASSWORD);
  await tellDoors(deps, tree);

  const opened = now - 80 * DAY;
  const code = memberCode(compound, people.byUsername.get('shequ')!, opened);
  const members = new Map<string, string>();
  const newPerson = (name: string, phone: string, username: string | null, at: number): Person => ({
    id: ids.next('per'),
    name,
    phone,
    username,
    openid: null,
    demo: username !== null,
    createdInUnitId: compound.id,
    version: 1,
    createdAt: at,
    updatedAt: at,
  });

  const [leadPlan, stewardPlan] = DEMO_GRID_PEOPLE;
  // The lead: a login made for her, then checked in like any member and made 家长 on approval.
  const lead = newPerson(leadPlan.name, leadPlan.phone, leadPlan.username, opened);
  await store.people.insert(lead, demoHash);
  await checkInApproved(deps, code, compound, { person: lead, known: true }, secretary, opened + DAY, { role: leadPlan.role, unit: grid });
  members.set(lead.name, lead.id);
  for (const [i, m] of DEMO_GRID_MEMBERS.entries()) {
    const person = newPerson(m.name, m.phone, null, opened + (i + 2) * DAY);
    await checkInApproved(deps, code, compound, { person, known: false }, secretary, opened + (i + 2) * DAY);
    members.set(person.name, person.id);
  }
  code.scans = code.uses * 3;
  await store.codes.insert(code);

  // The steward: the property company's person at 和平新村, made the grid's 管家 at the same moment.
  const steward = newPerson(stewardPlan.name, stewardPlan.phone, stewardPlan.username, opened);
  await store.people.insert(steward, demoHash);
  const [stewardId, holdsId] = pairedIds(deps);
  await store.bindings.insert({ id: holdsId, personId: steward.id, unitId: compound.id, role: stewardPlan.holds, createdAt: opened, createdBy: null });
  await store.bindings.insert({ id: stewardId, personId: steward.id, unitId: grid.id, role: stewardPlan.role, createdAt: opened, createdBy: null });
  return { members };
}
