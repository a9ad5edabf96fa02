/**
 * The demo's party members (党员报到), so the management page's 党员 pages and the secretaries' queue
 * are not empty: a member code at 幸福里小区's and 阳光花园's check-in points and one at the community for
 * 直管 members; members approved onto the roster (the demo member 周敏 among them, and a veteran or two),
 * two waiting, one returned with a reason, one transferred out. Each status is reached the way the
 * actions reach it: checkinTransition() and the store's atomic approve / decide / end.
 */
import { checkinTransition, type Checkin, type Code, type MemberType, type Unit } from '../../../src/core';
import { drawCodeId } from '../actions/codes/create';
import type { Deps } from '../deps';
import type { DemoPeople } from './people';
import type { DemoTree } from './tree';

const DAY = 24 * 3600_000;

type Fate = 'approved' | 'pending' | 'returned' | 'transferred_out';

interface Plan {
  /** 'community' or a compound's name. */
  at: string;
  name: string;
  phone: string;
  memberType: MemberType;
  veteran?: boolean;
  branch: [string, string | null];
  workUnit?: string;
  skills?: string[];
  services?: string[];
  freeTime?: string;
  fate: Fate;
  /** When they checked in. */
  daysAgo: number;
  reason?: string;
  /** A demo login who is this member already (bound as member by the people seed). */
  username?: string;
}

export const DEMO_CHECKINS: readonly Plan[] = [
  { at: '幸福里小区', name: '周敏', phone: '13800000008', memberType: 'in_service', branch: ['市第一人民医院第三党支部', '郑州市金水区'], workUnit: '市第一人民医院', skills: ['医疗护理'], services: ['义诊义剪', '助老助残'], freeTime: '周末', fate: 'approved', daysAgo: 60, username: 'dangyuan' },
  { at: '幸福里小区', name: '马国庆', phone: '13600001001', memberType: 'retired', veteran: true, branch: ['市机械厂退休职工党支部', '郑州市中原区'], workUnit: '市机械厂', skills: ['水电维修'], services: ['治安巡逻', '矛盾调解'], freeTime: '随时', fate: 'approved', daysAgo: 45 },
  { at: '幸福里小区', name: '杨丽娟', phone: '13600001002', memberType: 'in_service', branch: ['金水区实验小学党支部', '郑州市金水区'], workUnit: '金水区实验小学', skills: ['教育辅导', '文艺'], services: ['关爱儿童'], freeTime: '工作日晚上', fate: 'approved', daysAgo: 30 },
  { at: '幸福里小区', name: '胡志强', phone: '13600001003', memberType: 'mobile', branch: ['驻马店市上蔡县城关镇第二党支部', '驻马店市上蔡县'], workUnit: '郑州某物流公司', skills: ['驾驶'], services: ['环境整治'], freeTime: '节假日', fate: 'pending', daysAgo: 2 },
  { at: '幸福里小区', name: '林秀兰', phone: '13600001004', memberType: 'retired', branch: ['退休党支部', null], skills: ['书法绘画'], services: ['政策宣传'], freeTime: '工作日白天', fate: 'returned', daysAgo: 6, reason: '组织关系所在党支部请写全称（如：市第二中学退休教师党支部），改正后用同一个码重新报到' },
  { at: '幸福里小区', name: '郭建华', phone: '13600001005', memberType: 'in_service', branch: ['市税务局第一党支部', '郑州市二七区'], workUnit: '市税务局', skills: ['法律咨询'], services: ['政策宣传'], freeTime: '周末', fate: 'transferred_out', daysAgo: 120, reason: '搬离本小区，组织关系转至新住址所在社区' },
  { at: '阳光花园', name: '谢文明', phone: '13600001006', memberType: 'retired', veteran: true, branch: ['市公交公司退休党支部', '郑州市管城区'], workUnit: '市公交公司', skills: ['驾驶', '电脑手机'], services: ['文明劝导'], freeTime: '随时', fate: 'approved', daysAgo: 40 },
  { at: '阳光花园', name: '宋佳', phone: '13600001007', memberType: 'in_service', branch: ['市妇幼保健院党支部', '郑州市金水区'], workUnit: '市妇幼保健院', skills: ['心理疏导'], services: ['助老助残'], freeTime: '周末', fate: 'pending', daysAgo: 1 },
  { at: 'community', name: '韩淑珍', phone: '13600001008', memberType: 'direct', branch: ['阳光社区党委第一党支部', '郑州市金水区'], skills: ['文艺'], services: ['政策宣传', '文明劝导'], freeTime: '工作日白天', fate: 'approved', daysAgo: 90 },
];

