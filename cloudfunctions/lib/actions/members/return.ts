/**
 * Returning a check-in (退回), with a reason the member reads (in 我的报到, and as a message when they
 * are a person already). The code's use goes back: the member may correct what was wrong and check
 * in again with it.
 */
import { checkinTransition, type CheckinView } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/members';
import { giveBackCodeUse } from '../codes/use';
import { trailOf } from '../codes/views';
import { personAction, type FunctionDef } from '../define';
import { tell } from '../registration/notices';
import { checkinAudit, demandDecider, demandStep, loadCheckin, stepRefusal, unitOf } from './access';
import { memberNotice } from './notices';
import { checkinNames, checkinView, unitOfCheckin } from './views';

export const returnCheckin: FunctionDef = {
  return: personAction(schemas.members.return, async (ctx, input): Promise<CheckinView> => {
    const { deps } = ctx;
    const c = await loadCheckin(deps, input.id);
    const unit = await unitOf(deps, c);
    demandDecider(ctx, 'return', c, unit);
    demandStep(c, 'return', input.version);
    const next = checkinTransition(c, 'return', { at: deps.clock.now(), by: ctx.caller.person.id, reason: input.reason });
    const returned = await deps.store.checkins.decide(next, c.version);
    if (!returned) throw await stepRefusal(deps, c.id, 'return');

    await giveBackCodeUse(deps, c.codeId);
    await deps.store.audit.append(checkinAudit(ctx, 'checkin.return', returned, { reason: input.reason }, unit));
    const names = await checkinNames(deps, [returned], unit ? [unit] : []);
    if (returned.applicantId) await tell(deps, [memberNotice(returned.applicantId, 'return', returned, trailOf(unitOfCheckin(returned, names.units), names.units))], ctx.requestId);
    return checkinView(returned, names, 'whole');
  }),
};
