/**
 * A compound's rules (小区管理公约): read by anyone bound on its line of the tree (its people, and
 * staff over it), every version kept with the topic that changed it. Staff of its community enter the
 * first text or correct it without a topic (mayKeepRules), on the version they read.
 */
import { DomainError, mayKeepRules, mayReadTopic, type CompoundRules, type CompoundRulesVersionView, type CompoundRulesView, type Unit } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/deliberation';
import type { Deps } from '../../deps';
import { trailOf, unitRef } from '../codes/views';
import { audit } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { adopt } from './decide';
import { communityOf } from './scope';
import { unitsAlong } from './views';

async function compoundNamed(deps: Deps, compoundId: string): Promise<Unit> {
  const compound = await deps.store.units.get(compoundId);
  if (!compound || compound.kind !== 'compound') throw new DomainError('UNIT.NOT_FOUND', '请选择一个小区：公约是每个小区自己的', 'compoundId');
  return compound;
}

/** Versions as shown: the topic that changed each (its title), who adopted it. */
export async function rulesVersions(deps: Deps, versions: readonly CompoundRules[], withNames: boolean): Promise<CompoundRulesVersionView[]> {
  const topicIds = [...new Set(versions.map((r) => r.topicId).filter((id): id is string => !!id))];
  const [topics, people] = await Promise.all([
    Promise.all(topicIds.map((id) => deps.store.topics.get(id))),
    withNames ? deps.store.people.getMany([...new Set(versions.map((r) => r.adoptedBy))]) : Promise.resolve([]),
  ]);
  const titles = new Map(topics.filter((t) => t !== null).map((t) => [t!.id, t!.title]));
  const names = new Map(people.map((p) => [p.id, p.name]));
  return versions.map((r) => ({
    version: r.version,
    text: r.text,
    note: r.note,
    topic: r.topicId ? { id: r.topicId, title: titles.get(r.topicId) ?? '' } : null,
    // The public page names no one: the adopting body, not the person who typed it in.
    adoptedBy: withNames ? (names.get(r.adoptedBy) ?? '（已注销）') : '社区',
    adoptedAt: r.adoptedAt,
  }));
}

async function rulesView(ctx: AuthedContext, compound: Unit): Promise<CompoundRulesView> {
  const { deps } = ctx;
  const [history, units] = await Promise.all([deps.store.compoundRules.history(compound.id), unitsAlong(deps, [compound.path])]);
  const views = await rulesVersions(deps, history, true);
  return { compound: unitRef(compound), trail: trailOf(compound, units), current: views[0] ?? null, history: views, canKeep: mayKeepRules(ctx.caller.bindings, compound) };
}

export const rules: FunctionDef = {
  rules: personAction(schemas.deliberation.rules, async (ctx, input) => {
    const compound = await compoundNamed(ctx.deps, input.compoundId);
    if (!mayReadTopic(ctx.caller.bindings, { unitPath: compound.path })) throw new DomainError('AUTH.FORBIDDEN', `您不在${compound.name}，看不到它的公约`, 'compoundId');
    return rulesView(ctx, compound);
  }),

  adoptRules: personAction(schemas.deliberation.adoptRules, async (ctx, input) => {
    const { deps } = ctx;
    const compound = await compoundNamed(deps, input.compoundId);
    if (!mayKeepRules(ctx.caller.bindings, compound)) throw new DomainError('AUTH.FORBIDDEN', '公约由社区工作人员录入和更正；要修改公约，请发起小区议题，决定时一并通过', 'compoundId');
    const current = await deps.store.compoundRules.current(compound.id);
    if ((current?.version ?? 0) !== input.expectedVersion) throw new DomainError('RULES.VERSION_MOVED', undefined, 'expectedVersion');
    const community = await communityOf(deps, compound);
    const adopted = await adopt(ctx, { id: compound.id, communityId: community?.id ?? '' }, input, null);
    await audit(ctx, 'deliberation.adoptRules', 'compound_rules', adopted.id, { version: adopted.version, note: adopted.note }, compound.path);
    return rulesView(ctx, compound);
  }),
};
