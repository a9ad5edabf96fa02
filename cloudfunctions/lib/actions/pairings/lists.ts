/**
 * Lists of pairings: the management page's and the grid lead's (a subtree, by member, kind and
 * status), and a member's own (我的联户), kinds included for their own households.
 */
import { DomainError, mayWriteKinds, type PairingStatus } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/pairings';
import { personAction, type FunctionDef } from '../define';
import { readableUnits } from './scope';
import { pairingNames, pairingView } from './views';

const ON: readonly PairingStatus[] = ['active'];
const ALL: readonly PairingStatus[] = ['active', 'ended'];

export const lists: FunctionDef = {
  list: personAction(schemas.pairings.list, async (ctx, input) => {
    const { bindings } = ctx.caller;
    const units = await readableUnits(ctx, input.unitId);
    // Finding households by kind reads their kinds: only where the caller reads them.
    if (input.kind && !units.every((u) => mayWriteKinds(bindings, u)))
      throw new DomainError('AUTH.FORBIDDEN', '按户类别查找只有小区党支部书记和社区工作人员能用', 'kind');
    const { pairings, total } = await ctx.deps.store.pairings.list(
      { paths: units.map((u) => u.path), statuses: input.includeEnded ? ALL : ON, memberId: input.memberId, kind: input.kind },
      input.limit ?? 100,
      input.offset ?? 0,
    );
    const names = await pairingNames(ctx.deps, pairings);
    const reader = { personId: ctx.caller.person.id, bindings };
    return { rows: pairings.map((p) => pairingView(p, names, reader)), total };
  }),

  mine: personAction(schemas.pairings.mine, async (ctx) => {
    const pairings = await ctx.deps.store.pairings.listForMember(ctx.caller.person.id);
    // On ones first, each group in building order as the store gives it.
    const ordered = [...pairings.filter((p) => p.status === 'active'), ...pairings.filter((p) => p.status !== 'active')];
    const names = await pairingNames(ctx.deps, ordered);
    const reader = { personId: ctx.caller.person.id, bindings: ctx.caller.bindings };
    return { pairings: ordered.map((p) => pairingView(p, names, reader)) };
  }),
};
