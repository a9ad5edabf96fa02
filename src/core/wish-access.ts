/**
 * Who may do what with a micro-wish (微心愿), as allow-lists (like access.ts for reports): a role no
 * table names can do nothing with wishes. The actions ask the functions below and never compare role
 * strings themselves.
 *
 * Besides roles, a wish names people: its wisher, its poster, the lead the claimer reaches the wisher
 * through, and its claimer. What each of them may do is here too (WishParty), so the rules read in
 * one place: only the claimer fulfils or gives back; the wisher, the poster or the named lead confirms;
 * the poster or the wisher withdraws.
 */
import type { Role, ScopedBinding } from './roles';
import type { Unit } from './units';
import { wishTransition, type Wish, type WishStatus } from './wishes';

/** Who posts a wish for themselves: for their home (the building and door of their resident binding). */
export const POSTS_OWN_WISHES: readonly Role[] = ['resident'];

/**
 * Who posts a wish for a household (an older neighbour without a phone): a building's lead for their
 * building, a grid's lead for the buildings of their grid (the role held on the building or a unit
 * above it: a grid).
 */
export const POSTS_FOR_HOUSEHOLDS: readonly Role[] = ['building_lead', 'grid_lead'];

/** The lead named on a self-posted wish, first found first: the building's lead, else its grid's. */
export const WISH_LEAD_ROLES: readonly Role[] = ['building_lead', 'grid_lead'];

/** Who browses the open wishes of their community and claims one (and earns its points: points.ts EARNS_POINTS). */
export const CLAIMS_WISHES: readonly Role[] = ['member', 'volunteer'];

/** Who approves or rejects a wish for publication, and sees how to reach the wisher once it is claimed: staff of its community. */
export const APPROVES_WISHES: readonly Role[] = ['community_staff', 'community_secretary', 'street_officer'];

/** Who lists the wishes under a unit (every status): staff, and a compound's branch secretary (reading only). */
export const LISTS_WISHES: readonly Role[] = [...APPROVES_WISHES, 'compound_secretary'];

const live = (bindings: readonly ScopedBinding[], roles: readonly Role[]) => bindings.filter((b) => !b.unit.archived && roles.includes(b.role));

/** Holds one of `roles` on `unit` or a unit above it. */
function holdsOver(bindings: readonly ScopedBinding[], roles: readonly Role[], unit: Pick<Unit, 'path'>): boolean {
  return live(bindings, roles).some((b) => unit.path.startsWith(b.unit.path));
}

/** May post for a household of `building` (their building, or a building of their grid). */
export function mayPostFor(bindings: readonly ScopedBinding[], building: Pick<Unit, 'path'>): boolean {
  return holdsOver(bindings, POSTS_FOR_HOUSEHOLDS, building);
}

/** Posts for households somewhere: what a lead is told when the building is not theirs. */
export function postsForHouseholds(bindings: readonly ScopedBinding[]): boolean {
  return live(bindings, POSTS_FOR_HOUSEHOLDS).length > 0;
}

/**
 * The communities whose open wishes the person browses and claims: the community above each of
 * their member or volunteer bindings (a member of a compound claims anywhere in its community).
 * `communityPathOf` turns a unit's path into its community's path (null above a community).
 */
export function claimCommunityPaths(bindings: readonly ScopedBinding[], communityPathOf: (unitPath: string) => string | null): string[] {
  const paths = live(bindings, CLAIMS_WISHES)
    .map((b) => communityPathOf(b.unit.path))
    .filter((p): p is string => p !== null);
  return [...new Set(paths)];
}

/** Claims wishes in the community at `communityPath`. */
export function mayClaimIn(bindings: readonly ScopedBinding[], communityPath: string, communityPathOf: (unitPath: string) => string | null): boolean {
  return claimCommunityPaths(bindings, communityPathOf).includes(communityPath);
}

/** Approves and rejects the wish (its unit lies in the subtree of a staff binding). */
export function mayApprove(bindings: readonly ScopedBinding[], wish: Pick<Wish, 'unitPath'>): boolean {
  return holdsOver(bindings, APPROVES_WISHES, { path: wish.unitPath });
}

/** Lists the wishes under `unit`. */
export function mayListWishes(bindings: readonly ScopedBinding[], unit: Pick<Unit, 'path'>): boolean {
  return holdsOver(bindings, LISTS_WISHES, unit);
}

/** The top units whose wishes the person lists (none listed twice or under another). */
export function wishListRoots(bindings: readonly ScopedBinding[]): ScopedBinding['unit'][] {
  const units = live(bindings, LISTS_WISHES).map((b) => b.unit);
  return units
    .filter((u, i) => units.findIndex((v) => v.id === u.id) === i)
    .filter((u) => !units.some((v) => v.id !== u.id && u.path.startsWith(v.path)));
}

/** How a person stands to a wish: the people it names. */
export interface WishParty {
  wisher: boolean;
  poster: boolean;
  lead: boolean;
  claimer: boolean;
}

export function wishParty(personId: string, w: Pick<Wish, 'wisherId' | 'postedBy' | 'leadId' | 'claimerId'>): WishParty {
  return { wisher: w.wisherId === personId, poster: w.postedBy === personId, lead: w.leadId === personId, claimer: w.claimerId === personId };
}

/** Named on the wish at all: sees it whole (with names), whatever their roles. */
export const isInvolved = (p: WishParty): boolean => p.wisher || p.poster || p.lead || p.claimer;

/** Only the claimer fulfils the wish or gives it back. */
export const mayFulfil = (p: WishParty): boolean => p.claimer;

/** The wisher, the poster or the lead named on it confirms it was fulfilled. */
export const mayConfirm = (p: WishParty): boolean => p.wisher || p.poster || p.lead;

/** The poster or the wisher withdraws it (while the transition table allows: pending, open, claimed). */
export const mayWithdraw = (p: WishParty): boolean => p.wisher || p.poster;

/** Nobody claims a wish they are named on as its wisher, poster or lead. */
export const mayClaimOwn = (p: WishParty): boolean => !(p.wisher || p.poster || p.lead);

/** The statuses in which the claimer (and staff) see how to reach the wisher: from the claim on, not once withdrawn. */
export const WISH_CONTACT_STATUSES: readonly WishStatus[] = ['claimed', 'fulfilled', 'confirmed'];

/**
 * Sees how to reach the wisher (the lead, the phone if shared, the door): the claimer, and staff of
 * its community, and only while someone has claimed it.
 */
export function seesWishContact(p: WishParty, staff: boolean, w: Pick<Wish, 'claimerId' | 'status'>): boolean {
  return w.claimerId !== null && WISH_CONTACT_STATUSES.includes(w.status) && (p.claimer || staff);
}

/** What the reader may do now: the detail page shows these buttons only. */
export function wishCan(
  w: Pick<Wish, 'status'>,
  p: WishParty,
  roles: { claims: boolean; approves: boolean },
): { claim: boolean; giveBack: boolean; fulfil: boolean; confirm: boolean; withdraw: boolean; approve: boolean } {
  const allows = (e: Parameters<typeof wishTransition>[1]) => wishTransition(w.status, e) !== null;
  return {
    claim: allows('claim') && roles.claims && mayClaimOwn(p),
    giveBack: allows('giveBack') && mayFulfil(p),
    fulfil: allows('fulfil') && mayFulfil(p),
    confirm: allows('confirm') && mayConfirm(p),
    withdraw: allows('withdraw') && mayWithdraw(p),
    approve: allows('approve') && roles.approves,
  };
}
