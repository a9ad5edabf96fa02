/**
 * What the deliberation (议事协商) tests share: the demo's 幸福里小区 with its 1号楼 and 2号楼; two
 * residents behind one door of 1号楼 (one household), a neighbour with another door, a resident of
 * 2号楼, the demo resident 孙福贵 (no door in the small demo: no household), a resident of another
 * compound (阳光花园) and one of another community; the demo lead (louzhang), branch secretary
 * (zhibu), member (dangyuan) and staff (shequ); the function's calls; and a snapshot of everything a
 * refusal must not write.
 */
import type { Door, Outputs, Role, TopicView, Unit } from '../../../src/core';
import { hashPassword } from '../../../cloudfunctions/lib/auth/passwords';
import type { Credentials } from '../../../cloudfunctions/lib/identity';
import { unit } from '../../support/factories';
import { data, harness, T0 } from '../../support/harness';

export const DAY = 24 * 3600_000;
/** A China date `days` after the harness's today (2026-11-23). */
export const dayAfter = (days: number) => new Date(T0 + 8 * 3600_000 + days * DAY).toISOString().slice(0, 10);

export const DOOR: Door = { entrance: '2', floor: 5, room: '502' };
/** The same door written another way: the same household. */
export const SAME_DOOR: Door = { entrance: '2单元', floor: 5, room: '502室' };

export interface Someone {
  id: string;
  name: string;
  cred: Credentials;
}

let made = 0;
let requests = 0;

