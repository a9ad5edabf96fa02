/**
 * The monthly assessment of a compound's property company (物业测评): the rates of the reports its
 * people handled (assessment-figures.ts) and a short survey residents answer, one answer per
 * household per month, weighed by the community's policy into a score, and the score into a flag —
 * red (红旗) for the good, yellow (黄旗) for the poor (assessment-score.ts). Staff compute a month
 * (a draft), review it and publish it; the published flag and the figures behind it show on the
 * compound's public page and on the notice board (A4).
 *
 * One assessment per compound and month: its id is `<compoundId>:<month>`. One survey answer per
 * household, compound and month: its id is `<compoundId>:<month>:<householdKey>`, so two people of
 * one household answering at once write one answer (the store's unique key).
 */
import type { Figures, Rating } from './reports';

/** The survey's questions: fixed, short, in the words residents use. */
export const SURVEY_QUESTIONS = ['response', 'repair', 'cleaning', 'security', 'attitude'] as const;
export type SurveyQuestion = (typeof SURVEY_QUESTIONS)[number];
export const SURVEY_QUESTION_LABEL: Record<SurveyQuestion, string> = {
  response: '响应速度',
  repair: '维修质量',
  cleaning: '环境卫生',
  security: '安全秩序',
  attitude: '服务态度',
};
/** What each question asks, as the survey page says it (elder mode reads it aloud in large type). */
export const SURVEY_QUESTION_TEXT: Record<SurveyQuestion, string> = {
  response: '有事找物业，来得快不快？',
  repair: '报修的东西，修得好不好？',
  cleaning: '楼道、院子干不干净？',
  security: '门岗、停车、夜间巡逻，秩序好不好？',
  attitude: '物业人员说话办事，态度好不好？',
};

/** The answers are the report ratings' three (满意 / 基本满意 / 不满意). */
export type SurveyAnswerValue = Rating;

/** What an answer is worth in the survey's score: basically satisfied is half of satisfied. */
export const ANSWER_VALUE: Record<SurveyAnswerValue, number> = { satisfied: 1, basically_satisfied: 0.5, unsatisfied: 0 };

export type SurveyAnswers = Record<SurveyQuestion, SurveyAnswerValue>;

/** One household's answer for a compound and month. */
export interface SurveyAnswer {
  /** `<compoundId>:<month>:<householdKey>`: see surveyAnswerId(). */
  id: string;
  compoundId: string;
  communityId: string;
  /** "2026-11" (China time). */
  month: string;
  householdKey: string;
  buildingId: string;
  /** Who answered for the household. */
  personId: string;
  answers: SurveyAnswers;
  /** 其他意见: at most COMMENT_MAX characters; null when none. Staff read it, the public page never. */
  comment: string | null;
  at: number;
}

export const COMMENT_MAX = 200;

export const surveyAnswerId = (compoundId: string, month: string, householdKey: string): string => `${compoundId}:${month}:${householdKey}`;
export const assessmentId = (compoundId: string, month: string): string => `${compoundId}:${month}`;

/** The parts of the score: the three report rates and the survey. */
export const SCORE_PARTS = ['responseRate', 'onTimeRate', 'satisfactionRate', 'survey'] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];
export const SCORE_PART_LABEL: Record<ScorePart, string> = {
  responseRate: '响应率',
  onTimeRate: '按时办结率',
  satisfactionRate: '满意率',
  survey: '居民测评',
};

/**
 * A community's policy (meta `assessmentPolicy:<communityId>`, versioned): the weights of the parts
 * (whole numbers; what counts is each one's share of their sum), the score at or above which a
 * compound gets a red flag (below it, yellow), and the least data a flag may stand on: with fewer
 * counted reports or fewer survey answers, the month has a score but no flag.
 */
export interface AssessmentPolicy {
  weights: Record<ScorePart, number>;
  /** 0–100: a score at or above this is red, below it yellow. */
  redAt: number;
  /** Counted reports (figures().reports) the company handled in the month, at least. */
  minReports: number;
  /** Households that answered the survey, at least. */
  minAnswers: number;
}

export const DEFAULT_ASSESSMENT_POLICY: AssessmentPolicy = {
  weights: { responseRate: 20, onTimeRate: 20, satisfactionRate: 20, survey: 40 },
  redAt: 80,
  minReports: 3,
  minAnswers: 5,
};

/** Bounds of the policy's numbers, so a slip of the keyboard cannot make every compound red. */
export const WEIGHT_MAX = 100;
export const MIN_REPORTS_MAX = 100;
export const MIN_ANSWERS_MAX = 1000;

/** The survey's answers counted: per question, how many of each answer. */
export interface SurveySummary {
  /** Households that answered. */
  answers: number;
  perQuestion: Record<SurveyQuestion, Record<SurveyAnswerValue, number>>;
  /** Per question: the mean of ANSWER_VALUE, 0–1; null with no answer. */
  questionScore: Record<SurveyQuestion, number | null>;
  /** The mean over every question of every answer, 0–1; null with no answer. */
  score: number | null;
}

export const FLAGS = ['red', 'yellow'] as const;
export type Flag = (typeof FLAGS)[number];
export const FLAG_LABEL: Record<Flag, string> = { red: '红旗', yellow: '黄旗' };

/** Why a month has no flag: too few reports, too few answers, or neither reports nor answers. */
export type NoFlagReason = 'few_reports' | 'few_answers';
export const NO_FLAG_LABEL: Record<NoFlagReason, string> = {
  few_reports: '物业办理的反映太少',
  few_answers: '参加测评的住户太少',
};

/** The score and flag of a month: see assessment-score.ts. */
export interface AssessmentResult {
  /** 0–100, one decimal; null when no part has data. */
  score: number | null;
  /** Each part's value (0–1, null: no data) and its share of the weights actually used. */
  parts: Record<ScorePart, { value: number | null; weight: number }>;
  /** null: not enough data for a flag (noFlagReasons says why), never a flag on nothing. */
  flag: Flag | null;
  noFlagReasons: NoFlagReason[];
}

export const ASSESSMENT_STATUSES = ['draft', 'published'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const ASSESSMENT_STATUS_LABEL: Record<AssessmentStatus, string> = { draft: '待发布', published: '已发布' };

/** A compound's month, as computed (draft) and, once staff publish it, as shown. */
export interface Assessment {
  /** `<compoundId>:<month>` */
  id: string;
  compoundId: string;
  /** The compound's path (lists of a community are one prefix). */
  compoundPath: string;
  communityId: string;
  month: string;
  companyId: string;
  /** The company's name when computed: a renamed or archived company keeps its history readable. */
  companyName: string;
  /** figures() of the reports the company's people handled (assessment-figures.ts). */
  figures: Figures;
  survey: SurveySummary;
  /** The policy it was computed under, and that policy's version. */
  policy: AssessmentPolicy;
  policyVersion: number;
  result: AssessmentResult;
  status: AssessmentStatus;
  computedAt: number;
  computedBy: string;
  publishedAt: number | null;
  publishedBy: string | null;
  version: number;
}
