/**
 * The figures behind a month's score, in the words staff and the notice board use: each rate with
 * how many of how many it counts, and "暂无" for a rate with nothing behind it (never 0 %).
 */
import type { AssessmentView } from '../../api';
import { SURVEY_QUESTIONS, SURVEY_QUESTION_LABEL, type SurveyQuestion } from '../../../../src/core/assessment';

/** 0.873 → "87.3%"; no reports behind it → "暂无". */
export const percent = (rate: number | null): string => (rate === null ? '暂无' : `${(Math.round(rate * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`);

/** The survey's score 0–1 as points of 100: "92 分"; no answer → "暂无". */
export const surveyPoints = (score: number | null): string => (score === null ? '暂无' : `${Math.round(score * 100)} 分`);

/** The combined score: "86.5 分"; no part with data → "暂无". */
export const scoreText = (score: number | null): string => (score === null ? '暂无' : `${score} 分`);

export interface FigureLine {
  key: 'responseRate' | 'onTimeRate' | 'satisfactionRate' | 'survey';
  label: string;
  value: string;
  /** What it counts: "按时响应 9 / 10 件". */
  basis: string;
}

/** The four parts of the score, in the policy's order. */
export function figureLines(a: Pick<AssessmentView, 'figures' | 'survey'>): FigureLine[] {
  const f = a.figures;
  const s = a.survey;
  return [
    { key: 'responseRate', label: '响应率', value: percent(f.responseRate), basis: f.responseDue ? `按时响应 ${f.respondedOnTime} / ${f.responseDue} 件` : '当月没有要响应的反映' },
    { key: 'onTimeRate', label: '按时办结率', value: percent(f.onTimeRate), basis: f.resolved ? `按时办结 ${f.resolvedOnTime} / ${f.resolved} 件` : '当月没有办结的反映' },
    { key: 'satisfactionRate', label: '满意率', value: percent(f.satisfactionRate), basis: f.rated ? `满意和基本满意 ${f.satisfied} / ${f.rated} 件` : '当月没有评价过的反映' },
    { key: 'survey', label: '问卷得分', value: surveyPoints(s.score), basis: s.answers ? `${s.answers} 户参加测评` : '当月没有住户参加测评' },
  ];
}

/** Each question's score as points of 100, for the notice's survey lines. */
export function questionLines(a: Pick<AssessmentView, 'survey'>): { id: SurveyQuestion; label: string; value: string }[] {
  return SURVEY_QUESTIONS.map((q) => ({ id: q, label: SURVEY_QUESTION_LABEL[q], value: surveyPoints(a.survey.questionScore[q]) }));
}
