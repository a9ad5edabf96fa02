/**
 * Who may do what with points (src/core/points-access.ts), as tables: who runs a community's points
 * (staff and the street above), who earns, records service and redeems (members and volunteers bound
 * in it), who reads its board, rules and shop (anyone bound in or above it); an archived binding
 * counts for nothing.
 */
import { earnsAnywhere, earnsIn, mayRecordService, mayRedeem, mayRunPoints, maySeeCommunityPoints, pointsRootsOf, unnamedOnBoard, type Role, type ScopedBinding } from '../../src/core';

// 街道 s / 社区 c / 小区 p (with 网格 g) / 楼 b (in p); another community c2 with its compound q.
const PATHS = { s: '/s/', c: '/s/c/', p: '/s/c/p/', g: '/s/c/p/g/', b: '/s/c/p/b/', c2: '/s/c2/', q: '/s/c2/q/' } as const;
type At = keyof typeof PATHS;
const KIND: Record<At, ScopedBinding['unit']['kind']> = { s: 'street', c: 'community', p: 'compound', g: 'grid', b: 'building', c2: 'community', q: 'compound' };
const bound = (role: Role, at: At, archived = false): ScopedBinding => ({ role, unit: { id: at, path: PATHS[at], kind: KIND[at], archived } });
const community = { path: PATHS.c };

describe('running a community’s points', () => {
  it.each<[Role, At, boolean]>([
    ['community_staff', 'c', true],
    ['community_secretary', 'c', true],
    ['street_officer', 's', true],
    ['community_staff', 'c2', false],
    ['compound_secretary', 'p', false],
    ['property_manager', 'p', false],
    ['building_lead', 'b', false],
    ['grid_lead', 'g', false],
    ['member', 'p', false],
    ['volunteer', 'c', false],
    ['resident', 'b', false],
  ])('%s on %s: %s', (role, at, expected) => {
    expect(mayRunPoints([bound(role, at)], community)).toBe(expected);
    // A record or entry of the compound lies in the community: the same answer.
    expect(mayRunPoints([bound(role, at)], { path: PATHS.p })).toBe(expected);
  });

  it('counts no archived binding, and lists the top units run once', () => {
    expect(mayRunPoints([bound('community_staff', 'c', true)], community)).toBe(false);
    expect(pointsRootsOf([bound('community_staff', 'c'), bound('street_officer', 's'), bound('member', 'p')]).map((u) => u.id)).toEqual(['s']);
    expect(pointsRootsOf([bound('community_staff', 'c'), bound('community_secretary', 'c2')]).map((u) => u.id)).toEqual(['c', 'c2']);
    expect(pointsRootsOf([bound('resident', 'b')])).toEqual([]);
  });
});

describe('earning, recording service and redeeming', () => {
  it.each<[Role, At, boolean]>([
    ['member', 'p', true],
    ['member', 'g', true],
    ['member', 'c', true],
    ['volunteer', 'p', true],
    ['volunteer', 'c', true],
    ['member', 'q', false],
    ['resident', 'b', false],
    ['grid_lead', 'g', false],
    ['community_staff', 'c', false],
    ['street_officer', 's', false],
  ])('%s on %s: %s', (role, at, expected) => {
    const b = [bound(role, at)];
    expect([earnsIn(b, community), mayRecordService(b, community), mayRedeem(b, community)]).toEqual([expected, expected, expected]);
  });

  it('tells whether someone earns anywhere, live bindings only', () => {
    expect(earnsAnywhere([bound('resident', 'b'), bound('volunteer', 'q')])).toBe(true);
    expect(earnsAnywhere([bound('member', 'p', true)])).toBe(false);
  });
});

describe('reading the board, rules and shop', () => {
  it.each<[Role, At, boolean]>([
    ['resident', 'b', true],
    ['building_lead', 'b', true],
    ['member', 'g', true],
    ['community_staff', 'c', true],
    ['street_officer', 's', true],
    ['resident', 'q', false],
    ['community_staff', 'c2', false],
  ])('%s on %s: %s', (role, at, expected) => {
    expect(maySeeCommunityPoints([bound(role, at)], community)).toBe(expected);
  });

  it('labels a name not shown by the role the person earns as', () => {
    expect(unnamedOnBoard('member')).toBe('党员（未公开姓名）');
    expect(unnamedOnBoard('volunteer')).toBe('志愿者（未公开姓名）');
  });
});
