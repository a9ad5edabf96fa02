/**
 * The demo's people: a named demo person in every role (all with the password DEMO_PASSWORD), the
 * residents spread over the buildings, and, for a database that gets a history, the building leads,
 * secretaries and property managers the other compounds have, so reports stop at every level.
 * Only the named demo people carry `demo: true`; the login pages list only them.
 */
import type { Person, Role, Unit } from '../../../src/core';
import { DEMO_PASSWORD } from '../actions/auth';
import { hashPassword } from '../auth/passwords';
import type { Deps } from '../deps';
import type { ImportBatch } from '../store/port';
import type { DemoTree } from './tree';

export const DEMO_PEOPLE: { username: string; name: string; phone: string; role: Role; at: string }[] = [
  { username: 'jiedao', name: '王建国', phone: '13800000001', role: 'street_officer', at: 'street' },
  { username: 'shuji', name: '李秀英', phone: '13800000002', role: 'community_secretary', at: 'community' },
  { username: 'shequ', name: '张伟', phone: '13800000003', role: 'community_staff', at: 'community' },
  { username: 'zhibu', name: '刘芳', phone: '13800000004', role: 'compound_secretary', at: '幸福里小区' },
  { username: 'wuye', name: '陈强', phone: '13800000005', role: 'property_manager', at: '幸福里小区' },
  { username: 'louzhang', name: '赵桂兰', phone: '13800000006', role: 'building_lead', at: '幸福里小区/1号楼' },
  { username: 'jumin', name: '孙福贵', phone: '13800000007', role: 'resident', at: '幸福里小区/1号楼' },
  { username: 'dangyuan', name: '周敏', phone: '13800000008', role: 'member', at: '幸福里小区' },
  { username: 'zhiyuan', name: '吴婷', phone: '13800000009', role: 'volunteer', at: '幸福里小区' },
];

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
export const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧巧美兰霞平刚桂珍玉梅建国福贵淑凤春红云海波宁志成德文';

export const DEFAULT_RESIDENTS = 17_600;

/** Residents per building the history picks its reporters from (the first ones seeded there). */
const REPORTERS_PER_BUILDING = 40;
const RESIDENTS_PER_BATCH = 5_000;

export interface DemoPeople {
  /** The named demo people's ids by username. */
  byUsername: ReadonlyMap<string, string>;
  /** Some residents of each building (by building id), in the order they were seeded. */
  residents: ReadonlyMap<string, readonly string[]>;
  /** The building lead of each building that has one (by building id). */
  leads: ReadonlyMap<string, string>;
}

function newPerson(deps: Deps, name: string, phone: string, unit: Unit, at: number, login?: string): Person {
  return { id: deps.ids.next('per'), name, phone, username: login ?? null, openid: null, demo: !!login, createdInUnitId: unit.id, version: 1, createdAt: at, updatedAt: at };
}

async function bind(deps: Deps, person: Person, role: Role, unit: Unit, at: number): Promise<void> {
  await deps.store.bindings.insert({ id: deps.ids.next('bnd'), personId: person.id, unitId: unit.id, role, createdAt: at, createdBy: null });
}

/** The named demo people and `residents` residents, everyone created (and bound) at `at`. */
export async function seedPeople(deps: Deps, tree: DemoTree, residents: number, at: number): Promise<DemoPeople> {
  const demoHash = await hashPassword(DEMO_PASSWORD);
  const byUsername = new Map<string, string>();
  const reporters = new Map<string, string[]>();
  const leads = new Map<string, string>();
  for (const d of DEMO_PEOPLE) {
    const unit = tree.byKey.get(d.at)!;
    // Everyone the seed makes is created where it first binds them.
    const person = newPerson(deps, d.name, d.phone, unit, at, d.username);
    await deps.store.people.insert(person, demoHash);
    await bind(deps, person, d.role, unit, at);
    byUsername.set(d.username, person.id);
    if (d.role === 'resident') reporters.set(unit.id, [...(reporters.get(unit.id) ?? []), person.id]);
    if (d.role === 'building_lead') leads.set(unit.id, person.id);
  }

  // The residents come the way a community's roster does, as an import: thousands a transaction.
  const { buildings } = tree;
  for (let from = 0; from < residents; from += RESIDENTS_PER_BATCH) {
    const batch: ImportBatch = { id: deps.ids.next('imp'), units: [], people: [], bindings: [] };
    for (let i = from; i < Math.min(residents, from + RESIDENTS_PER_BATCH); i++) {
      const name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + (i % 3 === 0 ? GIVEN[(i * 13) % GIVEN.length] : '');
      const home = buildings[i % buildings.length];
      const person = newPerson(deps, name, `139${String(10_000_000 + i).slice(-8)}`, home, at);
      batch.people.push(person);
      batch.bindings.push({ id: deps.ids.next('bnd'), personId: person.id, unitId: home.id, role: 'resident', createdAt: at, createdBy: null });
      if (i < REPORTERS_PER_BUILDING * buildings.length) reporters.set(home.id, [...(reporters.get(home.id) ?? []), person.id]);
    }
    await deps.store.imports.commit(batch);
  }
  return { byUsername, residents: reporters, leads };
}

/**
 * Who runs the other compounds: a lead on every building of 幸福里小区, 阳光花园 and 和平新村 (锦绣家园's
 * buildings have none, so their reports skip to the compound, as an unstaffed level does); a party
 * branch secretary in each compound; a property manager in 阳光花园 and 锦绣家园 (和平新村, an old
 * compound, has no property company: its secretary takes what the property would). Not demo logins.
 */
export async function seedHistoryStaff(deps: Deps, tree: DemoTree, people: DemoPeople, at: number): Promise<DemoPeople> {
  const leads = new Map(people.leads);
  let k = 0;
  const phone = () => `137${String(10_000_000 + ++k).slice(-8)}`;
  for (const b of tree.buildings) {
    if (leads.has(b.id) || b.path.startsWith(tree.byKey.get('锦绣家园')!.path)) continue;
    const name = SURNAMES[(k * 11 + 5) % SURNAMES.length] + GIVEN[(k * 5 + 3) % GIVEN.length] + GIVEN[(k * 17 + 9) % GIVEN.length];
    const lead = newPerson(deps, name, phone(), b, at);
    await deps.store.people.insert(lead, null);
    await bind(deps, lead, 'building_lead', b, at);
    leads.set(b.id, lead.id);
  }
  const compoundStaff: [string, string, Role][] = [
    ['阳光花园', '黄丽华', 'compound_secretary'],
    ['阳光花园', '林海波', 'property_manager'],
    ['和平新村', '郭志成', 'compound_secretary'],
    ['锦绣家园', '何淑英', 'compound_secretary'],
    ['锦绣家园', '郑春红', 'property_manager'],
  ];
  for (const [compound, name, role] of compoundStaff) {
    const unit = tree.byKey.get(compound)!;
    const person = newPerson(deps, name, phone(), unit, at);
    await deps.store.people.insert(person, null);
    await bind(deps, person, role, unit, at);
  }
  return { ...people, leads };
}
