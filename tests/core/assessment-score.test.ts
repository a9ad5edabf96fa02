import { DEFAULT_ASSESSMENT_POLICY, assessmentResult, policyWeighs, surveySummary, type AssessmentPolicy, type SurveyAnswers, type SurveyAnswerValue } from '../../src/core';

const all = (v: SurveyAnswerValue): SurveyAnswers => ({ response: v, repair: v, cleaning: v, security: v, attitude: v });
const policy = (extra: Partial<AssessmentPolicy> = {}): AssessmentPolicy => ({ ...DEFAULT_ASSESSMENT_POLICY, ...extra });
const rates = (responseRate: number | null, onTimeRate: number | null, satisfactionRate: number | null, reports = 10) => ({ reports, responseRate, onTimeRate, satisfactionRate });

describe('survey summary', () => {
  it('counts each answer per question and weighs 满意 1, 基本满意 ½, 不满意 0', () => {
    const s = surveySummary([
      { answers: all('satisfied') },
      { answers: { ...all('basically_satisfied'), repair: 'unsatisfied' } },
      { answers: { ...all('satisfied'), cleaning: 'unsatisfied' } },
      { answers: all('unsatisfied') },
    ]);
    expect(s.answers).toBe(4);
    expect(s.perQuestion.response).toEqual({ satisfied: 2, basically_satisfied: 1, unsatisfied: 1 });
    expect(s.perQuestion.repair).toEqual({ satisfied: 2, basically_satisfied: 0, unsatisfied: 2 });
    expect(s.perQuestion.cleaning).toEqual({ satisfied: 1, basically_satisfied: 1, unsatisfied: 2 });
    expect(s.questionScore.response).toBeCloseTo(2.5 / 4);
    expect(s.questionScore.repair).toBeCloseTo(2 / 4);
    expect(s.questionScore.cleaning).toBeCloseTo(1.5 / 4);
    // 20 answers in all: 5 + (4 × ½) + 4 + 0 = 11 → 11 / 20.
    expect(s.score).toBeCloseTo(11 / 20);
  });

  it('has no score without answers (not 0)', () => {
    const s = surveySummary([]);
    expect(s).toMatchObject({ answers: 0, score: null });
    expect(s.questionScore.attitude).toBeNull();
    expect(s.perQuestion.attitude).toEqual({ satisfied: 0, basically_satisfied: 0, unsatisfied: 0 });
  });
});

describe('assessment score and flag', () => {
  const survey = (score: number | null, answers = 10) => ({ answers, score });

  it.each([
    // [what, figures, survey, policy, score, flag, reasons]
    ['every part at 100 %: red', rates(1, 1, 1), survey(1), policy(), 100, 'red', []],
    ['weighted mean 20/20/20/40: 0.2·0.5 + 0.2·1 + 0.2·0.75 + 0.4·0.9 = 81 → red at 80', rates(0.5, 1, 0.75), survey(0.9), policy(), 81, 'red', []],
    ['just below the line: 79.9 → yellow', rates(0.799, 0.799, 0.799), survey(0.799), policy(), 79.9, 'yellow', []],
    ['exactly on the line is red (at or above)', rates(0.8, 0.8, 0.8), survey(0.8), policy(), 80, 'red', []],
    ['a rate with no data is left out, the other weights count for it: (0.2·1 + 0.2·1 + 0.4·0.5) / 0.8 = 75', rates(1, 1, null), survey(0.5), policy(), 75, 'yellow', []],
    ['a part weighing 0 does not count: survey only', rates(0, 0, 0), survey(0.85), policy({ weights: { responseRate: 0, onTimeRate: 0, satisfactionRate: 0, survey: 1 } }), 85, 'red', []],
    ['too few reports: a score but no flag', rates(1, 1, 1, 2), survey(1), policy(), 100, null, ['few_reports']],
    ['too few answers: a score but no flag', rates(1, 1, 1), survey(1, 4), policy(), 100, null, ['few_answers']],
    ['neither: both reasons', rates(null, null, null, 0), survey(0.2, 1), policy(), 20, null, ['few_reports', 'few_answers']],
    ['nothing at all with minimums of 0: no score, never a flag on nothing', rates(null, null, null, 0), survey(null, 0), policy({ minReports: 0, minAnswers: 0 }), null, null, []],
    ['minimums of 0 with data: a flag', rates(null, null, null, 0), survey(0.3, 1), policy({ minReports: 0, minAnswers: 0 }), 30, 'yellow', []],
  ] as const)('%s', (_what, f, s, p, score, flag, reasons) => {
    const r = assessmentResult(f, s, p);
    expect(r.score).toBe(score);
    expect(r.flag).toBe(flag);
    expect(r.noFlagReasons).toEqual(reasons);
  });

  it('reports each part with its value and its share of the weights used', () => {
    const r = assessmentResult(rates(1, 1, null), survey(0.5), policy());
    expect(r.parts.responseRate).toEqual({ value: 1, weight: 0.25 });
    expect(r.parts.survey).toEqual({ value: 0.5, weight: 0.5 });
    expect(r.parts.satisfactionRate).toEqual({ value: null, weight: 0 });
  });

  it('rounds to one decimal before comparing, so what is printed decides: 79.96 shows 80.0 and is red', () => {
    expect(assessmentResult(rates(0.7996, 0.7996, 0.7996), survey(0.7996), policy())).toMatchObject({ score: 80, flag: 'red' });
  });

  it('knows a policy that weighs nothing', () => {
    expect(policyWeighs(policy())).toBe(true);
    expect(policyWeighs(policy({ weights: { responseRate: 0, onTimeRate: 0, satisfactionRate: 0, survey: 0 } }))).toBe(false);
  });
});
