/**
 * Reading topics: a resident's own list (their building's, compound's and community's topics, open
 * ones first); one topic whole; staff's list under a unit. A building's topic is read by its people
 * and those over it, never by another building's or compound's residents (TOPIC.NOT_YOURS). Counts
 * per option are hidden while the vote runs (moderators excepted) and shown once it closes; who voted
 * what is never in any answer.
 */
import type { Outputs, TopicView } from '../../src/core';
import { data, expectFailure } from '../support/harness';
import { deliberationKit, type DeliberationKit } from './support/deliberation';

let k: DeliberationKit;
let compoundTopic: TopicView;
let buildingTopic: TopicView;
let communityTopic: TopicView;
beforeAll(async () => {
  k = await deliberationKit();
  compoundTopic = await k.opened(k.topic());
  buildingTopic = await k.opened(k.question(), k.lead);
  communityTopic = await k.opened(k.topic({ unitId: k.community.id, title: '社区食堂开在哪里' }), k.staff);
});
afterAll(() => k.h.close());

const mine = async (who = k.wife) => data(await k.call<Outputs['deliberation']['mine']>('mine', {}, who));

describe('who reads a topic', () => {
  it('lists a resident’s building, compound and community topics, and not another building’s', async () => {
    expect((await mine(k.wife)).topics.map((t) => t.id).sort()).toEqual([compoundTopic.id, buildingTopic.id, communityTopic.id].sort());
    expect((await mine(k.upstairs)).topics.map((t) => t.id).sort()).toEqual([compoundTopic.id, communityTopic.id].sort());
    expect((await mine(k.gardener)).topics.map((t) => t.id)).toEqual([communityTopic.id]);
    expect(await mine(k.farResident)).toEqual({ topics: [], total: 0, canOpen: false, openFor: [] });
    expect((await mine(k.secretary)).canOpen).toBe(true);
    // The branch secretary's list has their compound's buildings' topics too.
    expect((await mine(k.secretary)).topics.map((t) => t.id)).toContain(buildingTopic.id);
  });

  it('puts open topics before decided and withdrawn ones, across pages', async () => {
    const k2 = k;
    const old = await k2.opened(k2.topic({ title: '先撤回的议题' }));
    data(await k2.call('withdraw', { id: old.id, version: old.version, reason: '与另一个议题重复' }, k2.secretary));
    const page1 = data(await k2.call<Outputs['deliberation']['mine']>('mine', { limit: 3 }, k2.wife));
    const page2 = data(await k2.call<Outputs['deliberation']['mine']>('mine', { limit: 3, offset: 3 }, k2.wife));
    expect(page1.total).toBe(4);
    expect(page1.topics.map((t) => t.status)).toEqual(['open', 'open', 'open']);
    expect(page2.topics.map((t) => [t.id, t.status])).toEqual([[old.id, 'withdrawn']]);
  });

  it('refuses another compound’s or community’s resident a building topic and a compound topic: TOPIC.NOT_YOURS', async () => {
    for (const who of [k.gardener, k.farResident, k.upstairs]) expectFailure(await k.detail(buildingTopic.id, who), 'TOPIC.NOT_YOURS', 'id');
    for (const who of [k.gardener, k.farResident, k.farStaff]) expectFailure(await k.detail(compoundTopic.id, who), 'TOPIC.NOT_YOURS', 'id');
    expectFailure(await k.vote(compoundTopic.id, 'a', k.gardener), 'TOPIC.NOT_YOURS', 'topicId');
    expectFailure(await k.say(buildingTopic.id, '我也想说两句', k.upstairs), 'TOPIC.NOT_YOURS', 'topicId');
    expectFailure(await k.detail('top_nowhere', k.wife), 'TOPIC.NOT_FOUND', 'id');
  });

  it('lets the people over a building read its topic: the branch secretary, staff, a member of the compound', async () => {
    for (const who of [k.secretary, k.staff, k.member, k.neighbour]) expect(data(await k.detail(buildingTopic.id, who)).id).toBe(buildingTopic.id);
  });

  it('lists staff the topics under a unit, and refuses a resident', async () => {
    const all = data(await k.call<Outputs['deliberation']['list']>('list', {}, k.staff));
    expect(all.topics.map((t) => t.id)).toEqual(expect.arrayContaining([compoundTopic.id, buildingTopic.id, communityTopic.id]));
    const building = data(await k.call<Outputs['deliberation']['list']>('list', { unitId: k.building.id, status: 'open' }, k.lead));
    expect(building.topics.map((t) => t.id)).toEqual([buildingTopic.id]);
    expectFailure(await k.call('list', {}, k.wife), 'AUTH.FORBIDDEN');
    expectFailure(await k.call('list', { unitId: k.otherBuilding.id }, k.lead), 'AUTH.FORBIDDEN', 'unitId');
  });
});

describe('what is shown of the vote', () => {
  it('hides counts while voting (moderators excepted), shows them once it closes, and never who voted what', async () => {
    const t = await k.opened(k.topic({ title: '小区健身器材放在哪里' }));
    data(await k.vote(t.id, 'b', k.wife));
    data(await k.vote(t.id, 'a', k.neighbour));
    const resident = data(await k.detail(t.id, k.upstairs));
    expect(resident.options.map((o) => [o.count, o.percent])).toEqual([[null, null], [null, null], [null, null]]);
    expect(resident.turnout).toEqual({ voted: 2, households: 3, percent: 67 });
    expect(resident.myVote).toBeNull();
    expect(data(await k.detail(t.id, k.secretary)).options.map((o) => o.count)).toEqual([1, 1, 0]);
    // The household sees its own vote and who of them cast it.
    expect(data(await k.detail(t.id, k.husband)).myVote).toMatchObject({ optionId: 'b', by: '孙桂芳' });

    k.at(4);
    try {
      const after = data(await k.detail(t.id, k.upstairs));
      expect(after).toMatchObject({ phase: 'awaiting', voteClosedReason: '投票已结束，结果和决定会在这里公布' });
      expect(after.options.map((o) => [o.count, o.percent])).toEqual([[1, 50], [1, 50], [0, 0]]);
      // Nobody's answer names a voter of another household, nor which way they voted.
      for (const who of [k.upstairs, k.secretary, k.staff, k.neighbour]) {
        const shown = JSON.stringify([data(await k.detail(t.id, who)), data(await k.call('list', {}, k.staff)), await mine(who)]);
        for (const voter of [k.wife, k.neighbour].filter((v) => v.id !== who.id)) {
          expect(shown).not.toContain(voter.id);
          expect(shown).not.toContain(voter.name);
        }
      }
    } finally {
      k.at(0);
    }
  });

  it('tells a resident without a door, and staff, why they cannot vote', async () => {
    expect(data(await k.detail(compoundTopic.id, k.noDoor))).toMatchObject({ can: { vote: false }, voteClosedReason: '只有幸福里小区登记过门牌的住户可以投票，每户一票' });
    expect(data(await k.detail(compoundTopic.id, k.wife))).toMatchObject({ can: { vote: true, say: true, edit: false, decide: false, moderate: false }, voteClosedReason: null });
  });
});
