/**
 * A topic from opening to its decision on CloudBase, through dispatch and the unmodified node-sdk
 * answered in-process: two residents of one door voting at once are one household's vote, a vote
 * after the close is refused, the decision adopts a 公约 version and the public page shows it (the
 * SQLite side: the other deliberation-*.test.ts).
 */
import type { CodeView, CompoundRulesView, DeliberationPublic, Outputs, Person, TopicView } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { cloudbase, cloudbaseDemo } from '../support/cloudbase-demo';
import { data, expectFailure, T0 } from '../support/harness';

const DAY = 24 * 3600_000;
const cloud = cloudbase();

it('opens, takes one vote per household under concurrency, closes, decides with a new 公约 version and publishes it on CloudBase', async () => {
  const world = await cloudbaseDemo(cloud, 'topics_', { settings: { sessionTtlMs: 60 * DAY } });
  const { store, clock, as } = world;
  const call = world.callOf('deliberation');
  const [staff, secretary] = [await as('shequ'), await as('zhibu')];

  const units = await store.units.listSubtree('/');
  const compound = units.find((u) => u.name === '幸福里小区')!;
  const home = units.find((u) => u.name === '1号楼' && u.parentId === compound.id)!;
  const resident = async (n: number, name: string, room: string): Promise<Credentials> => {
    const p: Person = { id: `per_topiccb${n}`, name, phone: `1371234009${n}`, username: null, openid: `o-topic-cloud-${n}`, demo: false, createdInUnitId: home.id, version: 1, createdAt: 0, updatedAt: 0 };
    await store.people.insert(p, null);
    await store.bindings.insert({ id: `bnd_topiccb${n}`, personId: p.id, unitId: home.id, role: 'resident', createdAt: 0, createdBy: null, door: { entrance: '2', floor: 6, room } });
    return { openid: p.openid };
  };
  const [wife, husband, neighbour] = [await resident(1, '郑云端', '601'), await resident(2, '王云端', '601室'), await resident(3, '冯云端', '602')];

  const input = { clientRequestId: 'topic-cb-1', unitId: compound.id, title: '电动车充电桩装在哪里', background: '请每户投一票。', options: ['东门', '车库'], audience: 'residents', opinionsUntil: '2026-11-24', voteFrom: '2026-11-23', voteUntil: '2026-11-24' };
  const opened = data(await call<Outputs['deliberation']['open']>('open', input, secretary));
  expect(data(await call<Outputs['deliberation']['open']>('open', input, secretary))).toMatchObject({ created: false, topic: { id: opened.topic.id } });
  const id = opened.topic.id;

  const votes = await Promise.all([wife, husband, wife, husband].map((c, i) => call<TopicView>('vote', { topicId: id, optionId: i % 2 ? 'b' : 'a' }, c)));
  expect(votes.every((r) => r.ok)).toBe(true);
  data(await call<TopicView>('vote', { topicId: id, optionId: 'a' }, neighbour));
  expect((await store.votes.tally(id)).voted).toBe(2);
  data(await call('say', { clientRequestId: 'say-cb-1', topicId: id, text: '东门有顶棚' }, wife));

  clock.set(T0 + 2 * DAY);
  expectFailure(await call('vote', { topicId: id, optionId: 'b' }, neighbour), 'TOPIC.VOTE_CLOSED');
  const t = data(await call<TopicView>('detail', { id }, secretary));
  expect(t).toMatchObject({ phase: 'awaiting', turnout: { voted: 2, households: 2, percent: 100 } });
  const rules = { text: '第一条：电动车统一到东门充电。', note: '增加充电条款', expectedVersion: 0 };
  const decided = data(await call<TopicView>('decide', { id, version: t.version, decidedBy: 'vote', optionId: 'a', text: '装在东门。', minutes: '按投票结果。', meetingDay: '2026-11-25', attendees: '支部、物业', rules }, secretary));
  expect(decided.decision).toMatchObject({ rulesVersion: 1, option: '东门' });
  expect(data(await call<CompoundRulesView>('rules', { compoundId: compound.id }, wife)).current).toMatchObject({ version: 1, topic: { id } });

  const code = data(await world.call<CodeView>('codes', 'create', { unitId: compound.id, purpose: 'public' }, staff));
  const page = data(await call<DeliberationPublic>('public', { code: code.id }, {}));
  expect(page.topics).toEqual([expect.objectContaining({ id, turnout: { voted: 2, households: 2, percent: 100 } })]);
  expect(JSON.stringify(page)).not.toMatch(/郑云端|王云端|冯云端/);
});
