/**
 * The demo's 议事协商 (full demo only, after the wishes): in 幸福里小区 a topic voting now (where the
 * e-bike chargers go: three options, some households voted, one opinion hidden by staff), a topic
 * decided at the last 逢三说事 that adopted version 2 of the compound's rules (公约), a building-level
 * open question in 1号楼, and version 1 of the rules entered by staff two months ago. Some residents of
 * each building of 幸福里小区 are given doors, so households vote and turnout means something; the demo
 * resident 孙福贵's household has not voted, so his login can.
 *
 * Topics, opinions, votes and rules are written through the store, the votes inside each topic's
 * voting time (VoteRepo.cast checks it), the decision after.
 */
import {
  compoundRulesId,
  dayKey,
  dayStart,
  householdKey,
  optionIds,
  voteId,
  type Binding,
  type Topic,
  type TopicDecision,
  type Unit,
} from '../../../src/core';
import type { Deps } from '../deps';
import { demoDoor } from './grids';
import type { DemoPeople } from './people';
import type { DemoTree } from './tree';

const DAY = 24 * 3600_000;
const HOUR = 3600_000;
const XINGFU = '幸福里小区';
/** Residents of each building of 幸福里小区 given a door (a household each). */
const HOUSEHOLDS_PER_BUILDING = 6;

export const DEMO_RULES_V1 = [
  '幸福里小区管理公约',
  '一、爱护公共设施，不在楼道、消防通道堆放杂物。',
  '二、垃圾分类投放，不高空抛物。',
  '三、饲养宠物要拴绳，及时清理粪便。',
  '四、装修施工在工作日 8:00—12:00、14:00—18:00 进行。',
].join('\n');

export const DEMO_RULES_V2 = [
  DEMO_RULES_V1,
  '五、电动车不进楼道、不进电梯、不在家中充电，统一在小区充电桩充电；违者由楼栋长劝导，物业协助清理。',
].join('\n');

/** The latest 逢三说事 day (the 3rd, 13th or 23rd) at least two days before `now`. */
function lastMeetingDay(now: number): string {
  for (let t = now - 2 * DAY; ; t -= DAY) {
    const day = dayKey(t);
    if (['03', '13', '23'].includes(day.slice(8))) return day;
  }
}

const endOf = (t: number) => dayStart(dayKey(t)) + DAY - 1;
const startOf = (t: number) => dayStart(dayKey(t));

/** Gives up to HOUSEHOLDS_PER_BUILDING residents of each building a door; the households, by building. */
async function giveDoors(deps: Deps, buildings: readonly Unit[], skip: ReadonlySet<string>): Promise<Map<string, Binding[]>> {
  const out = new Map<string, Binding[]>();
  for (const b of buildings) {
    const residents = (await deps.store.bindings.listWithRoles([b.id], ['resident'])).filter((r) => !skip.has(r.personId) && !r.door).slice(0, HOUSEHOLDS_PER_BUILDING);
    const homes: Binding[] = [];
    for (const [k, r] of residents.entries()) {
      // Doors from the 40th on: the demo resident's, the survey's and the grids' stay apart.
      const home = { ...r, door: demoDoor(40 + k) };
      await deps.store.bindings.remove(r.id);
      await deps.store.bindings.insert(home);
      homes.push(home);
    }
    out.set(b.id, homes);
  }
  return out;
}

function topic(deps: Deps, base: Omit<Topic, 'id' | 'status' | 'decision' | 'withdrawnReason' | 'updatedAt' | 'version' | 'photos' | 'reportId'>): Topic {
  return { id: deps.ids.next('top'), ...base, photos: [], reportId: null, status: 'open', decision: null, withdrawnReason: null, updatedAt: base.createdAt, version: 1 };
}

const options = (...labels: string[]) => labels.map((label, i) => ({ id: optionIds(labels.length)[i], label }));

