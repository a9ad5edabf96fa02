/**
 * Binding a building's WeChat group (绑定楼栋群): the building's lead opens Jinlin from a card in the
 * group, and the page's cloudID is traded for the group's openGId, stored on the building. A group
 * belongs to one building at a time: the store refuses a group another building holds. Binding
 * another group to a building that has one replaces it. Audited with the group's digest, never its
 * openGId.
 */
import { DomainError } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/groups';
import { audit } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { buildingToBind } from './access';
import { groupDigest, readGroup, type GroupRefusals } from './read';
import { buildingRef } from './views';

/** Binding has no way around the group: the lead opens the card in it again. */
const REFUSALS: GroupRefusals = {
  field: 'cloudID',
  expired: '群信息已过期：请回到楼栋群，重新点开近邻的卡片再绑定',
  unreadable: '没能读到这个微信群：请在要绑定的楼栋群里点开近邻的卡片，再点绑定',
};

/**
 * A group still on an archived building is let go first: nobody can unbind it there (an archived
 * building is not found), and it would hold the group forever.
 */
async function releaseFromArchived(ctx: AuthedContext, openGId: string): Promise<void> {
  const holder = await ctx.deps.store.units.findByGroupId(openGId);
  if (!holder?.archived) return;
  const released = await ctx.deps.store.units.setGroup(holder.id, null, ctx.deps.clock.now());
  if (released.ok) await audit(ctx, 'groups.unbind', 'unit', holder.id, { group: groupDigest(openGId), archived: true }, holder.path);
}

/** Which building holds the group, in the refusal's words (the lead asks that building's lead). */
async function boundElsewhere(ctx: AuthedContext, openGId: string): Promise<DomainError> {
  const holder = await ctx.deps.store.units.findByGroupId(openGId);
  const where = holder ? (await buildingRef(ctx.deps, holder)).trail : '';
  return new DomainError(
    'GROUP.BOUND_ELSEWHERE',
    where ? `这个群已经绑定到${where}了；如果绑错了，请那栋楼的楼栋长先解绑` : undefined,
    'cloudID',
  );
}

export const bind: FunctionDef = {
  bind: personAction(schemas.groups.bind, async (ctx, input) => {
    const { deps } = ctx;
    const building = await buildingToBind(ctx, input.buildingId);
    const openGId = await readGroup(ctx, input.cloudID, 'groups.bind', REFUSALS);
    const previous = building.groupId ?? null;
    // Bound to this very group already: nothing to write, nothing to audit.
    if (previous === openGId) return { building: await buildingRef(deps, building) };

    await releaseFromArchived(ctx, openGId);
    const set = await deps.store.units.setGroup(building.id, openGId, deps.clock.now());
    if (!set.ok) throw set.reason === 'taken' ? await boundElsewhere(ctx, openGId) : new DomainError('UNIT.NOT_FOUND', undefined, 'buildingId');
    // A rebind says which group it replaced.
    await audit(ctx, 'groups.bind', 'unit', building.id, { group: groupDigest(openGId), replaced: previous ? groupDigest(previous) : null }, building.path);
    return { building: await buildingRef(deps, set.unit) };
  }),
};
