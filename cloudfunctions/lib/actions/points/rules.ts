/**
 * A community's points rules (积分规则): read by anyone bound there (what an hour of service is worth),
 * edited by staff. Kept as the meta key `pointsRules:<communityId>` = `{ "version": n, "rules": {...} }`,
 * written by compare-and-set so two editors at once cannot lose each other's change.
 */
import { DomainError, EARNING_KINDS, POINTS_SOURCE_LABEL, type EarningKind, type PointsRules, type PointsRulesView, type Unit } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/points';
import { unitRef } from '../codes/views';
import { audit } from '../common';
import { personAction, type FunctionDef } from '../define';
import { loadStoredPointsRules, pointsRulesKey } from './earn';
import { readableCommunity, runCommunity } from './scope';

const LABELS = Object.fromEntries(EARNING_KINDS.map((k) => [k, POINTS_SOURCE_LABEL[k]])) as Record<EarningKind, string>;

const view = (community: Unit, rules: PointsRules, version: number): PointsRulesView => ({ community: unitRef(community), rules, version, labels: LABELS });

export const rules: FunctionDef = {
  rules: personAction(schemas.points.rules, async (ctx, input) => {
    const community = await readableCommunity(ctx, input.communityId);
    const stored = await loadStoredPointsRules(ctx.deps, community.id);
    return view(community, stored.rules, stored.version);
  }),

  saveRules: personAction(schemas.points.saveRules, async (ctx, input) => {
    const { deps } = ctx;
    const community = await runCommunity(ctx, input.communityId);
    const before = await loadStoredPointsRules(deps, community.id);
    if (before.version !== input.version) throw new DomainError('POINTS.RULES_CHANGED', undefined, 'version');
    const next = Object.fromEntries(EARNING_KINDS.map((k) => [k, { counts: input.rules[k].counts, points: input.rules[k].points, max: input.rules[k].max }])) as PointsRules;
    const version = before.version + 1;
    if (!(await deps.store.meta.compareAndSet(pointsRulesKey(community.id), before.raw, JSON.stringify({ version, rules: next })))) throw new DomainError('POINTS.RULES_CHANGED', undefined, 'version');
    await audit(ctx, 'points.saveRules', 'settings', community.id, { from: before.rules, to: next }, community.path);
    return view(community, next, version);
  }),
};
