/**
 * Projects (项目清单), started from either side (双向认领): a partner's side claims an open need of a
 * community it partners with, or staff ask a partner for one of its resources (for one of their needs,
 * or not). Either way the project is proposed and the other side accepts (./decisions.ts). Of two
 * partners claiming one need at once, one wins (the store's claim): the other is told NEED.TAKEN.
 * Staff list their community's projects; a partner's side lists its own partners' only.
 */
import { DomainError, MANAGES_PARTNERS, needTransition, type Need, type Project } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/partners';
import { audit } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { answerProject, projectViews } from './answers';
import { askedNotices, claimedNotices, tell } from './notices';
import { loadProject } from './project-change';
import { ALL } from './rows';
import { actingFor, demandPartnering, staffCommunity } from './scope';
import { standingOf } from './standing';

const isStaff = (ctx: AuthedContext) => ctx.caller.bindings.some((b) => !b.unit.archived && MANAGES_PARTNERS.includes(b.role));

/** A retried claim or ask: the project the need is claimed with already, if the same request made it. */
async function sameRequest(ctx: AuthedContext, need: Need, partnerId: string, clientRequestId: string): Promise<Project | null> {
  if (need.status === 'open' || need.partnerId !== partnerId || !need.projectId) return null;
  const p = await ctx.deps.store.projects.get(need.projectId);
  return p && p.clientRequestId === clientRequestId && p.proposedBy === ctx.caller.person.id ? p : null;
}

const notOpen = (need: Need, field: string) => new DomainError(need.status === 'claimed' ? 'NEED.TAKEN' : 'NEED.NOT_ALLOWED', undefined, field);

/** Claims the need with `project` (one atomic step in the store), or tells why not. */
async function claimWith(ctx: AuthedContext, need: Need, project: Project, clientRequestId: string, field: string): Promise<{ project: Project; created: boolean }> {
  const again = await sameRequest(ctx, need, project.partnerId, clientRequestId);
  if (again) return { project: again, created: false };
  if (needTransition(need.status, 'claim') === null) throw notOpen(need, field);
  const r = await ctx.deps.store.needs.claim(need.id, project, ctx.deps.clock.now());
  if (r.ok) return { project: r.project, created: true };
  if (r.reason === 'not_found') throw new DomainError('NEED.NOT_FOUND', undefined, field);
  const raced = await sameRequest(ctx, r.need, project.partnerId, clientRequestId);
  if (raced) return { project: raced, created: false };
  throw notOpen(r.need, field);
}

