/**
 * The demo's 联户 (full demo only, after the grids): members paired with households — 和平新村's grid
 * lead and a member there, and the demo member 周敏 in 幸福里小区, whose 我的联户 is then not empty —
 * with kinds, visits over the past weeks, and one pairing ended with a reason. Written through the
 * store's own insert, update and insertVisit, which keep a pairing's visit counts with its visits.
 */
import { dayKey, householdKey, pairingId, type Door, type Pairing, type Unit, type Visit } from '../../../src/core';
import type { Deps } from '../deps';
import { demoDoor, GRID_COMPOUND, type DemoGrid } from './grids';
import type { DemoPeople } from './people';
import type { DemoTree } from './tree';

const DAY = 24 * 3600_000;

interface Plan {
  /** A member's name in DemoGrid.members, or a demo login's username. */
  member: string;
  /** '<compound>/<n>号楼' */
  building: string;
  /** Which household of the building (grids.ts demoDoor). */
  household: number;
  kinds: string[];
  contact: [string, string | null];
  /** Days ago of each visit, with what was done and what the household needs. */
  visits: [number, string, string | null][];
  ended?: string;
}

export const DEMO_PAIRINGS: readonly Plan[] = [
  {
    member: '郑秀云',
    building: `${GRID_COMPOUND}/1号楼`,
    household: 0,
    kinds: ['独居老人', '高龄'],
    contact: ['高桂芬', '13900003001'],
    visits: [
      [40, '上门问候，量了血压，帮忙更换了厨房的灯泡', '希望每周有人来看看'],
      [19, '陪老人去社区卫生服务站复查', null],
      [3, '送去社区发的防寒用品，检查了燃气灶', '楼道灯坏了，晚上下楼不方便'],
    ],
  },
  { member: '郑秀云', building: `${GRID_COMPOUND}/4号楼`, household: 5, kinds: ['低保'], contact: ['罗志刚', '13900003002'], visits: [[33, '讲解低保年审要带的材料', '孩子上学的助学补贴怎么申请'], [8, '帮忙填写低保年审表', null]] },
  { member: '郑秀云', building: `${GRID_COMPOUND}/7号楼`, household: 9, kinds: ['残疾'], contact: ['田建军', null], visits: [[12, '上门了解轮椅坏了的情况，联系了残联', '需要一辆新轮椅']] },
  { member: '曹建民', building: `${GRID_COMPOUND}/2号楼`, household: 3, kinds: ['空巢老人'], contact: ['董淑兰', '13900003004'], visits: [[21, '上门聊天，帮忙设置了手机字体', null]] },
  { member: '曹建民', building: `${GRID_COMPOUND}/5号楼`, household: 7, kinds: ['重病'], contact: ['袁德文', '13900003005'], visits: [], ended: '住户已搬去子女家居住' },
  {
    member: 'dangyuan',
    building: '幸福里小区/1号楼',
    household: 2,
    kinds: ['独居老人'],
    contact: ['潘玉梅', '13900003006'],
    visits: [
      [26, '上门问候，帮忙清理阳台杂物', '想学用手机视频通话'],
      [5, '教老人用手机和女儿视频通话', null],
    ],
  },
  { member: 'dangyuan', building: '幸福里小区/1号楼', household: 14, kinds: ['困境儿童'], contact: ['于海波', '13900003007'], visits: [[15, '给孩子送去课外书，了解学习情况', '孩子放学后没人照看']] },
];

/** Seeds the demo's pairings and their visits at `now`, the pairings made 50 days before. */
export async function seedPairings(deps: Deps, tree: DemoTree, people: DemoPeople, grid: DemoGrid, now: number): Promise<void> {
  const { store, ids } = deps;
  const secretary = people.byUsername.get('shuji')!;
  const paired = now - 50 * DAY;
  for (const [i, plan] of DEMO_PAIRINGS.entries()) {
    const memberId = grid.members.get(plan.member) ?? people.byUsername.get(plan.member);
    const building: Unit | undefined = tree.byKey.get(plan.building);
    if (!memberId || !building) throw new Error(`demo pairing ${i}: no ${plan.member} or ${plan.building}`);
    const door: Door = demoDoor(plan.household);
    const household = { buildingId: building.id, door };
    const at = paired + i * 3600_000;
    const p: Pairing = {
      id: pairingId(memberId, household),
      memberId,
      buildingId: building.id,
      door,
      householdKey: householdKey(household),
      unitPath: building.path,
      communityId: tree.community.id,
      kinds: plan.kinds,
      contactName: plan.contact[0],
      contactPhone: plan.contact[1],
      status: 'active',
      visits: 0,
      lastVisitOn: null,
      createdAt: at,
      createdBy: secretary,
      endedAt: null,
      endedBy: null,
      endReason: null,
      updatedAt: at,
      version: 1,
    };
    const inserted = await store.pairings.insert(p);
    if (!inserted.ok) throw new Error(`demo pairing ${p.id} exists`);
    for (const [j, [daysAgo, done, needs]] of plan.visits.entries()) {
      const when = now - daysAgo * DAY;
      const v: Visit = { id: ids.next('vis'), pairingId: p.id, memberId, unitPath: p.unitPath, date: dayKey(when), done, needs, reportId: null, clientRequestId: `demo-visit-${i}-${j}`, createdAt: when };
      const r = await store.pairings.insertVisit(v);
      if (!r.ok) throw new Error(`demo visit of ${p.id} not recorded`);
    }
    if (plan.ended) {
      const current = (await store.pairings.get(p.id))!;
      const endedAt = now - 10 * DAY;
      await store.pairings.update({ ...current, status: 'ended', endedAt, endedBy: secretary, endReason: plan.ended, updatedAt: endedAt, version: current.version + 1 }, current.version);
    }
  }
}
