/**
 * Opinions (意见) and their moderation: the people of a topic say what they think while it takes
 * opinions (a retried say is one opinion), shown to everyone who reads it with the author half hidden;
 * staff hide one with a reason that its author alone sees (and is told), and show it again. Members
 * speak only when the audience includes them.
 */
import type { Outputs, TopicView } from '../../src/core';
import { data, expectFailure } from '../support/harness';
import { deliberationKit, type DeliberationKit } from './support/deliberation';

let k: DeliberationKit;
beforeAll(async () => {
  k = await deliberationKit();
});
afterAll(() => k.h.close());
afterEach(() => k.at(0));

const hide = (opinionId: string, reason: string, who = k.staff) => k.call<TopicView>('hide', { opinionId, reason }, who);

describe('leaving an opinion', () => {
  it('shows it to every reader with the author half hidden and their building, “我” to the author; a retry is one opinion', async () => {
    const t = await k.opened(k.question(), k.lead);
    const said = data(await k.say(t.id, '先贴通知限期认领，再统一清走', k.wife, 'say-retry-1'));
    expect(said.created).toBe(true);
    expect(said.topic.opinionsList).toEqual([{ id: expect.any(String), author: '我', mine: true, text: '先贴通知限期认领，再统一清走', createdAt: expect.any(Number), hidden: null }]);
    expect(data(await k.say(t.id, '先贴通知限期认领，再统一清走', k.wife, 'say-retry-1')).created).toBe(false);
    const seen = data(await k.detail(t.id, k.neighbour));
    expect(seen.opinionsList.map((o) => [o.author, o.mine])).toEqual([['孙*芳 · 1号楼', false]]);
    expect(seen.opinions).toBe(1);
  });

  it('refuses an opinion after its day, and from a member when the audience is residents only', async () => {
    const t = await k.opened(k.topic({ title: '小区绿化带改成停车位', opinionsUntil: '2026-11-24', voteUntil: '2026-11-26' }));
    expectFailure(await k.writesNothing(() => k.say(t.id, '支持改', k.member)), 'TOPIC.NOT_PARTICIPANT');
    k.at(2);
    expectFailure(await k.writesNothing(() => k.say(t.id, '我不同意改', k.wife)), 'TOPIC.OPINIONS_CLOSED');
    k.at(0);
    const withMembers = await k.opened(k.topic({ title: '党员志愿服务站设在哪里', audience: 'residents_and_members' }));
    expect(data(await k.say(withMembers.id, '设在活动室，方便老人', k.member)).created).toBe(true);
  });
});

describe('moderation', () => {
  it('hides an opinion from everyone but its author (who sees the reason, and is told) and moderators; shows it again', async () => {
    const t = await k.opened(k.topic({ title: '楼下广场舞音响太吵怎么办' }));
    const said = data(await k.say(t.id, '跳舞的那几个人素质太差了！', k.neighbour)).topic.opinionsList[0];
    const hidden = data(await hide(said.id, '针对具体邻居，请就事论事'));
    expect(hidden.opinionsList).toEqual([expect.objectContaining({ id: said.id, hidden: { reason: '针对具体邻居，请就事论事', at: expect.any(Number) } })]);
    expect(hidden.opinions).toBe(0);
    const author = data(await k.detail(t.id, k.neighbour));
    expect(author.opinionsList).toEqual([expect.objectContaining({ author: '我', hidden: { reason: '针对具体邻居，请就事论事', at: expect.any(Number) } })]);
    const other = data(await k.detail(t.id, k.wife));
    expect(other.opinionsList).toEqual([]);
    expect(JSON.stringify(other)).not.toContain('素质太差');
    const told = (await k.messagesOf(k.neighbour)).find((m) => m.kind === 'topic.opinionHidden')!;
    expect(told.body).toContain('针对具体邻居，请就事论事');
    const cards = data(await k.call<Outputs['deliberation']['mine']>('mine', {}, k.wife)).topics;
    expect(cards.find((c) => c.id === t.id)?.opinions).toBe(0);

    const shown = data(await k.call<TopicView>('unhide', { opinionId: said.id }, k.secretary));
    expect(shown.opinionsList).toEqual([expect.objectContaining({ id: said.id, hidden: null })]);
    expect(data(await k.detail(t.id, k.wife)).opinionsList.map((o) => o.text)).toEqual(['跳舞的那几个人素质太差了！']);
  });

  it('refuses a resident, the building lead and a missing opinion, writing nothing', async () => {
    const t = await k.opened(k.topic({ title: '小区要不要养流浪猫' }));
    const said = data(await k.say(t.id, '可以建个猫屋', k.wife)).topic.opinionsList[0];
    expectFailure(await k.writesNothing(() => hide(said.id, '不喜欢', k.neighbour)), 'AUTH.FORBIDDEN');
    expectFailure(await k.writesNothing(() => hide(said.id, '不合适', k.lead)), 'AUTH.FORBIDDEN');
    expectFailure(await k.writesNothing(() => hide('opn_nowhere', '不合适')), 'OPINION.NOT_FOUND', 'opinionId');
    expectFailure(await k.writesNothing(() => hide(said.id, '不合适', k.farStaff)), 'TOPIC.NOT_YOURS', 'opinionId');
  });
});