/** Seeds the demo's topics and rules at `now`. */
export async function seedDeliberation(deps: Deps, tree: DemoTree, people: DemoPeople, now: number): Promise<void> {
  const { store, ids } = deps;
  const compound = tree.byKey.get(XINGFU)!;
  const buildings = tree.buildings.filter((b) => b.path.startsWith(compound.path));
  const staff = people.byUsername.get('shequ')!;
  const secretary = people.byUsername.get('zhibu')!;
  const lead = people.byUsername.get('louzhang')!;
  const jumin = people.byUsername.get('jumin')!;
  const homes = await giveDoors(deps, buildings, new Set([jumin]));
  const all = buildings.flatMap((b) => homes.get(b.id) ?? []);
  const key = (h: Binding) => householdKey({ buildingId: h.unitId, door: h.door! });

  // 公约 version 1, entered by staff two months ago.
  await store.compoundRules.adopt(
    { id: compoundRulesId(compound.id, 1), compoundId: compound.id, communityId: tree.community.id, version: 1, text: DEMO_RULES_V1, topicId: null, note: '录入现行公约', adoptedBy: staff, adoptedAt: now - 60 * DAY },
    0,
  );

  // Decided at the last 逢三说事: the vote closed two days before, the rules gained the e-bike clause.
  const meeting = lastMeetingDay(now);
  const meetingAt = dayStart(meeting) + 10 * HOUR;
  const decided = topic(deps, {
    communityId: tree.community.id,
    unitId: compound.id,
    unitPath: compound.path,
    unitKind: 'compound',
    title: '公约增加“电动车不进楼道”条款',
    background: '去年冬天有居民在楼道里给电动车充电，差点引起火灾。支部提议在小区公约里写明电动车不进楼道、不在家中充电，请大家表决。',
    options: options('同意增加这一条', '不同意'),
    audience: 'residents',
    parties: ['幸福里物业服务有限公司', '业主委员会'],
    opinionsUntil: endOf(meetingAt - 2 * DAY),
    voteOpensAt: startOf(meetingAt - 8 * DAY),
    voteClosesAt: endOf(meetingAt - 2 * DAY),
    openedBy: secretary,
    clientRequestId: 'demo-topic-rules',
    createdAt: meetingAt - 12 * DAY,
  });
  await store.topics.insert(decided);
  for (const [i, h] of all.entries()) {
    if (i % 5 === 4) continue;
    await store.votes.cast({ id: voteId(decided.id, key(h)), topicId: decided.id, householdKey: key(h), buildingId: h.unitId, optionId: i % 7 === 3 ? 'b' : 'a', personId: h.personId, at: decided.voteOpensAt! + (1 + (i % 5)) * DAY, changes: 0 });
  }
  await store.topics.say({ id: ids.next('opn'), topicId: decided.id, personId: all[0].personId, text: '早该写进去了，楼道里充电太危险。', hidden: null, clientRequestId: 'demo-opinion-rules-1', createdAt: decided.createdAt + DAY });
  await store.compoundRules.adopt(
    { id: compoundRulesId(compound.id, 2), compoundId: compound.id, communityId: tree.community.id, version: 2, text: DEMO_RULES_V2, topicId: decided.id, note: '增加电动车停放和充电条款', adoptedBy: secretary, adoptedAt: meetingAt + 2 * HOUR },
    1,
  );
  const decision: TopicDecision = {
    decidedBy: 'agenda_meeting',
    optionId: 'a',
    text: '公约增加第五条：电动车不进楼道、不进电梯、不在家中充电，统一到小区充电桩充电。',
    minutes: `${meeting} 上午在社区议事厅召开逢三说事议事会。支部书记通报表决结果：多数住户同意增加这一条。物业表示一个月内在东门停车棚增设充电桩；业委会同意从公共收益中列支。会议决定修改公约，由楼栋长在各楼栋群里转告。`,
    meetingDay: meeting,
    attendees: '社区党委、小区党支部、业委会、物业、居民代表 9 人',
    rulesVersion: 2,
    by: secretary,
    at: meetingAt + 2 * HOUR,
  };
  await store.topics.update({ ...decided, status: 'decided', decision, updatedAt: decision.at, version: 2 }, 1);

  // Voting now: where the chargers go.
  const charging = topic(deps, {
    communityId: tree.community.id,
    unitId: compound.id,
    unitPath: compound.path,
    unitKind: 'compound',
    title: '电动车充电桩装在哪里',
    background: '公约已经规定电动车统一到充电桩充电，物业准备装 20 个充电桩。装在哪里，请每户投一票；也欢迎在下面留言说说理由。',
    options: options('东门停车棚', '地下车库入口旁', '3号楼和4号楼之间的空地'),
    audience: 'residents',
    parties: ['幸福里物业服务有限公司', '业主委员会'],
    opinionsUntil: endOf(now + 4 * DAY),
    voteOpensAt: startOf(now - 2 * DAY),
    voteClosesAt: endOf(now + 4 * DAY),
    openedBy: secretary,
    clientRequestId: 'demo-topic-charging',
    createdAt: now - 6 * DAY,
  });
  await store.topics.insert(charging);
  for (const [i, h] of all.entries()) {
    if (i % 3 === 2) continue;
    await store.votes.cast({ id: voteId(charging.id, key(h)), topicId: charging.id, householdKey: key(h), buildingId: h.unitId, optionId: ['a', 'a', 'b', 'c', 'a'][i % 5], personId: h.personId, at: now - (i % 2 ? DAY : HOUR), changes: 0 });
  }
  const said = [
    [all[1], '东门停车棚有顶棚，下雨也能充，离大门近。'],
    [all[2], '地下车库通风不好，万一着火不好救，不赞成装在车库。'],
    [all[3], '3号楼和4号楼中间是老人晒太阳的地方，别占了。'],
    [all[4], '楼上那家天天在楼道里充电，就该罚！'],
  ] as const;
  for (const [i, [h, text]] of said.entries()) {
    if (!h) continue;
    const o = { id: ids.next('opn'), topicId: charging.id, personId: h.personId, text, hidden: null, clientRequestId: `demo-opinion-charging-${i + 1}`, createdAt: charging.createdAt + (i + 1) * HOUR * 5 };
    await store.topics.say(o);
    if (i === 3) await store.topics.setHidden(o.id, { reason: '针对具体邻居，请就事论事', by: staff, at: o.createdAt + HOUR });
  }

  // 1号楼's open question, from its lead.
  const first = tree.byKey.get(`${XINGFU}/1号楼`)!;
  const bikes = topic(deps, {
    communityId: tree.community.id,
    unitId: first.id,
    unitPath: first.path,
    unitKind: 'building',
    title: '楼道里的旧自行车怎么处理',
    background: '1号楼一楼楼道里停了七八辆落满灰的旧自行车，挡着路，也不知道是谁家的。想听听大家的意见：是贴通知限期认领，还是统一清走？',
    options: [],
    audience: 'residents',
    parties: [],
    opinionsUntil: endOf(now + 7 * DAY),
    voteOpensAt: null,
    voteClosesAt: null,
    openedBy: lead,
    clientRequestId: 'demo-topic-bikes',
    createdAt: now - DAY,
  });
  await store.topics.insert(bikes);
  const neighbours = homes.get(first.id) ?? [];
  if (neighbours[0]) await store.topics.say({ id: ids.next('opn'), topicId: bikes.id, personId: neighbours[0].personId, text: '先贴通知，给一周时间认领，没人要的再清走。', hidden: null, clientRequestId: 'demo-opinion-bikes-1', createdAt: now - 20 * HOUR });
}