/** The check-in points' labels, by where they are. */
const POINTS: Record<string, string> = {
  幸福里小区: '幸福里小区东门党员报到点',
  阳光花园: '阳光花园物业中心报到点',
  community: '阳光社区党群服务中心（直管党员）',
};

const unitOf = (tree: DemoTree, at: string): Unit => (at === 'community' ? tree.community : tree.byKey.get(at)!);

/** Seeds the demo's check-ins at `now`, the codes made before the first of them. */
export async function seedCheckins(deps: Deps, tree: DemoTree, people: DemoPeople, now: number): Promise<void> {
  const { store, ids } = deps;
  const secretary = people.byUsername.get('zhibu')!;
  const communitySecretary = people.byUsername.get('shuji')!;
  const staff = people.byUsername.get('shequ')!;
  const first = now - Math.max(...DEMO_CHECKINS.map((p) => p.daysAgo)) * DAY - DAY;

  const codes = new Map<string, Code>();
  for (const [at, label] of Object.entries(POINTS)) {
    const unit = unitOf(tree, at);
    const code: Code = {
      id: drawCodeId(),
      purpose: 'member',
      unitId: unit.id,
      unitPath: unit.path,
      personId: null,
      label,
      validFrom: null,
      validUntil: null,
      useLimit: null,
      uses: 0,
      scans: 0,
      createdBy: staff,
      createdAt: first,
      revokedAt: null,
      revokedBy: null,
      revokeReason: null,
      image: null,
    };
    // A returned check-in gave its use back; every check-in was a scan, and some scans were only a look.
    const here = DEMO_CHECKINS.filter((p) => p.at === at);
    code.uses = here.filter((p) => p.fate !== 'returned').length;
    code.scans = here.length * 3;
    await store.codes.insert(code);
    codes.set(at, code);
  }

  for (const p of DEMO_CHECKINS) {
    const unit = unitOf(tree, p.at);
    const code = codes.get(p.at)!;
    const submitted = now - p.daysAgo * DAY;
    const known = p.username ? people.byUsername.get(p.username)! : null;
    const draft: Checkin = {
      id: ids.next('chk'),
      status: 'pending',
      openid: known ? null : `demo-openid-member-${p.phone}`,
      applicantId: known,
      codeId: code.id,
      unitId: unit.id,
      unitPath: unit.path,
      name: p.name,
      phone: p.phone,
      phoneVerified: p.daysAgo % 2 === 0,
      memberType: p.memberType,
      branch: { name: p.branch[0], place: p.branch[1] },
      workUnit: p.workUnit ?? null,
      skills: p.skills ?? [],
      services: p.services ?? [],
      freeTime: p.freeTime ?? null,
      veteran: p.veteran ?? false,
      household: null,
      personId: null,
      decidedBy: null,
      decidedAt: null,
      reason: null,
      history: [{ status: 'pending', at: submitted, by: known, reason: null, date: null }],
      createdAt: submitted,
      updatedAt: submitted,
      version: 1,
    };
    const { checkin } = await store.checkins.insertPending(draft);
    if (p.fate === 'pending') continue;

    const by = p.at === '幸福里小区' ? secretary : communitySecretary;
    const decided = submitted + DAY / 4;
    if (p.fate === 'returned') {
      await store.checkins.decide(checkinTransition(checkin, 'return', { at: decided, by, reason: p.reason }), checkin.version);
      continue;
    }
    const person = known
      ? { kind: 'existing' as const, personId: known }
      : {
          kind: 'new' as const,
          person: { id: ids.next('per'), name: p.name, phone: p.phone, username: null, openid: checkin.openid, demo: false, createdInUnitId: unit.id, version: 1, createdAt: decided, updatedAt: decided },
          passwordHash: null,
        };
    const personId = person.kind === 'existing' ? person.personId : person.person.id;
    const next = checkinTransition(checkin, 'approve', { at: decided, by, personId });
    const approved = await store.checkins.approve({ next, version: checkin.version, person, binding: { id: ids.next('bnd'), personId, unitId: unit.id, role: 'member', createdAt: decided, createdBy: by } });
    if (!approved.ok) throw new Error(`demo check-in of ${p.name} not approved: ${approved.reason}`);
    if (p.fate === 'transferred_out') {
      const ended = now - 10 * DAY;
      const day = new Date(ended + 8 * 3600_000).toISOString().slice(0, 10);
      await store.checkins.end(checkinTransition(approved.checkin, 'transferOut', { at: ended, by, reason: p.reason, date: day }), approved.checkin.version);
    }
  }
}
