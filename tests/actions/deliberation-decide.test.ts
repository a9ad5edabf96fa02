/**
 * The decision and minutes (决定和会议纪要): recorded by the opener or staff once the vote has closed
 * (an open question any time), told to the people of the unit; a compound's topic may adopt a new
 * version of its 公约 in the same act, on the version read. Withdrawing with a reason. A topic decides
 * once. Every refusal writes nothing.
 */
import type { CompoundRulesView, TopicView } from '../../src/core';
import { data, expectFailure } from '../support/harness';
import { dayAfter, deliberationKit, type DeliberationKit } from './support/deliberation';

let k: DeliberationKit;
beforeAll(async () => {
  k = await deliberationKit();
});
afterAll(() => k.h.close());
afterEach(() => k.at(0));

const decide = (input: Record<string, unknown>, who = k.secretary) => k.call<TopicView>('decide', input, who);
const rulesOf = async () => data(await k.call<CompoundRulesView>('rules', { compoundId: k.compound.id }, k.wife));

/** A compound topic whose vote has closed, two households having voted for a, one for b. */
async function closed(title: string): Promise<TopicView> {
  const t = await k.opened(k.topic({ title, voteUntil: dayAfter(1), opinionsUntil: dayAfter(1) }));
  data(await k.vote(t.id, 'a', k.wife));
  data(await k.vote(t.id, 'a', k.neighbour));
  data(await k.vote(t.id, 'b', k.upstairs));
  k.at(3);
  return data(await k.detail(t.id, k.secretary));
}

describe('recording the decision', () => {
  it('refuses while the vote runs, then records it with minutes and a new 公约 version, told to the households', async () => {
    const running = await k.opened(k.topic({ title: '公约增加电动车条款', voteUntil: dayAfter(1), opinionsUntil: dayAfter(1) }));
    expectFailure(await k.writesNothing(() => decide(k.decision(running, { meetingDay: dayAfter(0) }))), 'TOPIC.NOT_ALLOWED', 'id');
    const t = await closed('公约增加电动车不进楼道条款');
    const rules = { text: '幸福里小区管理公约\n一、电动车不进楼道。', note: '增加电动车条款', expectedVersion: 0 };
    const decided = data(await decide(k.decision(t, { rules })));
    expect(decided).toMatchObject({
      status: 'decided',
      phase: 'decided',
      options: [{ count: 2, percent: 67 }, { count: 1, percent: 33 }, { count: 0, percent: 0 }],
      decision: { decidedBy: 'agenda_meeting', decidedByLabel: '逢三说事议事会', option: '东门停车棚', meetingDay: dayAfter(3), rulesVersion: 1 },
      can: { decide: false, withdraw: false, edit: false },
    });
    expect(await rulesOf()).toMatchObject({ current: { version: 1, note: '增加电动车条款', topic: { id: t.id, title: '公约增加电动车不进楼道条款' } } });
    for (const who of [k.wife, k.husband, k.upstairs]) expect((await k.messagesOf(who)).some((m) => m.kind === 'topic.decided' && m.page?.endsWith(t.id))).toBe(true);
    expect((await k.messagesOf(k.gardener)).some((m) => m.kind === 'topic.decided')).toBe(false);
    expectFailure(await k.writesNothing(() => decide(k.decision(decided))), 'TOPIC.NOT_ALLOWED', 'id');
  });

  it('refuses rules on a building’s topic (RULES.NOT_COMPOUND) and on a version that moved (RULES.VERSION_MOVED)', async () => {
    const building = await k.opened(k.question({ title: '1号楼门禁怎么管' }), k.lead);
    const rules = { text: '新的公约', note: '改门禁', expectedVersion: 1 };
    expectFailure(await k.writesNothing(() => decide(k.decision(building, { optionId: null, meetingDay: dayAfter(0), rules }), k.lead)), 'RULES.NOT_COMPOUND', 'rules');
    const t = await closed('公约修改垃圾分类条款');
    expectFailure(await k.writesNothing(() => decide(k.decision(t, { rules: { ...rules, expectedVersion: 0 } }))), 'RULES.VERSION_MOVED', 'rules.expectedVersion');
    expect(data(await decide(k.decision(t, { rules: { ...rules, expectedVersion: 1 } }))).decision?.rulesVersion).toBe(2);
  });

  it('lets a lead decide their own building’s open question at a residents’ meeting, with no option', async () => {
    const q = await k.opened(k.question({ title: '楼道旧家具怎么处理' }), k.lead);
    const decided = data(await decide(k.decision(q, { decidedBy: 'residents_meeting', optionId: null, meetingDay: dayAfter(0), text: '贴通知一周，无人认领的由物业清运。' }), k.lead));
    expect(decided.decision).toMatchObject({ decidedByLabel: '居民（坝坝）会', option: null, rulesVersion: null });
  });

  it.each([
    ['a resident', () => k.wife, {}, 'AUTH.FORBIDDEN', undefined],
    ['by the vote on an open question', () => k.secretary, { decidedBy: 'vote', optionId: null }, 'TOPIC.NO_VOTE', 'decidedBy'],
    ['an option of an open question', () => k.secretary, { optionId: 'a' }, 'TOPIC.BAD_OPTION', 'optionId'],
    ['a meeting day to come', () => k.secretary, { optionId: null, meetingDay: dayAfter(2) }, 'TOPIC.BAD_DATES', 'meetingDay'],
    ['a stale version', () => k.secretary, { optionId: null, version: 99 }, 'CONFLICT.VERSION', undefined],
  ])('refuses %s, writing nothing', async (_what, who, extra, code, field) => {
    const q = await k.opened(k.question({ title: `议题 ${code}` }), k.lead);
    expectFailure(await k.writesNothing(() => decide(k.decision(q, { meetingDay: dayAfter(0), ...extra }), who())), code, field);
  });
});

describe('withdrawing', () => {
  it('withdraws with a reason shown on the topic, once', async () => {
    const t = await k.opened(k.topic({ title: '要不要换物业' }));
    const w = data(await k.call<TopicView>('withdraw', { id: t.id, version: t.version, reason: '业委会换届后再议' }, k.staff));
    expect(w).toMatchObject({ status: 'withdrawn', phaseLabel: '已撤回', withdrawnReason: '业委会换届后再议', voteClosedReason: '议题已撤回，不再投票' });
    expectFailure(await k.writesNothing(() => k.call('withdraw', { id: t.id, version: w.version, reason: '再撤一次' }, k.staff)), 'TOPIC.NOT_ALLOWED', 'id');
    expectFailure(await k.writesNothing(() => k.call('withdraw', { id: t.id, version: w.version, reason: '不想要了' }, k.wife)), 'AUTH.FORBIDDEN');
  });
});
