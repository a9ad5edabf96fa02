/**
 * Reading wishes: the open ones of the caller's community for members and volunteers (the public
 * view: no phone, door or name), one wish in detail (whole for the people it names and staff, the
 * public detail for a member who is none of them), and the caller's own: those posted by or for
 * them, and those they claimed.
 */
import { DomainError, type Unit } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/wishes';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { claimCommunities, loadWish, readersOf } from './access';
import { answer } from './change';
import { publicView, wishNames, wishPhotos, wishView } from './views';

const NOT_A_CLAIMER = '微心愿由本社区已报到的党员和志愿者认领：请先扫党员报到码报到，或请社区登记您为志愿者';
/** The caller's own lists are short: a person posts or claims a handful of wishes. */
const MINE_MAX = 100;

/** The paths whose open wishes the caller browses: their communities, or `unitId` inside one of them. */
async function browsedPaths(ctx: AuthedContext, unitId: string | undefined): Promise<string[]> {
  const communities = await claimCommunities(ctx.deps, ctx.caller.bindings);
  if (communities.length === 0) throw new DomainError('AUTH.FORBIDDEN', NOT_A_CLAIMER);
  if (!unitId) return communities;
  const unit: Unit | null = await ctx.deps.store.units.get(unitId);
  if (!unit || !communities.some((p) => unit.path.startsWith(p))) throw new DomainError('UNIT.NOT_FOUND', '这个地方不在您所在的社区里', 'unitId');
  return [unit.path];
}

export const browse: FunctionDef = {
  open: personAction(schemas.wishes.open, async (ctx, input) => {
    const paths = await browsedPaths(ctx, input.unitId);
    const { wishes, total } = await ctx.deps.store.wishes.list({ paths, statuses: ['open'] }, input.limit ?? 50, input.offset ?? 0);
    // The public view needs the units along the way (the compound), never the people.
    const names = await wishNames(ctx.deps, wishes, false);
    return { wishes: wishes.map((w) => publicView(w, names)), total };
  }),

  detail: personAction(schemas.wishes.detail, async (ctx, input) => {
    const { wish } = await loadWish(ctx, input.id);
    return answer(ctx, wish);
  }),

  mine: personAction(schemas.wishes.mine, async (ctx) => {
    const { deps, caller } = ctx;
    const me = caller.person.id;
    const [posted, claimed] = await Promise.all([
      deps.store.wishes.list({ postedOrWishedBy: me }, MINE_MAX, 0),
      deps.store.wishes.list({ claimerId: me }, MINE_MAX, 0),
    ]);
    const all = [...posted.wishes, ...claimed.wishes];
    const [names, photo, readers] = await Promise.all([wishNames(deps, all), wishPhotos(deps, caller, all), readersOf(deps, me, caller.bindings, all)]);
    const views = await Promise.all(all.map((w, i) => wishView(deps, w, names, readers[i], photo)));
    return { posted: views.slice(0, posted.wishes.length), claimed: views.slice(posted.wishes.length) };
  }),
};

