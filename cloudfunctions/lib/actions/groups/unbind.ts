/** Unbinding a building's WeChat group (解绑): by the building's lead, audited; the group may then be bound to another building. */
import { DomainError } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/groups';
import { audit } from '../common';
import { personAction, type FunctionDef } from '../define';
import { buildingToBind } from './access';
import { groupDigest } from './read';
import { buildingRef } from './views';

export const unbind: FunctionDef = {
  unbind: personAction(schemas.groups.unbind, async (ctx, input) => {
    const { deps } = ctx;
    const building = await buildingToBind(ctx, input.buildingId);
    const previous = building.groupId ?? null;
    if (!previous) throw new DomainError('GROUP.NOT_BOUND', undefined, 'buildingId');
    const set = await deps.store.units.setGroup(building.id, null, deps.clock.now());
    if (!set.ok) throw new DomainError('UNIT.NOT_FOUND', undefined, 'buildingId');
    await audit(ctx, 'groups.unbind', 'unit', building.id, { group: groupDigest(previous) }, building.path);
    return { building: await buildingRef(deps, set.unit) };
  }),
};
