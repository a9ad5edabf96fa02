/** What a handler does with a report: respond, escalate, transfer, ask, extend, resolve, reject, comment; staff close follow-ups. */
import {
  DomainError,
  closeFollowUp,
  comment,
  decideExtension,
  escalate,
  formatMonthDayTime,
  managesReportsIn,
  nextLevel,
  reject,
  requestExtension,
  requestInfo,
  resolve,
  respond,
  route,
  transfer,
  type Act,
  type Category,
  type Change,
  type Report,
} from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/reports';
import type { Notice } from '../../ports/notifier';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { categoryOf, policyFor } from '../policy';
import { mayDecide, mayHandle } from './access';
import { act, commit, load } from './commit';
import { escalationNotices, noticeTo, residentNotices } from './notices';
import { chainOf, handlerBindingsOn, routeFrom } from './routing';
import { detail } from './views';

type HandlerOp = (a: Act, r: Report, category: Category, input: Record<string, unknown>) => Promise<Change> | Change;

/** A use-case of whoever may handle the report: its change, audited as the event it writes, and who hears of it. */
function handlerAction<S extends (typeof schemas.reports)[keyof typeof schemas.reports]>(
  schema: S,
  op: HandlerOp,
  notices?: (ctx: AuthedContext, before: Report, next: Report, input: Record<string, unknown>) => Notice[] | Promise<Notice[]>,
) {
  return personAction(schema, async (ctx, raw) => {
    const input = raw as Record<string, unknown> & { id: string; version: number };
    const r = await load(ctx, input.id, input.version);
    if (!mayHandle(ctx.caller, r)) throw new DomainError('AUTH.FORBIDDEN');
    const policy = await policyFor(ctx.deps, r.communityId);
    const change = await op(await act(ctx.deps, policy, ctx.caller.person.id, r.unitPath), r, categoryOf(policy, r.category), input);
    const saved = await commit(ctx, r, input.version, change, {
      audit: `reports.${change.entries[change.entries.length - 1]?.type ?? 'change'}`,
      notices: notices && ((next) => notices(ctx, r, next, input)),
    });
    return detail(ctx, saved);
  });
}

export const handling: FunctionDef = {
  respond: handlerAction(schemas.reports.respond, (a, r, _c, i) => respond(a, r, (i.note as string) ?? null), (_ctx, _b, next) =>
    residentNotices(next, 'report.responded', { title: '您的反映有人响应了', body: '负责人已收到，正在处理' }, { title: '您关注的反映有人响应了', body: '负责人已收到，正在处理' }),
  ),

  escalate: personAction(schemas.reports.escalate, async (ctx, input) => {
    const r = await load(ctx, input.id, input.version);
    if (!mayHandle(ctx.caller, r)) throw new DomainError('AUTH.FORBIDDEN');
    const up = nextLevel(r.level);
    if (!up) throw new DomainError('REPORT.TOP_LEVEL');
    const policy = await policyFor(ctx.deps, r.communityId);
    const category = categoryOf(policy, r.category);
    const change = escalate(await act(ctx.deps, policy, ctx.caller.person.id, r.unitPath), r, category, await routeFrom(ctx.deps, r, category, up), input.reason, false);
    const saved = await commit(ctx, r, input.version, change, { audit: 'reports.escalate', notices: escalationNotices });
    return detail(ctx, saved);
  }),

  transfer: handlerAction(schemas.reports.transfer, (a, r, _c, i) => transfer(a, r, i.department as string, (i.note as string) ?? null), (_ctx, _b, next) =>
    residentNotices(next, 'report.transferred', { title: '您的反映已转交相关部门', body: `已转交${next.transferredTo}办理` }, { title: '您关注的反映已转交相关部门', body: `已转交${next.transferredTo}办理` }),
  ),

  requestInfo: handlerAction(schemas.reports.requestInfo, (a, r, _c, i) => requestInfo(a, r, i.question as string), (_ctx, _b, next, i) =>
    // The question is the resident's to answer, and may name them or their door: followers are not told.
    residentNotices(next, 'report.needsInfo', { title: '请补充反映的情况', body: String(i.question).slice(0, 40) }, null),
  ),

  requestExtension: handlerAction(schemas.reports.requestExtension, (a, r, _c, i) => requestExtension(a, r, i.days as number, i.reason as string), async (ctx, before, next) => {
    const chain = await chainOf(ctx.deps, { path: next.unitPath });
    const policy = await policyFor(ctx.deps, next.communityId);
    const category = categoryOf(policy, next.category);
    const deciderLevel = next.extension!.deciderLevel;
    const decider = route(deciderLevel, category, chain, await handlerBindingsOn(ctx.deps, chain)).stop.handlerId;
    return noticeTo(decider, 'report.extensionRequested', '有一份延期申请待审批', before.description.slice(0, 40), next.id);
  }),

  decideExtension: personAction(schemas.reports.decideExtension, async (ctx, input) => {
    const r = await load(ctx, input.id, input.version);
    if (!(await mayDecide(ctx.deps, ctx.caller, r))) throw new DomainError(r.extension ? 'AUTH.FORBIDDEN' : 'REPORT.NO_EXTENSION');
    const policy = await policyFor(ctx.deps, r.communityId);
    const requester = r.extension!.requestedBy;
    const change = decideExtension(await act(ctx.deps, policy, ctx.caller.person.id, r.unitPath), r, input.approve, input.note ?? null);
    const saved = await commit(ctx, r, input.version, change, {
      audit: 'reports.decideExtension',
      notices: (next) => noticeTo(requester, 'report.extensionDecided', input.approve ? '延期申请已同意' : '延期申请未同意', `新的办结时限：${formatMonthDayTime(next.dueAt)}`, next.id),
    });
    return detail(ctx, saved);
  }),

  resolve: handlerAction(
    schemas.reports.resolve,
    async (a, r, _c, i) => resolve(a, r, i.note as string, []),
    (_ctx, _b, next) =>
      residentNotices(next, 'report.resolved', { title: '您的反映已办结，请评价', body: '请确认问题是否解决并评价' }, { title: '您关注的反映已办结', body: '负责人已办结，等待反映人确认' }),
  ),

  reject: handlerAction(
    schemas.reports.reject,
    (a, r, _c, i) => reject(a, r, i.kind as 'duplicate' | 'notActionable', i.reason as string, (i.duplicateOf as string) ?? null),
    (_ctx, _b, next) => residentNotices(next, 'report.rejected', { title: '您的反映未受理', body: next.rejectReason ?? '' }, { title: '您关注的反映未受理', body: next.rejectReason ?? '' }),
  ),

  comment: handlerAction(schemas.reports.comment, (a, r, _c, i) => comment(a, r, i.note as string, [])),

  closeFollowUp: personAction(schemas.reports.closeFollowUp, async (ctx, input) => {
    const r = await load(ctx, input.id, input.version);
    if (!managesReportsIn(ctx.caller.bindings, { path: r.unitPath })) throw new DomainError('AUTH.FORBIDDEN');
    const policy = await policyFor(ctx.deps, r.communityId);
    const saved = await commit(ctx, r, input.version, closeFollowUp(await act(ctx.deps, policy, ctx.caller.person.id, r.unitPath), r, input.note), { audit: 'reports.closeFollowUp' });
    return detail(ctx, saved);
  }),
};
