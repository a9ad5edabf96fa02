/** The assessments function's inputs: property companies (物业公司), the policy, the survey (测评) and the month's review and publication. */
import * as z from 'zod/mini';
import { COMMENT_MAX, MIN_ANSWERS_MAX, MIN_REPORTS_MAX, SCORE_PARTS, SURVEY_QUESTIONS, WEIGHT_MAX, type ScorePart, type SurveyQuestion } from '../assessment';
import { COMPANY_COMPOUNDS_MAX, COMPANY_NAME_MAX } from '../property';
import { RATINGS } from '../reports';
import { id, phone, trimmed, version } from './fields';
import { onFirstUse } from './on-first-use';

const month = () => z.string({ error: '请选择月份' }).check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 2026-11' }));
const whole = (label: string, min: number, max: number) =>
  z.number({ error: `${label}应为数字` }).check(z.int({ error: `${label}应为整数` }), z.gte(min, { error: `${label}不能小于 ${min}` }), z.lte(max, { error: `${label}不能大于 ${max}` }));
const answer = (label: string) => z.enum(RATINGS, { error: `请为“${label}”选择满意、基本满意或不满意` });
const answers = () => z.object(Object.fromEntries(SURVEY_QUESTIONS.map((q) => [q, answer(q)])) as Record<SurveyQuestion, ReturnType<typeof answer>>);
const weights = () => z.object(Object.fromEntries(SCORE_PARTS.map((p) => [p, whole('权重', 0, WEIGHT_MAX)])) as Record<ScorePart, ReturnType<typeof whole>>);
const optionalComment = () =>
  z.optional(
    z.nullable(
      z.pipe(
        z.string({ error: '意见应为文字' }).check(z.trim(), z.maxLength(COMMENT_MAX, { error: `意见最多 ${COMMENT_MAX} 个字` })),
        z.transform((s: string) => (s === '' ? null : s)),
      ),
    ),
  );

export const assessments = onFirstUse({
  /** A community's companies and its compounds (each with the company serving it); without communityId, the caller's. */
  companies: () => z.object({ communityId: z.optional(id) }),
  /** Staff register a company (no id) or edit one (id and version): name, phone, the compounds it serves. */
  saveCompany: () =>
    z.object({
      id: z.optional(id),
      version: z.optional(version),
      communityId: id,
      name: trimmed('物业公司名称', COMPANY_NAME_MAX),
      contactPhone: z.optional(z.nullable(phone)),
      compoundIds: z.array(id).check(z.maxLength(COMPANY_COMPOUNDS_MAX, { error: `一家公司最多服务 ${COMPANY_COMPOUNDS_MAX} 个小区` })),
    }),
  /** Staff stop a company (it no longer serves any compound); its assessments stay. */
  archiveCompany: () => z.object({ id, version }),
  /** A community's policy (weights, the red threshold, the minimums); without communityId, the caller's. */
  policy: () => z.object({ communityId: z.optional(id) }),
  savePolicy: () =>
    z.object({
      communityId: id,
      /** 0 while the community still has the defaults. */
      version: z.number({ error: '缺少版本号' }).check(z.int(), z.gte(0)),
      policy: z.object({
        weights: weights(),
        redAt: whole('红旗分数线', 0, 100),
        minReports: whole('最少反映数', 0, MIN_REPORTS_MAX),
        minAnswers: whole('最少测评户数', 0, MIN_ANSWERS_MAX),
      }),
    }),
  /** The survey page: the questions for the caller's compound (or compoundId) and month (default: this month), and whether the household answered. */
  survey: () => z.object({ compoundId: z.optional(id), month: z.optional(month()) }),
  /** A household's answer for the month: once per household, compound and month. */
  answer: () => z.object({ compoundId: id, month: month(), answers: answers(), comment: optionalComment() }),
  /** Staff: the month's table of the community's compounds (computed or not). */
  review: () => z.object({ communityId: z.optional(id), month: month() }),
  /** Staff compute the month (drafts) for the community's compounds with a company, or for these compounds only. */
  compute: () => z.object({ communityId: id, month: month(), compoundIds: z.optional(z.array(id).check(z.maxLength(200))) }),
  /** Staff publish a computed month of one compound (the version they reviewed). */
  publish: () => z.object({ id, version }),
  /** One assessment: staff read any; others the published ones of their compound (the notice board's A4 prints this). */
  detail: () => z.object({ id }),
  /** The compound's public page: its company, the latest published flag and the history by month. */
  compound: () => z.object({ compoundId: z.optional(id) }),
  /** Staff read the survey's comments (其他意见) of a compound's month; never shown publicly. */
  comments: () => z.object({ compoundId: id, month: month() }),
});
