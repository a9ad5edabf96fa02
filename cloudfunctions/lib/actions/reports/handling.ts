/** What a handler does with a report: respond, escalate, transfer, ask, extend, resolve, reject, comment; staff close follow-ups. */
import {
  DomainError,
  LEVEL_LABEL,
  closeFollowUp,
  comment,
  decideExtension,
  describeVoice,
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
import { mayDecide, mustBeHandler, mustHandle } from './access';
import { act, commit, load } from './commit';
import { about, escalationNotices, labelOf, noticeTo, residentNotices, type ReportLabel } from './notices';
import { chainOf, handlerBindingsOn, routeFrom } from './routing';
import { detail } from './views';

type HandlerOp = (a: Act, r: Report, category: Category, input: Record<string, unknown>, ctx: AuthedContext) => Promise<Change> | Change;
/** Who hears of a handler's change, given the report before and after it and its name (category and place). */
type HandlerNotices = (ctx: AuthedContext, before: Report, next: Report, input: Record<string, unknown>, label: ReportLabel) => Notice[] | Promise<Notice[]>;

/** A use-case of whoever may handle the report: its change, audited as the event it writes, and who hears of it. */
function handlerAction<S extends (typeof schemas.reports)[keyof typeof schemas.reports]>(schema: S, op: HandlerOp, notices?: HandlerNotices) {
  return personAction(schema, async (ctx, raw) => {
    const input = raw as Record<string, unknown> & { id: string; version: number };
    const r = await load(ctx, input.id, input.version);
    await mustHandle(ctx.deps, ctx.caller, r);
    const policy = await policyFor(ctx.deps, r.communityId);
    const change = await op(await act(ctx.deps, policy, ctx.caller.person.id, r.unitPath), r, categoryOf(policy, r.category), input, ctx);
    const saved = await commit(ctx, r, input.version, change, {
      audit: `reports.${change.entries[change.entries.length - 1]?.type ?? 'change'}`,
      notices: notices && (async (next) => notices(ctx, r, next, input, await labelOf(ctx.deps, next, policy))),
    });
    return detail(ctx, saved);
  });
}

/** The handler's optional note, as the notices quote it. */
const noteOf = (input: Record<string, unknown>) => (typeof input.note === 'string' ? input.note : null);

export const handling: FunctionDef = {
  respond: handlerAction(schemas.reports.respond, (a, r, _c, i) => respond(a, r, (i.note as string) ?? null), (_ctx, _b, next, i, label) => {
    const text = '负责人已收到，正在处理';
    return residentNotices(next, 'report.responded', label, { title: '您的反映有人响应了', text, note: noteOf(i) }, { title: '您关注的反映有人响应了', text, note: noteOf(i) });
  }),

  escalate: personAction(schemas.reports.escalate, async (ctx, input) => {
    const r = await load(ctx, input.id, input.version);
    await mustHandle(ctx.deps, ctx.caller, r);
    const policy = await policyFor(ctx.deps, r.communityId);
    const up = nextLevel(r.level, policy);
    if (!up) throw new DomainError('REPORT.TOP_LEVEL');
    const category = categoryOf(policy, r.category);
    const change = escalate(await act(ctx.deps, policy, ctx.caller.person.id, r.unitPath), r, category, await routeFrom(ctx.deps, r, category, up, policy), input.reason, false);
    const saved = await commit(ctx, r, input.version, change, {
      audit: 'reports.escalate',
      notices: async (next) => escalationNotices(next, await labelOf(ctx.deps, next, policy), input.reason),
    });
    return detail(ctx, saved);
  }),

  transfer: handlerAction(schemas.reports.transfer, (a, r, _c, i) => transfer(a, r, i.department as string, (i.note as string) ?? null), (_ctx, _b, next, i, label) => {
    const text = `已转交${next.transferredTo}办理`;
    return residentNotices(next, 'report.transferred', label, { title: '您的反映已转交相关部门', text, note: noteOf(i) }, { title: '您关注的反映已转交相关部门', text, note: noteOf(i) });
  }),

  requestInfo: handlerAction(schemas.reports.requestInfo, (a, r, _c, i) => requestInfo(a, r, i.question as string), (_ctx, _b, next, i, label) =>
    // The question is the resident's to answer, and may name them or their door: followers are not told.
    residentNotices(next, 'report.needsInfo', label, { title: '请补充反映的情况', note: String(i.question) }, null),
  ),

  requestExtension: handlerAction(
    schemas.reports.requestExtension,
    // The chain decides whether a building's extension goes to its grid (where the grid is a level) or its compound.
    async (a, r, _c, i, ctx) => requestExtension(a, r, i.days as number, i.reason as string, await chainOf(ctx.deps, { path: r.unitPath })),
    async (ctx, _before, next, i, label) => {
      const chain = await chainOf(ctx.deps, { path: next.unitPath });
      const policy = await policyFor(ctx.deps, next.communityId);
      const category = categoryOf(policy, next.category);
      const deciderLevel = next.extension!.deciderLevel;
      const decider = route(deciderLevel, category, chain, await handlerBindingsOn(ctx.deps, chain), policy).stop.handlerId;
      return noticeTo(decider, 'report.extensionRequested', '有一份延期申请待审批', { text: `申请延期 ${i.days as number} 个工作日`, note: String(i.reason) }, about(next, label));
    },
  ),

  decideExtension: personAction(schemas.reports.decideExtension, async (ctx, input) => {
    const r = await load(ctx, input.id, input.version);
    if (!(await mayDecide(ctx.deps, ctx.caller, r))) {
      if (!r.extension) throw new DomainError('REPORT.NO_EXTENSION');
      mustBeHandler(ctx.caller);
      throw new DomainError('AUTH.FORBIDDEN', `延期申请由${LEVEL_LABEL[r.extension.deciderLevel]}或社区审批`);
    }
    const policy = await policyFor(ctx.deps, r.communityId);
    const requester = r.extension!.requestedBy;
    const change = decideExtension(await act(ctx.deps, policy, ctx.caller.person.id, r.unitPath), r, input.approve, input.note ?? null);
    const saved = await commit(ctx, r, input.version, change, {
      audit: 'reports.decideExtension',
      notices: async (next) =>
        noticeTo(
          requester,
          'report.extensionDecided',
          input.approve ? '延期申请已同意' : '延期申请未同意',
          { text: `新的办结时限：${formatMonthDayTime(next.dueAt)}`, note: input.note ?? null },
          about(next, await labelOf(ctx.deps, next, policy)),
        ),
    });
    return detail(ctx, saved);
  }),

  resolve: handlerAction(
    schemas.reports.resolve,
    async (a, r, _c, i) => resolve(a, r, i.note as string, []),
    (_ctx, _b, next, i, label) =>
      residentNotices(
        next,
        'report.resolved',
        label,
        { title: '您的反映已办结，请评价', text: '请确认问题是否解决并评价', note: noteOf(i) },
        { title: '您关注的反映已办结', text: '等待反映人确认', note: noteOf(i) },
      ),
  ),

  reject: handlerAction(
    schemas.reports.reject,
    (a, r, _c, i) => reject(a, r, i.kind as 'duplicate' | 'notActionable', i.reason as string, (i.duplicateOf as string) ?? null),
    (_ctx, _b, next, _i, label) =>
      residentNotices(next, 'report.rejected', label, { title: '您的反映未受理', note: next.rejectReason }, { title: '您关注的反映未受理', note: next.rejectReason }),
  ),

  comment: handlerAction(schemas.reports.comment, (a, r, _c, i) => comment(a, r, i.note as string, [])),

  // What the handler (or staff) heard on the voice note, typed: audited, on the timeline, and the report's words when it had none.
  describe: handlerAction(schemas.reports.describe, (a, r, _c, i) => describeVoice(a, r, i.text as string)),

  closeFollowUp: personAction(schemas.reports.closeFollowUp, async (ctx, input) => {
    const r = await load(ctx, input.id, input.version);
    if (!managesReportsIn(ctx.caller.bindings, { path: r.unitPath })) {
      mustBeHandler(ctx.caller);
      throw new DomainError('AUTH.FORBIDDEN', '回访由社区工作人员完成');
    }
    const policy = await policyFor(ctx.deps, r.communityId);
    const saved = await commit(ctx, r, input.version, closeFollowUp(await act(ctx.deps, policy, ctx.caller.person.id, r.unitPath), r, input.note), { audit: 'reports.closeFollowUp' });
    return detail(ctx, saved);
  }),
};