export async function deliberationKit() {
  const h = await harness();
  // Tests move the clock past votes' ends: sessions signed in now must outlive it.
  h.deps.settings = { ...h.deps.settings, sessionTtlMs: 120 * DAY };
  const hash = await hashPassword('topics-pass');
  const building = await h.unitNamed('1号楼', '幸福里小区');
  const otherBuilding = await h.unitNamed('2号楼', '幸福里小区');
  const compound = await h.unitNamed('幸福里小区');
  const community = await h.unitNamed('阳光社区');
  const garden = await h.unitNamed('阳光花园');
  const gardenBuilding = await h.unitNamed('1号楼', '阳光花园');

  const people: string[] = [];
  async function personAt(role: Role, u: Unit, name: string, door: Door | null = null): Promise<Someone> {
    const n = ++made;
    const id = `per_topic${n}`;
    const username = `topic${n}`;
    await h.store.people.insert({ id, name, phone: `1366000${String(1000 + n).slice(-4)}`, username, openid: null, demo: false, version: 1, createdAt: 0, updatedAt: 0 }, hash);
    await h.store.bindings.insert({ id: `bnd_topic${n}`, personId: id, unitId: u.id, role, createdAt: 0, createdBy: null, door });
    people.push(id);
    return { id, name, cred: { token: data(await h.call<{ token: string }>('auth', 'signIn', { username, password: 'topics-pass' })).token } };
  }
  async function demo(username: string): Promise<Someone> {
    const p = (await h.store.people.findByUsername(username))!;
    people.push(p.id);
    return { id: p.id, name: p.name, cred: await h.as(username) };
  }

  const wife = await personAt('resident', building, '孙桂芳', DOOR);
  const husband = await personAt('resident', building, '孙建国', SAME_DOOR);
  const neighbour = await personAt('resident', building, '钱多多', { entrance: '1', floor: 3, room: '301' });
  const upstairs = await personAt('resident', otherBuilding, '李二楼', { entrance: '1', floor: 2, room: '201' });
  const gardener = await personAt('resident', gardenBuilding, '周花园', { entrance: '1', floor: 1, room: '101' });
  const street = await h.unitNamed('幸福街道');
  const farCommunity = unit(street, 'community', '和平社区');
  const farCompound = unit(farCommunity, 'compound', '和平小区');
  const farBuilding = unit(farCompound, 'building', '1号楼');
  for (const u of [farCommunity, farCompound, farBuilding]) await h.store.units.insert(u);
  const farResident = await personAt('resident', farBuilding, '吴远方', { entrance: '1', floor: 1, room: '102' });
  const farStaff = await personAt('community_staff', farCommunity, '郑远工作人员');
  const noDoor = await demo('jumin');
  const lead = await demo('louzhang');
  const secretary = await demo('zhibu');
  const member = await demo('dangyuan');
  const staff = await demo('shequ');

  const call = <T>(action: string, input: Record<string, unknown>, who: Someone) => h.call<T>('deliberation', action, input, who.cred);
  /** What `open` takes for a compound topic voting from today for four days (opinions as long). */
  const topic = (extra: Record<string, unknown> = {}) => ({
    clientRequestId: `topic-req-${++requests}`,
    unitId: compound.id,
    title: '电动车充电桩装在哪里',
    background: '物业准备装 20 个充电桩，请每户投一票。',
    options: ['东门停车棚', '地下车库入口旁', '3号楼和4号楼之间'],
    audience: 'residents',
    parties: ['幸福里物业', '业主委员会'],
    opinionsUntil: dayAfter(3),
    voteFrom: dayAfter(0),
    voteUntil: dayAfter(3),
    ...extra,
  });
  /** An open question for 1号楼, opinions for a week. */
  const question = (extra: Record<string, unknown> = {}) =>
    topic({ unitId: building.id, title: '楼道里的旧自行车怎么处理', options: [], voteFrom: null, voteUntil: null, opinionsUntil: dayAfter(7), ...extra });
  const open = (input: Record<string, unknown>, who: Someone = secretary) => call<Outputs['deliberation']['open']>('open', input, who);
  const opened = async (input: Record<string, unknown> = topic(), who: Someone = secretary) => data(await open(input, who)).topic;
  const detail = (id: string, who: Someone) => call<TopicView>('detail', { id }, who);
  const vote = (id: string, optionId: string, who: Someone) => call<TopicView>('vote', { topicId: id, optionId }, who);
  const say = (id: string, text: string, who: Someone, clientRequestId = `say-req-${++requests}`) =>
    call<Outputs['deliberation']['say']>('say', { topicId: id, text, clientRequestId }, who);
  const decision = (t: Pick<TopicView, 'id' | 'version'>, extra: Record<string, unknown> = {}) => ({
    id: t.id,
    version: t.version,
    decidedBy: 'agenda_meeting',
    optionId: 'a',
    text: '充电桩装在东门停车棚，物业一个月内完工。',
    minutes: '11月26日在社区议事厅召开逢三说事议事会，通报了表决结果，物业、业委会同意。',
    meetingDay: dayAfter(3),
    attendees: '社区党委、业委会、物业、居民代表 9 人',
    ...extra,
  });

  /** Moves the clock to `days` after T0 at 09:00 China time. */
  const at = (days: number) => h.clock.set(T0 + days * DAY);

  /** Everything a refusal must leave as it was: topics, their opinions and tallies, the rules, the audit log, everyone's messages. */
  async function written() {
    const s = h.store;
    const { topics } = await s.topics.list({ underPath: '/' }, 100_000, 0);
    return JSON.stringify({
      topics,
      opinions: await Promise.all(topics.map((t) => s.topics.opinions(t.id))),
      tallies: await Promise.all(topics.map((t) => s.votes.tally(t.id))),
      rules: await s.compoundRules.history(compound.id),
      audit: (await s.audit.search({}, 100_000)).length,
      messages: await Promise.all([...new Set(people)].map((id) => s.messages.listForPerson(id, 1000))),
    });
  }
  async function writesNothing<T>(run: () => Promise<T>): Promise<T> {
    const before = await written();
    const out = await run();
    expect(await written()).toEqual(before);
    return out;
  }
  const messagesOf = async (who: Someone) => h.store.messages.listForPerson(who.id, 1000);

  return {
    h,
    building,
    otherBuilding,
    compound,
    community,
    garden,
    gardenBuilding,
    farBuilding,
    wife,
    husband,
    neighbour,
    upstairs,
    gardener,
    farResident,
    farStaff,
    noDoor,
    lead,
    secretary,
    member,
    staff,
    personAt,
    call,
    topic,
    question,
    open,
    opened,
    detail,
    vote,
    say,
    decision,
    at,
    written,
    writesNothing,
    messagesOf,
  };
}

export type DeliberationKit = Awaited<ReturnType<typeof deliberationKit>>;
