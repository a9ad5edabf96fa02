/** Small factories for what the assessments function answers (src/core/outputs/assessments.ts). */
import type { AssessmentPolicyView, AssessmentReview, AssessmentView, CompaniesView, PropertyCompanyView } from '../../../../src/core/outputs/assessments';
import { DEFAULT_ASSESSMENT_POLICY, SCORE_PART_LABEL } from '../../../../src/core/assessment';
import type { Figures } from '../../../../src/core/reports';
import { COMMUNITY, COMPOUND } from './render';

const AT = Date.parse('2026-12-01T02:00:00Z');
export const MONTH = '2026-11';
export const SUNNY = { id: 'u_sunny', name: '阳光花园', kind: 'compound' as const, path: `${COMMUNITY.path}u_sunny/` };
export const PEACE = { id: 'u_peace', name: '和平新村', kind: 'compound' as const, path: `${COMMUNITY.path}u_peace/` };
export const HAPPY_CO = { id: 'pco_1', name: '幸福里物业服务有限公司', contactPhone: '13900004001' };
export const SUNNY_CO = { id: 'pco_2', name: '阳光物业管理有限公司', contactPhone: null };

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x));

export const figures = (o: Partial<Figures> = {}): Figures =>
  ({
    reports: 10,
    responded: 10,
    responseDue: 10,
    respondedOnTime: 9,
    responseRate: 0.9,
    resolved: 8,
    resolvedOnTime: 7,
    onTimeRate: 0.875,
    rated: 6,
    satisfied: 6,
    satisfactionRate: 1,
    resolvedAtLevel: { building: 0, compound: 8, community: 0, street: 0 },
    shareAtLevel: { building: 0, compound: 1, community: 0, street: 0 },
    ...o,
  }) as Figures;

const perQuestion = { satisfied: 7, basically_satisfied: 1, unsatisfied: 0 };

export const assessment = (o: Partial<AssessmentView> = {}): AssessmentView => ({
  id: `${COMPOUND.id}:${MONTH}`,
  version: 1,
  compound: COMPOUND,
  trail: `${COMMUNITY.name} ${COMPOUND.name}`,
  month: MONTH,
  monthLabel: '2026年11月',
  company: HAPPY_CO,
  figures: figures(),
  survey: {
    answers: 8,
    perQuestion: { response: perQuestion, repair: perQuestion, cleaning: perQuestion, security: perQuestion, attitude: perQuestion },
    questionScore: { response: 0.94, repair: 0.94, cleaning: 0.94, security: 0.94, attitude: 0.94 },
    score: 0.94,
  },
  policy: copy(DEFAULT_ASSESSMENT_POLICY),
  result: {
    score: 92.6,
    parts: { responseRate: { value: 0.9, weight: 0.2 }, onTimeRate: { value: 0.875, weight: 0.2 }, satisfactionRate: { value: 1, weight: 0.2 }, survey: { value: 0.94, weight: 0.4 } },
    flag: 'red',
    noFlagReasons: [],
  },
  flag: 'red',
  flagLabel: '红旗',
  noFlagText: null,
  status: 'draft',
  statusLabel: '待发布',
  computedAt: AT,
  publishedAt: null,
  publishedBy: null,
  ...o,
});

/** 阳光花园's month: poor (yellow), published. */
export const yellowPublished = (): AssessmentView =>
  assessment({
    id: `${SUNNY.id}:${MONTH}`,
    compound: SUNNY,
    trail: `${COMMUNITY.name} ${SUNNY.name}`,
    company: SUNNY_CO,
    figures: figures({ respondedOnTime: 3, responseRate: 0.3, resolvedOnTime: 2, onTimeRate: 0.25, satisfied: 2, satisfactionRate: 0.33 }),
    result: { ...assessment().result, score: 41.2, flag: 'yellow' },
    flag: 'yellow',
    flagLabel: '黄旗',
    status: 'published',
    statusLabel: '已发布',
    publishedAt: AT + 3600_000,
    publishedBy: { id: 'p_staff', name: '李娟' },
  });

export const review = (rows: AssessmentReview['rows']): AssessmentReview => ({ community: COMMUNITY, month: MONTH, monthLabel: '2026年11月', policyVersion: 0, rows });

export const policyView = (o: Partial<AssessmentPolicyView> = {}): AssessmentPolicyView => ({
  community: COMMUNITY,
  policy: copy(DEFAULT_ASSESSMENT_POLICY),
  version: 2,
  labels: SCORE_PART_LABEL,
  ...o,
});

export const company = (o: Partial<PropertyCompanyView> = {}): PropertyCompanyView => ({
  ...HAPPY_CO,
  version: 1,
  communityId: COMMUNITY.id,
  compounds: [COMPOUND],
  managers: [{ id: 'p_chen', name: '陈强', compoundId: COMPOUND.id }],
  archived: false,
  createdAt: AT,
  ...o,
});

export const companiesView = (o: Partial<CompaniesView> = {}): CompaniesView => ({
  community: COMMUNITY,
  companies: [company(), company({ ...SUNNY_CO, version: 3, compounds: [SUNNY], managers: [] })],
  compounds: [
    { ...COMPOUND, companyId: HAPPY_CO.id },
    { ...SUNNY, companyId: SUNNY_CO.id },
    { ...PEACE, companyId: null },
  ],
  ...o,
});
