/** The report desk: every report under a unit by any filter, a page at a time, with the total. */
import * as schemas from '../../../../src/core/schemas/management';
import { personAction, type FunctionDef } from '../define';
import { rowsOf } from './rows';
import { queryOf, staffUnit } from './scope';

export const list: FunctionDef = {
  list: personAction(schemas.management.list, async (ctx, input) => {
    const unit = await staffUnit(ctx, input.filter.unitId, 'filter.unitId');
    const queries = ctx.deps.store.reportQueries;
    // A text search on CloudBase may look at the newer reports only; the desk says so (searchCapped).
    const { query: q, capped } = await queries.searchScope(queryOf(input.filter, unit, ctx.deps.clock.now()));
    const [reports, total] = await Promise.all([queries.list(q, input.sort ?? 'dueAt', input.limit ?? 50, input.offset ?? 0), queries.count(q)]);
    return { rows: await rowsOf(ctx.deps, reports), total, searchCapped: capped };
  }),
};
