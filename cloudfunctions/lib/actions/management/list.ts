/** The report desk: every report under a unit by any filter, a page at a time, with the total. */
import * as schemas from '../../../../src/core/schemas/management';
import { personAction, type FunctionDef } from '../define';
import { rowsOf } from './rows';
import { queryOf, staffUnit } from './scope';

export const list: FunctionDef = {
  list: personAction(schemas.management.list, async (ctx, input) => {
    const unit = await staffUnit(ctx, input.filter.unitId, 'filter.unitId');
    const q = queryOf(input.filter, unit, ctx.deps.clock.now());
    const [reports, total] = await Promise.all([ctx.deps.store.reportQueries.list(q, input.sort ?? 'dueAt', input.limit ?? 50, input.offset ?? 0), ctx.deps.store.reportQueries.count(q)]);
    return { rows: await rowsOf(ctx.deps, reports), total };
  }),
};
