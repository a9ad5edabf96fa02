/**
 * Rejecting (审核不通过), with a reason the applicant reads (in `mine`, and as a message when they
 * are a person already). The code's use goes back (one from a group took none): the applicant, or
 * a neighbour, may use it again.
 */
import type { RegistrationView } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/registration';
import { giveBackCodeUse } from '../codes/use';
import { trailOf } from '../codes/views';
import { personAction, type FunctionDef } from '../define';
import { buildingOf, decisionRefusal, demandApprover, demandUndecided, loadRegistration, registrationAudit } from './access';
import { rejectedNotice, tell } from './notices';
import { registrationUnits, registrationView } from './views';

export const reject: FunctionDef = {
  reject: personAction(schemas.registration.reject, async (ctx, input): Promise<RegistrationView> => {
    const { deps } = ctx;
    const r = await loadRegistration(deps, input.id);
    const building = await buildingOf(deps, r);
    demandApprover(ctx, r, building);
    demandUndecided(r, input.version);
    const rejected = await deps.store.registrations.reject(r.id, input.version, ctx.caller.person.id, deps.clock.now(), input.reason);
    if (!rejected) throw await decisionRefusal(deps, r.id);

    // A registration from a group took no use: none goes back.
    if (r.codeId) await giveBackCodeUse(deps, r.codeId);
    await deps.store.audit.append(registrationAudit(ctx, 'registration.reject', rejected, { reason: input.reason }, building));
    const units = await registrationUnits(deps, [rejected], building ? [building] : []);
    if (rejected.applicantId) await tell(deps, [rejectedNotice(rejected.applicantId, rejected, trailOf(building ?? { path: rejected.buildingPath }, units))], ctx.requestId);
    return registrationView(rejected, units);
  }),
};
