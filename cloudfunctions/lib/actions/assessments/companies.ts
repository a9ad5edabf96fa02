/**
 * Property companies (物业公司), kept by community staff: a name, a phone, the compounds served (one
 * company a compound, held by the store atomically). Its people are the property_manager bindings on
 * those compounds, bound on the management page's people and roles like any role.
 */
import { COMPANY_COMPOUNDS_MAX, DomainError, mayRunAssessments, type PropertyCompany, type Unit } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/assessments';
import { unitRef } from '../codes/views';
import { audit } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { staffCommunity } from './scope';
import { companyViews } from './views';

/** The company, if it is of a community the caller runs; else not found (ids cannot be probed). */
async function loadCompany(ctx: AuthedContext, id: string): Promise<{ company: PropertyCompany; community: Unit }> {
  const company = await ctx.deps.store.propertyCompanies.get(id);
  if (!company) throw new DomainError('PROPERTY.NOT_FOUND', undefined, 'id');
  const community = await ctx.deps.store.units.get(company.communityId);
  if (!community || !mayRunAssessments(ctx.caller.bindings, community)) throw new DomainError('PROPERTY.NOT_FOUND', undefined, 'id');
  return { company, community };
}

/** The compounds named: live compounds of the community, each once. */
async function compoundsOf(ctx: AuthedContext, community: Unit, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const units = new Map((await ctx.deps.store.units.getMany(unique)).map((u) => [u.id, u]));
  for (const id of unique) {
    const u = units.get(id);
    if (!u || u.kind !== 'compound' || u.archived || !u.path.startsWith(community.path)) throw new DomainError('PROPERTY.BAD_COMPOUND', undefined, 'compoundIds');
  }
  if (unique.length > COMPANY_COMPOUNDS_MAX) throw new DomainError('INPUT.INVALID', `一家公司最多服务 ${COMPANY_COMPOUNDS_MAX} 个小区`, 'compoundIds');
  return unique;
}

async function refuseTaken(ctx: AuthedContext, compoundId: string, companyId: string): Promise<never> {
  const [unit, other] = await Promise.all([ctx.deps.store.units.get(compoundId), ctx.deps.store.propertyCompanies.get(companyId)]);
  throw new DomainError('PROPERTY.COMPOUND_TAKEN', `${unit?.name ?? '这个小区'}已由${other?.name ?? '另一家物业公司'}服务，请先在那家公司里去掉它`, 'compoundIds');
}

async function refuseSameName(ctx: AuthedContext, community: Unit, name: string, selfId: string | null): Promise<void> {
  const same = (await ctx.deps.store.propertyCompanies.listForCommunity(community.id)).find((c) => c.name === name && c.id !== selfId && !c.archived);
  if (same) throw new DomainError('PROPERTY.NAME_TAKEN', undefined, 'name');
}

export const companies: FunctionDef = {
  companies: personAction(schemas.assessments.companies, async (ctx, input) => {
    const { deps } = ctx;
    const community = await staffCommunity(ctx, input.communityId);
    const list = await deps.store.propertyCompanies.listForCommunity(community.id);
    const servedBy = new Map(list.filter((c) => !c.archived).flatMap((c) => c.compoundIds.map((id) => [id, c.id] as const)));
    const compounds = (await deps.store.units.listSubtree(community.path)).filter((u) => u.kind === 'compound');
    return {
      community: unitRef(community),
      companies: await companyViews(deps, list),
      compounds: compounds.map((u) => ({ ...unitRef(u), companyId: servedBy.get(u.id) ?? null })),
    };
  }),

  saveCompany: personAction(schemas.assessments.saveCompany, async (ctx, input) => {
    const { deps } = ctx;
    const now = deps.clock.now();
    const contactPhone = input.contactPhone ?? null;
    if (!input.id) {
      const community = await staffCommunity(ctx, input.communityId);
      const compoundIds = await compoundsOf(ctx, community, input.compoundIds);
      await refuseSameName(ctx, community, input.name, null);
      const c: PropertyCompany = {
        id: deps.ids.next('pco'),
        communityId: community.id,
        name: input.name,
        contactPhone,
        compoundIds,
        archived: false,
        createdAt: now,
        createdBy: ctx.caller.person.id,
        updatedAt: now,
        version: 1,
      };
      const r = await deps.store.propertyCompanies.insert(c);
      if (!r.ok) {
        if (r.reason === 'compound_taken') return refuseTaken(ctx, r.compoundId, r.companyId);
        throw new DomainError('CONFLICT.VERSION');
      }
      await audit(ctx, 'assessments.saveCompany', 'property_company', c.id, { name: c.name, compoundIds }, community.path);
      return (await companyViews(deps, [r.company]))[0];
    }
    if (input.version === undefined) throw new DomainError('INPUT.INVALID', '修改物业公司要带上版本号', 'version');
    const { company, community } = await loadCompany(ctx, input.id);
    if (company.communityId !== input.communityId) throw new DomainError('PROPERTY.NOT_FOUND', undefined, 'id');
    if (company.archived) throw new DomainError('PROPERTY.ARCHIVED', undefined, 'id');
    if (company.version !== input.version) throw new DomainError('CONFLICT.VERSION');
    const compoundIds = await compoundsOf(ctx, community, input.compoundIds);
    await refuseSameName(ctx, community, input.name, company.id);
    const next: PropertyCompany = { ...company, name: input.name, contactPhone, compoundIds, updatedAt: now, version: company.version + 1 };
    const r = await deps.store.propertyCompanies.update(next, company.version);
    if (!r.ok) {
      if (r.reason === 'compound_taken') return refuseTaken(ctx, r.compoundId, r.companyId);
      throw new DomainError('CONFLICT.VERSION');
    }
    await audit(ctx, 'assessments.saveCompany', 'property_company', company.id, { from: { name: company.name, compoundIds: company.compoundIds }, to: { name: next.name, compoundIds } }, community.path);
    return (await companyViews(deps, [r.company]))[0];
  }),

  archiveCompany: personAction(schemas.assessments.archiveCompany, async (ctx, input) => {
    const { deps } = ctx;
    const { company, community } = await loadCompany(ctx, input.id);
    if (company.archived) throw new DomainError('PROPERTY.ARCHIVED', undefined, 'id');
    if (company.version !== input.version) throw new DomainError('CONFLICT.VERSION');
    const r = await deps.store.propertyCompanies.update({ ...company, archived: true, updatedAt: deps.clock.now(), version: company.version + 1 }, company.version);
    if (!r.ok) throw new DomainError('CONFLICT.VERSION');
    await audit(ctx, 'assessments.archiveCompany', 'property_company', company.id, { name: company.name, compoundIds: company.compoundIds }, community.path);
    return (await companyViews(deps, [r.company]))[0];
  }),
};
