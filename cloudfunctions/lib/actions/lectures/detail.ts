/** A lecture's page for a resident: what, who, when, where, the seats left, and their own sign-up with its place or its code. */
import * as schemas from '../../../../src/core/schemas/lectures';
import { personAction, type FunctionDef } from '../define';
import { residentLecture } from './access';
import { detailFor } from './views';

export const detail: FunctionDef = {
  detail: personAction(schemas.lectures.detail, async (ctx, input) => {
    const { lecture, signup } = await residentLecture(ctx, input.id);
    return detailFor(ctx.deps, ctx.caller, lecture, signup);
  }),
};
