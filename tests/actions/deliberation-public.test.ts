/**
 * The compound's public page of deliberation (议事公开), from its public code, for anyone registered or
 * not: decided topics of the compound and its buildings with counts, turnout, decision and minutes, and
 * the current 公约 — never a name; open topics are not on it. Read a limited number of times a window.
 */
import { ECHO_WALL_LIMIT, type CodeView, type DeliberationPublic, type Result } from '../../src/core';
import { data, expectFailure } from '../support/harness';
import { dayAfter, deliberationKit, type DeliberationKit } from './support/deliberation';

let k: DeliberationKit;
let code: CodeView;
beforeAll(async () => {
  k = await deliberationKit();
  code = data(await k.h.call<CodeView>('codes', 'create', { unitId: k.compound.id, purpose: 'public' }, k.staff.cred));
});
afterAll(() => k.h.close());
afterEach(() => k.at(0));

const page = (c: string = code.id) => k.h.call<DeliberationPublic>('deliberation', 'public', { code: c }, {}) as Promise<Result<DeliberationPublic>>;

it('shows decided topics of the compound and its buildings with counts and minutes, and the current 公约, naming no one', async () => {
  data(await k.call('adoptRules', { compoundId: k.compound.id, text: '第一条：爱护公共设施。', note: '录入现行公约', expectedVersion: 0 }, k.staff));
  const t = await k.opened(k.topic({ title: '充电桩装在哪里', voteUntil: dayAfter(1), opinionsUntil: dayAfter(1) }));
  data(await k.vote(t.id, 'a', k.wife));
  data(await k.vote(t.id, 'b', k.upstairs));
  data(await k.vote(t.id, 'a', k.neighbour));
  data(await k.say(t.id, '东门有顶棚，下雨也能充', k.husband));
  const q = await k.opened(k.question({ title: '1号楼旧自行车怎么处理' }), k.lead);
  const open = await k.opened(k.topic({ title: '还在投票的议题' }));
  k.at(3);
  data(await k.call('decide', k.decision(t, { rules: { text: '第一条：爱护公共设施。\n第二条：电动车统一到东门充电。', note: '增加充电条款', expectedVersion: 1 } }), k.secretary));
  data(await k.call('decide', k.decision(data(await k.detail(q.id, k.lead)), { decidedBy: 'residents_meeting', optionId: null }), k.lead));

  const shown = data(await page());
  expect(shown.compound).toMatchObject({ id: k.compound.id });
  expect(shown.topics.map((x) => x.title).sort()).toEqual(['1号楼旧自行车怎么处理', '充电桩装在哪里']);
  expect(shown.topics.map((x) => x.id)).not.toContain(open.id);
  expect(shown.topics.find((x) => x.id === t.id)).toMatchObject({
    place: '幸福里小区',
    options: [
      { label: '东门停车棚', count: 2, percent: 67 },
      { label: '地下车库入口旁', count: 1, percent: 33 },
      { label: '3号楼和4号楼之间', count: 0, percent: 0 },
    ],
    turnout: { voted: 3, households: 3, percent: 100 },
    decision: { decidedByLabel: '逢三说事议事会', option: '东门停车棚', rulesVersion: 2 },
  });
  expect(shown.topics.find((x) => x.id === q.id)).toMatchObject({ place: '1号楼', options: [] });
  expect(shown.rules).toMatchObject({ version: 2, note: '增加充电条款', topic: { id: t.id }, adoptedBy: '社区' });
  const json = JSON.stringify(shown);
  for (const who of [k.wife, k.husband, k.neighbour, k.upstairs, k.secretary, k.staff, k.lead]) {
    expect(json).not.toContain(who.name);
    expect(json).not.toContain(who.id);
  }
});

it('refuses a code that is no public code, or none', async () => {
  const member = data(await k.h.call<CodeView>('codes', 'create', { unitId: k.compound.id, purpose: 'member' }, k.staff.cred));
  expectFailure(await page(member.id), 'CODE.WRONG_PURPOSE', 'code');
  expectFailure(await page('ZZZZZZZZ'), 'CODE.NOT_FOUND', 'code');
});

it('refuses a caller past the window’s reads: ECHO.TOO_MANY_TRIES', async () => {
  let last: Result<DeliberationPublic> | null = null;
  for (let i = 0; i < ECHO_WALL_LIMIT.perWindow + 1; i++) last = await page();
  expectFailure(last!, 'ECHO.TOO_MANY_TRIES');
});
