/**
 * A compound's rules (公约) by version: staff enter the first text and correct it on the version they
 * read; a topic's decision adopts a version naming the topic; everyone bound in the compound (and over
 * it) reads the current text and the history, newest first; no one else.
 */
import type { CompoundRulesView } from '../../src/core';
import { data, expectFailure } from '../support/harness';
import { dayAfter, deliberationKit, type DeliberationKit } from './support/deliberation';

let k: DeliberationKit;
beforeAll(async () => {
  k = await deliberationKit();
});
afterAll(() => k.h.close());
afterEach(() => k.at(0));

const rules = (who = k.wife, compoundId = k.compound.id) => k.call<CompoundRulesView>('rules', { compoundId }, who);
const adopt = (expectedVersion: number, text: string, note: string, who = k.staff) => k.call<CompoundRulesView>('adoptRules', { compoundId: k.compound.id, text, note, expectedVersion }, who);

it('starts with none, takes staff’s first text, a topic’s version and a correction, and keeps every version newest first', async () => {
  expect(data(await rules())).toMatchObject({ compound: { id: k.compound.id }, trail: '阳光社区 幸福里小区', current: null, history: [], canKeep: false });
  expect(data(await adopt(0, '第一条：爱护公共设施。', '录入现行公约'))).toMatchObject({ current: { version: 1, topic: null, adoptedBy: '张伟' }, canKeep: true });

  const t = await k.opened(k.topic({ title: '公约增加养犬条款', voteUntil: dayAfter(1), opinionsUntil: dayAfter(1) }));
  data(await k.vote(t.id, 'a', k.wife));
  k.at(3);
  data(await k.call('decide', k.decision(t, { rules: { text: '第一条：爱护公共设施。\n第二条：遛狗拴绳。', note: '增加养犬条款', expectedVersion: 1 } }), k.secretary));
  data(await adopt(2, '第一条：爱护公共设施。\n第二条：遛狗必须拴绳。', '更正错字'));

  const read = data(await rules(k.upstairs));
  expect(read.current).toMatchObject({ version: 3, note: '更正错字', topic: null });
  expect(read.history.map((v) => [v.version, v.topic?.title ?? null, v.adoptedBy])).toEqual([
    [3, null, '张伟'],
    [2, '公约增加养犬条款', '刘芳'],
    [1, null, '张伟'],
  ]);
});

it('refuses a correction on a version that moved, and anyone but staff, writing nothing', async () => {
  const current = data(await rules()).current!.version;
  expectFailure(await k.writesNothing(() => adopt(current - 1, '旧版本上改', '改')), 'RULES.VERSION_MOVED', 'expectedVersion');
  expectFailure(await k.writesNothing(() => adopt(current, '支部直接改', '改', k.secretary)), 'AUTH.FORBIDDEN', 'compoundId');
  expectFailure(await k.writesNothing(() => adopt(current, '外社区来改', '改', k.farStaff)), 'AUTH.FORBIDDEN', 'compoundId');
  // Two corrections on one version at once: one is written.
  const both = await Promise.all([adopt(current, '甲', '同时改一'), adopt(current, '乙', '同时改二')]);
  expect(both.filter((r) => r.ok)).toHaveLength(1);
  expect(both.filter((r) => !r.ok).map((r) => (r.ok ? null : r.code))).toEqual(['RULES.VERSION_MOVED']);
});

it('shows another compound’s or community’s people nothing of it', async () => {
  expectFailure(await rules(k.gardener), 'AUTH.FORBIDDEN', 'compoundId');
  expectFailure(await rules(k.farResident), 'AUTH.FORBIDDEN', 'compoundId');
  expectFailure(await rules(k.wife, k.building.id), 'UNIT.NOT_FOUND', 'compoundId');
});
