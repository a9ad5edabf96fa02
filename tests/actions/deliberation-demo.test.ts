/**
 * The demo's 议事协商 (seed/deliberation.ts), seeded with the full demo: in 幸福里小区 the e-bike
 * chargers' vote running (孙福贵's household not yet voted, so his login can), a topic decided at the
 * last 逢三说事 that adopted 公约 version 2, 1号楼's open question, and version 1 entered by staff. Read
 * through the actions, as the pages read them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock, type CompoundRulesView, type Outputs, type Result, type TopicView } from '../../src/core';
import { DEMO_PASSWORD } from '../../cloudfunctions/lib/actions/auth';
import { makeDeps, silentLogger, type Deps } from '../../cloudfunctions/lib/deps';
import { dispatch } from '../../cloudfunctions/lib/functions';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { seedDemo } from '../../cloudfunctions/lib/seed/demo';
import { DEMO_RULES_V2 } from '../../cloudfunctions/lib/seed/deliberation';
import { openSqliteStore } from '../../cloudfunctions/lib/store/sqlite';
import { data } from '../support/harness';

const NOW = Date.parse('2026-11-23T09:00:00+08:00');

let deps: Deps;
let call: <T>(action: string, input: unknown, cred?: Credentials) => Promise<Result<T>>;
const as = async (username: string): Promise<Credentials> =>
  ({ token: data(await dispatch(deps, 'auth', { action: 'signIn', data: { username, password: DEMO_PASSWORD } }, {}) as Result<{ token: string }>).token });

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-demo-topics-'));
  deps = makeDeps(openSqliteStore(path.join(dir, 'jinlin.db')), { clock: fixedClock(NOW), log: silentLogger });
  await seedDemo(deps, { residents: 1_400, reports: 5, seed: 1 });
  call = (action, input, cred = {}) => dispatch(deps, 'deliberation', { action, data: input }, cred) as never;
}, 120_000);
afterAll(() => deps.store.close());

it('shows 孙福贵 the chargers’ vote open to his household, the decided topic and 1号楼’s question', async () => {
  const jumin = await as('jumin');
  const mine = data(await call<Outputs['deliberation']['mine']>('mine', {}, jumin));
  expect(mine.topics.map((t) => [t.title, t.phase])).toEqual([
    ['楼道里的旧自行车怎么处理', 'opinions'],
    ['电动车充电桩装在哪里', 'voting'],
    ['公约增加“电动车不进楼道”条款', 'decided'],
  ]);
  const charging = mine.topics.find((t) => t.title === '电动车充电桩装在哪里')!;
  const view = data(await call<TopicView>('detail', { id: charging.id }, jumin));
  expect(view).toMatchObject({ can: { vote: true, say: true }, myVote: null, options: [{ count: null }, { count: null }, { count: null }] });
  expect(view.options.map((o) => o.label)).toEqual(['东门停车棚', '地下车库入口旁', '3号楼和4号楼之间的空地']);
  expect(view.turnout.voted).toBeGreaterThan(0);
  expect(view.turnout.households).toBeGreaterThan(view.turnout.voted);
  // The hidden opinion is staff's to see, not his.
  expect(view.opinionsList.map((o) => o.text)).not.toContain('楼上那家天天在楼道里充电，就该罚！');
  const staffView = data(await call<TopicView>('detail', { id: charging.id }, await as('shequ')));
  expect(staffView.opinionsList.find((o) => o.hidden)).toMatchObject({ hidden: { reason: '针对具体邻居，请就事论事' } });
  expect(data(await call<TopicView>('vote', { topicId: charging.id, optionId: 'a' }, jumin)).myVote).toMatchObject({ optionId: 'a', by: '孙福贵' });

  const decided = data(await call<TopicView>('detail', { id: mine.topics.find((t) => t.phase === 'decided')!.id }, jumin));
  expect(decided.decision).toMatchObject({ decidedBy: 'agenda_meeting', option: '同意增加这一条', rulesVersion: 2 });
  expect(decided.options[0].count).toBeGreaterThan(decided.options[1].count!);
});

it('keeps 幸福里小区’s 公约 at version 2, changed by the decided topic', async () => {
  const compoundId = (await deps.store.units.listSubtree('/')).find((u) => u.name === '幸福里小区')!.id;
  const rules = data(await call<CompoundRulesView>('rules', { compoundId }, await as('jumin')));
  expect(rules.current).toMatchObject({ version: 2, text: DEMO_RULES_V2, topic: { title: '公约增加“电动车不进楼道”条款' } });
  expect(rules.history.map((v) => v.version)).toEqual([2, 1]);
});
