/**
 * Visits (走访): a member records a visit to a household they are paired with — the day, what was
 * done, what the household needs — and the report they filed for it on the way, if any (filed with
 * reports.create, channel visit, naming the pairing: access.ts RECORDS_ON_PAIRED_VISITS). Listed for
 * the member (their pairing's) and for whoever sees the pairings.
 */
import { DomainError, dayKey, dayStart, isMemberOf, maySeePairings, type Pairing, type Visit } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/pairings';
import type { Deps } from '../../deps';
import { audit } from '../common';
import { visitPoints } from '../points/hooks';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { readableUnits } from './scope';
import { pairingNames, visitView } from './views';

/** Refused unless `date` is a real day, not after today and not before the pairing began. */
function demandDate(p: Pairing, date: string, now: number): void {
  if (dayKey(dayStart(date)) !== date) throw new DomainError('VISIT.BAD_DATE', `没有 ${date} 这一天`, 'date');
  if (date > dayKey(now)) throw new DomainError('VISIT.BAD_DATE', `走访日期不能晚于今天（${dayKey(now)}）`, 'date');
  if (date < dayKey(p.createdAt)) throw new DomainError('VISIT.BAD_DATE', `走访日期不能早于结对的那天（${dayKey(p.createdAt)}）`, 'date');
}

/** Refused unless the report was filed by the caller during a visit, on the household's building or compound. */
async function demandOwnVisitReport(deps: Deps, callerId: string, p: Pairing, reportId: string): Promise<void> {
  const r = await deps.store.reports.get(reportId);
  const unit = r ? await deps.store.units.get(r.unitId) : null;
  // The household's building, or its compound's common areas: where mayFileOnVisit let it be filed.
  const onHousehold = !!unit && (unit.id === p.buildingId || (unit.kind === 'compound' && p.unitPath.startsWith(unit.path)));
  if (!r || r.createdBy !== callerId || r.channel !== 'visit' || !onHousehold) throw new DomainError('VISIT.REPORT_NOT_LINKED', undefined, 'reportId');
}

async function ownPairing(ctx: AuthedContext, id: string): Promise<Pairing> {
  const p = await ctx.deps.store.pairings.get(id);
  // Another member's pairing is not theirs to visit, and not found, as one that does not exist.
  if (!p || p.memberId !== ctx.caller.person.id) throw new DomainError('PAIRING.NOT_FOUND', '找不到这条结对：只能记录您自己结对住户的走访', 'pairingId');
  return p;
}

export const visits: FunctionDef = {
  recordVisit: personAction(schemas.pairings.recordVisit, async (ctx, input) => {
    const { deps, caller } = ctx;
    const p = await ownPairing(ctx, input.pairingId);
    if (p.status === 'ended') throw new DomainError('PAIRING.ENDED', undefined, 'pairingId');
    if (!isMemberOf(caller.bindings, { path: p.unitPath })) throw new DomainError('AUTH.FORBIDDEN', '您已不是这个小区报到的党员，不能再记录这一户的走访；如有误请联系党支部书记', 'pairingId');
    const now = deps.clock.now();
    demandDate(p, input.date, now);
    if (input.reportId) await demandOwnVisitReport(deps, caller.person.id, p, input.reportId);
    const v: Visit = {
      id: deps.ids.next('vis'),
      pairingId: p.id,
      memberId: caller.person.id,
      unitPath: p.unitPath,
      date: input.date,
      done: input.done,
      needs: input.needs ?? null,
      reportId: input.reportId ?? null,
      clientRequestId: input.clientRequestId,
      createdAt: now,
    };
    const res = await deps.store.pairings.insertVisit(v);
    if (!res.ok) throw new DomainError('PAIRING.NOT_FOUND', undefined, 'pairingId');
    if (res.created) await audit(ctx, 'pairings.recordVisit', 'pairing', p.id, { visitId: v.id, date: v.date, reportId: v.reportId }, p.unitPath);
    // A retried visit (the same clientRequestId) answers the first one, whose key grants once.
    await visitPoints(deps, p, res.visit);
    return { visit: visitView(res.visit, await pairingNames(deps, [p], [res.visit])), created: res.created };
  }),

  visits: personAction(schemas.pairings.visits, async (ctx, input) => {
    const { deps, caller } = ctx;
    const limit = input.limit ?? 100;
    const offset = input.offset ?? 0;
    let found: { visits: Visit[]; total: number };
    if (input.pairingId) {
      const p = await deps.store.pairings.get(input.pairingId);
      if (!p || (p.memberId !== caller.person.id && !maySeePairings(caller.bindings, { path: p.unitPath }))) throw new DomainError('PAIRING.NOT_FOUND', undefined, 'pairingId');
      found = await deps.store.pairings.listVisits({ pairingId: p.id }, limit, offset);
    } else {
      const units = await readableUnits(ctx, input.unitId);
      found = await deps.store.pairings.listVisits({ paths: units.map((u) => u.path) }, limit, offset);
    }
    const names = await pairingNames(deps, [], found.visits);
    return { rows: found.visits.map((v) => visitView(v, names)), total: found.total };
  }),
};
