/**
 * The demo's 微心愿 (full demo only, after the grids): wishes in every state a person meets — one
 * waiting for staff, open ones to claim, one claimed and one fulfilled by the demo member and
 * volunteer, one confirmed (its points on the member's ledger, granted as a confirmation does),
 * one expired and one rejected. The demo resident 孙福贵 is given a door, so his login can post one.
 *
 * Each wish's status is reached through the transition table (src/core/wishes.ts), never named by
 * hand; the wishes are written through the store's insert, the points through earnPoints.
 */
import { dayKey, wishTransition, type Door, type Unit, type Wish, type WishEvent, type WishStatus } from '../../../src/core';
import { earnPoints } from '../actions/points/earn';
import { wishPointsReason } from '../actions/wishes/confirm';
import type { Deps } from '../deps';
import { demoDoor, GRID_COMPOUND, type DemoGrid } from './grids';
import type { DemoPeople } from './people';
import type { DemoTree } from './tree';

const DAY = 24 * 3600_000;

/** 孙福贵's home, given to his resident binding when it has none. */
export const DEMO_RESIDENT_DOOR: Door = { entrance: '1', floor: 3, room: '302' };

interface Plan {
  building: string;
  /** A demo login's username, or 'resident' (the building's first seeded resident), or null (a household that is no person). */
  wisher: string | null;
  /** Who posted it: the wisher, or a lead's username (a lead posting for the household). */
  poster: string;
  door: Door;
  what: string;
  forWhom: string;
  /** Days from now (negative: past). */
  byDay: number;
  phoneShared: boolean;
  /** The events after posting, in order, each this many days ago. */
  events: [WishEvent, number][];
  claimer?: string;
  fulfilNote?: string;
  rejectReason?: string;
  postedDaysAgo: number;
}

const XINGFU = '幸福里小区';

export const DEMO_WISHES: readonly Plan[] = [
  {
    building: `${XINGFU}/1号楼`, wisher: 'jumin', poster: 'jumin', door: DEMO_RESIDENT_DOOR, what: '想要一根带凳子的拐杖，下楼买菜走累了能坐一坐',
    forWhom: '腿脚不便的老人', byDay: 14, phoneShared: true, events: [['approve', 2]], postedDaysAgo: 3,
  },
  {
    building: `${XINGFU}/1号楼`, wisher: null, poster: 'louzhang', door: { entrance: '3', floor: 4, room: '402' }, what: '想请人帮忙修一下漏水的水龙头',
    forWhom: '独居老人', byDay: 10, phoneShared: false, events: [], postedDaysAgo: 0,
  },
  {
    building: '阳光花园/3号楼', wisher: 'resident', poster: 'resident', door: demoDoor(4), what: '想给上小学的孙子找一个旧书包',
    forWhom: '留守儿童', byDay: 20, phoneShared: false, events: [['approve', 1]], postedDaysAgo: 2,
  },
  {
    building: `${XINGFU}/2号楼`, wisher: 'resident', poster: 'resident', door: demoDoor(7), what: '想要几本大字版的书，眼睛不好看不清小字',
    forWhom: '空巢老人', byDay: 25, phoneShared: true, events: [['approve', 5], ['claim', 4]], claimer: 'dangyuan', postedDaysAgo: 6,
  },
  {
    building: '阳光花园/5号楼', wisher: 'resident', poster: 'resident', door: demoDoor(2), what: '想学用智能手机和外地的女儿视频通话',
    forWhom: '独居老人', byDay: 12, phoneShared: false, events: [['approve', 8], ['claim', 7], ['fulfil', 3]], claimer: 'zhiyuan',
    fulfilNote: '上门两次，教会了老人用微信视频，还把女儿设成了置顶联系人', postedDaysAgo: 9,
  },
  {
    building: `${GRID_COMPOUND}/1号楼`, wisher: null, poster: 'jiazhang', door: demoDoor(0), what: '想请人陪着去医院复查',
    forWhom: '高龄老人', byDay: -5, phoneShared: false, events: [['approve', 18], ['claim', 17], ['fulfil', 12], ['confirm', 10]], claimer: 'dangyuan',
    fulfilNote: '陪老人去市中心医院复查，帮忙排队取药，送回了家', postedDaysAgo: 20,
  },
  {
    building: '锦绣家园/2号楼', wisher: 'resident', poster: 'resident', door: demoDoor(5), what: '想要一台能听戏的收音机',
    forWhom: '独居老人', byDay: -2, phoneShared: false, events: [['approve', 15], ['expire', 1]], postedDaysAgo: 16,
  },
  {
    building: `${XINGFU}/3号楼`, wisher: 'resident', poster: 'resident', door: demoDoor(9), what: '想要一台新冰箱',
    forWhom: '低保家庭', byDay: 30, phoneShared: false, events: [['reject', 1]], rejectReason: '超出微心愿的范围：可以找社区申请临时救助', postedDaysAgo: 2,
  },
];

