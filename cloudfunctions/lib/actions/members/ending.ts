/**
 * Ending a member's check-in, the shape transfer out (转出) and withdrawal (撤回) share: a status
 * change with the day it took effect and a reason; the member role comes off the unit in the same
 * atomic write (no more permissions there), and the record and its history stay — a member who
 * comes back checks in again beside them. The member is told.
 */
import { DomainError, checkinTransition, dayKey, dayStart, type Checkin, type CheckinView } from '../../../../src/core';
import { trailOf } from '../codes/views';
import type { AuthedContext } from '../define';
import { tell } from '../registration/notices';
import { checkinAudit, demandDecider, demandStep, loadCheckin, stepRefusal, unitOf } from './access';
import { memberNotice } from './notices';
import { checkinNames, checkinView, unitOfCheckin } from './views';
import { endPairingsOf } from './end-pairings';

export interface EndInput {
  id: string;
  version: number;
  /** The day it took effect, China time. */
  date: string;
  reason: string;
}

/** Refused unless `date` is a real day, not after today and not before the check-in was approved. */
function demandDate(c: Checkin, date: string, now: number): void {
  if (dayKey(dayStart(date)) !== date) throw new DomainError('CHECKIN.BAD_DATE', `没有 ${date} 这一天`, 'date');
  if (date > dayKey(now)) throw new DomainError('CHECKIN.BAD_DATE', `日期不能晚于今天（${dayKey(now)}）`, 'date');
  if (c.decidedAt !== null && date < dayKey(c.decidedAt)) throw new DomainError('CHECKIN.BAD_DATE', `日期不能早于报到通过的那天（${dayKey(c.decidedAt)}）`, 'date');
}

export async function endCheckin(ctx: AuthedContext, event: 'transferOut' | 'withdraw', input: EndInput): Promise<CheckinView> {
  const { deps } = ctx;
  const c = await loadCheckin(deps, input.id);
  const unit = await unitOf(deps, c);
  demandDecider(ctx, event, c, unit);
  demandStep(c, event, input.version);
  const now = deps.clock.now();
  demandDate(c, input.date, now);
  const next = checkinTransition(c, event, { at: now, by: ctx.caller.person.id, reason: input.reason, date: input.date });
  const ended = await deps.store.checkins.end(next, c.version);
  if (!ended) throw await stepRefusal(deps, c.id, event);
  // Their households are nobody's to visit now: the pairings end with the membership (end-pairings.ts).
  const pairingsEnded = await endPairingsOf(ctx, ended, event);

  await deps.store.audit.append(checkinAudit(ctx, `checkin.${event}`, ended, { personId: ended.personId, date: input.date, reason: input.reason, pairingsEnded }, unit));
  const names = await checkinNames(deps, [ended], unit ? [unit] : []);
  if (ended.personId) await tell(deps, [memberNotice(ended.personId, event, ended, trailOf(unitOfCheckin(ended, names.units), names.units))], ctx.requestId);
  return checkinView(ended, names, 'whole');
}
