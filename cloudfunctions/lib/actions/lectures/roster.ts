/** A lecture's roster for its staff: confirmed, waiting in order, attended, with the figures. */
import * as schemas from '../../../../src/core/schemas/lectures';
import { personAction, type FunctionDef } from '../define';
import { managedLecture } from './access';
import { rosterOf } from './roster-rows';

export const roster: FunctionDef = {
  roster: personAction(schemas.lectures.roster, async (ctx, input) => {
    const { lecture } = await managedLecture(ctx, input.id);
    return rosterOf(ctx.deps, ctx.caller, lecture);
  }),
};
