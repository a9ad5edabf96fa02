/**
 * Whose companies, policy and assessments a caller reads and runs (src/core/assessment-access.ts):
 * the community asked about, the compound asked about, and the refusals, each saying what to do.
 */
import { DomainError, ancestorIds, assessmentRootsOf, mayRunAssessments, maySeeAssessments, type Unit } from '../../../../src/core';
import type { AuthedContext } from '../define';

/** The community a unit lies in (the unit itself if it is one); null above it (a street). */
export async function communityOf(ctx: AuthedContext, unit: Unit): Promise<Unit | null> {
  if (unit.kind === 'community') return unit;
  const above = await ctx.deps.store.units.getMany(ancestorIds(unit.path));
  return above.find((u) => u.kind === 'community') ?? null;
}

/** The compound a unit lies in (the unit itself if it is one); null above it. */
export async function compoundOf(ctx: AuthedContext, unit: Unit): Promise<Unit | null> {
  if (unit.kind === 'compound') return unit;
  const above = await ctx.deps.store.units.getMany(ancestorIds(unit.path));
  return above.find((u) => u.kind === 'compound') ?? null;
}

const STAFF_ONLY = '物业测评由社区工作人员和社区书记管理';

/** The community a staff caller runs: `communityId`, else the community of their only staff binding. */
export async function staffCommunity(ctx: AuthedContext, communityId: string | undefined, field = 'communityId'): Promise<Unit> {
  const { bindings } = ctx.caller;
  const roots = assessmentRootsOf(bindings);
  if (roots.length === 0) throw new DomainError('AUTH.FORBIDDEN', STAFF_ONLY, field);
  let community: Unit | null;
  if (communityId) {
    community = await ctx.deps.store.units.get(communityId);
    if (!community || community.kind !== 'community') throw new DomainError('UNIT.NOT_FOUND', '请选择一个社区：物业测评是每个社区自己办的', field);
  } else {
    const own = roots.find((u) => u.kind === 'community');
    community = own ? await ctx.deps.store.units.get(own.id) : null;
    if (!community) throw new DomainError('UNIT.NOT_FOUND', '请选择一个社区：物业测评是每个社区自己办的', field);
  }
  if (!mayRunAssessments(bindings, community)) throw new DomainError('AUTH.FORBIDDEN', `${community.name} 不在您负责的范围内`, field);
  return community;
}

/** A compound of the community the caller runs (staff). Not found for another community's: ids cannot be probed. */
export async function staffCompound(ctx: AuthedContext, compoundId: string, field = 'compoundId'): Promise<Unit> {
  const compound = await ctx.deps.store.units.get(compoundId);
  if (!compound || compound.kind !== 'compound') throw new DomainError('UNIT.NOT_FOUND', '请选择一个小区', field);
  if (!mayRunAssessments(ctx.caller.bindings, compound)) throw new DomainError('AUTH.FORBIDDEN', `${compound.name} 不在您负责的范围内`, field);
  return compound;
}

/** The compound whose results the caller reads: `compoundId`, else that of their first binding inside a compound. */
export async function readableCompound(ctx: AuthedContext, compoundId: string | undefined): Promise<Unit> {
  const { bindings } = ctx.caller;
  let compound: Unit | null = null;
  if (compoundId) {
    compound = await ctx.deps.store.units.get(compoundId);
    if (!compound || compound.kind !== 'compound') throw new DomainError('UNIT.NOT_FOUND', '请选择一个小区', 'compoundId');
  } else {
    for (const b of bindings.filter((x) => !x.unit.archived && (x.unit.kind === 'compound' || x.unit.kind === 'building' || x.unit.kind === 'grid'))) {
      compound = await compoundOf(ctx, b.unit);
      if (compound) break;
    }
    if (!compound) throw new DomainError('UNIT.NOT_FOUND', '请选择一个小区：您还没有登记在哪个小区', 'compoundId');
  }
  if (!maySeeAssessments(bindings, compound)) throw new DomainError('AUTH.FORBIDDEN', `您不在${compound.name}，看不到它的物业测评`, 'compoundId');
  return compound;
}
