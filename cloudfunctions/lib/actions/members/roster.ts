/**
 * The roster (花名册): members by unit and name, filtered by type, skills, status and the veteran tag,
 * a page at a time, with phones and the branch of origin — for the branch secretary and community
 * staff only (SEES_ROSTER).
 */
import * as schemas from '../../../../src/core/schemas/members';
import { personAction, type FunctionDef } from '../define';
import { rosterQuery } from './scope';
import { checkinNames, checkinView } from './views';

const PAGE = 100;

export const roster: FunctionDef = {
  roster: personAction(schemas.members.roster, async (ctx, input) => {
    const { units, query } = await rosterQuery(ctx, input);
    const page = await ctx.deps.store.checkins.roster(query, input.limit ?? PAGE, input.offset ?? 0);
    const names = await checkinNames(ctx.deps, page.checkins, units);
    return { rows: page.checkins.map((c) => checkinView(c, names, 'whole')), total: page.total };
  }),
};
