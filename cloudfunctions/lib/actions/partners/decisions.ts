/**
 * A proposed project answered by the other side (accept naming its owner, or decline with a reason),
 * cancelled (while proposed, by the side that started it; once active, by either), and closed by the
 * community with its result and photos. Declining or cancelling releases the need it was for (open
 * again for another partner); closing meets it. The side that started a project never answers it
 * (PROJECT.NOT_YOUR_SIDE).
 */
import { DomainError, managesPartnersOf, type Project, type ProjectSide } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/partners';
import { audit, bindingsOf } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { answerProject } from './answers';
import { acceptedNotice, cancelledNotices, closedNotices, declinedNotice, tell } from './notices';
import { loadProject, moveNeed, mustMove, save, type LoadedProject } from './project-change';
import { atVersion, sideFor } from './scope';
import { answeringSide } from './standing';

/** The owner named for `side`: staff of the project's community, or someone acting for its partner. */
async function ownerFor(ctx: AuthedContext, l: LoadedProject, side: ProjectSide, ownerId: string): Promise<string> {
  const { deps } = ctx;
  if (side === 'community') {
    const ok = !!l.community && managesPartnersOf(await bindingsOf(deps, ownerId), l.community.path);
    if (!ok) throw new DomainError('PROJECT.BAD_OWNER', undefined, 'ownerId');
    return ownerId;
  }
  const partner = await deps.store.partners.get(l.project.partnerId);
  if (!partner || !(await sideFor(deps, partner, ownerId))) throw new DomainError('PROJECT.BAD_OWNER', undefined, 'ownerId');
  return ownerId;
}

const auditPath = (l: LoadedProject) => l.community?.path ?? null;

export const decisions: FunctionDef = {
  accept: personAction(schemas.partners.accept, async (ctx, input) => {
    const { deps, caller } = ctx;
    const l = await loadProject(ctx, input.id);
    const side = answeringSide(l.project, l.sides);
    atVersion(l.project, input.version);
    const now = deps.clock.now();
    mustMove(l.project, 'accept', {}, now);
    const owner = await ownerFor(ctx, l, side, input.ownerId ?? caller.person.id);
    const patch: Partial<Project> = side === 'community' ? { communityOwnerId: owner } : { partnerOwnerId: owner };
    const saved = await save(deps, mustMove(l.project, 'accept', { ...patch, decidedBy: caller.person.id, decidedAt: now }, now));
    await audit(ctx, 'partners.accept', 'project', saved.id, { side, ownerId: owner }, auditPath(l));
    await tell(deps, acceptedNotice(saved));
    return answerProject(ctx, saved, l.standing);
  }),

  decline: personAction(schemas.partners.decline, async (ctx, input) => {
    const { deps, caller } = ctx;
    const l = await loadProject(ctx, input.id);
    const side = answeringSide(l.project, l.sides);
    atVersion(l.project, input.version);
    const now = deps.clock.now();
    const saved = await save(deps, mustMove(l.project, 'decline', { reason: input.reason, decidedBy: caller.person.id, decidedAt: now }, now));
    await moveNeed(deps, saved, 'release');
    await audit(ctx, 'partners.decline', 'project', saved.id, { side, reason: input.reason }, auditPath(l));
    await tell(deps, declinedNotice(saved));
    return answerProject(ctx, saved, l.standing);
  }),

  cancel: personAction(schemas.partners.cancel, async (ctx, input) => {
    const { deps, caller } = ctx;
    const l = await loadProject(ctx, input.id);
    const { project, sides } = l;
    // A proposed project is the starting side's to take back; the other side declines it instead.
    if (project.status === 'proposed' && !sides.has(project.startedBy))
      throw new DomainError('PROJECT.NOT_YOUR_SIDE', '这个项目是对方发起的：不想做请点“不接受”并说明原因');
    atVersion(project, input.version);
    const by: ProjectSide = project.status === 'proposed' ? project.startedBy : sides.has('community') ? 'community' : 'partner';
    const now = deps.clock.now();
    const saved = await save(deps, mustMove(project, 'cancel', { reason: input.reason }, now));
    await moveNeed(deps, saved, 'release');
    await audit(ctx, 'partners.cancel', 'project', saved.id, { side: by, reason: input.reason }, auditPath(l));
    await tell(deps, cancelledNotices(saved, by, await deps.store.partners.get(saved.partnerId), caller.person.id));
    return answerProject(ctx, saved, l.standing);
  }),

  close: personAction(schemas.partners.close, async (ctx, input) => {
    const { deps, caller } = ctx;
    const l = await loadProject(ctx, input.id);
    if (!l.sides.has('community')) throw new DomainError('PROJECT.NOT_YOUR_SIDE', '项目由社区确认完成：请把成效和照片交给社区工作人员');
    atVersion(l.project, input.version);
    const now = deps.clock.now();
    // The state first: photos are not cleaned and kept for a project that cannot take them.
    mustMove(l.project, 'close', {}, now);
    const photos = await deps.photos.accept(input.photos ?? [], caller.person.id);
    const saved = await save(deps, mustMove(l.project, 'close', { result: { text: input.result, photos }, closedBy: caller.person.id, closedAt: now }, now));
    await moveNeed(deps, saved, 'meet');
    await audit(ctx, 'partners.close', 'project', saved.id, { photos: photos.length, needId: saved.needId }, auditPath(l));
    await tell(deps, closedNotices(saved, await deps.store.partners.get(saved.partnerId), caller.person.id));
    return answerProject(ctx, saved, l.standing);
  }),
};
