/**
 * Who may do what with a micro-wish (src/core/wish-access.ts), as tables: the roles that post,
 * claim, approve and list, each within its own units; the people a wish names and what each may do
 * in each status; who sees how to reach the wisher.
 */
import {
  WISH_STATUSES,
  claimCommunityPaths,
  mayApprove,
  mayClaimIn,
  mayListWishes,
  mayPostFor,
  seesWishContact,
  wishCan,
  wishListRoots,
  wishParty,
  type Role,
  type ScopedBinding,
  type WishStatus,
} from '../../src/core';

// 街道 s / 社区 c / 小区 p (with 网格 g) / 楼 b1 (in p), b2 (in g); another community c2 with its building x.
const PATHS = { s: '/s/', c: '/s/c/', p: '/s/c/p/', g: '/s/c/p/g/', b1: '/s/c/p/b1/', b2: '/s/c/p/g/b2/', c2: '/s/c2/', x: '/s/c2/q/x/' } as const;
type At = keyof typeof PATHS;
const KIND: Record<At, ScopedBinding['unit']['kind']> = { s: 'street', c: 'community', p: 'compound', g: 'grid', b1: 'building', b2: 'building', c2: 'community', x: 'building' };
const bound = (role: Role, at: At, archived = false): ScopedBinding => ({ role, unit: { id: at, path: PATHS[at], kind: KIND[at], archived } });
const communityOf = (path: string) => (path.startsWith(PATHS.c2) ? PATHS.c2 : path.startsWith(PATHS.c) ? PATHS.c : null);

describe('posting for a household', () => {
  it.each<[Role, At, At, boolean]>([
    ['building_lead', 'b1', 'b1', true],
    ['building_lead', 'b1', 'b2', false],
    ['grid_lead', 'g', 'b2', true],
    ['grid_lead', 'g', 'b1', false],
    ['resident', 'b1', 'b1', false],
    ['community_staff', 'c', 'b1', false],
    ['member', 'p', 'b1', false],
  ])('%s on %s posts for a household of %s: %s', (role, at, building, yes) => {
    expect(mayPostFor([bound(role, at)], { path: PATHS[building] })).toBe(yes);
  });

  it('counts no archived binding', () => {
    expect(mayPostFor([bound('building_lead', 'b1', true)], { path: PATHS.b1 })).toBe(false);
  });
});

describe('claiming, approving, listing', () => {
  it('lets members and volunteers claim in the community of their binding, wherever in it', () => {
    expect(claimCommunityPaths([bound('member', 'p'), bound('volunteer', 'c'), bound('resident', 'b1')], communityOf)).toEqual([PATHS.c]);
    expect(mayClaimIn([bound('volunteer', 'g')], PATHS.c, communityOf)).toBe(true);
    expect(mayClaimIn([bound('member', 'p')], PATHS.c2, communityOf)).toBe(false);
    for (const role of ['resident', 'building_lead', 'community_staff', 'grid_lead'] as Role[]) expect(mayClaimIn([bound(role, 'c')], PATHS.c, communityOf)).toBe(false);
  });

  it.each<[Role, At, boolean, boolean]>([
    ['community_staff', 'c', true, true],
    ['community_secretary', 'c', true, true],
    ['street_officer', 's', true, true],
    ['compound_secretary', 'p', false, true],
    ['building_lead', 'b1', false, false],
    ['member', 'p', false, false],
    ['community_staff', 'c2', false, false],
  ])('%s on %s: approves %s, lists %s a wish of b1', (role, at, approves, lists) => {
    expect(mayApprove([bound(role, at)], { unitPath: PATHS.b1 })).toBe(approves);
    expect(mayListWishes([bound(role, at)], { path: PATHS.b1 })).toBe(lists);
  });

  it('lists from the top units only', () => {
    expect(wishListRoots([bound('community_staff', 'c'), bound('compound_secretary', 'p'), bound('member', 'c2')]).map((u) => u.id)).toEqual(['c']);
  });
});

describe('what each person a wish names may do', () => {
  const w = { wisherId: 'wisher', postedBy: 'poster', leadId: 'lead', claimerId: 'claimer' };
  const can = (status: WishStatus, who: string, roles = { claims: false, approves: false }) => wishCan({ status }, wishParty(who, w), roles);
  const allowed = (status: WishStatus, who: string, roles?: { claims: boolean; approves: boolean }) =>
    Object.entries(can(status, who, roles))
      .filter(([, yes]) => yes)
      .map(([what]) => what);

  it.each<[WishStatus, string, string[]]>([
    ['pending', 'poster', ['withdraw']],
    ['pending', 'wisher', ['withdraw']],
    ['pending', 'lead', []],
    ['open', 'wisher', ['withdraw']],
    ['claimed', 'claimer', ['giveBack', 'fulfil']],
    ['claimed', 'poster', ['withdraw']],
    ['claimed', 'lead', []],
    ['fulfilled', 'wisher', ['confirm']],
    ['fulfilled', 'poster', ['confirm']],
    ['fulfilled', 'lead', ['confirm']],
    ['fulfilled', 'claimer', []],
    ['confirmed', 'wisher', []],
    ['expired', 'poster', []],
  ])('%s, the %s may: %j', (status, who, what) => {
    expect(allowed(status, who)).toEqual(what);
  });

  it('lets a member who is not named claim an open wish only, and staff approve a pending one only', () => {
    for (const status of WISH_STATUSES) {
      expect(can(status, 'someone', { claims: true, approves: false }).claim).toBe(status === 'open');
      expect(can(status, 'someone', { claims: false, approves: true }).approve).toBe(status === 'pending');
    }
    // Named on the wish: no claiming it, member or not.
    for (const who of ['wisher', 'poster', 'lead']) expect(can('open', who, { claims: true, approves: false }).claim).toBe(false);
  });

  it('shows how to reach the wisher to the claimer and staff only, once claimed and until withdrawn', () => {
    const claimed = { ...w, status: 'claimed' as const };
    expect(seesWishContact(wishParty('claimer', w), false, claimed)).toBe(true);
    expect(seesWishContact(wishParty('someone', w), true, claimed)).toBe(true);
    for (const who of ['wisher', 'poster', 'lead', 'someone']) expect(seesWishContact(wishParty(who, w), false, claimed)).toBe(false);
    expect(seesWishContact(wishParty('someone', w), true, { claimerId: null, status: 'open' })).toBe(false);
    for (const status of WISH_STATUSES) expect([status, seesWishContact(wishParty('claimer', w), false, { ...w, status })]).toEqual([status, ['claimed', 'fulfilled', 'confirmed'].includes(status)]);
  });
});
