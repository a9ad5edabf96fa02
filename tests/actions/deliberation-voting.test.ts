/**
 * One vote per household (每户一票): two residents behind one door (however they wrote it) are one
 * household — one vote, the last one standing, counted once even when both vote at the same moment;
 * changeable until the vote closes; refused before it opens and after it closes, to anyone without a
 * door under the topic's unit, on an open question, and for an option the topic does not have.
 */
import type { TopicView } from '../../src/core';
import { voteId, householdKey } from '../../src/core';
import { data, expectFailure } from '../support/harness';
import { DOOR, deliberationKit, type DeliberationKit } from './support/deliberation';

let k: DeliberationKit;
beforeAll(async () => {
  k = await deliberationKit();
});
afterAll(() => k.h.close());
afterEach(() => k.at(0));

const household = () => householdKey({ buildingId: k.building.id, door: DOOR });

describe('one vote per household', () => {
  it('counts the household once: the husband’s vote changes the wife’s, and the change is counted', async () => {
    const t = await k.opened(k.topic({ title: '垃圾分类亭放在哪里' }));
    const first = data(await k.vote(t.id, 'a', k.wife));
    expect(first).toMatchObject({ myVote: { optionId: 'a', by: '孙桂芳' }, myHouseholdVoted: true, turnout: { voted: 1, households: 3, percent: 33 } });
    k.h.clock.advance(60_000);
    const changed = data(await k.vote(t.id, 'c', k.husband));
    expect(changed).toMatchObject({ myVote: { optionId: 'c', by: '孙建国' }, turnout: { voted: 1, households: 3 } });
    expect(await k.h.store.votes.tally(t.id)).toEqual({ counts: { c: 1 }, voted: 1 });
    expect(await k.h.store.votes.ofHousehold(t.id, household())).toMatchObject({ id: voteId(t.id, household()), optionId: 'c', personId: k.husband.id, changes: 1 });
    // The wife reads what her household voted now.
    expect(data(await k.detail(t.id, k.wife)).myVote).toMatchObject({ optionId: 'c', by: '孙建国' });
  });

  it('never counts more than one vote per household when its people vote at once', async () => {
    const t = await k.opened(k.topic({ title: '快递柜装在哪里' }));
    const tries = await Promise.all([k.vote(t.id, 'a', k.wife), k.vote(t.id, 'b', k.husband), k.vote(t.id, 'b', k.wife), k.vote(t.id, 'a', k.husband), k.vote(t.id, 'c', k.neighbour)]);
    expect(tries.every((r) => r.ok)).toBe(true);
    const tally = await k.h.store.votes.tally(t.id);
    expect(tally.voted).toBe(2);
    expect(Object.values(tally.counts).reduce((a, b) => a + b, 0)).toBe(2);
    expect(tally.counts.c).toBe(1);
  });
});

describe('when and who may vote', () => {
  it('refuses a vote before it opens, and after it closes, writing nothing', async () => {
    const later = await k.opened(k.topic({ title: '要不要请保安夜间巡逻', voteFrom: '2026-11-25', voteUntil: '2026-11-27', opinionsUntil: '2026-11-27' }));
    expect(data(await k.detail(later.id, k.wife))).toMatchObject({ phase: 'opinions', can: { vote: false, say: true }, voteClosedReason: '投票11月25日开始，现在可以先发表意见' });
    expectFailure(await k.writesNothing(() => k.vote(later.id, 'a', k.wife)), 'TOPIC.VOTE_NOT_OPEN', 'topicId');
    k.at(2);
    data(await k.vote(later.id, 'a', k.wife));
    k.at(5);
    expectFailure(await k.writesNothing(() => k.vote(later.id, 'b', k.husband)), 'TOPIC.VOTE_CLOSED', 'topicId');
    expect((await k.h.store.votes.ofHousehold(later.id, household()))?.optionId).toBe('a');
  });

  it('refuses a withdrawn topic’s vote as closed', async () => {
    const t = await k.opened(k.topic({ title: '要不要办百家宴' }));
    data(await k.call<TopicView>('withdraw', { id: t.id, version: t.version, reason: '改到春节再议' }, k.secretary));
    expectFailure(await k.writesNothing(() => k.vote(t.id, 'a', k.wife)), 'TOPIC.VOTE_CLOSED');
  });

  it('refuses anyone without a door under the topic’s unit: TOPIC.NOT_HOUSEHOLD', async () => {
    const t = await k.opened(k.topic({ unitId: k.building.id, title: '1号楼要不要装电梯' }), k.lead);
    for (const who of [k.noDoor, k.staff, k.lead, k.member]) expectFailure(await k.writesNothing(() => k.vote(t.id, 'a', who)), 'TOPIC.NOT_HOUSEHOLD', 'topicId');
    // Another building's resident does not read it at all.
    expectFailure(await k.vote(t.id, 'a', k.upstairs), 'TOPIC.NOT_YOURS');
    expect(data(await k.vote(t.id, 'a', k.neighbour)).turnout).toEqual({ voted: 1, households: 2, percent: 50 });
  });

  it('refuses a vote on an open question (TOPIC.NO_VOTE) and an option the topic does not have (TOPIC.BAD_OPTION)', async () => {
    const q = await k.opened(k.question(), k.lead);
    expectFailure(await k.writesNothing(() => k.vote(q.id, 'a', k.wife)), 'TOPIC.NO_VOTE', 'topicId');
    const t = await k.opened(k.topic({ title: '儿童游乐区铺什么地面', options: ['塑胶', '草坪'] }));
    expectFailure(await k.writesNothing(() => k.vote(t.id, 'c', k.wife)), 'TOPIC.BAD_OPTION', 'optionId');
    expectFailure(await k.writesNothing(() => k.vote(t.id, 'z', k.wife)), 'INPUT.INVALID', 'optionId');
  });
});
