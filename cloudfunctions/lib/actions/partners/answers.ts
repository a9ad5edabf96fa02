/**
 * Lists of views as the caller sees them: each looks up what it names once (views.ts), and works out
 * what the caller may do with each item from their standing (standing.ts).
 */
import type { Need, NeedView, PartnerVisit, PartnerVisitView, Project, ProjectView, Resource, ResourceView } from '../../../../src/core';
import type { AuthedContext } from '../define';
import { needCan, projectCan, resourceCan, sidesOf, standingOf, type Standing } from './standing';
import { namesFor, needView, projectPhotos, projectView, resourceView, visitView } from './views';

export async function projectViews(ctx: AuthedContext, projects: readonly Project[], s?: Standing): Promise<ProjectView[]> {
  if (projects.length === 0) return [];
  const standing = s ?? (await standingOf(ctx));
  const [n, photo] = await Promise.all([
    namesFor(ctx.deps, {
      unitIds: projects.map((p) => p.communityId),
      partnerIds: projects.map((p) => p.partnerId),
      needIds: projects.map((p) => p.needId),
      resourceIds: projects.map((p) => p.resourceId),
      personIds: projects.flatMap((p) => [p.communityOwnerId, p.partnerOwnerId, ...p.milestones.map((m) => m.doneBy)]),
    }),
    projectPhotos(ctx.deps, ctx.caller, projects),
  ]);
  const now = ctx.deps.clock.now();
  return projects.map((p) => projectView(p, n, projectCan(p, sidesOf(standing, p, n.units.get(p.communityId))), photo, now));
}

export async function answerProject(ctx: AuthedContext, p: Project, s?: Standing): Promise<ProjectView> {
  return (await projectViews(ctx, [p], s))[0];
}

export async function needViews(ctx: AuthedContext, needs: readonly Need[], s?: Standing): Promise<NeedView[]> {
  if (needs.length === 0) return [];
  const standing = s ?? (await standingOf(ctx));
  const n = await namesFor(ctx.deps, { unitIds: needs.flatMap((x) => [x.communityId, x.unitId]), paths: needs.map((x) => x.unitPath), partnerIds: needs.map((x) => x.partnerId ?? '') });
  return needs.map((x) => needView(x, n, needCan(x, standing, n.units.get(x.communityId))));
}

export async function answerNeed(ctx: AuthedContext, x: Need, s?: Standing): Promise<NeedView> {
  return (await needViews(ctx, [x], s))[0];
}

export async function resourceViews(ctx: AuthedContext, resources: readonly Resource[], s?: Standing): Promise<ResourceView[]> {
  if (resources.length === 0) return [];
  const standing = s ?? (await standingOf(ctx));
  const partners = await namesFor(ctx.deps, { partnerIds: resources.map((r) => r.partnerId) });
  const n = await namesFor(ctx.deps, { unitIds: [...partners.partners.values()].flatMap((p) => p.communityIds) }, partners);
  return resources.map((r) => resourceView(r, n, resourceCan(r, n.partners.get(r.partnerId), standing, n.units)));
}

export async function answerResource(ctx: AuthedContext, r: Resource, s?: Standing): Promise<ResourceView> {
  return (await resourceViews(ctx, [r], s))[0];
}

export async function visitViews(ctx: AuthedContext, visits: readonly PartnerVisit[]): Promise<PartnerVisitView[]> {
  if (visits.length === 0) return [];
  const n = await namesFor(ctx.deps, {
    unitIds: visits.map((v) => v.communityId),
    partnerIds: visits.map((v) => v.partnerId),
    personIds: visits.map((v) => v.by),
    needIds: visits.map((v) => v.needId),
  });
  return visits.map((v) => visitView(v, n));
}
