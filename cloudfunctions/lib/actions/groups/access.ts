/**
 * The building a group is bound to or unbound from, and who may do it: a lead of that very building
 * (BINDS_GROUPS in src/core/groups.ts), not a lead of another building, not staff above it.
 */
import { DomainError, mayBindGroup, type Unit } from '../../../../src/core';
import type { AuthedContext } from '../define';

/** The live building `id`, where the caller may bind its group; refused otherwise, before anything is read of WeChat. */
export async function buildingToBind(ctx: AuthedContext, id: string): Promise<Unit> {
  const unit = await ctx.deps.store.units.get(id);
  if (!unit || unit.archived) throw new DomainError('UNIT.NOT_FOUND', undefined, 'buildingId');
  if (!mayBindGroup(ctx.caller.bindings, unit)) throw new DomainError('AUTH.FORBIDDEN', '只有这栋楼的楼栋长能绑定或解绑这栋楼的微信群');
  return unit;
}
