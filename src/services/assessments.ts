/**
 * 物业测评 (#25): what the property pages call. A resident reads this month's survey for their compound
 * and answers it once for the household; anyone bound in the compound reads its public page — the
 * latest published flag, the figures behind it and the months before. The answer carries a client
 * request id made once per survey form, so a retry after a dropped answer is the same answer, not a
 * second one. Every answer is a result value whose failure `message` can be shown as it is.
 */
import type { ActionInput } from '../core/api';
import { call } from './api';

export type SurveyAnswerInput = ActionInput<'assessments', 'answer'>;

/** This month's survey of the caller's compound (or `compoundId`'s), and whether the household answered. */
export const propertySurvey = (compoundId?: string) => call('assessments', 'survey', compoundId ? { compoundId } : {});

/** The household's answer for the month: once per household, compound and month. */
export const answerPropertySurvey = (input: SurveyAnswerInput & { clientRequestId: string }) => call('assessments', 'answer', input);

/** The compound's public page: its company, the latest published flag with its figures, and history by month. */
export const compoundAssessments = (compoundId?: string) => call('assessments', 'compound', compoundId ? { compoundId } : {});
