/**
 * The demo's points (full demo only, after pairings): the community's rules, a stocked shop with one
 * goods off the shelf, confirmed service records for the members and volunteers (and a few waiting
 * for staff), points for the visits the pairings seed recorded, a staff grant, two orders, and some
 * people who agreed to show their name on the board — so 我的积分, the shop, the board and the
 * management page's lists are not empty. Points go through earnPoints, as the product grants them.
 */
import { EARNS_POINTS, dayKey, pointsKey, redemptionId, type Goods, type PointsRules, type Redemption, type ServiceRecord, type Unit } from '../../../src/core';
import { earnPoints, earningUnit, pointsRulesKey } from '../actions/points/earn';
import type { Deps } from '../deps';
import type { DemoPeople } from './people';
import type { DemoTree } from './tree';

const DAY = 24 * 3600_000;

export const DEMO_POINTS_RULES: PointsRules = {
  lecture: { counts: true, points: 2, max: 0 },
  service: { counts: true, points: 2, max: 8 },
  wish: { counts: true, points: 5, max: 0 },
  visit: { counts: true, points: 1, max: 0 },
};

/** [name, description, price, stock, on the shelf]. */
export const DEMO_GOODS: readonly [string, string | null, number, number, boolean][] = [
  ['洗衣液 2kg', '每周三下午在社区党群服务中心领取', 30, 20, true],
  ['东北大米 5kg', '每周三下午在社区党群服务中心领取', 50, 10, true],
  ['花生油 1.8L', null, 40, 8, true],
  ['纯棉毛巾', null, 10, 50, true],
  ['抽纸（一提）', null, 15, 30, true],
  ['折叠雨伞', '秋季已兑完，明年再上', 20, 0, false],
];

/** What the demo's members and volunteers did: [what, forWhom, minutes]. */
const SERVICES: readonly [string, string | null, number][] = [
  ['陪独居老人去医院复诊', '3号楼独居老人', 180],
  ['小区垃圾分类督导', null, 120],
  ['帮老人代买药品和生活用品', '1号楼高龄老人', 60],
  ['清理楼道堆放的杂物', null, 90],
  ['社区反诈宣传，发放宣传单', null, 150],
  ['给困境儿童辅导功课', '困境儿童', 120],
];

/** The members and volunteers bound in the community, in a stable order. */
async function earnersOf(deps: Deps, community: Unit): Promise<string[]> {
  const units = await deps.store.units.listSubtree(community.path, { includeArchived: false });
  const found = new Set<string>();
  for (const u of units.filter((x) => x.kind !== 'building')) for (const b of await deps.store.bindings.listForUnit(u.id)) if (EARNS_POINTS.includes(b.role)) found.add(b.personId);
  return [...found].sort();
}