function draft(ctx: AuthedContext, p: Pick<Project, 'communityId' | 'partnerId' | 'needId' | 'resourceId' | 'title' | 'startedBy' | 'communityOwnerId' | 'partnerOwnerId' | 'clientRequestId' | 'note'>): Project {
  const now = ctx.deps.clock.now();
  return {
    id: ctx.deps.ids.next('prj'),
    ...p,
    status: 'proposed',
    milestones: [],
    result: null,
    reason: null,
    proposedBy: ctx.caller.person.id,
    decidedBy: null,
    decidedAt: null,
    closedBy: null,
    closedAt: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

export const projects: FunctionDef = {
  claimNeed: personAction(schemas.partners.claimNeed, async (ctx, input) => {
    const { deps, caller } = ctx;
    const { partner } = await actingFor(ctx, input.partnerId);
    const need = await deps.store.needs.get(input.needId);
    if (!need) throw new DomainError('NEED.NOT_FOUND', undefined, 'needId');
    demandPartnering(partner, need.communityId, 'needId');
    const { project, created } = await claimWith(
      ctx,
      need,
      draft(ctx, {
        communityId: need.communityId,
        partnerId: partner.id,
        needId: need.id,
        resourceId: null,
        title: need.title,
        startedBy: 'partner',
        communityOwnerId: null,
        partnerOwnerId: caller.person.id,
        clientRequestId: input.clientRequestId,
        note: input.note || null,
      }),
      input.clientRequestId,
      'needId',
    );
    if (created) {
      await audit(ctx, 'partners.claimNeed', 'project', project.id, { needId: need.id, partnerId: partner.id }, need.unitPath);
      await tell(deps, claimedNotices(project, partner, need.postedBy, input.note || null));
    }
    return { project: await answerProject(ctx, project), created };
  }),

  askResource: personAction(schemas.partners.askResource, async (ctx, input) => {
    const { deps, caller } = ctx;
    const community = await staffCommunity(ctx, input.communityId);
    const resource = await deps.store.partners.getResource(input.resourceId);
    const partner = resource ? await deps.store.partners.get(resource.partnerId) : null;
    if (!resource || !partner) throw new DomainError('RESOURCE.NOT_FOUND', undefined, 'resourceId');
    if (partner.archived) throw new DomainError('PARTNER.ARCHIVED', undefined, 'resourceId');
    demandPartnering(partner, community.id, 'resourceId');
    if (resource.status !== 'offered') throw new DomainError('RESOURCE.WITHDRAWN', undefined, 'resourceId');
    const project = draft(ctx, {
      communityId: community.id,
      partnerId: partner.id,
      needId: input.needId ?? null,
      resourceId: resource.id,
      title: input.title,
      startedBy: 'community',
      communityOwnerId: caller.person.id,
      partnerOwnerId: null,
      clientRequestId: input.clientRequestId,
      note: null,
    });
    let out: { project: Project; created: boolean };
    if (input.needId) {
      // For one of the community's needs: the need is claimed for this partner with the project, atomically.
      const need = await deps.store.needs.get(input.needId);
      if (!need || need.communityId !== community.id) throw new DomainError('NEED.NOT_FOUND', undefined, 'needId');
      out = await claimWith(ctx, need, project, input.clientRequestId, 'needId');
    } else {
      out = await deps.store.projects.insert(project);
    }
    if (out.created) {
      await audit(ctx, 'partners.askResource', 'project', out.project.id, { resourceId: resource.id, partnerId: partner.id, needId: out.project.needId }, community.path);
      await tell(deps, askedNotices(out.project, partner, resource.createdBy, community.name));
    }
    return { project: await answerProject(ctx, out.project), created: out.created };
  }),

  projects: personAction(schemas.partners.projects, async (ctx, input) => {
    const { deps } = ctx;
    const limit = input.limit ?? 100;
    const offset = input.offset ?? 0;
    const status = input.status ?? null;
    const s = await standingOf(ctx);
    if (isStaff(ctx)) {
      const community = await staffCommunity(ctx, input.communityId);
      if (!input.partnerId) {
        const got = await deps.store.projects.list({ communityIds: [community.id], status }, limit, offset);
        return { projects: await projectViews(ctx, got.projects, s), total: got.total };
      }
      // One partner's projects with this community: the partner may work with others too.
      const all = (await deps.store.projects.list({ partnerIds: [input.partnerId], status }, ALL, 0)).projects.filter((p) => p.communityId === community.id);
      return { projects: await projectViews(ctx, all.slice(offset, offset + limit), s), total: all.length };
    }
    if (s.acting.size === 0) throw new DomainError('AUTH.FORBIDDEN', '项目清单给社区工作人员和共建单位看：您还不是哪家共建单位的联络人或在职党员');
    if (input.partnerId && !s.acting.has(input.partnerId)) throw new DomainError('PARTNER.NOT_YOURS', undefined, 'partnerId');
    const got = await deps.store.projects.list({ partnerIds: input.partnerId ? [input.partnerId] : [...s.acting.keys()], status }, limit, offset);
    return { projects: await projectViews(ctx, got.projects, s), total: got.total };
  }),

  project: personAction(schemas.partners.project, async (ctx, input) => {
    const { project, standing } = await loadProject(ctx, input.id);
    return answerProject(ctx, project, standing);
  }),
};
