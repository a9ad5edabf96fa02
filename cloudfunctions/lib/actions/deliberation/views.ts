/**
 * What the deliberation function shows of a topic: the card of a list and the whole view. Who voted
 * what is never in either: counts per option (once the vote closes; moderators while it runs), how
 * many households took part, and the caller's own household's vote. An opinion's author is shown half
 * hidden with their building; a hidden opinion only to its author (with the reason) and moderators.
 */
import {
  DECIDED_BY_LABEL,
  LEFT_PERSON_NAME,
  TOPIC_AUDIENCE_LABEL,
  TOPIC_PHASE_LABEL,
  ancestorIds,
  formatDate,
  takesOpinions,
  topicPhase,
  turnoutPercent,
  votingOpen,
  type DecisionView,
  type Opinion,
  type OpinionView,
  type OptionResult,
  type Topic,
  type TopicCard,
  type TopicView,
  type Unit,
  type Vote,
} from '../../../../src/core';
import type { Deps } from '../../deps';
import { maskName, trailOf, unitRef } from '../codes/views';
import type { AuthedContext } from '../define';
import { photoAddresses } from '../reports/photo-addresses';
import { mayView } from '../reports/access';
import { homeKey, readerOf, unitPeople, whyNotDecide, type TopicReader, type UnitPeople } from './scope';

/** What the person who left is called where a vote of their household shows who cast it. */
const LEFT_VOTER = '已注销的家人';

/** The units along the topics' paths, looked up once per answer. */
export async function unitsAlong(deps: Deps, paths: readonly string[]): Promise<Map<string, Unit>> {
  const ids = [...new Set(paths.flatMap(ancestorIds))];
  return new Map((ids.length ? await deps.store.units.getMany(ids) : []).map((u) => [u.id, u]));
}

/** The topic's unit as it is now; as it was when opened if it is gone. */
const unitOf = (t: Topic, units: ReadonlyMap<string, Unit>): Pick<Unit, 'id' | 'name' | 'kind' | 'path'> =>
  units.get(t.unitId) ?? { id: t.unitId, name: '', kind: t.unitKind, path: t.unitPath };

export const turnoutOf = (voted: number, households: number) => ({ voted, households, percent: turnoutPercent({ voted, households }) });

/** The place a topic is for, as the public page names it: "3号楼" or "幸福里小区". */
export const placeOf = (t: Topic, units: ReadonlyMap<string, Unit>): string => unitOf(t, units).name;

export function decisionView(t: Topic): DecisionView | null {
  const d = t.decision;
  if (!d) return null;
  return {
    decidedBy: d.decidedBy,
    decidedByLabel: DECIDED_BY_LABEL[d.decidedBy],
    option: d.optionId ? (t.options.find((o) => o.id === d.optionId)?.label ?? null) : null,
    text: d.text,
    minutes: d.minutes,
    meetingDay: d.meetingDay,
    attendees: d.attendees,
    rulesVersion: d.rulesVersion,
    at: d.at,
  };
}

interface CardFacts {
  units: ReadonlyMap<string, Unit>;
  households: number;
  voted: number;
  opinions: number;
  myHouseholdVoted: boolean;
  now: number;
}

function card(t: Topic, f: CardFacts): TopicCard {
  const unit = unitOf(t, f.units);
  const phase = topicPhase(t, f.now);
  return {
    id: t.id,
    title: t.title,
    unit: unitRef(unit),
    trail: trailOf(unit, f.units),
    status: t.status,
    phase,
    phaseLabel: TOPIC_PHASE_LABEL[phase],
    hasVote: t.options.length > 0,
    opinionsUntil: t.opinionsUntil,
    voteOpensAt: t.voteOpensAt,
    voteClosesAt: t.voteClosesAt,
    turnout: turnoutOf(f.voted, f.households),
    myHouseholdVoted: f.myHouseholdVoted,
    opinions: f.opinions,
    createdAt: t.createdAt,
    decidedAt: t.decision?.at ?? null,
  };
}

/** Cards for a list, with the counts read once per answer. */
export async function topicCards(ctx: AuthedContext, topics: readonly Topic[]): Promise<TopicCard[]> {
  const { deps, caller } = ctx;
  if (topics.length === 0) return [];
  const ids = topics.map((t) => t.id);
  const people = unitPeople(deps);
  const [units, voted, opinions, unitHouseholds, mine] = await Promise.all([
    unitsAlong(deps, topics.map((t) => t.unitPath)),
    deps.store.votes.votedCounts(ids),
    deps.store.topics.opinionCounts(ids),
    Promise.all(topics.map((t) => people(t.unitPath))),
    Promise.all(
      topics.map(async (t) => {
        const [home] = readerOf(caller, t).homes;
        return !!home && t.options.length > 0 && (await deps.store.votes.ofHousehold(t.id, homeKey(home))) !== null;
      }),
    ),
  ]);
  const now = deps.clock.now();
  return topics.map((t, i) =>
    card(t, { units, households: unitHouseholds[i].households.size, voted: voted.get(t.id) ?? 0, opinions: opinions.get(t.id) ?? 0, myHouseholdVoted: mine[i], now }),
  );
}

/** Counts are shown once the vote closes; while it runs, to moderators only. */
const countsShown = (t: Topic, reader: TopicReader, now: number): boolean => {
  const phase = topicPhase(t, now);
  return phase === 'awaiting' || phase === 'decided' || reader.moderates;
};

