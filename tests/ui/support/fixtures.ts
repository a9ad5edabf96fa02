import type { DemoLogin, Me, MyBinding, NotRegistered, RegistrationView } from '../../../src/core/api';
import { HOW_TO_REGISTER } from '../../../src/core/registrations';
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
  grid_lead: '网格长（家长）',
  steward: '管家',
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
    registered: true,
    person: { id: 'person_1', name, phone, username, wechatBound: false },
    bindings: [binding('resident', '1号楼')],
    isStaff: false,
    isHandler: false,
    ...rest,
  };
}

export const resident = () => me();

/** whoAmI for a WeChat user nobody registered yet; with `registration`, the one they made. */
export function notRegistered(registration?: Partial<RegistrationView>): NotRegistered {
  return {
    registered: false,
    howToRegister: HOW_TO_REGISTER,
    registration: registration
      ? {
          id: 'reg_1',
          status: 'pending',
          statusLabel: '等待审核',
          building: { id: 'b1', name: '1号楼', kind: 'building', path: '/s1/c1/p1/b1/' },
          trail: '阳光社区 幸福里小区 1号楼',
          codeId: null,
          door: { entrance: '2', floor: 5, room: '502' },
          doorLabel: '2单元 5层 502室',
          name: '张秀英',
          phone: '139****6666',
          phoneVerified: false,
          autoApproved: null,
          rejectReason: null,
          createdAt: Date.now(),
          decidedAt: null,
          version: 1,
          ...registration,
        }
      : null,
  };
}

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
