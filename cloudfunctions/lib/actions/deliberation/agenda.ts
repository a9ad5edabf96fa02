/**
 * The topics on a 逢三说事 agenda (management.agenda): open topics under the unit whose vote closed (or,
 * an open question, whose opinions' time ended) before the meeting day, oldest first, each with its
 * turnout and leading option — what the meeting decides on.
 */
import { leadingOptions, topicPhase, type AgendaTopic } from '../../../../src/core';
import type { Deps } from '../../deps';
import { trailOf } from '../codes/views';
import { unitPeople } from './scope';
import { turnoutOf, unitsAlong } from './views';

/** Topics per agenda. */
const AGENDA_TOPICS = 100;

/** The topics waiting under `path` at the start of the meeting day (`before`), their phase as of `now`. */
export async function agendaTopics(deps: Deps, path: string, before: number, now: number): Promise<AgendaTopic[]> {
  const topics = await deps.store.topics.awaitingDecision(path, before, AGENDA_TOPICS);
  if (topics.length === 0) return [];
  const people = unitPeople(deps);
  const [units, tallies, households] = await Promise.all([
    unitsAlong(deps, topics.map((t) => t.unitPath)),
    Promise.all(topics.map((t) => deps.store.votes.tally(t.id))),
    Promise.all(topics.map((t) => people(t.unitPath))),
  ]);
  return topics.map((t, i) => {
    const tally = tallies[i];
    const counts = Object.fromEntries(t.options.map((o) => [o.id, tally.counts[o.id] ?? 0]));
    return {
      id: t.id,
      title: t.title,
      trail: trailOf(units.get(t.unitId) ?? { path: t.unitPath }, units),
      phase: topicPhase(t, now),
      closedAt: t.voteClosesAt ?? t.opinionsUntil,
      turnout: turnoutOf(tally.voted, households[i].households.size),
      leading: leadingOptions({ counts }).map((id) => `${t.options.find((o) => o.id === id)!.label} (${counts[id]})`),
    };
  });
}
