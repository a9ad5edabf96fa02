/**
 * A report shared to its building's group as a card, as whoever opens it reads it. Cards get
 * forwarded out of groups, so the report is read in full (its public view) only when the card is
 * opened inside the group bound to the report's building: the opener's openGId is checked. Anywhere
 * else (no cloudID, one that cannot be read, another group, a building with no group) the opener
 * learns only that such a report exists, and its category. Public: the opener may not be registered
 * yet, and the card offers them the way in.
 */
import { DomainError, findCategory, isOpen, isReportOwner, mayFollowReport, type Report, type ReportCard, type Unit } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/groups';
import { publicAction, type ActionContext, type FunctionDef } from '../define';
import { policyFor } from '../policy';
import { namesFor, summary } from '../reports/views';
import { groupAnswer } from './read';
import { buildingRef } from './views';

/** The live building whose group would show this report; null when no group can. */
async function groupBuildingOf(ctx: ActionContext, r: Report): Promise<Unit | null> {
  const unit = await ctx.deps.store.units.get(r.unitId);
  // A report of a compound's common area has no group to be read in: groups are bound to buildings
  // only, and a compound's residents are in many of them. Its card shows only that it exists.
  if (!unit || unit.archived || unit.kind !== 'building' || !unit.groupId) return null;
  return unit;
}

export const card: FunctionDef = {
  card: publicAction(schemas.groups.card, async (ctx, input): Promise<ReportCard> => {
    const { deps, caller } = ctx;
    const r = await deps.store.reports.get(input.reportId);
    if (!r) throw new DomainError('REPORT.NOT_FOUND', undefined, 'reportId');
    const policy = await policyFor(deps, r.communityId);
    const outside: ReportCard = { inGroup: false, exists: true, categoryName: findCategory(policy, r.category)?.name ?? r.category };

    const building = await groupBuildingOf(ctx, r);
    // WeChat is asked only when the answer could show the report.
    if (!building || !input.cloudID) return outside;
    const group = await groupAnswer(ctx, input.cloudID, 'groups.card');
    if (!group.ok || group.openGId !== building.groupId) return outside;

    // Read as a neighbour reads it (RESIDENT_SHOWN.neighbour: nothing of the resident, even of a
    // named report): the summary holds what every reader reads, and nothing of who filed it.
    const report = summary(r, await namesFor(deps, [r], [], [building]), policy, deps.clock.now());
    const following = !!caller && r.followers.includes(caller.person.id);
    // As the report's page offers +1 (reports/access allowedActions): open, a resident of its unit, not their own.
    const mayFollow = !!caller && !following && isOpen(r.status) && !isReportOwner(caller.person.id, r) && mayFollowReport(caller.bindings, r);
    return { inGroup: true, report, building: await buildingRef(deps, building), mayFollow, following, registered: !!caller };
  }),
};
