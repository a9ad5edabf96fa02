/**
 * A project's milestones (节点): either side keeps them while the project is proposed or active — adds
 * one (at most MILESTONES_MAX) with the day it is due, and marks one done. Marking a done milestone
 * done again is the milestone as it is.
 */
import { DomainError, MILESTONES_MAX, dayKey, dayStart, type Project } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/partners';
import { audit } from '../common';
import { personAction, type FunctionDef } from '../define';
import { answerProject } from './answers';
import { loadProject, save } from './project-change';
import { atVersion } from './scope';

const keeps = (p: Project) => p.status === 'proposed' || p.status === 'active';

export const milestones: FunctionDef = {
  addMilestone: personAction(schemas.partners.addMilestone, async (ctx, input) => {
    const { deps } = ctx;
    const l = await loadProject(ctx, input.id);
    const p = l.project;
    if (!keeps(p)) throw new DomainError('PROJECT.NOT_ALLOWED');
    atVersion(p, input.version);
    if (p.milestones.length >= MILESTONES_MAX) throw new DomainError('PROJECT.TOO_MANY_MILESTONES');
    // 2026-02-30 matches the pattern but is no day.
    if (dayKey(dayStart(input.dueOn)) !== input.dueOn) throw new DomainError('INPUT.INVALID', '没有这一天，请重新选择节点日期', 'dueOn');
    const now = deps.clock.now();
    const milestone = { id: deps.ids.next('mst'), title: input.title, dueOn: input.dueOn, doneAt: null, doneBy: null };
    const saved = await save(deps, { ...p, milestones: [...p.milestones, milestone], updatedAt: now, version: p.version + 1 });
    await audit(ctx, 'partners.addMilestone', 'project', p.id, { milestoneId: milestone.id, dueOn: input.dueOn }, l.community?.path ?? null);
    return answerProject(ctx, saved, l.standing);
  }),

  doneMilestone: personAction(schemas.partners.doneMilestone, async (ctx, input) => {
    const { deps, caller } = ctx;
    const l = await loadProject(ctx, input.id);
    const p = l.project;
    const m = p.milestones.find((x) => x.id === input.milestoneId);
    if (!m) throw new DomainError('PROJECT.MILESTONE_NOT_FOUND', undefined, 'milestoneId');
    if (m.doneAt !== null) return answerProject(ctx, p, l.standing);
    if (!keeps(p)) throw new DomainError('PROJECT.NOT_ALLOWED');
    atVersion(p, input.version);
    const now = deps.clock.now();
    const next = p.milestones.map((x) => (x.id === m.id ? { ...x, doneAt: now, doneBy: caller.person.id } : x));
    const saved = await save(deps, { ...p, milestones: next, updatedAt: now, version: p.version + 1 });
    await audit(ctx, 'partners.doneMilestone', 'project', p.id, { milestoneId: m.id }, l.community?.path ?? null);
    return answerProject(ctx, saved, l.standing);
  }),
};
