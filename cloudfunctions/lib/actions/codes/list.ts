/** A unit's codes, as the management page lists them: the purposes the caller makes there, newest first, with scans and uses. */
import { DomainError, purposesMadeOn } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/codes';
import { loadUnit } from '../common';
import { personAction, type FunctionDef } from '../define';
import { codeNames, codeView, trailOf, unitRef } from './views';

/** More than a unit ever holds in use; the oldest beyond it are left off. */
export const CODE_LIST_LIMIT = 200;

export const list: FunctionDef = {
  list: personAction(schemas.codes.list, async (ctx, input) => {
    const { deps } = ctx;
    const unit = await loadUnit(ctx, input.unitId, 'unitId');
    const purposes = purposesMadeOn(ctx.caller.bindings, unit);
    if (purposes.length === 0) throw new DomainError('AUTH.FORBIDDEN', `您不管理 ${unit.name} 的码`);
    const codes = await deps.store.codes.listForUnit(unit.id, { purposes, limit: CODE_LIST_LIMIT });
    const names = await codeNames(deps, codes, [unit]);
    const now = deps.clock.now();
    return {
      unit: unitRef(unit),
      trail: trailOf(unit, names.units),
      purposes,
      // Newest first, as the store lists them.
      codes: codes.map((c) => codeView(c, names, now)),
    };
  }),
};
