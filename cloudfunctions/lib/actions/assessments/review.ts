/**
 * Staff review a computed month (the table of the community's compounds with figures, score and
 * proposed flag), publish one compound's month at the version they reviewed (of two publishing at
 * once, one wins), read one assessment (the A4 notice prints it) and the survey's comments.
 */
import { DomainError, mayRunAssessments, maySeeAssessments, type AssessmentReview, type Unit } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/assessments';
import { unitRef } from '../codes/views';
import { audit } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { policyOf } from './policy';
import { staffCommunity, staffCompound } from './scope';
import { assessmentNames, assessmentView, companyRef, monthLabel } from './views';

/** The month's table: every live compound of the community, its company now, its assessment if computed. */
export async function reviewOf(ctx: AuthedContext, community: Unit, month: string): Promise<AssessmentReview> {
  const { deps } = ctx;
  const [units, companies, list, policy] = await Promise.all([
    deps.store.units.listSubtree(community.path),
    deps.store.propertyCompanies.listForCommunity(community.id),
    deps.store.assessments.forMonth(community.id, month),
    policyOf(deps, community.id),
  ]);
  const compounds = units.filter((u) => u.kind === 'compound');
  const servedBy = new Map(companies.filter((c) => !c.archived).flatMap((c) => c.compoundIds.map((id) => [id, c] as const)));
  const byCompound = new Map(list.map((a) => [a.compoundId, a]));
  const names = await assessmentNames(deps, list, compounds);
  return {
    community: unitRef(community),
    month,
    monthLabel: monthLabel(month),
    policyVersion: policy.version,
    rows: compounds.map((u) => {
      const company = servedBy.get(u.id);
      const a = byCompound.get(u.id);
      return { compound: unitRef(u), company: company ? companyRef(company) : null, assessment: a ? assessmentView(a, names) : null };
    }),
  };
}

export const review: FunctionDef = {
  review: personAction(schemas.assessments.review, async (ctx, input) => {
    const community = await staffCommunity(ctx, input.communityId);
    return reviewOf(ctx, community, input.month);
  }),

  publish: personAction(schemas.assessments.publish, async (ctx, input) => {
    const { deps } = ctx;
    const a = await deps.store.assessments.get(input.id);
    if (!a || !mayRunAssessments(ctx.caller.bindings, { path: a.compoundPath })) throw new DomainError('ASSESSMENT.NOT_FOUND', undefined, 'id');
    if (a.status !== 'draft') throw new DomainError('ASSESSMENT.NOT_DRAFT', undefined, 'id');
    if (a.version !== input.version) throw new DomainError('CONFLICT.VERSION');
    const published = await deps.store.assessments.publish(a.id, a.version, ctx.caller.person.id, deps.clock.now());
    if (!published) throw new DomainError('CONFLICT.VERSION', '这个月的测评刚被其他人重新计算或公布了，请刷新后再看');
    await audit(ctx, 'assessments.publish', 'assessment', a.id, { month: a.month, flag: a.result.flag, score: a.result.score }, a.compoundPath);
    return assessmentView(published, await assessmentNames(deps, [published]));
  }),

  detail: personAction(schemas.assessments.detail, async (ctx, input) => {
    const { deps } = ctx;
    const a = await deps.store.assessments.get(input.id);
    const at = a ? { path: a.compoundPath } : null;
    // Staff read drafts; everyone else only what is published, of a compound they are in. Not found otherwise.
    const readable = a && at && (mayRunAssessments(ctx.caller.bindings, at) || (a.status === 'published' && maySeeAssessments(ctx.caller.bindings, at)));
    if (!a || !readable) throw new DomainError('ASSESSMENT.NOT_FOUND', undefined, 'id');
    return assessmentView(a, await assessmentNames(deps, [a]));
  }),

  comments: personAction(schemas.assessments.comments, async (ctx, input) => {
    const { deps } = ctx;
    const compound = await staffCompound(ctx, input.compoundId);
    const answers = (await deps.store.assessments.answers(compound.id, input.month)).filter((a) => a.comment);
    const buildings = new Map((await deps.store.units.getMany([...new Set(answers.map((a) => a.buildingId))])).map((u) => [u.id, u.name]));
    return {
      compound: unitRef(compound),
      month: input.month,
      comments: answers.map((a) => ({ at: a.at, building: buildings.get(a.buildingId) ?? '（已删除的楼栋）', comment: a.comment! })),
    };
  }),
};
