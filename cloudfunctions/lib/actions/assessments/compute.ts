/**
 * Computing a compound's month (a draft): the figures of the reports its property company's people
 * handled at the compound level (core/assessment-figures.ts, counted by figures() exactly), the
 * survey's summary, and the score and flag under the community's policy now.
 *
 * The reports are read for the one compound and month: the compound's subtree created in the month
 * (reports.list, on the store's created-at index), then the timelines of the reports whose own
 * fields do not already say who handled them (reportQueries.timelines), in chunks. A month already
 * published is left as it was published.
 */
import {
  DomainError,
  assessmentId,
  assessmentResult,
  companyFigures,
  handledByCompany,
  monthRange,
  surveySummary,
  type Assessment,
  type AssessmentReview,
  type HandledInput,
  type PropertyCompany,
  type TimelineEntry,
  type Unit,
} from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/assessments';
import type { Deps } from '../../deps';
import { audit } from '../common';
import { personAction, type FunctionDef } from '../define';
import { refuseFuture } from './months';
import { policyOf, type StoredPolicy } from './policy';
import { reviewOf } from './review';
import { staffCommunity } from './scope';

const PAGE = 500;
const TIMELINE_CHUNK = 200;

/** Every report of the compound created in the month (duplicates too: figures() leaves them out). */
async function reportsOf(deps: Deps, compound: Unit, month: string): Promise<HandledInput[]> {
  const { from, to } = monthRange(month);
  const out: HandledInput[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await deps.store.reports.list({ path: compound.path, createdFrom: from, createdTo: to }, PAGE, offset);
    out.push(...page);
    if (page.length < PAGE) return out;
  }
}

/** The figures of the reports the company's people (property_manager on the compound now) handled in the month. */
export async function figuresFor(deps: Deps, compound: Unit, month: string, now: number) {
  const managers = new Set((await deps.store.bindings.listWithRoles([compound.id], ['property_manager'])).map((b) => b.personId));
  const reports = await reportsOf(deps, compound, month);
  // Only the reports the report alone does not decide need their timelines read.
  const open = managers.size === 0 ? [] : reports.filter((r) => !handledByCompany(r, [], managers)).map((r) => r.id);
  const timelines = new Map<string, TimelineEntry[]>();
  for (let i = 0; i < open.length; i += TIMELINE_CHUNK) {
    for (const [id, entries] of await deps.store.reportQueries.timelines(open.slice(i, i + TIMELINE_CHUNK))) timelines.set(id, entries);
  }
  return companyFigures(reports, timelines, managers, now);
}

/** The month of one compound, computed now under `policy`, as the next draft after `before` (null: the first). */
export async function computeOne(deps: Deps, compound: Unit, company: PropertyCompany, month: string, policy: StoredPolicy, by: string, before: Assessment | null): Promise<Assessment> {
  const now = deps.clock.now();
  const [figures, answers] = await Promise.all([figuresFor(deps, compound, month, now), deps.store.assessments.answers(compound.id, month)]);
  const survey = surveySummary(answers);
  return {
    id: assessmentId(compound.id, month),
    compoundId: compound.id,
    compoundPath: compound.path,
    communityId: company.communityId,
    month,
    companyId: company.id,
    companyName: company.name,
    figures,
    survey,
    policy: policy.policy,
    policyVersion: policy.version,
    result: assessmentResult(figures, survey, policy.policy),
    status: 'draft',
    computedAt: now,
    computedBy: by,
    publishedAt: null,
    publishedBy: null,
    version: before ? before.version + 1 : 1,
  };
}

export const compute: FunctionDef = {
  compute: personAction(schemas.assessments.compute, async (ctx, input): Promise<AssessmentReview> => {
    const { deps } = ctx;
    const community = await staffCommunity(ctx, input.communityId);
    refuseFuture(input.month, deps.clock.now());
    const all = (await deps.store.units.listSubtree(community.path)).filter((u) => u.kind === 'compound');
    let compounds = all;
    if (input.compoundIds) {
      const asked = new Set(input.compoundIds);
      compounds = all.filter((u) => asked.has(u.id));
      if (compounds.length !== asked.size) throw new DomainError('UNIT.NOT_FOUND', '只能计算本社区的小区', 'compoundIds');
    }
    const policy = await policyOf(deps, community.id);
    const computed: string[] = [];
    for (const compound of compounds) {
      const company = await deps.store.propertyCompanies.forCompound(compound.id);
      if (!company) continue;
      const before = await deps.store.assessments.get(assessmentId(compound.id, input.month));
      if (before?.status === 'published') continue;
      const next = await computeOne(deps, compound, company, input.month, policy, ctx.caller.person.id, before);
      if (!(await deps.store.assessments.saveDraft(next, before ? before.version : null))) throw new DomainError('CONFLICT.VERSION', '另一位工作人员正在计算这个月，请刷新后再看');
      computed.push(compound.id);
    }
    await audit(ctx, 'assessments.compute', 'assessment', `${community.id}:${input.month}`, { month: input.month, compoundIds: computed, policyVersion: policy.version }, community.path);
    return reviewOf(ctx, community, input.month);
  }),
};
