/**
 * One change of a project: found as the caller may see it (staff of its community, or acting for its
 * partner; another partner is told it is not theirs), its next status from the transition table
 * (src/core/partners.ts, never assigned by hand), written only at the version read; and the need it
 * is for moved with it — released (claimed → open) when the project is declined or cancelled, met when
 * it is closed.
 */
import { DomainError, needTransition, projectTransition, type Need, type NeedEvent, type Project, type ProjectEvent, type ProjectSide, type Unit } from '../../../../src/core';
import type { Deps } from '../../deps';
import type { AuthedContext } from '../define';
import { sidesOf, standingOf, type Standing } from './standing';

export interface LoadedProject {
  project: Project;
  community: Unit | undefined;
  standing: Standing;
  sides: Set<ProjectSide>;
}

export async function loadProject(ctx: AuthedContext, id: string, field = 'id'): Promise<LoadedProject> {
  const project = await ctx.deps.store.projects.get(id);
  if (!project) throw new DomainError('PROJECT.NOT_FOUND', undefined, field);
  const [community, standing] = await Promise.all([ctx.deps.store.units.get(project.communityId), standingOf(ctx)]);
  const sides = sidesOf(standing, project, community ?? undefined);
  if (sides.size === 0) {
    // Another partner's side is told it is not theirs; anyone else, that there is no such project.
    if (standing.acting.size > 0) throw new DomainError('PARTNER.NOT_YOURS', '这个项目不是您单位的，看不到也不能操作', field);
    throw new DomainError('PROJECT.NOT_FOUND', undefined, field);
  }
  return { project, community: community ?? undefined, standing, sides };
}

/** `p` after `event`, with `patch`; PROJECT.NOT_ALLOWED when the event does not apply to its status. */
export function mustMove(p: Project, event: ProjectEvent, patch: Partial<Project>, at: number): Project {
  const status = projectTransition(p.status, event);
  if (!status) throw new DomainError('PROJECT.NOT_ALLOWED');
  return { ...p, ...patch, status, updatedAt: at, version: p.version + 1 };
}

/** Writes `next` over the version it was made from, or CONFLICT.VERSION. */
export async function save(deps: Deps, next: Project): Promise<Project> {
  const saved = await deps.store.projects.update(next, next.version - 1);
  if (!saved) throw new DomainError('CONFLICT.VERSION');
  return saved;
}

/** Versioned writes of a need that meet a change made meanwhile are read again and tried this many times. */
const TRIES = 3;

/**
 * Moves the project's need by `event` (release or meet) if it is still this project's; a need moved
 * already (a retry) is left as it is.
 */
export async function moveNeed(deps: Deps, p: Project, event: Extract<NeedEvent, 'release' | 'meet'>): Promise<Need | null> {
  if (!p.needId) return null;
  let need = await deps.store.needs.get(p.needId);
  for (let tries = 0; need && need.projectId === p.id && tries < TRIES; tries++) {
    const status = needTransition(need.status, event);
    if (!status) return need;
    const now = deps.clock.now();
    const released = event === 'release' ? { partnerId: null, projectId: null } : {};
    const saved = await deps.store.needs.update({ ...need, ...released, status, updatedAt: now, version: need.version + 1 }, need.version);
    if (saved) return saved;
    need = await deps.store.needs.get(p.needId);
  }
  return need;
}
