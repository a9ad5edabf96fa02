/**
 * Service records (服务记录): a member or volunteer records what they did, when, how long and for whom;
 * they list their own, and staff list those of the units they run to confirm. A retried record (the
 * same clientRequestId) is written once. Confirming and rejecting: service-decisions.ts.
 */
import { DomainError, EARNS_POINTS, dayKey, dayStart, type ServiceRecord, type Unit } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/points';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { loadPointsRules } from './earn';
import { communityOfUnit, runUnits } from './scope';
import { serviceRecordViews } from './views';

/** How far back a record may be dated: service is recorded while it is remembered. */
export const SERVICE_BACK_DAYS = 90;
const DAY = 24 * 3600_000;

/** The unit the caller earns in (their deepest member or volunteer binding) and its community; refused for anyone else. */
async function callerEarning(ctx: AuthedContext): Promise<{ unit: Unit; community: Unit }> {
  const earning = ctx.caller.bindings.filter((b) => !b.unit.archived && EARNS_POINTS.includes(b.role)).sort((a, b) => b.unit.path.length - a.unit.path.length);
  for (const b of earning) {
    const community = await communityOfUnit(ctx.deps, b.unit);
    if (community) return { unit: b.unit, community };
  }
  throw new DomainError('POINTS.NOT_EARNER', '只有本社区已报到的党员和志愿者可以记录志愿服务：请先扫党员报到码报到，或请社区登记为志愿者');
}

function demandDate(date: string, now: number): void {
  if (dayKey(dayStart(date)) !== date) throw new DomainError('SERVICE.BAD_DATE', `没有 ${date} 这一天`, 'date');
  if (date > dayKey(now)) throw new DomainError('SERVICE.BAD_DATE', `服务日期不能晚于今天（${dayKey(now)}）`, 'date');
  const earliest = dayKey(now - SERVICE_BACK_DAYS * DAY);
  if (date < earliest) throw new DomainError('SERVICE.BAD_DATE', `只能记录 ${SERVICE_BACK_DAYS} 天以内的服务（${earliest} 以后）`, 'date');
}

const rulesOf = (ctx: AuthedContext) => async (communityId: string) => (await loadPointsRules(ctx.deps, communityId)).rules;

export const serviceRecords: FunctionDef = {
  recordService: personAction(schemas.points.recordService, async (ctx, input) => {
    const { deps, caller } = ctx;
    const { unit, community } = await callerEarning(ctx);
    const now = deps.clock.now();
    demandDate(input.date, now);
    const r: ServiceRecord = {
      id: deps.ids.next('svc'),
      personId: caller.person.id,
      communityId: community.id,
      unitPath: unit.path,
      what: input.what,
      date: input.date,
      minutes: input.minutes,
      forWhom: input.forWhom ?? null,
      status: 'pending',
      points: null,
      decidedBy: null,
      decidedAt: null,
      rejectReason: null,
      clientRequestId: input.clientRequestId,
      createdAt: now,
      version: 1,
    };
    const out = await deps.store.serviceRecords.insert(r);
    const [record] = await serviceRecordViews(deps, [out.record], rulesOf(ctx));
    return { record, created: out.created };
  }),

  myServices: personAction(schemas.points.myServices, async (ctx, input) => {
    const found = await ctx.deps.store.serviceRecords.list({ personId: ctx.caller.person.id }, input.limit ?? 50, input.offset ?? 0);
    return { records: await serviceRecordViews(ctx.deps, found.records, rulesOf(ctx)), total: found.total };
  }),

  serviceRecords: personAction(schemas.points.serviceRecords, async (ctx, input) => {
    const units = await runUnits(ctx, input.unitId);
    const found = await ctx.deps.store.serviceRecords.list(
      { paths: units.map((u) => u.path), ...(input.status ? { statuses: [input.status] } : {}) },
      input.limit ?? 100,
      input.offset ?? 0,
    );
    return { records: await serviceRecordViews(ctx.deps, found.records, rulesOf(ctx)), total: found.total };
  }),
};
