/**
 * A community's assessment policy (weights, the red threshold, the minimums): core's defaults until
 * staff save their own. Kept as the meta key `assessmentPolicy:<communityId>` =
 * `{ "version": n, "policy": {...} }`, written by compare-and-set so two editors at once cannot lose
 * each other's change (as pairings/kinds.ts keeps a community's kinds).
 */
import { DEFAULT_ASSESSMENT_POLICY, DomainError, SCORE_PART_LABEL, policyWeighs, type AssessmentPolicy, type AssessmentPolicyView, type Unit } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/assessments';
import type { Deps } from '../../deps';
import { unitRef } from '../codes/views';
import { audit } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { communityOf, staffCommunity } from './scope';

export const policyKey = (communityId: string) => `assessmentPolicy:${communityId}`;

export interface StoredPolicy {
  policy: AssessmentPolicy;
  /** 0: the defaults. */
  version: number;
}

function readPolicy(raw: string | null): StoredPolicy {
  if (!raw) return { policy: DEFAULT_ASSESSMENT_POLICY, version: 0 };
  return JSON.parse(raw) as StoredPolicy;
}

/** The policy a community assesses by now. */
export async function policyOf(deps: Deps, communityId: string): Promise<StoredPolicy> {
  return readPolicy(await deps.store.meta.get(policyKey(communityId)));
}

const view = (community: Unit, p: StoredPolicy): AssessmentPolicyView => ({ community: unitRef(community), policy: p.policy, version: p.version, labels: SCORE_PART_LABEL });

/** The community the caller asks about: `communityId`'s, else that of their first binding inside a community; bound in it or above. */
async function askedCommunity(ctx: AuthedContext, communityId: string | undefined): Promise<Unit> {
  const b = ctx.caller.bindings.find((x) => !x.unit.archived && x.unit.kind !== 'street');
  const start = communityId ? await ctx.deps.store.units.get(communityId) : b ? await ctx.deps.store.units.get(b.unit.id) : null;
  const community = start ? await communityOf(ctx, start) : null;
  if (!community) throw new DomainError('UNIT.NOT_FOUND', '请选择一个社区：测评规则是每个社区自己定的', 'communityId');
  const within = ctx.caller.bindings.some((x) => !x.unit.archived && (community.path.startsWith(x.unit.path) || x.unit.path.startsWith(community.path)));
  if (!within) throw new DomainError('AUTH.FORBIDDEN', `您不在${community.name}，看不到它的测评规则`, 'communityId');
  return community;
}

export const policy: FunctionDef = {
  policy: personAction(schemas.assessments.policy, async (ctx, input) => {
    const community = await askedCommunity(ctx, input.communityId);
    return view(community, await policyOf(ctx.deps, community.id));
  }),

  savePolicy: personAction(schemas.assessments.savePolicy, async (ctx, input) => {
    const { deps } = ctx;
    const community = await staffCommunity(ctx, input.communityId);
    const next: AssessmentPolicy = input.policy;
    if (!policyWeighs(next)) throw new DomainError('ASSESSMENT.BAD_POLICY', undefined, 'policy.weights');
    const raw = await deps.store.meta.get(policyKey(community.id));
    const before = readPolicy(raw);
    if (before.version !== input.version) throw new DomainError('ASSESSMENT.POLICY_CHANGED', undefined, 'version');
    const stored: StoredPolicy = { policy: next, version: before.version + 1 };
    if (!(await deps.store.meta.compareAndSet(policyKey(community.id), raw, JSON.stringify(stored)))) throw new DomainError('ASSESSMENT.POLICY_CHANGED', undefined, 'version');
    await audit(ctx, 'assessments.savePolicy', 'settings', community.id, { from: before.policy, to: next }, community.path);
    return view(community, stored);
  }),
};
