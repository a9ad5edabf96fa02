/**
 * Finding a topic and how the caller stands to it (src/core/deliberation-access.ts): who reads it,
 * votes for a household, speaks, moderates, decides. A topic of another building or compound is
 * TOPIC.NOT_YOURS; the households that may vote are counted the way grids.ts counts them.
 */
import {
  DomainError,
  ancestorIds,
  householdKey,
  mayDecide,
  mayModerate,
  mayReadTopic,
  maySpeak,
  topicPhase,
  votingHomes,
  type Topic,
  type Unit,
} from '../../../../src/core';
import type { Deps } from '../../deps';
import type { AuthedContext, Caller, CallerBinding } from '../define';

/** How the caller stands to one topic. */
export interface TopicReader {
  personId: string;
  /** Their resident bindings with a door on a building under the topic's unit: the first is the household that votes. */
  homes: CallerBinding[];
  speaks: boolean;
  moderates: boolean;
  decides: boolean;
}

export function readerOf(caller: Caller, t: Topic): TopicReader {
  const homes = votingHomes(caller.bindings, t);
  return {
    personId: caller.person.id,
    homes,
    speaks: maySpeak(caller.bindings, t),
    moderates: mayModerate(caller.bindings, t),
    decides: mayDecide(caller.bindings, caller.person.id, t),
  };
}

/** The household a home binding makes. */
export const homeKey = (home: CallerBinding): string => householdKey({ buildingId: home.unit.id, door: home.binding.door! });

/** The topic, if the caller may read it: TOPIC.NOT_FOUND when there is none, TOPIC.NOT_YOURS when it is another place's. */
export async function loadTopic(ctx: AuthedContext, id: string, field = 'id'): Promise<{ topic: Topic; reader: TopicReader }> {
  const t = await ctx.deps.store.topics.get(id);
  if (!t) throw new DomainError('TOPIC.NOT_FOUND', undefined, field);
  if (!mayReadTopic(ctx.caller.bindings, t)) throw new DomainError('TOPIC.NOT_YOURS', undefined, field);
  return { topic: t, reader: readerOf(ctx.caller, t) };
}

/** Refused unless the topic is still at the version the caller read. */
export function atVersion(t: Topic, version: number): void {
  if (t.version !== version) throw new DomainError('CONFLICT.VERSION');
}

/** Writes `next` at the version read; CONFLICT.VERSION when it moved meanwhile. */
export async function saveTopic(deps: Deps, next: Topic, version: number): Promise<Topic> {
  const saved = await deps.store.topics.update(next, version);
  if (!saved) throw new DomainError('CONFLICT.VERSION');
  return saved;
}

/** The people and households of a unit: resident bindings with a door on its live buildings. */
export interface UnitPeople {
  /** Distinct households (householdKey) that may vote. */
  households: Set<string>;
  /** Each resident's building under the unit (the first found): how an opinion's author is placed. */
  buildingOf: Map<string, Unit>;
  /** Every resident of the unit, with a door or not: who is told of a topic. */
  residents: Set<string>;
}

/** The people of each unit path asked for, read once per path and answer. */
export function unitPeople(deps: Deps): (unitPath: string) => Promise<UnitPeople> {
  const cache = new Map<string, Promise<UnitPeople>>();
  return (unitPath) => {
    let got = cache.get(unitPath);
    if (!got) cache.set(unitPath, (got = readUnitPeople(deps, unitPath)));
    return got;
  };
}

async function readUnitPeople(deps: Deps, unitPath: string): Promise<UnitPeople> {
  const buildings = (await deps.store.units.listSubtree(unitPath)).filter((u) => u.kind === 'building' && !u.archived);
  const byId = new Map(buildings.map((b) => [b.id, b]));
  const bindings = buildings.length ? await deps.store.bindings.listWithRoles([...byId.keys()], ['resident']) : [];
  const out: UnitPeople = { households: new Set(), buildingOf: new Map(), residents: new Set() };
  for (const b of bindings) {
    out.residents.add(b.personId);
    if (!out.buildingOf.has(b.personId)) out.buildingOf.set(b.personId, byId.get(b.unitId)!);
    if (b.door) out.households.add(householdKey({ buildingId: b.unitId, door: b.door }));
  }
  return out;
}

/** The unit a topic is for, from its id: a live building, compound or community, else TOPIC.BAD_UNIT. */
export async function topicUnit(deps: Deps, unitId: string): Promise<Unit> {
  const unit = await deps.store.units.get(unitId);
  if (!unit || unit.archived || (unit.kind !== 'building' && unit.kind !== 'compound' && unit.kind !== 'community')) throw new DomainError('TOPIC.BAD_UNIT', undefined, 'unitId');
  return unit;
}

/** The community a unit lies in (the unit itself if it is one). */
export async function communityOf(deps: Deps, unit: Unit): Promise<Unit | null> {
  if (unit.kind === 'community') return unit;
  return (await deps.store.units.getMany(ancestorIds(unit.path))).find((u) => u.kind === 'community') ?? null;
}

/**
 * Why the decision cannot be recorded now, or null: a topic decides once; a vote that is planned or
 * running is let finish first (a meeting decides on its result, not over it).
 */
export function whyNotDecide(t: Topic, now: number): string | null {
  const phase = topicPhase(t, now);
  if (t.status !== 'open') return '这个议题已经有决定或已撤回，不能再记录决定';
  if (t.options.length > 0 && (phase === 'opinions' || phase === 'voting')) return '投票还没有结束：投票结束后再记录决定';
  return null;
}
