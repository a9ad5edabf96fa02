/** The resident's side of a report: their list, its page, answering a question, rating the fix or saying it is not fixed. */
import { DEFAULT_POLICY, DomainError, callsBack, dispute, provideInfo, rate } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/reports';
import { personAction, type FunctionDef } from '../define';
import { categoryOf, policyFor } from '../policy';
import { isResidentOf } from './access';
import { act, commit, load } from './commit';
import { about, labelOf, noticeTo } from './notices';
import { chainOf } from './routing';
import { detail, namesFor, summary } from './views';

export const resident: FunctionDef = {
  mine: personAction(schemas.reports.mine, async (ctx, input) => {
    const list = await ctx.deps.store.reports.listForResident(ctx.caller.person.id, input.limit ?? 20, input.before);
    const names = await namesFor(ctx.deps, list);
    return list.map((r) => summary(r, names, DEFAULT_POLICY, ctx.deps.clock.now()));
  }),

  detail: personAction(schemas.reports.detail, async (ctx, input) => detail(ctx, await load(ctx, input.id))),

  provideInfo: personAction(schemas.reports.provideInfo, async (ctx, input) => {
    const r = await load(ctx, input.id, input.version);
    if (!isResidentOf(ctx.caller, r)) throw new DomainError('AUTH.FORBIDDEN');
    const policy = await policyFor(ctx.deps, r.communityId);
    const photos = await ctx.deps.photos.accept(input.photos ?? [], ctx.caller.person.id);
    const saved = await commit(ctx, r, input.version, provideInfo(await act(ctx.deps, policy, ctx.caller.person.id, r.unitPath), r, input.answer, photos), {
      audit: 'reports.provideInfo',
      notices: async (next) => noticeTo(next.handlerId, 'report.infoProvided', '居民补充了情况', { note: input.answer }, about(next, await labelOf(ctx.deps, next, policy))),
    });
    return detail(ctx, saved);
  }),

  rate: personAction(schemas.reports.rate, async (ctx, input) => {
    const r = await load(ctx, input.id);
    if (!isResidentOf(ctx.caller, r)) throw new DomainError('AUTH.FORBIDDEN');
    if (r.rating) throw new DomainError('REPORT.ALREADY_RATED');
    const policy = await policyFor(ctx.deps, r.communityId);
    const saved = await commit(ctx, r, input.version, rate(await act(ctx.deps, policy, ctx.caller.person.id, r.unitPath), r, input.rating, input.note ?? null), {
      audit: 'reports.rate',
      notices: async (next) => {
        if (input.rating !== 'unsatisfied') return [];
        // A follow-up task for community staff.
        const chain = await chainOf(ctx.deps, { path: next.unitPath });
        const community = chain.find((u) => u.kind === 'community');
        if (!community) return [];
        const staff = (await ctx.deps.store.bindings.listForUnit(community.id)).filter((x) => callsBack(x.role));
        const it = about(next, await labelOf(ctx.deps, next, policy));
        return staff.flatMap((b) => noticeTo(b.personId, 'report.followUp', '居民不满意，请回访', { note: input.note || next.description }, it));
      },
    });
    return detail(ctx, saved);
  }),

  dispute: personAction(schemas.reports.dispute, async (ctx, input) => {
    const r = await load(ctx, input.id, input.version);
    if (!isResidentOf(ctx.caller, r)) throw new DomainError('AUTH.FORBIDDEN');
    const policy = await policyFor(ctx.deps, r.communityId);
    const photos = await ctx.deps.photos.accept(input.photos ?? [], ctx.caller.person.id);
    const saved = await commit(ctx, r, input.version, dispute(await act(ctx.deps, policy, ctx.caller.person.id, r.unitPath), r, categoryOf(policy, r.category), input.reason, photos), {
      audit: 'reports.dispute',
      notices: async (next) => noticeTo(next.handlerId, 'report.disputed', '居民表示问题还没解决', { note: input.reason }, about(next, await labelOf(ctx.deps, next, policy))),
    });
    return detail(ctx, saved);
  }),
};
