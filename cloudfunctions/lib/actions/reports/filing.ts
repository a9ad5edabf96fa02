/** Filing a report: the categories to choose from, what is already reported, the report itself, and +1 on a neighbour's. */
import {
  DEFAULT_POLICY,
  DomainError,
  addFollower,
  createReport,
  mayFileReport,
  mayFollowReport,
  mayRecordFor,
  mayRecordForResident,
  route,
  seesOnItsUnit,
} from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/reports';
import { auditEntry, bindingsOf } from '../common';
import { personAction, type FunctionDef } from '../define';
import { categoryOf, policyFor } from '../policy';
import { mayView } from './access';
import { act, commit } from './commit';
import { noticeTo } from './notices';
import { chainOf, handlerBindingsOn } from './routing';
import { detail, namesFor, summary } from './views';

const HOUR = 3600_000;

export const filing: FunctionDef = {
  categories: personAction(schemas.reports.categories, async (ctx, input) => {
    const unit = input.unitId ? await ctx.deps.store.units.get(input.unitId) : null;
    const chain = unit ? await chainOf(ctx.deps, unit) : [];
    const community = chain.find((u) => u.kind === 'community') ?? null;
    return { categories: (await policyFor(ctx.deps, community?.id ?? null)).categories };
  }),

  similar: personAction(schemas.reports.similar, async (ctx, input) => {
    const now = ctx.deps.clock.now();
    const found = await ctx.deps.store.reports.findOpenSimilar(input.unitId, input.category, now - 48 * HOUR);
    const visible = found.filter((r) => r.unitId === input.unitId && (seesOnItsUnit(ctx.caller.bindings, r) || mayView(ctx.caller, r)));
    const names = await namesFor(ctx.deps, visible);
    return visible.map((r) => summary(r, names, DEFAULT_POLICY, now));
  }),

  create: personAction(schemas.reports.create, async (ctx, input) => {
    const { deps, caller } = ctx;
    const unit = await deps.store.units.get(input.unitId);
    if (!unit || unit.archived || (unit.kind !== 'building' && unit.kind !== 'compound')) throw new DomainError('UNIT.NOT_FOUND', '请选择您住的楼栋', 'unitId');
    const channel = input.channel ?? 'resident';
    const onBehalf = channel !== 'resident';
    if (onBehalf) {
      // A building lead records a message from the group chat; staff record visits and calls.
      if (!mayRecordForResident(caller.bindings, unit)) throw new DomainError('AUTH.FORBIDDEN');
      if (channel === 'group_chat' && !input.residentId && !input.contactName) throw new DomainError('INPUT.INVALID', '请填写居民姓名', 'contactName');
      if (!mayRecordForResident(caller.bindings, unit, channel)) throw new DomainError('AUTH.FORBIDDEN', '走访和电话记录由社区工作人员登记');
    } else if (!mayFileReport(caller.bindings, unit)) {
      throw new DomainError('REPORT.NOT_RESIDENT', undefined, 'unitId');
    }
    // A named resident must live inside the recorder's unit, or the report would land in a
    // stranger's list; someone who does not exist gets the same answer, so ids cannot be probed.
    if (channel !== 'resident' && input.residentId && !mayRecordFor(caller.bindings, unit, channel, await bindingsOf(deps, input.residentId)))
      throw new DomainError('PERSON.NOT_FOUND', '找不到这位居民：只能为您负责范围内登记的居民代报，其他人请只填写姓名和电话', 'residentId');
    const chain = await chainOf(deps, unit);
    const community = chain.find((u) => u.kind === 'community') ?? null;
    const policy = await policyFor(deps, community?.id ?? null);
    const category = categoryOf(policy, input.category);
    const photos = await deps.photos.accept(input.photos ?? [], caller.person.id);
    const r = route(category.entryLevel, category, chain, await handlerBindingsOn(deps, chain));
    const change = createReport(
      await act(deps, policy, caller.person.id, unit.path),
      {
        id: deps.ids.next('rep'),
        clientRequestId: input.clientRequestId,
        residentId: onBehalf ? (input.residentId ?? null) : caller.person.id,
        createdBy: caller.person.id,
        channel,
        contactName: onBehalf ? (input.contactName ?? null) : null,
        contactPhone: onBehalf ? (input.contactPhone ?? null) : null,
        unitId: unit.id,
        unitPath: unit.path,
        communityId: community?.id ?? null,
        category,
        description: input.description,
        location: input.location ?? null,
        photos,
        anonymous: input.anonymous ?? false,
      },
      r,
    );
    // The report, its audit entry and the handler's message in one write: a retry writes none of them.
    const notices = noticeTo(change.report.handlerId, 'report.assigned', `新的民情反映：${category.name}`, change.report.description.slice(0, 40), change.report.id);
    const { report, created } = await deps.store.reports.insert(change.report, change.entries, {
      audit: [auditEntry(ctx, 'reports.create', 'unit', unit.id, { reportId: change.report.id, category: category.code }, unit.path)],
      messages: notices.map((n) => deps.notifier.message(n)),
    });
    if (created) for (const n of notices) await deps.notifier.deliver(n);
    // A new report's timeline, policy and units are the ones just used; a retried create reads its report's.
    return { report: await detail(ctx, report, created ? { policy, timeline: change.entries, units: chain } : {}), created };
  }),

  follow: personAction(schemas.reports.follow, async (ctx, input) => {
    const r = await ctx.deps.store.reports.get(input.id);
    if (!r || !mayFollowReport(ctx.caller.bindings, r)) throw new DomainError('REPORT.NOT_FOUND', undefined, 'id');
    const policy = await policyFor(ctx.deps, r.communityId);
    const change = addFollower(await act(ctx.deps, policy, ctx.caller.person.id, r.unitPath), r, ctx.caller.person.id);
    const saved = change.entries.length ? await commit(ctx, r, r.version, change) : r;
    return detail(ctx, saved);
  }),
};
