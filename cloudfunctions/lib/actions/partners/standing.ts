/**
 * How the caller stands to partners' things, worked out once per request: the partners they act for
 * (contact or linked member) and whether they manage a community (staff). From it, each view's `can`
 * and the side the caller takes on a project: the community's (staff of its community) or the
 * partner's (acting for its partner). The side that started a project never accepts it.
 */
import {
  DomainError,
  managesPartnersOf,
  partnersWith,
  type Need,
  type NeedView,
  type Partner,
  type Project,
  type ProjectSide,
  type ProjectView,
  type Resource,
  type ResourceView,
  type Unit,
} from '../../../../src/core';
import type { AuthedContext } from '../define';
import { partnersActedFor, type Acting } from './scope';

export interface Standing {
  personId: string;
  /** The partners the caller acts for, by id. */
  acting: Map<string, Acting>;
  /** Manages partners for the community at this path. */
  manages(communityPath: string): boolean;
}

export async function standingOf(ctx: AuthedContext): Promise<Standing> {
  const acting = new Map((await partnersActedFor(ctx.deps, ctx.caller.person.id)).map((a) => [a.partner.id, a]));
  return { personId: ctx.caller.person.id, acting, manages: (path) => managesPartnersOf(ctx.caller.bindings, path) };
}

/** The sides of a project the caller is on (both, rarely: staff who also act for the partner). */
export function sidesOf(s: Standing, p: Pick<Project, 'partnerId'>, community: Pick<Unit, 'path'> | undefined): Set<ProjectSide> {
  const sides = new Set<ProjectSide>();
  if (community && s.manages(community.path)) sides.add('community');
  if (s.acting.has(p.partnerId)) sides.add('partner');
  return sides;
}

export const otherSide = (side: ProjectSide): ProjectSide => (side === 'partner' ? 'community' : 'partner');

export function projectCan(p: Project, sides: Set<ProjectSide>): ProjectView['can'] {
  const open = p.status === 'proposed' || p.status === 'active';
  const answers = p.status === 'proposed' && sides.has(otherSide(p.startedBy));
  return {
    accept: answers,
    decline: answers,
    cancel: (p.status === 'proposed' && sides.has(p.startedBy)) || (p.status === 'active' && sides.size > 0),
    milestone: open && sides.size > 0,
    close: p.status === 'active' && sides.has('community'),
  };
}

export function needCan(x: Need, s: Standing, community: Pick<Unit, 'path'> | undefined): NeedView['can'] {
  const claims = [...s.acting.values()].some((a) => partnersWith(a.partner, x.communityId));
  return { claim: x.status === 'open' && claims, withdraw: x.status === 'open' && !!community && s.manages(community.path) };
}

export function resourceCan(r: Resource, partner: Partner | undefined, s: Standing, communities: ReadonlyMap<string, Pick<Unit, 'path'>>): ResourceView['can'] {
  const offered = r.status === 'offered';
  const mine = s.acting.has(r.partnerId);
  const asks = !!partner && !partner.archived && partner.communityIds.some((id) => {
    const c = communities.get(id);
    return !!c && s.manages(c.path);
  });
  return { edit: offered && mine, withdraw: offered && mine, ask: offered && asks };
}

/**
 * The side the caller takes to answer (accept, decline) a proposed project: the other side than the
 * one that started it. PROJECT.NOT_YOUR_SIDE for the side that started it.
 */
export function answeringSide(p: Project, sides: Set<ProjectSide>): ProjectSide {
  const other = otherSide(p.startedBy);
  if (!sides.has(other)) throw new DomainError('PROJECT.NOT_YOUR_SIDE');
  return other;
}
