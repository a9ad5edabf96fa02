/**
 * The survey's checks, said in the words the resident reads under each question before anything is
 * sent (the server says the same: schemas/assessments.ts).
 */
import type { SurveyView } from '../../core/api';
import type { SurveyAnswers, SurveyAnswerValue, SurveyQuestion } from '../../core/assessment';

export type Picked = Partial<Record<SurveyQuestion, SurveyAnswerValue>>;
export type SurveyErrors = Partial<Record<SurveyQuestion, string | null>>;

export function checkSurvey(questions: SurveyView['questions'], picked: Picked): SurveyErrors {
  return Object.fromEntries(questions.map((q) => [q.id, picked[q.id] ? null : `请为“${q.label}”选择满意、基本满意或不满意`]));
}

export const hasErrors = (e: SurveyErrors) => Object.values(e).some(Boolean);

/** Every question answered: the answer as the server takes it. */
export const complete = (questions: SurveyView['questions'], picked: Picked): SurveyAnswers =>
  Object.fromEntries(questions.map((q) => [q.id, picked[q.id]!])) as SurveyAnswers;
