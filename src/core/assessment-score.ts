/**
 * The survey's summary, the month's score and its flag, as pure functions of the counts.
 * - The survey: each answer is worth ANSWER_VALUE (满意 1, 基本满意 ½, 不满意 0); a question's
 *   score is the mean of its answers, the survey's the mean of every answer to every question.
 * - The score (0–100, one decimal): the weighted mean of the parts that have a value — a rate with
 *   nothing to divide by is left out and the other weights count for it, never read as 0 % or 100 %.
 * - The flag: red at or above the policy's `redAt`, yellow below — but only when the month stands
 *   on enough data: at least `minReports` counted reports and `minAnswers` households. Otherwise
 *   null with the reasons, never a flag on nothing.
 */
import {
  ANSWER_VALUE,
  SCORE_PARTS,
  SURVEY_QUESTIONS,
  type AssessmentPolicy,
  type AssessmentResult,
  type NoFlagReason,
  type ScorePart,
  type SurveyAnswers,
  type SurveyAnswerValue,
  type SurveyQuestion,
  type SurveySummary,
} from './assessment';
import type { Figures } from './reports/figures';

const zeroCounts = (): Record<SurveyAnswerValue, number> => ({ satisfied: 0, basically_satisfied: 0, unsatisfied: 0 });

export function surveySummary(list: readonly { answers: SurveyAnswers }[]): SurveySummary {
  const perQuestion = Object.fromEntries(SURVEY_QUESTIONS.map((q) => [q, zeroCounts()])) as Record<SurveyQuestion, Record<SurveyAnswerValue, number>>;
  for (const a of list) for (const q of SURVEY_QUESTIONS) perQuestion[q][a.answers[q]] += 1;
  const valueOf = (c: Record<SurveyAnswerValue, number>) => c.satisfied * ANSWER_VALUE.satisfied + c.basically_satisfied * ANSWER_VALUE.basically_satisfied + c.unsatisfied * ANSWER_VALUE.unsatisfied;
  const questionScore = Object.fromEntries(SURVEY_QUESTIONS.map((q) => [q, list.length === 0 ? null : valueOf(perQuestion[q]) / list.length])) as Record<SurveyQuestion, number | null>;
  const total = SURVEY_QUESTIONS.reduce((s, q) => s + valueOf(perQuestion[q]), 0);
  return { answers: list.length, perQuestion, questionScore, score: list.length === 0 ? null : total / (list.length * SURVEY_QUESTIONS.length) };
}

/** One decimal, as shown and as compared with the threshold (what people read is what decides). */
const oneDecimal = (x: number) => Math.round(x * 1000) / 10;

export function assessmentResult(f: Pick<Figures, 'reports' | 'responseRate' | 'onTimeRate' | 'satisfactionRate'>, s: Pick<SurveySummary, 'answers' | 'score'>, policy: AssessmentPolicy): AssessmentResult {
  const values: Record<ScorePart, number | null> = { responseRate: f.responseRate, onTimeRate: f.onTimeRate, satisfactionRate: f.satisfactionRate, survey: s.score };
  const used = SCORE_PARTS.filter((p) => values[p] !== null && policy.weights[p] > 0);
  const weightSum = used.reduce((sum, p) => sum + policy.weights[p], 0);
  const parts = Object.fromEntries(SCORE_PARTS.map((p) => [p, { value: values[p], weight: used.includes(p) ? policy.weights[p] / weightSum : 0 }])) as AssessmentResult['parts'];
  const score = weightSum === 0 ? null : oneDecimal(used.reduce((sum, p) => sum + (values[p] as number) * policy.weights[p], 0) / weightSum);
  const noFlagReasons: NoFlagReason[] = [];
  if (f.reports < policy.minReports) noFlagReasons.push('few_reports');
  if (s.answers < policy.minAnswers) noFlagReasons.push('few_answers');
  // A score of nothing (every part empty, or every weight 0) carries no flag even with minimums of 0.
  const flag = score === null || noFlagReasons.length > 0 ? null : score >= policy.redAt ? 'red' : 'yellow';
  return { score, parts, flag, noFlagReasons };
}

/** A policy's weights count only if some part weighs something. */
export const policyWeighs = (p: AssessmentPolicy): boolean => SCORE_PARTS.some((k) => p.weights[k] > 0);
