/**
 * A page opened inside a WeChat group asks which building the group is bound to: a resident's join
 * page fills it in, a lead's page offers to bind it. Public: the person may not be registered yet.
 * A group that cannot be read is refused with GROUP.* (the page then lets the person choose their
 * building).
 */
import { mayBindGroup, type GroupEntered, type Unit } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/groups';
import { publicAction, type FunctionDef } from '../define';
import { boundBuilding, readGroup, type GroupRefusals } from './read';
import { buildingRefs } from './views';

const REFUSALS: GroupRefusals = {
  field: 'cloudID',
  expired: '群信息已过期，请在群里重新点开卡片；也可以扫楼栋长给的楼栋码登记',
  unreadable: '没能读到这个微信群：请在楼栋群里点开近邻的卡片再试；也可以扫楼栋长给的楼栋码登记',
};

export const enter: FunctionDef = {
  enter: publicAction(schemas.groups.enter, async (ctx, input): Promise<GroupEntered> => {
    const openGId = await readGroup(ctx, input.cloudID, 'groups.enter', REFUSALS);
    const building = await boundBuilding(ctx, openGId);
    // The buildings the caller leads, each once, but the one this group is bound to.
    const leads = new Map<string, Unit>();
    for (const b of ctx.caller?.bindings ?? []) if (b.unit.id !== building?.id && mayBindGroup(ctx.caller!.bindings, b.unit)) leads.set(b.unit.id, b.unit);
    const refs = await buildingRefs(ctx.deps, [...(building ? [building] : []), ...leads.values()]);
    return building ? { building: refs[0], mayBindTo: refs.slice(1) } : { building: null, mayBindTo: refs };
  }),
};
