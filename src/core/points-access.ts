/**
 * Who may do what with points, service records and the shop, as allow-lists: a role no table names
 * can do nothing here. Community staff (and the street above them) run a community's points: the
 * rules, grants and corrections, confirming service, the goods and orders, the ledger export. Those
 * who earn (EARNS_POINTS: members and volunteers) record service and redeem. Anyone bound in the
 * community reads its board, its rules and its shop. The actions ask the functions below and never
 * compare role strings themselves.
 */
import { EARNS_POINTS } from './points';
import type { Role, ScopedBinding } from './roles';
import type { Unit } from './units';

/** Who runs a community's points (rules, grants, corrections, service records, goods, orders, export). */
export const RUNS_POINTS: readonly Role[] = ['community_staff', 'community_secretary', 'street_officer'];

/** Who records service they did and redeems goods: those who earn. */
export const RECORDS_SERVICE: readonly Role[] = EARNS_POINTS;
export const REDEEMS: readonly Role[] = EARNS_POINTS;

const live = (bindings: readonly ScopedBinding[]) => bindings.filter((b) => !b.unit.archived);

/** Holds one of `roles` on `unit` or above it. */
const holdsOver = (bindings: readonly ScopedBinding[], roles: readonly Role[], unit: Pick<Unit, 'path'>): boolean =>
  live(bindings).some((b) => roles.includes(b.role) && unit.path.startsWith(b.unit.path));

/** Runs the points of the community (or of a unit in it: a record's, an entry's path). */
export function mayRunPoints(bindings: readonly ScopedBinding[], unit: Pick<Unit, 'path'>): boolean {
  return holdsOver(bindings, RUNS_POINTS, unit);
}

/** The top units whose points the person runs (none under another). */
export function pointsRootsOf(bindings: readonly ScopedBinding[]): ScopedBinding['unit'][] {
  const units = live(bindings).filter((b) => RUNS_POINTS.includes(b.role)).map((b) => b.unit);
  return units.filter((u, i) => units.findIndex((v) => v.id === u.id) === i).filter((u) => !units.some((v) => v.id !== u.id && u.path.startsWith(v.path)));
}

/** Holds one of `roles` on the community or a unit inside it. */
const holdsWithin = (bindings: readonly ScopedBinding[], roles: readonly Role[], community: Pick<Unit, 'path'>): boolean =>
  live(bindings).some((b) => roles.includes(b.role) && b.unit.path.startsWith(community.path));

/** Earns points in the community (a member or volunteer bound there). */
export function earnsIn(bindings: readonly ScopedBinding[], community: Pick<Unit, 'path'>): boolean {
  return holdsWithin(bindings, EARNS_POINTS, community);
}

export function mayRecordService(bindings: readonly ScopedBinding[], community: Pick<Unit, 'path'>): boolean {
  return holdsWithin(bindings, RECORDS_SERVICE, community);
}

export function mayRedeem(bindings: readonly ScopedBinding[], community: Pick<Unit, 'path'>): boolean {
  return holdsWithin(bindings, REDEEMS, community);
}

/** Earns anywhere: what 我的积分 says to a plain resident. */
export function earnsAnywhere(bindings: readonly ScopedBinding[]): boolean {
  return live(bindings).some((b) => EARNS_POINTS.includes(b.role));
}

/**
 * Reads the community's board, rules and shop: bound anywhere in it, or above it (the street).
 * Any role: a resident sees who serves their compound.
 */
export function maySeeCommunityPoints(bindings: readonly ScopedBinding[], community: Pick<Unit, 'path'>): boolean {
  return live(bindings).some((b) => b.unit.path.startsWith(community.path) || community.path.startsWith(b.unit.path));
}

/** The board's label for a person who has not agreed to show their name: by the role they earn as. */
export function unnamedOnBoard(earnsAs: 'member' | 'volunteer'): string {
  return earnsAs === 'member' ? '党员（未公开姓名）' : '志愿者（未公开姓名）';
}