/** The status after `events`, through the transition table; a plan that breaks it is a bug here. */
function statusAfter(events: readonly [WishEvent, number][]): WishStatus {
  return events.reduce<WishStatus>((status, [event]) => {
    const next = wishTransition(status, event);
    if (!next) throw new Error(`demo wish: ${event} does not apply to ${status}`);
    return next;
  }, 'pending');
}

/** Seeds the demo's wishes at `now`; the confirmed one's points are granted to its claimer. */
export async function seedWishes(deps: Deps, tree: DemoTree, people: DemoPeople, grid: DemoGrid, now: number): Promise<void> {
  const { store, ids } = deps;
  const staff = people.byUsername.get('shequ')!;
  const login = (username: string) => people.byUsername.get(username) ?? grid.members.get(username) ?? null;
  const jumin = people.byUsername.get('jumin')!;
  const home = (await store.bindings.listForPerson(jumin)).find((b) => b.role === 'resident');
  if (home && !home.door) {
    // The same binding (its id kept) with the door he gave.
    await store.bindings.remove(home.id);
    await store.bindings.insert({ ...home, door: DEMO_RESIDENT_DOOR });
  }
  const jiazhang = (await store.people.findByUsername('jiazhang'))?.id ?? null;

  for (const [i, plan] of DEMO_WISHES.entries()) {
    const building: Unit | undefined = tree.byKey.get(plan.building);
    if (!building) throw new Error(`demo wish ${i}: no ${plan.building}`);
    const resident = people.residents.get(building.id)?.[0] ?? null;
    const who = (name: string | null) => (name === null ? null : name === 'resident' ? resident : name === 'jiazhang' ? jiazhang : login(name));
    const wisherId = who(plan.wisher);
    const postedBy = who(plan.poster);
    // A demo seeded with few residents has none in some buildings: it goes without their wishes.
    if (!postedBy || (plan.wisher && !wisherId)) continue;
    const byLead = plan.poster !== plan.wisher;
    const at = (event: WishEvent) => {
      const e = plan.events.find(([x]) => x === event);
      return e ? now - e[1] * DAY : null;
    };
    const person = wisherId ? await store.people.get(wisherId) : null;
    const claimerId = plan.claimer ? login(plan.claimer) : null;
    const status = statusAfter(plan.events);
    const decided = at('approve') ?? at('reject');
    const w: Wish = {
      id: ids.next('wsh'),
      communityId: tree.community.id,
      buildingId: building.id,
      unitPath: building.path,
      door: plan.door,
      wisherId,
      what: plan.what,
      forWhom: plan.forWhom,
      byDate: dayKey(now + plan.byDay * DAY),
      postedBy,
      postedVia: byLead ? 'lead' : 'self',
      leadId: byLead ? postedBy : (people.leads.get(building.id) ?? null),
      phoneShared: plan.phoneShared,
      phone: plan.phoneShared ? (person?.phone ?? null) : null,
      status,
      approvedBy: decided ? staff : null,
      approvedAt: decided,
      rejectReason: plan.rejectReason ?? null,
      claimerId,
      claimedAt: at('claim'),
      fulfilNote: plan.fulfilNote ?? null,
      fulfilPhotos: [],
      fulfilledAt: at('fulfil'),
      confirmedAt: at('confirm'),
      confirmedBy: at('confirm') ? postedBy : null,
      points: null,
      clientRequestId: `demo-wish-${i + 1}`,
      createdAt: now - plan.postedDaysAgo * DAY,
      updatedAt: now - Math.min(plan.postedDaysAgo, ...plan.events.map(([, d]) => d)) * DAY,
      version: 1 + plan.events.length,
    };
    if (status === 'confirmed' && claimerId) {
      const { granted } = await earnPoints(deps, {
        personId: claimerId,
        communityId: w.communityId,
        kind: 'wish',
        sourceId: w.id,
        reason: wishPointsReason(w),
        grantedBy: postedBy,
        at: w.confirmedAt!,
      });
      w.points = granted;
    }
    await store.wishes.insert(w);
  }
}
