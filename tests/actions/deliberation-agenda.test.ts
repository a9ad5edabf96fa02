/**
 * The 逢三说事 agenda (management.agenda) lists the topics under the unit that wait for a decision —
 * their vote closed (an open question: their opinions' time ended) before the meeting day — with
 * turnout and the leading option; a decided topic, or one still voting, is not on it.
 */
import type { Agenda } from '../../src/core';
import { data } from '../support/harness';
import { dayAfter, deliberationKit, type DeliberationKit } from './support/deliberation';

let k: DeliberationKit;
beforeAll(async () => {
  k = await deliberationKit();
});
afterAll(() => k.h.close());
afterEach(() => k.at(0));

const agenda = (date: string, unitId = k.compound.id) => k.h.call<Agenda>('management', 'agenda', { unitId, date }, k.staff.cred);

it('puts the topics whose vote closed before the meeting day on its agenda, with turnout and the leading option', async () => {
  const closing = await k.opened(k.topic({ title: '充电桩装在哪里', voteUntil: dayAfter(1), opinionsUntil: dayAfter(1) }));
  data(await k.vote(closing.id, 'b', k.wife));
  data(await k.vote(closing.id, 'b', k.upstairs));
  data(await k.vote(closing.id, 'a', k.neighbour));
  const question = await k.opened(k.question({ title: '旧自行车怎么处理', opinionsUntil: dayAfter(2) }), k.lead);
  const later = await k.opened(k.topic({ title: '投票到下个月的议题', voteUntil: dayAfter(20), opinionsUntil: dayAfter(20) }));
  const decided = await k.opened(k.question({ title: '已经决定的议题' }), k.lead);
  data(await k.call('decide', k.decision(decided, { decidedBy: 'residents_meeting', optionId: null, meetingDay: dayAfter(0) }), k.lead));

  k.at(10);
  const a = data(await agenda('2026-12-03'));
  expect(a.topics.map((t) => t.id)).toEqual([closing.id, question.id]);
  expect(a.topics[0]).toEqual({
    id: closing.id,
    title: '充电桩装在哪里',
    trail: '阳光社区 幸福里小区',
    phase: 'awaiting',
    closedAt: Date.parse(`${dayAfter(1)}T23:59:59.999+08:00`),
    turnout: { voted: 3, households: 3, percent: 100 },
    leading: ['地下车库入口旁 (2)'],
  });
  expect(a.topics[1]).toMatchObject({ title: '旧自行车怎么处理', trail: '阳光社区 幸福里小区 1号楼', leading: [] });
  expect(a.topics.map((t) => t.id)).not.toContain(later.id);
  // An agenda of a building lists that building's only.
  expect(data(await agenda('2026-12-03', k.otherBuilding.id)).topics).toEqual([]);
});
