/**
 * The residents' survey (物业测评问卷): a household of the compound answers once a month, this month
 * or last; two people of one household share one answer, however many send at once. A resident of
 * another compound, a month to come, a month closed or published, a home without a door, a
 * compound without a company: each refused with a code, nothing written.
 */
import type { Outputs } from '../../src/core';
import { data, expectFailure } from '../support/harness';
import { ALL_SATISFIED, LAST_MONTH, MONTH, assessmentsKit, type AssessmentsKit } from './support/assessments';

let k: AssessmentsKit;
beforeAll(async () => {
  k = await assessmentsKit();
  await k.register('幸福里物业服务有限公司', [k.compound]);
});
afterAll(() => k.h.close());

describe('the survey', () => {
  it('shows a resident this month\'s questions for their compound, open until their household answers', async () => {
    const s = data(await k.call<Outputs['assessments']['survey']>('survey', {}, k.neighbour));
    expect(s).toMatchObject({ compound: { id: k.compound.id }, trail: '阳光社区 幸福里小区', month: MONTH, monthLabel: '2026年11月', company: { name: '幸福里物业服务有限公司' }, answered: false, open: true, closedReason: null, mine: null });
    expect(s.questions.map((q) => q.label)).toEqual(['响应速度', '维修质量', '环境卫生', '安全秩序', '服务态度']);
    expect(s.choices.map((c) => c.label)).toEqual(['满意', '基本满意', '不满意']);
  });

  it('takes one answer per household: the second, and the other person of the household, are told it is answered', async () => {
    const answers = { ...ALL_SATISFIED, cleaning: 'unsatisfied' };
    const first = data(await k.answer(k.resident, { answers, comment: '  楼道堆了杂物  ' }));
    expect(first).toMatchObject({ answered: true, open: false, mine: answers, answeredAt: k.h.clock.now() });
    await k.writesNothing(async () => {
      expectFailure(await k.answer(k.resident), 'ASSESSMENT.ALREADY_ANSWERED', 'month');
      // 2单元 502室 is 2 / 502: the same household.
      expectFailure(await k.answer(k.spouse), 'ASSESSMENT.ALREADY_ANSWERED', 'month');
    });
    // The other person sees the household answered and by whom, not the answers given.
    expect(data(await k.call<Outputs['assessments']['survey']>('survey', { compoundId: k.compound.id }, k.spouse))).toMatchObject({
      answered: true,
      open: false,
      mine: null,
      answeredBy: { id: k.resident.id, name: k.resident.name },
    });
    const stored = await k.h.store.assessments.answers(k.compound.id, MONTH);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ personId: k.resident.id, comment: '楼道堆了杂物', communityId: k.community.id, answers });
  });

  it('writes one of 50 answers from one household sent at once; the others are told it is answered', async () => {
    const household = [k.personAt('resident', k.building, '周一', { entrance: '3', floor: 1, room: '101' })];
    for (let i = 1; i < 5; i++) household.push(k.personAt('resident', k.building, `周${i + 1}`, { entrance: '3单元', floor: 1, room: '101室' }));
    const people = await Promise.all(household);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => k.answer(people[i % people.length], { month: LAST_MONTH })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expectFailure(r, 'ASSESSMENT.ALREADY_ANSWERED', 'month');
    expect((await k.h.store.assessments.answers(k.compound.id, LAST_MONTH)).filter((a) => a.householdKey.endsWith('|3|101'))).toHaveLength(1);
  });

  it('refuses a resident of another compound or community, a lead, a home without a door, nothing written', async () => {
    await k.writesNothing(async () => {
      expectFailure(await k.answer(k.otherResident), 'ASSESSMENT.NOT_RESIDENT', 'compoundId');
      expectFailure(await k.answer(k.farResident), 'ASSESSMENT.NOT_RESIDENT', 'compoundId');
      expectFailure(await k.answer(k.lead), 'ASSESSMENT.NOT_RESIDENT', 'compoundId');
      expectFailure(await k.answer(k.property), 'ASSESSMENT.NOT_RESIDENT', 'compoundId');
      expectFailure(await k.answer(k.staff), 'ASSESSMENT.NOT_RESIDENT', 'compoundId');
      expectFailure(await k.answer(k.doorless), 'ASSESSMENT.NO_DOOR', 'compoundId');
      expectFailure(await k.answer(k.neighbour, { compoundId: k.building.id }), 'UNIT.NOT_FOUND', 'compoundId');
      expectFailure(await k.answer(k.neighbour, { compoundId: 'unit_nowhere' }), 'UNIT.NOT_FOUND', 'compoundId');
    });
  });

  it('refuses a month to come, a month before last, a bad answer; and a compound without a company', async () => {
    await k.writesNothing(async () => {
      expectFailure(await k.answer(k.neighbour, { month: '2026-12' }), 'ASSESSMENT.BAD_MONTH', 'month');
      expectFailure(await k.call('survey', { month: '2027-01' }, k.neighbour), 'ASSESSMENT.BAD_MONTH', 'month');
      expectFailure(await k.answer(k.neighbour, { month: '2026-09' }), 'ASSESSMENT.SURVEY_CLOSED', 'month');
      expectFailure(await k.answer(k.neighbour, { month: '2026-13' }), 'INPUT.INVALID', 'month');
      expectFailure(await k.answer(k.neighbour, { answers: { ...ALL_SATISFIED, repair: 'great' } }), 'INPUT.INVALID');
      const { repair: _r, ...missing } = ALL_SATISFIED;
      expectFailure(await k.answer(k.neighbour, { answers: missing }), 'INPUT.INVALID');
      expectFailure(await k.answer(k.neighbour, { comment: '长'.repeat(201) }), 'INPUT.INVALID', 'comment');
      expectFailure(await k.answer(k.otherResident, { compoundId: k.otherCompound.id }), 'ASSESSMENT.NO_COMPANY', 'compoundId');
    });
    const s = data(await k.call<Outputs['assessments']['survey']>('survey', {}, k.otherResident));
    expect(s).toMatchObject({ open: false, company: null, closedReason: expect.stringContaining('物业公司') });
    expect(data(await k.call<Outputs['assessments']['survey']>('survey', { month: '2026-08' }, k.neighbour))).toMatchObject({ open: false, closedReason: expect.stringContaining('结束') });
  });

  it('closes a month once it is published', async () => {
    data(await k.call('compute', { communityId: k.community.id, month: LAST_MONTH }, k.staff));
    const review = data(await k.call<Outputs['assessments']['review']>('review', { month: LAST_MONTH }, k.staff));
    const a = review.rows.find((r) => r.compound.id === k.compound.id)!.assessment!;
    data(await k.call('publish', { id: a.id, version: a.version }, k.staff));
    await k.writesNothing(async () => {
      expectFailure(await k.answer(k.neighbour, { month: LAST_MONTH }), 'ASSESSMENT.SURVEY_CLOSED', 'month');
    });
    expect(data(await k.call<Outputs['assessments']['survey']>('survey', { month: LAST_MONTH }, k.neighbour))).toMatchObject({ open: false, closedReason: expect.stringContaining('公布') });
  });
});
