/** What the assessments function (物业公司, 物业测评) answers. */
import type { AssessmentPolicy, AssessmentResult, AssessmentStatus, Flag, ScorePart, SurveyAnswers, SurveyAnswerValue, SurveyQuestion, SurveySummary } from '../assessment';
import type { Figures } from '../reports';
import type { UnitRef } from '../views';

export interface CompanyRef {
  id: string;
  name: string;
  contactPhone: string | null;
}

export interface PropertyCompanyView extends CompanyRef {
  version: number;
  communityId: string;
  compounds: UnitRef[];
  /** Its people: the property_manager bindings on its compounds (bound on the management page's people and roles). */
  managers: { id: string; name: string; compoundId: string }[];
  archived: boolean;
  createdAt: number;
}

export interface CompaniesView {
  community: UnitRef;
  companies: PropertyCompanyView[];
  /** Every live compound of the community, with the company serving it (null: none registered). */
  compounds: (UnitRef & { companyId: string | null })[];
}

export interface AssessmentPolicyView {
  community: UnitRef;
  policy: AssessmentPolicy;
  /** 0 while the community still has the defaults. */
  version: number;
  labels: Record<ScorePart, string>;
}

export interface SurveyQuestionView {
  id: SurveyQuestion;
  /** "响应速度" */
  label: string;
  /** "有事找物业，来得快不快？" */
  text: string;
}

export interface SurveyView {
  compound: UnitRef;
  /** "幸福里小区" */
  trail: string;
  month: string;
  /** "2026年11月" */
  monthLabel: string;
  company: CompanyRef | null;
  questions: SurveyQuestionView[];
  /** The three answers in order: 满意, 基本满意, 不满意. */
  choices: { value: SurveyAnswerValue; label: string }[];
  /** The household answered this month (whoever of it answered). */
  answered: boolean;
  answeredAt: number | null;
  /** Who of the household answered (only the household reads its survey). */
  answeredBy: { id: string; name: string } | null;
  /** The household's answers when the caller gave them; null otherwise (another member of the household answered, or none). */
  mine: SurveyAnswers | null;
  /** May answer now: not answered, a company serves the compound, the month is open. */
  open: boolean;
  /** Why not, in words for the page; null when open or answered. */
  closedReason: string | null;
}

export interface AssessmentView {
  id: string;
  version: number;
  compound: UnitRef;
  trail: string;
  month: string;
  monthLabel: string;
  company: CompanyRef;
  figures: Figures;
  survey: SurveySummary;
  policy: AssessmentPolicy;
  result: AssessmentResult;
  flag: Flag | null;
  /** "红旗" / "黄旗"; null with no flag. */
  flagLabel: string | null;
  /** Why no flag, in words ("物业办理的反映太少（1 件，至少 3 件）"); null with a flag. */
  noFlagText: string | null;
  status: AssessmentStatus;
  statusLabel: string;
  computedAt: number;
  publishedAt: number | null;
  publishedBy: { id: string; name: string } | null;
}

export interface ReviewRow {
  compound: UnitRef;
  company: CompanyRef | null;
  /** null: not computed yet (or no company). */
  assessment: AssessmentView | null;
}

export interface AssessmentReview {
  community: UnitRef;
  month: string;
  monthLabel: string;
  policyVersion: number;
  rows: ReviewRow[];
}

export interface CompoundAssessments {
  compound: UnitRef;
  trail: string;
  company: CompanyRef | null;
  /** The latest published month; null before the first. */
  latest: AssessmentView | null;
  /** Published months, newest first (at most 24). */
  history: AssessmentView[];
}

export interface SurveyComment {
  at: number;
  /** "3号楼": the building, never the door or the name. */
  building: string;
  comment: string;
}

export interface AssessmentsOutputs {
  companies: CompaniesView;
  saveCompany: PropertyCompanyView;
  archiveCompany: PropertyCompanyView;
  policy: AssessmentPolicyView;
  savePolicy: AssessmentPolicyView;
  survey: SurveyView;
  answer: SurveyView;
  review: AssessmentReview;
  compute: AssessmentReview;
  publish: AssessmentView;
  detail: AssessmentView;
  compound: CompoundAssessments;
  comments: { compound: UnitRef; month: string; comments: SurveyComment[] };
}
