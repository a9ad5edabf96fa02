/**
 * The resources partners offer (资源清单): rooms, experts, volunteers, funds, equipment, with how much
 * and when. The partner's side (its contact or a linked member) offers, edits and withdraws its own;
 * staff list what the partners of their community offer, and ask for one (projects-ask in ./projects.ts).
 */
import { DomainError, MANAGES_PARTNERS, type Resource } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/partners';
import { audit } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { answerResource, resourceViews } from './answers';
import { actingFor, atVersion, staffCommunity } from './scope';
import { standingOf } from './standing';

/** A resource the caller acts for the partner of, still offered. */
async function ownResource(ctx: AuthedContext, id: string, version: number): Promise<Resource> {
  const r = await ctx.deps.store.partners.getResource(id);
  if (!r) throw new DomainError('RESOURCE.NOT_FOUND', undefined, 'id');
  await actingFor(ctx, r.partnerId, 'id');
  if (r.status !== 'offered') throw new DomainError('RESOURCE.WITHDRAWN', undefined, 'id');
  atVersion(r, version);
  return r;
}

async function saved(ctx: AuthedContext, next: Resource, version: number): Promise<Resource> {
  const r = await ctx.deps.store.partners.updateResource(next, version);
  if (!r) throw new DomainError('CONFLICT.VERSION');
  return r;
}

export const resources: FunctionDef = {
  resources: personAction(schemas.partners.resources, async (ctx, input) => {
    const { deps } = ctx;
    const s = await standingOf(ctx);
    const limit = input.limit ?? 100;
    const offset = input.offset ?? 0;
    // A partner's own side reads all of its resources, withdrawn too.
    if (input.partnerId && s.acting.has(input.partnerId)) {
      const got = await deps.store.partners.resources([input.partnerId], null, limit, offset);
      return { resources: await resourceViews(ctx, got.resources, s), total: got.total };
    }
    const staff = ctx.caller.bindings.some((b) => !b.unit.archived && MANAGES_PARTNERS.includes(b.role));
    if (!staff && input.partnerId && s.acting.size > 0) throw new DomainError('PARTNER.NOT_YOURS', undefined, 'partnerId');
    const community = await staffCommunity(ctx, input.communityId);
    const partners = (await deps.store.partners.forCommunity(community.id, false)).filter((p) => !input.partnerId || p.id === input.partnerId);
    if (input.partnerId && partners.length === 0) throw new DomainError('PARTNER.NOT_FOUND', undefined, 'partnerId');
    // Staff see what is on offer; a partner's withdrawn ones only when they look at that partner.
    const got = await deps.store.partners.resources(
      partners.map((p) => p.id),
      input.partnerId ? null : 'offered',
      limit,
      offset,
    );
    return { resources: await resourceViews(ctx, got.resources, s), total: got.total };
  }),

  offerResource: personAction(schemas.partners.offerResource, async (ctx, input) => {
    const { deps, caller } = ctx;
    const { partner } = await actingFor(ctx, input.partnerId);
    const now = deps.clock.now();
    const { resource, created } = await deps.store.partners.insertResource({
      id: deps.ids.next('res'),
      partnerId: partner.id,
      kind: input.kind,
      title: input.title,
      description: input.description,
      amount: input.amount,
      availability: input.availability,
      status: 'offered',
      createdBy: caller.person.id,
      clientRequestId: input.clientRequestId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    if (created) await audit(ctx, 'partners.offerResource', 'resource', resource.id, { partnerId: partner.id, kind: resource.kind }, null);
    return { resource: await answerResource(ctx, resource), created };
  }),

  editResource: personAction(schemas.partners.editResource, async (ctx, input) => {
    const r = await ownResource(ctx, input.id, input.version);
    const next: Resource = { ...r, kind: input.kind, title: input.title, description: input.description, amount: input.amount, availability: input.availability, updatedAt: ctx.deps.clock.now(), version: r.version + 1 };
    const out = await saved(ctx, next, r.version);
    await audit(ctx, 'partners.editResource', 'resource', r.id, { partnerId: r.partnerId }, null);
    return answerResource(ctx, out);
  }),

  withdrawResource: personAction(schemas.partners.withdrawResource, async (ctx, input) => {
    const r = await ownResource(ctx, input.id, input.version);
    const out = await saved(ctx, { ...r, status: 'withdrawn', updatedAt: ctx.deps.clock.now(), version: r.version + 1 }, r.version);
    await audit(ctx, 'partners.withdrawResource', 'resource', r.id, { partnerId: r.partnerId }, null);
    return answerResource(ctx, out);
  }),
};
