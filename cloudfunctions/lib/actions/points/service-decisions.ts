/**
 * Staff confirm a service record — and the points follow, under the community's rules of that day — or
 * reject it with a reason. The decision is versioned (two staff at once: one decides); the points are
 * granted once per record (its source key), so a confirm retried after a lost answer, or after the
 * grant failed, grants what is missing and answers the record.
 */
import { DomainError, pointsFor, type ServiceRecord } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/points';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { earnPoints, earningUnit, loadPointsRules } from './earn';
import { runRecord } from './scope';
import { serviceRecordViews } from './views';

const view = async (ctx: AuthedContext, r: ServiceRecord) =>
  (await serviceRecordViews(ctx.deps, [r], async (c) => (await loadPointsRules(ctx.deps, c)).rules))[0];

/** Grants the record's points (once) and keeps the record's figure to what was granted. */
async function grantFor(ctx: AuthedContext, r: ServiceRecord): Promise<ServiceRecord> {
  const { deps } = ctx;
  const earned = await earnPoints(deps, {
    personId: r.personId,
    communityId: r.communityId,
    kind: 'service',
    sourceId: r.id,
    reason: `志愿服务：${r.what}（${r.minutes} 分钟）`,
    grantedBy: r.decidedBy,
    minutes: r.minutes,
    at: r.decidedAt ?? deps.clock.now(),
  });
  if (earned.granted === r.points) return r;
  // The rules changed between deciding and granting (or the person stopped earning): the record says what the ledger holds.
  return (await deps.store.serviceRecords.update({ ...r, points: earned.granted, version: r.version + 1 }, r.version)) ?? r;
}

/** What confirming grants now: 0 for someone who no longer earns in the community. */
async function expectedPoints(ctx: AuthedContext, r: ServiceRecord): Promise<number> {
  const community = await ctx.deps.store.units.get(r.communityId);
  if (!community || !(await earningUnit(ctx.deps, r.personId, community))) return 0;
  return pointsFor((await loadPointsRules(ctx.deps, r.communityId)).rules, 'service', r.minutes);
}

export const serviceDecisions: FunctionDef = {
  confirmService: personAction(schemas.points.confirmService, async (ctx, input) => {
    const { deps, caller } = ctx;
    const r = await runRecord(ctx, input.id);
    if (r.status === 'confirmed') return view(ctx, await grantFor(ctx, r));
    if (r.status !== 'pending') throw new DomainError('SERVICE.DECIDED', '这条服务记录已经退回了，不能再确认', 'id');
    if (r.version !== input.version) throw new DomainError('CONFLICT.VERSION', undefined, 'version');
    const now = deps.clock.now();
    const next: ServiceRecord = { ...r, status: 'confirmed', points: await expectedPoints(ctx, r), decidedBy: caller.person.id, decidedAt: now, version: r.version + 1 };
    const decided = await deps.store.serviceRecords.update(next, r.version);
    if (!decided) {
      // Someone else decided first: a confirm is answered as this one would be; anything else is a conflict.
      const now2 = await deps.store.serviceRecords.get(r.id);
      if (now2?.status === 'confirmed') return view(ctx, await grantFor(ctx, now2));
      throw new DomainError(now2 && now2.status !== 'pending' ? 'SERVICE.DECIDED' : 'CONFLICT.VERSION', undefined, 'id');
    }
    return view(ctx, await grantFor(ctx, decided));
  }),

  rejectService: personAction(schemas.points.rejectService, async (ctx, input) => {
    const { deps, caller } = ctx;
    const r = await runRecord(ctx, input.id);
    if (r.status !== 'pending') throw new DomainError('SERVICE.DECIDED', undefined, 'id');
    if (r.version !== input.version) throw new DomainError('CONFLICT.VERSION', undefined, 'version');
    const next: ServiceRecord = { ...r, status: 'rejected', rejectReason: input.reason, decidedBy: caller.person.id, decidedAt: deps.clock.now(), version: r.version + 1 };
    const decided = await deps.store.serviceRecords.update(next, r.version);
    if (!decided) throw new DomainError('CONFLICT.VERSION', undefined, 'version');
    return view(ctx, decided);
  }),
};
