/** A community's lectures of a month (by start) with their figures: signed up, attended, attendance rate, no-shows; and the month's totals. */
import { DomainError, lectureFigures, monthRange, sumLectureFigures } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/lectures';
import { unitRef } from '../codes/views';
import { personAction, type FunctionDef } from '../define';
import { managedCommunity } from './access';
import { lectureSummary, pictureAddresses } from './views';

/** More lectures than a community gives in a month. */
const MONTH_LIMIT = 200;

export const figures: FunctionDef = {
  figures: personAction(schemas.lectures.figures, async (ctx, input) => {
    const { deps } = ctx;
    const community = await managedCommunity(ctx, input.communityId);
    const { from, to } = monthRange(input.month);
    if (!Number.isFinite(from)) throw new DomainError('INPUT.INVALID', `没有 ${input.month} 这个月`, 'month');
    const now = deps.clock.now();
    // Oldest first: the month reads in the order it happened.
    const lectures = (await deps.store.lectures.listForCommunity(community.id, { from, to, limit: MONTH_LIMIT })).reverse();
    const picture = await pictureAddresses(deps, ctx.caller, lectures);
    const rows = await Promise.all(lectures.map(async (l) => ({ lecture: lectureSummary(l, picture), figures: lectureFigures(l, await deps.store.lectures.listSignups(l.id), now) })));
    return { community: unitRef(community), month: input.month, lectures: rows, total: sumLectureFigures(rows.map((r) => r.figures)) };
  }),
};
