/**
 * Partners' visits (上门走访—了解诉求—解决问题—及时反馈): the partner's contact or a linked member records
 * each visit to a community it partners with (the day, whom they met, what was raised, how it was
 * answered), within VISIT_DAYS_BACK_MAX days back and never ahead. Staff read their community's
 * visits, post a need from one (postNeed with source visit) or link a report filed for what was raised.
 */
import { DomainError, MANAGES_PARTNERS, VISIT_DAYS_BACK_MAX, dayKey, dayStart, type PartnerVisit } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/partners';
import { audit } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { visitViews } from './answers';
import { ALL } from './rows';
import { actingFor, demandPartnering, manages, staffCommunity } from './scope';
import { standingOf } from './standing';

const DAY = 24 * 3600_000;

const isStaff = (ctx: AuthedContext) => ctx.caller.bindings.some((b) => !b.unit.archived && MANAGES_PARTNERS.includes(b.role));

function checkDay(day: string, now: number): void {
  const real = dayKey(dayStart(day)) === day;
  if (!real || day > dayKey(now) || day < dayKey(now - VISIT_DAYS_BACK_MAX * DAY)) throw new DomainError('VISIT.BAD_DAY', undefined, 'day');
}

export const visits: FunctionDef = {
  recordVisit: personAction(schemas.partners.recordVisit, async (ctx, input) => {
    const { deps, caller } = ctx;
    const { partner } = await actingFor(ctx, input.partnerId);
    demandPartnering(partner, input.communityId);
    const now = deps.clock.now();
    checkDay(input.day, now);
    const draft: PartnerVisit = {
      id: deps.ids.next('pvs'),
      partnerId: partner.id,
      communityId: input.communityId,
      day: input.day,
      met: input.met,
      raised: input.raised,
      feedback: input.feedback ?? '',
      needId: null,
      reportId: null,
      by: caller.person.id,
      clientRequestId: input.clientRequestId,
      createdAt: now,
    };
    const { visit, created } = await deps.store.partnerVisits.insert(draft);
    const community = await deps.store.units.get(input.communityId);
    if (created) await audit(ctx, 'partners.recordVisit', 'partner_visit', visit.id, { partnerId: partner.id, day: visit.day }, community?.path ?? null);
    return { visit: (await visitViews(ctx, [visit]))[0], created };
  }),

  visits: personAction(schemas.partners.visits, async (ctx, input) => {
    const { deps } = ctx;
    const limit = input.limit ?? 100;
    const offset = input.offset ?? 0;
    const range = input.month ? { fromDay: `${input.month}-01`, toDay: `${input.month}-31` } : {};
    if (isStaff(ctx)) {
      const community = await staffCommunity(ctx, input.communityId);
      if (!input.partnerId) {
        const got = await deps.store.partnerVisits.list({ communityId: community.id, ...range }, limit, offset);
        return { visits: await visitViews(ctx, got.visits), total: got.total };
      }
      const all = (await deps.store.partnerVisits.list({ partnerIds: [input.partnerId], ...range }, ALL, 0)).visits.filter((v) => v.communityId === community.id);
      return { visits: await visitViews(ctx, all.slice(offset, offset + limit)), total: all.length };
    }
    const s = await standingOf(ctx);
    if (s.acting.size === 0) throw new DomainError('AUTH.FORBIDDEN', '走访记录给社区工作人员和共建单位看：您还不是哪家共建单位的联络人或在职党员');
    if (input.partnerId && !s.acting.has(input.partnerId)) throw new DomainError('PARTNER.NOT_YOURS', undefined, 'partnerId');
    const got = await deps.store.partnerVisits.list({ partnerIds: input.partnerId ? [input.partnerId] : [...s.acting.keys()], ...range }, limit, offset);
    return { visits: await visitViews(ctx, got.visits), total: got.total };
  }),

  linkVisitReport: personAction(schemas.partners.linkVisitReport, async (ctx, input) => {
    const { deps } = ctx;
    const visit = await deps.store.partnerVisits.get(input.visitId);
    const community = visit ? await deps.store.units.get(visit.communityId) : null;
    if (!visit || !community || !manages(ctx, community)) throw new DomainError('VISIT.NOT_FOUND', undefined, 'visitId');
    const report = await deps.store.reports.get(input.reportId);
    if (!report || !report.unitPath.startsWith(community.path)) throw new DomainError('REPORT.NOT_FOUND', '找不到这条反映，或它不在这次走访的社区里', 'reportId');
    const linked = visit.reportId === report.id ? visit : await deps.store.partnerVisits.setFollowUp(visit.id, { reportId: report.id });
    if (!linked) throw new DomainError('VISIT.NOT_FOUND', undefined, 'visitId');
    if (visit.reportId !== report.id) await audit(ctx, 'partners.linkVisitReport', 'partner_visit', visit.id, { reportId: report.id }, community.path);
    return (await visitViews(ctx, [linked]))[0];
  }),
};
