/**
 * Staff's side (the management page): the wishes under a unit by status, and approving a pending
 * wish for publication or rejecting it with a reason. Approving and rejecting are for staff of the
 * wish's community (APPROVES_WISHES); a compound's secretary lists its wishes, reading only.
 */
import { DomainError, WISH_STATUSES, mayListWishes, wishListRoots, type Unit } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/wishes';
import { audit } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { atVersion, loadWish, readersOf } from './access';
import { answer, mustMove, save } from './change';
import { approvedNotice, rejectedNotice, tell } from './notices';
import { wishNames, wishPhotos, wishView } from './views';

const NOT_STAFF = '微心愿由社区工作人员审核和管理；党员、志愿者请在“微心愿”里认领';

/** The units whose wishes the caller lists: `unitId` when given, else every top unit they may list. */
async function listedUnits(ctx: AuthedContext, unitId: string | undefined): Promise<Pick<Unit, 'path'>[]> {
  const roots = wishListRoots(ctx.caller.bindings);
  if (roots.length === 0) throw new DomainError('AUTH.FORBIDDEN', NOT_STAFF);
  if (!unitId) return roots;
  const unit = await ctx.deps.store.units.get(unitId);
  if (!unit) throw new DomainError('UNIT.NOT_FOUND', undefined, 'unitId');
  if (!mayListWishes(ctx.caller.bindings, unit)) throw new DomainError('AUTH.FORBIDDEN', `${unit.name} 不在您管理的范围内`, 'unitId');
  return [unit];
}

async function decided(ctx: AuthedContext, id: string, version: number) {
  const { wish, reader } = await loadWish(ctx, id);
  if (!reader.approves) throw new DomainError('AUTH.FORBIDDEN', NOT_STAFF);
  atVersion(wish, version);
  return wish;
}

export const staff: FunctionDef = {
  list: personAction(schemas.wishes.list, async (ctx, input) => {
    const { deps, caller } = ctx;
    const units = await listedUnits(ctx, input.unitId);
    const statuses = input.status ? [input.status] : [...WISH_STATUSES];
    const { wishes, total } = await deps.store.wishes.list({ paths: units.map((u) => u.path), statuses }, input.limit ?? 50, input.offset ?? 0);
    const [names, photo, readers] = await Promise.all([wishNames(deps, wishes), wishPhotos(deps, caller, wishes), readersOf(deps, caller.person.id, caller.bindings, wishes)]);
    return { wishes: await Promise.all(wishes.map((w, i) => wishView(deps, w, names, readers[i], photo))), total };
  }),

  approve: personAction(schemas.wishes.approve, async (ctx, input) => {
    const { deps, caller } = ctx;
    const wish = await decided(ctx, input.id, input.version);
    const now = deps.clock.now();
    const saved = await save(deps, mustMove(wish, 'approve', { approvedBy: caller.person.id, approvedAt: now }, now));
    await audit(ctx, 'wishes.approve', 'wish', wish.id, {}, wish.unitPath);
    await tell(deps, [approvedNotice(saved)]);
    return answer(ctx, saved);
  }),

  reject: personAction(schemas.wishes.reject, async (ctx, input) => {
    const { deps, caller } = ctx;
    const wish = await decided(ctx, input.id, input.version);
    const now = deps.clock.now();
    const saved = await save(deps, mustMove(wish, 'reject', { approvedBy: caller.person.id, approvedAt: now, rejectReason: input.reason }, now));
    await audit(ctx, 'wishes.reject', 'wish', wish.id, { reason: input.reason }, wish.unitPath);
    await tell(deps, [rejectedNotice(saved)]);
    return answer(ctx, saved);
  }),
};
