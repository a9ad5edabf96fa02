/**
 * Earning points (积分): the one way an activity — an attended lecture, a confirmed service record, a
 * confirmed wish, a pairing visit — turns into a ledger entry. Used by the points function and by the
 * hooks in lectures, pairings and wishes. Each source grants once: the entry's id is its source's
 * key, so a retried hook, a timer run twice or a confirm clicked twice writes one entry (the store).
 */
import {
  DEFAULT_POINTS_RULES,
  EARNING_KINDS,
  EARNS_POINTS,
  pointsFor,
  pointsKey,
  type EarningKind,
  type PointsEntry,
  type PointsRules,
  type Unit,
} from '../../../../src/core';
import type { Deps } from '../../deps';

export const pointsRulesKey = (communityId: string) => `pointsRules:${communityId}`;

/** The stored value and what it says; `raw` is what a compare-and-set must expect. */
export interface StoredPointsRules {
  rules: PointsRules;
  /** 0 while the community has the defaults. */
  version: number;
  raw: string | null;
}

export function readPointsRules(raw: string | null): StoredPointsRules {
  if (!raw) return { rules: structuredClone(DEFAULT_POINTS_RULES), version: 0, raw };
  const parsed = JSON.parse(raw) as { version: number; rules: Partial<PointsRules> };
  // A kind added after the community saved its rules starts at the default.
  const rules = Object.fromEntries(EARNING_KINDS.map((k) => [k, parsed.rules[k] ?? DEFAULT_POINTS_RULES[k]])) as PointsRules;
  return { rules, version: parsed.version, raw };
}

export async function loadStoredPointsRules(deps: Deps, communityId: string): Promise<StoredPointsRules> {
  return readPointsRules(await deps.store.meta.get(pointsRulesKey(communityId)));
}

/** A community's rules now, and their version (0: the defaults). */
export async function loadPointsRules(deps: Deps, communityId: string): Promise<{ rules: PointsRules; version: number }> {
  const { rules, version } = await loadStoredPointsRules(deps, communityId);
  return { rules, version };
}

/**
 * The unit a person earns in within a community: their member or volunteer binding there (the
 * deepest, so a grid's member ranks in the grid's compound); null when they hold neither role —
 * a resident attending a lecture earns nothing.
 */
export async function earningUnit(deps: Deps, personId: string, community: Pick<Unit, 'path'>): Promise<Unit | null> {
  const bindings = (await deps.store.bindings.listForPerson(personId)).filter((b) => EARNS_POINTS.includes(b.role));
  if (bindings.length === 0) return null;
  const units = await deps.store.units.getMany([...new Set(bindings.map((b) => b.unitId))]);
  const inside = units.filter((u) => !u.archived && u.path.startsWith(community.path));
  inside.sort((a, b) => b.path.length - a.path.length || (a.path < b.path ? -1 : 1));
  return inside[0] ?? null;
}

export interface EarnRequest {
  personId: string;
  communityId: string;
  kind: EarningKind;
  /** The thing that grants once: the sign-up, the service record, the wish, the visit. */
  sourceId: string;
  /** What the person reads on their ledger: "参加讲座《防范电信诈骗》". */
  reason: string;
  /** Who granted it (the confirming staff, the marking staff); null for the timer. */
  grantedBy: string | null;
  /** Service only: how long, for the per-hour rule. */
  minutes?: number;
  at: number;
}

export interface EarnResult {
  /** The points of the entry for this source (written now or before); 0 when nothing is granted. */
  granted: number;
  entry: PointsEntry | null;
  /** True when the entry was written by this call (false: granted before, or nothing granted). */
  created: boolean;
}

/**
 * Grants the points `kind` is worth under the community's rules, once per source. Nothing is written
 * when the person does not earn in the community (no member or volunteer binding there), when the
 * kind does not count, or when it is worth 0 points. An entry already written for the source is
 * answered as it is (the rules of the day it was granted).
 */
export async function earnPoints(deps: Deps, a: EarnRequest): Promise<EarnResult> {
  const id = pointsKey(a.kind, a.sourceId);
  const before = await deps.store.points.get(id);
  if (before) return { granted: before.points, entry: before, created: false };
  const community = await deps.store.units.get(a.communityId);
  if (!community) return { granted: 0, entry: null, created: false };
  const unit = await earningUnit(deps, a.personId, community);
  if (!unit) return { granted: 0, entry: null, created: false };
  const { rules } = await loadPointsRules(deps, community.id);
  const points = pointsFor(rules, a.kind, a.minutes);
  if (points <= 0) return { granted: 0, entry: null, created: false };
  const r = await deps.store.points.append({
    id,
    personId: a.personId,
    communityId: community.id,
    unitPath: unit.path,
    points,
    reason: a.reason,
    source: { kind: a.kind, id: a.sourceId },
    grantedBy: a.grantedBy,
    at: a.at,
  });
  // A positive entry never takes a balance below zero: this is a broken store, not a refusal.
  if (!r.ok) throw new Error(`points append of ${id} refused: ${r.reason}`);
  return { granted: r.entry.points, entry: r.entry, created: r.created };
}
