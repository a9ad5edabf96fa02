/**
 * A compound's public page (公示): its property company, the latest published flag with the figures
 * behind it, and the published history by month. For anyone bound in the compound or above it.
 */
import * as schemas from '../../../../src/core/schemas/assessments';
import { trailOf, unitRef } from '../codes/views';
import { personAction, type FunctionDef } from '../define';
import { readableCompound } from './scope';
import { assessmentNames, assessmentView, companyRef } from './views';

/** The history shown: two years of months. */
const HISTORY = 24;

export const publicPage: FunctionDef = {
  compound: personAction(schemas.assessments.compound, async (ctx, input) => {
    const { deps } = ctx;
    const compound = await readableCompound(ctx, input.compoundId);
    const [company, published] = await Promise.all([deps.store.propertyCompanies.forCompound(compound.id), deps.store.assessments.forCompound(compound.id, true, HISTORY)]);
    const names = await assessmentNames(deps, published, [compound]);
    const history = published.map((a) => assessmentView(a, names));
    return {
      compound: unitRef(compound),
      trail: trailOf(compound, names.units),
      company: company ? companyRef(company) : null,
      latest: history[0] ?? null,
      history,
    };
  }),
};
