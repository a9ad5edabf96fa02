/**
 * The survey (物业测评问卷): a household of the compound answers a few questions once a month. The
 * household is the caller's resident binding with a door on a building of the compound (two people
 * of one household share one answer: the store keeps the first of any number sent at once).
 */
import {
  DomainError,
  RATINGS,
  RATING_LABEL,
  SURVEY_QUESTIONS,
  SURVEY_QUESTION_LABEL,
  SURVEY_QUESTION_TEXT,
  assessmentId,
  householdKey,
  monthKey,
  surveyAnswerId,
  surveyBindingsIn,
  type PropertyCompany,
  type SurveyAnswer,
  type SurveyView,
  type Unit,
} from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/assessments';
import { trailOf, unitRef } from '../codes/views';
import { personAction, type AuthedContext, type CallerBinding, type FunctionDef } from '../define';
import { refuseFuture, surveyClosedReason } from './months';
import { compoundOf } from './scope';
import { companyRef, monthLabel, unitsWithAncestors } from './views';

/** The caller's household in the compound: their resident binding with a door there. */
function householdIn(ctx: AuthedContext, compound: Unit): CallerBinding {
  const homes = surveyBindingsIn(ctx.caller.bindings, compound);
  if (homes.length === 0) throw new DomainError('ASSESSMENT.NOT_RESIDENT', `只有${compound.name}登记过的住户可以参加它的物业测评`, 'compoundId');
  const home = homes.find((b) => b.binding.door);
  if (!home) throw new DomainError('ASSESSMENT.NO_DOOR', undefined, 'compoundId');
  return home;
}

const keyOf = (home: CallerBinding) => householdKey({ buildingId: home.unit.id, door: home.binding.door! });

/** The compound asked about, or that of the caller's first resident binding. */
async function surveyCompound(ctx: AuthedContext, compoundId: string | undefined): Promise<Unit> {
  if (compoundId) {
    const u = await ctx.deps.store.units.get(compoundId);
    if (!u || u.kind !== 'compound' || u.archived) throw new DomainError('UNIT.NOT_FOUND', '请选择一个小区', 'compoundId');
    return u;
  }
  for (const b of ctx.caller.bindings.filter((x) => !x.unit.archived && x.role === 'resident' && x.unit.kind === 'building')) {
    const c = await compoundOf(ctx, b.unit);
    if (c) return c;
  }
  throw new DomainError('ASSESSMENT.NOT_RESIDENT', undefined, 'compoundId');
}

async function surveyView(ctx: AuthedContext, compound: Unit, month: string, company: PropertyCompany | null, answer: SurveyAnswer | null): Promise<SurveyView> {
  const { deps } = ctx;
  const now = deps.clock.now();
  const [units, answerer] = await Promise.all([unitsWithAncestors(deps, [compound]), answer ? deps.store.people.get(answer.personId) : Promise.resolve(null)]);
  let closedReason: string | null = null;
  if (!answer) {
    closedReason = surveyClosedReason(month, now);
    if (!closedReason && !company) closedReason = '这个小区还没有登记物业公司，暂时不能测评';
    if (!closedReason && (await deps.store.assessments.get(assessmentId(compound.id, month)))?.status === 'published') closedReason = '这个月的测评结果已经公布，不能再测评';
  }
  return {
    compound: unitRef(compound),
    trail: trailOf(compound, units),
    month,
    monthLabel: monthLabel(month),
    company: company ? companyRef(company) : null,
    questions: SURVEY_QUESTIONS.map((q) => ({ id: q, label: SURVEY_QUESTION_LABEL[q], text: SURVEY_QUESTION_TEXT[q] })),
    choices: RATINGS.map((value) => ({ value, label: RATING_LABEL[value] })),
    answered: answer !== null,
    answeredAt: answer?.at ?? null,
    answeredBy: answerer ? { id: answerer.id, name: answerer.name } : null,
    mine: answer && answer.personId === ctx.caller.person.id ? answer.answers : null,
    open: answer === null && closedReason === null,
    closedReason,
  };
}

export const survey: FunctionDef = {
  survey: personAction(schemas.assessments.survey, async (ctx, input) => {
    const { deps } = ctx;
    const compound = await surveyCompound(ctx, input.compoundId);
    const home = householdIn(ctx, compound);
    const month = input.month ?? monthKey(deps.clock.now());
    refuseFuture(month, deps.clock.now());
    const [company, answer] = await Promise.all([deps.store.propertyCompanies.forCompound(compound.id), deps.store.assessments.answerOf(compound.id, month, keyOf(home))]);
    return surveyView(ctx, compound, month, company, answer);
  }),

  answer: personAction(schemas.assessments.answer, async (ctx, input) => {
    const { deps } = ctx;
    const now = deps.clock.now();
    const compound = await surveyCompound(ctx, input.compoundId);
    const home = householdIn(ctx, compound);
    refuseFuture(input.month, now);
    if (surveyClosedReason(input.month, now)) throw new DomainError('ASSESSMENT.SURVEY_CLOSED', undefined, 'month');
    const company = await deps.store.propertyCompanies.forCompound(compound.id);
    if (!company) throw new DomainError('ASSESSMENT.NO_COMPANY', undefined, 'compoundId');
    if ((await deps.store.assessments.get(assessmentId(compound.id, input.month)))?.status === 'published')
      throw new DomainError('ASSESSMENT.SURVEY_CLOSED', '这个月的测评结果已经公布，不能再测评', 'month');
    const key = keyOf(home);
    const a: SurveyAnswer = {
      id: surveyAnswerId(compound.id, input.month, key),
      compoundId: compound.id,
      // A compound lies right below its community (units.ts PARENT_KINDS).
      communityId: compound.parentId!,
      month: input.month,
      householdKey: key,
      buildingId: home.unit.id,
      personId: ctx.caller.person.id,
      answers: input.answers,
      comment: input.comment ?? null,
      at: now,
    };
    const r = await deps.store.assessments.answer(a);
    if (!r.ok) throw new DomainError('ASSESSMENT.ALREADY_ANSWERED', undefined, 'month');
    return surveyView(ctx, compound, input.month, company, r.answer);
  }),
};
