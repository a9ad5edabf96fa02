/**
 * The community's needs (需求清单): staff post one for the community, a compound or a building — typed,
 * or from a report, a topic or a partner's visit (./need-sources.ts) — and withdraw it while nobody
 * has claimed it. Staff list all of their community's; a partner's side lists the open needs of the
 * communities its partners partner with, and no other community's (PARTNER.NOT_PARTNERING).
 */
import { DomainError, MANAGES_PARTNERS, needTransition, partnersWith, type Need } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/partners';
import { audit } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { answerNeed, needViews } from './answers';
import { checkSource } from './need-sources';
import { atVersion, communityOf, manages, staffCommunity, STAFF_ONLY } from './scope';
import { standingOf } from './standing';

const NEED_UNITS = ['community', 'compound', 'building'];

const isStaff = (ctx: AuthedContext) => ctx.caller.bindings.some((b) => !b.unit.archived && MANAGES_PARTNERS.includes(b.role));

/** A need of a community the caller manages; NEED.NOT_FOUND otherwise. */
async function staffNeed(ctx: AuthedContext, id: string): Promise<Need> {
  const need = await ctx.deps.store.needs.get(id);
  const community = need ? await ctx.deps.store.units.get(need.communityId) : null;
  if (!need || !community || !manages(ctx, community)) throw new DomainError('NEED.NOT_FOUND', undefined, 'id');
  return need;
}

export const needs: FunctionDef = {
  postNeed: personAction(schemas.partners.postNeed, async (ctx, input) => {
    const { deps, caller } = ctx;
    if (!isStaff(ctx)) throw new DomainError('AUTH.FORBIDDEN', STAFF_ONLY);
    const unit = await deps.store.units.get(input.unitId);
    const community = unit && !unit.archived && NEED_UNITS.includes(unit.kind) ? await communityOf(deps, unit) : null;
    if (!unit || !community || !manages(ctx, community)) throw new DomainError('NEED.BAD_UNIT', undefined, 'unitId');
    if (input.source) {
      const check = await checkSource(ctx, input.source, community, input.clientRequestId);
      if (!check.ok) return { need: await answerNeed(ctx, check.posted), created: false };
    }
    const now = deps.clock.now();
    const { need, created } = await deps.store.needs.insert({
      id: deps.ids.next('ned'),
      communityId: community.id,
      unitId: unit.id,
      unitPath: unit.path,
      kind: input.kind,
      title: input.title,
      description: input.description,
      source: input.source?.kind ?? 'typed',
      sourceId: input.source?.id ?? null,
      status: 'open',
      partnerId: null,
      projectId: null,
      postedBy: caller.person.id,
      clientRequestId: input.clientRequestId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    if (created) {
      if (need.source === 'visit' && need.sourceId) await deps.store.partnerVisits.setFollowUp(need.sourceId, { needId: need.id });
      await audit(ctx, 'partners.postNeed', 'need', need.id, { source: need.source, sourceId: need.sourceId }, unit.path);
    }
    return { need: await answerNeed(ctx, need), created };
  }),

  withdrawNeed: personAction(schemas.partners.withdrawNeed, async (ctx, input) => {
    const { deps } = ctx;
    const need = await staffNeed(ctx, input.id);
    atVersion(need, input.version);
    const status = needTransition(need.status, 'withdraw');
    if (!status) throw new DomainError('NEED.NOT_ALLOWED', need.status === 'claimed' ? '这项需求已被认领：请先取消或拒绝它的项目，再撤回' : undefined, 'id');
    const saved = await deps.store.needs.update({ ...need, status, updatedAt: deps.clock.now(), version: need.version + 1 }, need.version);
    if (!saved) throw new DomainError('CONFLICT.VERSION');
    await audit(ctx, 'partners.withdrawNeed', 'need', need.id, {}, need.unitPath);
    return answerNeed(ctx, saved);
  }),

  needs: personAction(schemas.partners.needs, async (ctx, input) => {
    const { deps } = ctx;
    const limit = input.limit ?? 100;
    const offset = input.offset ?? 0;
    const s = await standingOf(ctx);
    if (isStaff(ctx)) {
      const community = await staffCommunity(ctx, input.communityId);
      const got = await deps.store.needs.list([community.id], input.status ?? null, limit, offset);
      return { needs: await needViews(ctx, got.needs, s), total: got.total };
    }
    const partners = [...s.acting.values()].map((a) => a.partner);
    if (partners.length === 0) throw new DomainError('AUTH.FORBIDDEN', '需求清单给社区工作人员和共建单位看：您还不是哪家共建单位的联络人或在职党员');
    const communities = [...new Set(partners.flatMap((p) => p.communityIds))];
    if (input.communityId && !partners.some((p) => partnersWith(p, input.communityId!))) throw new DomainError('PARTNER.NOT_PARTNERING', undefined, 'communityId');
    // A partner's side reads the open ones: those it may claim.
    const got = await deps.store.needs.list(input.communityId ? [input.communityId] : communities, 'open', limit, offset);
    return { needs: await needViews(ctx, got.needs, s), total: got.total };
  }),
};
