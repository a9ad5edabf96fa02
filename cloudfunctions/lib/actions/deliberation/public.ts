/**
 * A compound's public page of deliberation (议事公开): whoever scans the compound's public code, opens
 * its link or is forwarded the page reads it, registered or not — so each caller gets ECHO_WALL_LIMIT
 * reads a window, as the echo wall does. Decided topics of the compound and its buildings with their
 * counts, turnout, decision and minutes, and the current 公约: never a name.
 */
import { DomainError, ECHO_WALL_LIMIT, ancestorIds, type DeliberationPublic, type PublicTopic, type Topic, type Unit } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/deliberation';
import type { Deps } from '../../deps';
import { findCode, unitOfCode } from '../codes/load';
import { refusalOf } from '../codes/refusals';
import { trailOf, unitRef } from '../codes/views';
import { publicAction, type ActionContext, type FunctionDef } from '../define';
import { takeTry } from '../tries';
import { rulesVersions } from './rules';
import { unitPeople } from './scope';
import { decisionView, placeOf, turnoutOf, unitsAlong } from './views';

/** Decided topics shown: the latest ones. */
const PUBLIC_TOPICS = 30;

/** The compound of a public code: its unit, or the compound a building's code lies in. */
async function compoundOfCode(ctx: ActionContext, raw: string): Promise<Unit> {
  const { deps } = ctx;
  const code = await findCode(deps, raw);
  if (!code) throw new DomainError('CODE.NOT_FOUND', undefined, 'code');
  if (code.purpose !== 'public') throw new DomainError('CODE.WRONG_PURPOSE', '这个码不是小区的公开码：议事公开请扫小区的公开码打开', 'code');
  const unit = await unitOfCode(deps, code);
  const refused = refusalOf(code, unit, deps.clock.now());
  if (refused) throw refused;
  if (unit!.kind === 'compound') return unit!;
  const compound = (await deps.store.units.getMany(ancestorIds(unit!.path))).find((u) => u.kind === 'compound' && !u.archived);
  if (!compound) throw new DomainError('UNIT.NOT_FOUND', '这个公开码不属于哪个小区：议事公开请扫小区的公开码打开', 'code');
  return compound;
}

async function publicTopic(deps: Deps, t: Topic, units: ReadonlyMap<string, Unit>, households: (path: string) => Promise<{ households: Set<string> }>): Promise<PublicTopic> {
  const [tally, people] = await Promise.all([deps.store.votes.tally(t.id), households(t.unitPath)]);
  return {
    id: t.id,
    title: t.title,
    place: placeOf(t, units),
    options: t.options.map((o) => {
      const count = tally.counts[o.id] ?? 0;
      return { label: o.label, count, percent: tally.voted === 0 ? 0 : Math.round((100 * count) / tally.voted) };
    }),
    turnout: turnoutOf(tally.voted, people.households.size),
    decision: decisionView(t)!,
  };
}

export const publicPage: FunctionDef = {
  public: publicAction(schemas.deliberation.public, async (ctx, input): Promise<DeliberationPublic> => {
    const { deps } = ctx;
    await takeTry(ctx, 'deliberation.public', ECHO_WALL_LIMIT, 'ECHO.TOO_MANY_TRIES');
    const compound = await compoundOfCode(ctx, input.code);
    const buildings = (await deps.store.units.listSubtree(compound.path)).filter((u) => u.kind === 'building');
    const [decided, current] = await Promise.all([deps.store.topics.decided([compound.id, ...buildings.map((b) => b.id)], PUBLIC_TOPICS), deps.store.compoundRules.current(compound.id)]);
    const units = await unitsAlong(deps, [compound.path, ...decided.map((t) => t.unitPath)]);
    const households = unitPeople(deps);
    const [topics, rules] = await Promise.all([
      Promise.all(decided.filter((t) => t.decision).map((t) => publicTopic(deps, t, units, households))),
      current ? rulesVersions(deps, [current], false) : Promise.resolve([]),
    ]);
    return { compound: unitRef(compound), trail: trailOf(compound, units), topics, rules: rules[0] ?? null };
  }),
};
