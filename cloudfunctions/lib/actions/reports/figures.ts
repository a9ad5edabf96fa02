/** The three figures staff are judged by (response, on-time, satisfaction), for a unit and a China-time month. */
import { DomainError, figures as figuresOf, monthRange, viewsReportsIn, type Report } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/reports';
import { personAction, type FunctionDef } from '../define';

export const figures: FunctionDef = {
  figures: personAction(schemas.reports.figures, async (ctx, input) => {
    const unit = await ctx.deps.store.units.get(input.unitId);
    if (!unit) throw new DomainError('UNIT.NOT_FOUND', undefined, 'unitId');
    if (!viewsReportsIn(ctx.caller.bindings, unit)) throw new DomainError('AUTH.FORBIDDEN');
    const { from, to } = monthRange(input.month);
    const list: Report[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await ctx.deps.store.reports.list({ path: unit.path, createdFrom: from, createdTo: to }, 1000, offset);
      list.push(...page);
      if (page.length < 1000) break;
    }
    const f = figuresOf(list, ctx.deps.clock.now());
    return { ...f, unitId: unit.id, month: input.month };
  }),
};
