/**
 * Partner organisations (共建单位), the community's side: staff register a partner (its kind, address,
 * contact, the communities it partners with, the agreement), edit it, stop the partnership (archive),
 * list their community's partners with who has not visited this month, and read one in detail.
 *
 * A partner may partner with several communities: staff edit the communities they manage and leave the
 * others' as they are; stopping it altogether is for staff of all its communities. Names are unique
 * across the street (a second registration is told to add its community to the first).
 */
import type * as z from 'zod/mini';
import { DomainError, MANAGES_PARTNERS, type Partner, type PartnerDetail } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/partners';
import { audit } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { detailOf, rowsOf } from './rows';
import { atVersion, communitiesOf, manages, partnerAuditPath, staffCommunity, staffPartner, STAFF_ONLY } from './scope';

type SaveInput = z.output<typeof schemas.partners.savePartner>;

/** The communities the partner will partner with: the caller's choice among theirs, the others' kept. */
async function communitiesAfter(ctx: AuthedContext, input: SaveInput, before: Partner | null): Promise<string[]> {
  const chosen = [...new Set(input.communityIds)];
  const units = new Map((await communitiesOf(ctx.deps, [...chosen, ...(before?.communityIds ?? [])])).map((u) => [u.id, u]));
  const mine = (id: string) => {
    const u = units.get(id);
    return !!u && manages(ctx, u);
  };
  for (const id of chosen) if (!mine(id) && !before?.communityIds.includes(id)) throw new DomainError('PARTNER.BAD_COMMUNITY', undefined, 'communityIds');
  const kept = (before?.communityIds ?? []).filter((id) => !mine(id) && !chosen.includes(id));
  const after = [...chosen, ...kept];
  if (!after.some(mine)) throw new DomainError('PARTNER.BAD_COMMUNITY', '至少要保留一个您负责的社区；要停止共建，请点“停止共建”', 'communityIds');
  return after;
}

/** The contact as a person in Jinlin: someone who exists (and has not left). */
async function contactPerson(ctx: AuthedContext, id: string | null | undefined): Promise<string | null> {
  if (!id) return null;
  const person = await ctx.deps.store.people.get(id);
  if (!person) throw new DomainError('PERSON.NOT_FOUND', '找不到这位联络人，请用姓名或手机号重新查找', 'contactPersonId');
  return person.id;
}

/** Refused when another partner has the name; a retried create finds its own partner, which is no other. */
async function nameFree(ctx: AuthedContext, name: string, id: string | undefined, clientRequestId?: string): Promise<void> {
  const same = await ctx.deps.store.partners.byName(name);
  const retry = !!same && same.createdBy === ctx.caller.person.id && same.clientRequestId === clientRequestId;
  if (same && same.id !== id && !retry) throw new DomainError('PARTNER.NAME_TAKEN', undefined, 'name');
}

export const partners: FunctionDef = {
  savePartner: personAction(schemas.partners.savePartner, async (ctx, input): Promise<{ partner: PartnerDetail; created: boolean }> => {
    const { deps, caller } = ctx;
    if (!caller.bindings.some((b) => !b.unit.archived && MANAGES_PARTNERS.includes(b.role))) throw new DomainError('AUTH.FORBIDDEN', STAFF_ONLY);
    if (input.until && input.until < input.signedOn) throw new DomainError('PARTNER.BAD_DATES', undefined, 'until');
    const now = deps.clock.now();
    const agreement = { signedOn: input.signedOn, terms: input.terms, until: input.until ?? null };
    if (input.id) {
      const { partner: before } = await staffPartner(ctx, input.id);
      if (before.archived) throw new DomainError('PARTNER.ARCHIVED', undefined, 'id');
      if (input.version === undefined) throw new DomainError('INPUT.INVALID', '缺少版本号，请刷新后重试', 'version');
      atVersion(before, input.version);
      const communityIds = await communitiesAfter(ctx, input, before);
      await nameFree(ctx, input.name, before.id);
      const next: Partner = {
        ...before,
        name: input.name,
        kind: input.kind,
        address: input.address,
        contact: { name: input.contactName, phone: input.contactPhone, personId: await contactPerson(ctx, input.contactPersonId) },
        communityIds,
        agreement,
        updatedAt: now,
        version: before.version + 1,
      };
      const saved = await deps.store.partners.update(next, before.version);
      if (!saved) throw new DomainError('CONFLICT.VERSION');
      await audit(ctx, 'partners.save', 'partner', saved.id, { communityIds }, await partnerAuditPath(ctx, saved));
      return { partner: await detailOf(ctx, saved), created: false };
    }
    const communityIds = await communitiesAfter(ctx, input, null);
    await nameFree(ctx, input.name, undefined, input.clientRequestId);
    const draft: Partner = {
      id: deps.ids.next('ptn'),
      name: input.name,
      kind: input.kind,
      address: input.address,
      contact: { name: input.contactName, phone: input.contactPhone, personId: await contactPerson(ctx, input.contactPersonId) },
      communityIds,
      agreement,
      archived: false,
      createdBy: caller.person.id,
      clientRequestId: input.clientRequestId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const { partner, created } = await deps.store.partners.insert(draft);
    // A retried create is the one made; a racing create of the same name lost to the store's unique name.
    if (created) await audit(ctx, 'partners.create', 'partner', partner.id, { communityIds }, await partnerAuditPath(ctx, partner));
    return { partner: await detailOf(ctx, partner), created };
  }),

  archivePartner: personAction(schemas.partners.archivePartner, async (ctx, input) => {
    const { deps } = ctx;
    const { partner } = await staffPartner(ctx, input.id);
    if (partner.archived) return detailOf(ctx, partner);
    const all = await communitiesOf(deps, partner.communityIds);
    if (!all.every((c) => manages(ctx, c)))
      throw new DomainError('AUTH.FORBIDDEN', '这家单位还和其他社区共建：请编辑它，在共建社区里去掉本社区；停止整个共建要由各社区一起决定', 'id');
    atVersion(partner, input.version);
    const now = deps.clock.now();
    const saved = await deps.store.partners.update({ ...partner, archived: true, updatedAt: now, version: partner.version + 1 }, partner.version);
    if (!saved) throw new DomainError('CONFLICT.VERSION');
    await audit(ctx, 'partners.archive', 'partner', saved.id, {}, all[0]?.path ?? null);
    return detailOf(ctx, saved);
  }),

  list: personAction(schemas.partners.list, async (ctx, input) => {
    const community = await staffCommunity(ctx, input.communityId);
    const found = await ctx.deps.store.partners.forCommunity(community.id, input.includeArchived ?? false);
    return { community: { id: community.id, name: community.name, kind: community.kind, path: community.path }, partners: await rowsOf(ctx.deps, found, community) };
  }),

  detail: personAction(schemas.partners.detail, async (ctx, input) => {
    const { partner } = await staffPartner(ctx, input.id);
    return detailOf(ctx, partner);
  }),
};
