/**
 * Demo data for an empty database, shaped like a real community: one street, one community of
 * about 17,600 residents in 4 compounds (one old compound split into grids), 6–12 buildings each,
 * and a named demo person in every role, all with the password DEMO_PASSWORD.
 * Only people created here carry `demo: true`; the login pages list only them.
 */
import { pathOf, type Binding, type Person, type Role, type Unit, type UnitKind } from '../../../src/core';
import { DEMO_PASSWORD } from '../actions/auth';
import { hashPassword } from '../auth/passwords';
import type { Deps } from '../deps';
import { syntheticReports } from './reports';

interface CompoundPlan {
  name: string;
  buildings: number;
  /** Old compounds are run by grids of a few buildings each. */
  grids?: number;
}

const COMPOUNDS: CompoundPlan[] = [
  { name: '幸福里小区', buildings: 8 },
  { name: '阳光花园', buildings: 12 },
  { name: '和平新村', buildings: 9, grids: 3 },
  { name: '锦绣家园', buildings: 6 },
];

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

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧巧美兰霞平刚桂珍玉梅建国福贵淑凤春红云海波宁志成德文';

export interface SeedOptions {
  /** How many residents to spread over the buildings (each bound as resident of one building). */
  residents: number;
  /**
   * Reports of the past months in every state, so the management page has something to show
   * (deterministic; history only: the timer leaves them alone). Default none.
   */
  reports?: number;
}

export const DEFAULT_RESIDENTS = 17_600;

/** Seeds an empty database; does nothing (returns false) if there is already any unit. */
export async function seedDemo(deps: Deps, opts: SeedOptions = { residents: DEFAULT_RESIDENTS }): Promise<boolean> {
  const { store, clock, ids } = deps;
  if ((await store.units.listRoots()).length > 0) return false;
  const now = clock.now();
  const byKey = new Map<string, Unit>();

  const add = async (parent: Unit | null, kind: UnitKind, name: string, key: string): Promise<Unit> => {
    const id = ids.next(kind.slice(0, 3));
    const unit: Unit = { id, parentId: parent?.id ?? null, kind, name, path: pathOf(parent, id), archived: false, version: 1, createdAt: now, updatedAt: now };
    await store.units.insert(unit);
    byKey.set(key, unit);
    return unit;
  };

  const street = await add(null, 'street', '幸福街道', 'street');
  const community = await add(street, 'community', '阳光社区', 'community');
  const buildings: Unit[] = [];
  for (const plan of COMPOUNDS) {
    const compound = await add(community, 'compound', plan.name, plan.name);
    const grids: Unit[] = [];
    for (let g = 1; g <= (plan.grids ?? 0); g++) grids.push(await add(compound, 'grid', `第${g}网格`, `${plan.name}/第${g}网格`));
    for (let b = 1; b <= plan.buildings; b++) {
      const parent = grids.length ? grids[(b - 1) % grids.length] : compound;
      buildings.push(await add(parent, 'building', `${b}号楼`, `${plan.name}/${b}号楼`));
    }
  }

  const demoHash = await hashPassword(DEMO_PASSWORD);
  const bind = async (person: Person, role: Role, unit: Unit) => {
    const b: Binding = { id: ids.next('bnd'), personId: person.id, unitId: unit.id, role, createdAt: now, createdBy: null };
    await store.bindings.insert(b);
  };
  for (const d of DEMO_PEOPLE) {
    const at = byKey.get(d.at)!;
    // Everyone the seed makes is created where it first binds them.
    const person: Person = { id: ids.next('per'), name: d.name, phone: d.phone, username: d.username, openid: null, demo: true, createdInUnitId: at.id, version: 1, createdAt: now, updatedAt: now };
    await store.people.insert(person, demoHash);
    await bind(person, d.role, at);
  }

  for (let i = 0; i < opts.residents; i++) {
    const name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + (i % 3 === 0 ? GIVEN[(i * 13) % GIVEN.length] : '');
    const home = buildings[i % buildings.length];
    const person: Person = {
      id: ids.next('per'),
      name,
      phone: `139${String(10_000_000 + i).slice(-8)}`,
      username: null,
      openid: null,
      demo: false,
      createdInUnitId: home.id,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await store.people.insert(person, null);
    await bind(person, 'resident', home);
  }
  if (opts.reports) {
    const units = await store.units.listSubtree(street.path);
    const handlers = new Map<string, string>();
    const residents = new Map<string, string[]>();
    for (const u of units) {
      for (const b of await store.bindings.listForUnit(u.id)) {
        if (b.role === 'resident') residents.set(u.id, [...(residents.get(u.id) ?? []), b.personId].slice(0, 20));
        else if (['building_lead', 'property_manager', 'community_staff', 'street_officer'].includes(b.role)) handlers.set(u.id, b.personId);
      }
    }
    for (const { report, entries } of syntheticReports({ units, count: opts.reports, now, days: 365, seed: 20261123, handlers, residents, idPrefix: 'rep_demo' }))
      await store.reports.insert(report, entries);
  }
  await store.meta.setIfAbsent('demo_seeded_at', String(now));
  return true;
}