export async function seedPoints(deps: Deps, tree: DemoTree, people: DemoPeople, now: number): Promise<void> {
  const { store, ids } = deps;
  const community = tree.community;
  const staff = people.byUsername.get('shequ')!;
  await store.meta.setIfAbsent(pointsRulesKey(community.id), JSON.stringify({ version: 1, rules: DEMO_POINTS_RULES }));

  const goods: Goods[] = [];
  for (const [i, [name, description, price, stock, on]] of DEMO_GOODS.entries()) {
    const at = now - (30 - i) * DAY;
    goods.push(await store.shop.insertGoods({ id: ids.next('gds'), communityId: community.id, name, description, price, stock, picture: null, status: on ? 'on' : 'off', createdAt: at, createdBy: staff, updatedAt: at, version: 1 }));
  }

  // Everything that moves a balance, applied in time order so each entry's balance reads as a ledger does.
  const events: { at: number; apply: () => Promise<void> }[] = [];
  const earners = await earnersOf(deps, community);
  for (const [i, personId] of earners.entries()) {
    const unit = await earningUnit(deps, personId, community);
    if (!unit) continue;
    // Two or three services each over the past seven weeks, one of them this month for most.
    const count = 2 + (i % 2);
    for (let j = 0; j < count; j++) {
      const [what, forWhom, minutes] = SERVICES[(i + j * 2) % SERVICES.length];
      const at = now - (2 + ((i * 7 + j * 13) % 45)) * DAY;
      const decidedAt = at + DAY;
      const r: ServiceRecord = {
        id: ids.next('svc'),
        personId,
        communityId: community.id,
        unitPath: unit.path,
        what,
        date: dayKey(at),
        minutes,
        forWhom,
        status: 'confirmed',
        points: null,
        decidedBy: staff,
        decidedAt,
        rejectReason: null,
        clientRequestId: `demo-service-${i}-${j}`,
        createdAt: at,
        version: 2,
      };
      events.push({
        at: decidedAt,
        apply: async () => {
          const earned = await earnPoints(deps, { personId, communityId: community.id, kind: 'service', sourceId: r.id, reason: `志愿服务：${what}（${minutes} 分钟）`, grantedBy: staff, minutes, at: decidedAt });
          await store.serviceRecords.insert({ ...r, points: earned.granted });
        },
      });
    }
  }

  // The visits the pairings seed recorded earn as a visit recorded now would.
  const visits = await store.pairings.listVisits({ paths: [community.path] }, 10_000, 0);
  for (const v of visits.visits) {
    const pairing = await store.pairings.get(v.pairingId);
    const reason = pairing?.contactName ? `联户走访：${pairing.contactName}家（${v.date}）` : `联户走访（${v.date}）`;
    events.push({ at: v.createdAt, apply: async () => void (await earnPoints(deps, { personId: v.memberId, communityId: community.id, kind: 'visit', sourceId: v.id, reason, grantedBy: null, at: v.createdAt })) });
  }

  const zhou = people.byUsername.get('dangyuan');
  const wu = people.byUsername.get('zhiyuan');
  const grants: [string | undefined, number, string, number][] = [
    [zhou, 10, '社区“七一”表彰：优秀党员志愿者', 20],
    [wu, 20, '社区敬老月活动表现突出', 15],
  ];
  for (const [k, [personId, points, reason, daysAgo]] of grants.entries()) {
    if (!personId) continue;
    const unit = await earningUnit(deps, personId, community);
    const sourceId = `${staff}:demo-grant-${k}`;
    const at = now - daysAgo * DAY;
    events.push({ at, apply: async () => void (await store.points.append({ id: pointsKey('grant', sourceId), personId, communityId: community.id, unitPath: unit?.path ?? community.path, points, reason, source: { kind: 'grant', id: sourceId }, grantedBy: staff, at })) });
  }

  // Two orders: one collected, one waiting to be collected.
  const orders: [string | undefined, Goods, boolean, number][] = [
    [zhou, goods[3], true, 10],
    [wu, goods[4], false, 3],
  ];
  for (const [k, [personId, g, collected, daysAgo]] of orders.entries()) {
    if (!personId) continue;
    const unit = await earningUnit(deps, personId, community);
    const at = now - daysAgo * DAY;
    const r: Redemption = { id: redemptionId(personId, `demo-order-${k}`), goodsId: g.id, goodsName: g.name, price: g.price, personId, communityId: community.id, status: 'ordered', orderedAt: at, collectedAt: null, collectedBy: null, cancelledAt: null, cancelledBy: null, cancelReason: null };
    events.push({
      at,
      apply: async () => {
        const out = await store.shop.redeem(r, { id: pointsKey('redemption', r.id), personId, communityId: community.id, unitPath: unit?.path ?? community.path, points: -g.price, reason: `兑换“${g.name}”`, source: { kind: 'redemption', id: r.id }, grantedBy: personId, at });
        // The grants before it cover the price: a refusal here is a broken seed, not a demo state.
        if (!out.ok) throw new Error(`demo order ${r.id} refused: ${out.reason}`);
        if (collected) await store.shop.collect(r.id, staff, at + DAY);
      },
    });
  }

  for (const e of events.sort((a, b) => a.at - b.at)) await e.apply();

  // Waiting for staff: what the management page's 服务记录 shows first.
  for (const [n, username] of ['dangyuan', 'zhiyuan'].entries()) {
    const personId = people.byUsername.get(username);
    const unit = personId ? await earningUnit(deps, personId, community) : null;
    if (!personId || !unit) continue;
    const at = now - (n + 1) * DAY;
    await store.serviceRecords.insert({
      id: ids.next('svc'),
      personId,
      communityId: community.id,
      unitPath: unit.path,
      what: n === 0 ? '组织楼栋居民参加消防演练' : '社区敬老活动帮忙布置场地',
      date: dayKey(at),
      minutes: n === 0 ? 120 : 90,
      forWhom: null,
      status: 'pending',
      points: null,
      decidedBy: null,
      decidedAt: null,
      rejectReason: null,
      clientRequestId: `demo-service-pending-${n}`,
      createdAt: at,
      version: 1,
    });
  }


  // Every other earner agreed to show their name (周敏 among them); the rest read as 党员/志愿者（未公开姓名）.
  const named = new Set([zhou, ...earners.filter((_, i) => i % 2 === 0)].filter((x): x is string => !!x));
  for (const personId of named) await store.people.setConsent(personId, { board: true }, now);
}