function optionResults(t: Topic, counts: Record<string, number>, voted: number, shown: boolean): OptionResult[] {
  return t.options.map((o) => {
    const count = counts[o.id] ?? 0;
    return { id: o.id, label: o.label, count: shown ? count : null, percent: shown ? (voted === 0 ? 0 : Math.round((100 * count) / voted)) : null };
  });
}

function opinionViews(opinions: readonly Opinion[], reader: TopicReader, names: ReadonlyMap<string, string>, place: UnitPeople): OpinionView[] {
  return opinions
    .filter((o) => !o.hidden || o.personId === reader.personId || reader.moderates)
    .map((o) => {
      const mine = o.personId === reader.personId;
      const building = place.buildingOf.get(o.personId);
      const full = names.get(o.personId) ?? LEFT_PERSON_NAME;
      // Half hidden, except the word for one who left: there is no one to hide.
      const name = full === LEFT_PERSON_NAME ? full : maskName(full);
      return {
        id: o.id,
        author: mine ? '我' : building ? `${name} · ${building.name}` : name,
        mine,
        text: o.text,
        createdAt: o.createdAt,
        hidden: o.hidden ? { reason: o.hidden.reason, at: o.hidden.at } : null,
      };
    });
}

/** Why the caller cannot vote now, when the topic has a vote and they cannot; null otherwise. */
function voteClosedReason(t: Topic, reader: TopicReader, unit: Pick<Unit, 'name'>, now: number): string | null {
  if (t.options.length === 0) return null;
  const phase = topicPhase(t, now);
  if (phase === 'decided' || phase === 'withdrawn') return phase === 'decided' ? '投票已结束，决定已经公布' : '议题已撤回，不再投票';
  if (reader.homes.length === 0) return `只有${unit.name}登记过门牌的住户可以投票，每户一票`;
  if (phase === 'opinions') return `投票${formatDate(t.voteOpensAt!, now)}开始，现在可以先发表意见`;
  if (phase === 'awaiting') return '投票已结束，结果和决定会在这里公布';
  return null;
}

/** Who in the household cast the vote: their name, or a word for one who left. */
const voterName = (v: Vote, names: ReadonlyMap<string, string>) => names.get(v.personId) ?? LEFT_VOTER;

/** The whole topic as the caller sees it. */
export async function topicView(ctx: AuthedContext, t: Topic): Promise<TopicView> {
  const { deps, caller } = ctx;
  const reader = readerOf(caller, t);
  const now = deps.clock.now();
  const [home] = reader.homes;
  const [units, tally, opinions, place, myVote, photo, report] = await Promise.all([
    unitsAlong(deps, [t.unitPath]),
    deps.store.votes.tally(t.id),
    deps.store.topics.opinions(t.id),
    unitPeople(deps)(t.unitPath),
    home && t.options.length > 0 ? deps.store.votes.ofHousehold(t.id, homeKey(home)) : Promise.resolve(null),
    photoAddresses(deps, caller, t.photos),
    t.reportId ? deps.store.reports.get(t.reportId) : Promise.resolve(null),
  ]);
  const personIds = [...new Set([t.openedBy, ...opinions.map((o) => o.personId), ...(myVote ? [myVote.personId] : [])])];
  const names = new Map((await deps.store.people.getMany(personIds)).map((p) => [p.id, p.name]));
  const visibleOpinions = opinions.filter((o) => !o.hidden).length;
  const base = card(t, { units, households: place.households.size, voted: tally.voted, opinions: visibleOpinions, myHouseholdVoted: myVote !== null, now });
  const open = t.status === 'open';
  const started = opinions.length > 0 || tally.voted > 0;
  const canVote = votingOpen(t, now) && reader.homes.length > 0;
  return {
    ...base,
    version: t.version,
    background: t.background,
    photos: t.photos.map(photo),
    photoRefs: open && reader.decides && !started ? t.photos : [],
    audience: t.audience,
    audienceLabel: TOPIC_AUDIENCE_LABEL[t.audience],
    parties: t.parties,
    options: optionResults(t, tally.counts, tally.voted, countsShown(t, reader, now)),
    myVote: myVote ? { optionId: myVote.optionId, by: voterName(myVote, names), at: myVote.at } : null,
    voteClosedReason: canVote ? null : voteClosedReason(t, reader, unitOf(t, units), now),
    opinionsList: opinionViews(opinions, reader, names, place),
    decision: decisionView(t),
    withdrawnReason: t.withdrawnReason,
    openedBy: { id: t.openedBy, name: names.get(t.openedBy) ?? '（已注销）' },
    report: report && mayView(caller, report) ? { id: report.id, title: reportTitle(report.description) } : null,
    can: {
      vote: canVote,
      say: takesOpinions(t, now) && reader.speaks,
      edit: open && reader.decides && !started,
      decide: reader.decides && whyNotDecide(t, now) === null,
      withdraw: open && reader.decides,
      moderate: reader.moderates,
    },
  };
}

/** A report named in a line: its description, shortened. */
function reportTitle(description: string): string {
  const chars = [...description.trim()];
  return chars.length <= 30 ? chars.join('') : `${chars.slice(0, 29).join('')}…`;
}
