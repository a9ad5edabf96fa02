import type { DemoLogin, Me, MyBinding } from '../../../src/core/api';
import type { Role } from '../../../src/core/roles';
import type { UnitKind } from '../../../src/core/units';

const TRAILS: Record<string, { kind: UnitKind; path: string; trail: string }> = {
  街道: { kind: 'street', path: '/s1/', trail: '幸福街道' },
  社区: { kind: 'community', path: '/s1/c1/', trail: '幸福街道 / 阳光社区' },
  小区: { kind: 'compound', path: '/s1/c1/p1/', trail: '幸福街道 / 阳光社区 / 幸福里小区' },
  '1号楼': { kind: 'building', path: '/s1/c1/p1/b1/', trail: '幸福街道 / 阳光社区 / 幸福里小区 / 1号楼' },
};

const LABEL: Record<Role, string> = {
  resident: '居民',
  building_lead: '楼栋长',
  compound_secretary: '小区党支部书记',
  property_manager: '物业',
  community_staff: '社区工作人员',
  community_secretary: '社区书记',
  street_officer: '街道工作人员',
  member: '党员',
  volunteer: '志愿者',
};

export function binding(role: Role, where: keyof typeof TRAILS): MyBinding {
  const t = TRAILS[where];
  const id = t.path.split('/').filter(Boolean).pop()!;
  return {
    id: `bind_${role}_${id}`,
    role,
    roleLabel: LABEL[role],
    unit: { id, name: t.trail.split(' / ').pop()!, kind: t.kind, path: t.path },
    trail: t.trail,
  };
}

export function me(overrides: Partial<Me> & { name?: string; phone?: string | null; username?: string | null } = {}): Me {
  const { name = '孙福贵', phone = '13812345678', username = 'jumin', ...rest } = overrides;
  return {
    person: { id: 'person_1', name, phone, username },
    bindings: [binding('resident', '1号楼')],
    isStaff: false,
    isHandler: false,
    ...rest,
  };
}

export const resident = () => me();

export const buildingLead = () =>
  me({
    name: '赵桂兰',
    username: 'louzhang',
    bindings: [binding('building_lead', '1号楼'), binding('resident', '1号楼')],
    isHandler: true,
  });

export const streetOfficer = () =>
  me({ name: '王建国', username: 'jiedao', bindings: [binding('street_officer', '街道')], isStaff: true, isHandler: true });

export const DEMOS: DemoLogin[] = [
  { role: 'street_officer', roleLabel: '街道工作人员', name: '王建国', username: 'jiedao', password: 'demo1234', unit: '幸福街道' },
  { role: 'building_lead', roleLabel: '楼栋长', name: '赵桂兰', username: 'louzhang', password: 'demo1234', unit: '幸福里小区 1号楼' },
  { role: 'resident', roleLabel: '居民', name: '孙福贵', username: 'jumin', password: 'demo1234', unit: '幸福里小区 1号楼' },
];
