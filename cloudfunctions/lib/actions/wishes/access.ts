/**
 * Finding a wish and how the caller stands to it (src/core/wish-access.ts): named on it, claiming in
 * its community, or staff over it. Anyone else — another community's member, a neighbour who is
 * none of these — is told it does not exist, so ids cannot be probed.
 */
import {
  DomainError,
  ancestorIds,
  claimCommunityPaths,
  isInvolved,
  mayApprove,
  mayClaimIn,
  mayListWishes,
  wishParty,
  type ScopedBinding,
  type Unit,
  type Wish,
  type WishParty,
} from '../../../../src/core';
import type { Deps } from '../../deps';
import type { AuthedContext } from '../define';

/** How the caller stands to one wish. */
export interface WishReader {
  personId: string;
  party: WishParty;
  /** Member or volunteer of the wish's community: browses and claims it. */
  claims: boolean;
  /** Staff over it: approves, rejects, and sees the contact once claimed. */
  approves: boolean;
  /** Lists it (staff, the compound's secretary). */
  lists: boolean;
}

/** Named on it, or staff over it: sees it whole. Everyone else who may read it sees the public detail. */
export const readsWhole = (r: WishReader): boolean => isInvolved(r.party) || r.approves || r.lists;

/** unit path → its community's path (null above a community), for the units along `paths`. */
export async function communityPaths(deps: Deps, paths: readonly string[]): Promise<(unitPath: string) => string | null> {
  const ids = [...new Set(paths.flatMap(ancestorIds))];
  const units = await deps.store.units.getMany(ids);
  const communities = new Map(units.filter((u) => u.kind === 'community').map((u) => [u.id, u.path]));
  return (unitPath) => {
    for (const id of ancestorIds(unitPath)) if (communities.has(id)) return communities.get(id)!;
    return null;
  };
}

/** The communities whose open wishes the caller browses (their member and volunteer bindings). */
export async function claimCommunities(deps: Deps, bindings: readonly ScopedBinding[]): Promise<string[]> {
  const of = await communityPaths(deps, bindings.map((b) => b.unit.path));
  return claimCommunityPaths(bindings, of);
}

/** How `bindings` of `personId` stand to `w`. */
export async function readerOf(deps: Deps, personId: string, bindings: readonly ScopedBinding[], w: Wish): Promise<WishReader> {
  return (await readersOf(deps, personId, bindings, [w]))[0];
}

/** The same for many wishes, with the units looked up once. */
export async function readersOf(deps: Deps, personId: string, bindings: readonly ScopedBinding[], wishes: readonly Wish[]): Promise<WishReader[]> {
  const of = await communityPaths(deps, [...bindings.map((b) => b.unit.path), ...wishes.map((w) => w.unitPath)]);
  return wishes.map((w) => standing(personId, bindings, w, of));
}

function standing(personId: string, bindings: readonly ScopedBinding[], w: Wish, of: (unitPath: string) => string | null): WishReader {
  const community = of(w.unitPath);
  return {
    personId,
    party: wishParty(personId, w),
    claims: community !== null && mayClaimIn(bindings, community, of),
    approves: mayApprove(bindings, w),
    lists: mayListWishes(bindings, { path: w.unitPath }),
  };
}

/** The wish, if the caller may read it at all; else WISH.NOT_FOUND. */
export async function loadWish(ctx: AuthedContext, id: string, field = 'id'): Promise<{ wish: Wish; reader: WishReader }> {
  const w = await ctx.deps.store.wishes.get(id);
  if (!w) throw new DomainError('WISH.NOT_FOUND', undefined, field);
  const reader = await readerOf(ctx.deps, ctx.caller.person.id, ctx.caller.bindings, w);
  // A pending, rejected or withdrawn wish is no browser's business: only its people and staff read it.
  const browsable = reader.claims && w.status !== 'pending' && w.status !== 'rejected' && w.status !== 'withdrawn';
  if (!readsWhole(reader) && !browsable) throw new DomainError('WISH.NOT_FOUND', undefined, field);
  return { wish: w, reader };
}

/** Refused unless the wish is still at the version the caller read. */
export function atVersion(w: Wish, version: number): void {
  if (w.version !== version) throw new DomainError('CONFLICT.VERSION');
}

/** The building the wish is for, as it is now (null when gone). */
export async function buildingOf(deps: Deps, w: Wish): Promise<Unit | null> {
  return deps.store.units.get(w.buildingId);
}
