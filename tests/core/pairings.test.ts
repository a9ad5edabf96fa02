import {
  DEFAULT_HOUSEHOLD_KINDS,
  EDITS_HOUSEHOLD_KINDS,
  PAIRS_MEMBERS,
  READS_HOUSEHOLD_KINDS,
  ROLES,
  SEES_PAIRINGS,
  isMemberOf,
  mayEditKinds,
  mayFileOnVisit,
  mayPair,
  maySeePairings,
  mayWriteKinds,
  normaliseKinds,
  pairingId,
  readsKinds,
  unknownKinds,
  type Role,
  type ScopedBinding,
  type Unit,
} from '../../src/core';
import { unit } from '../support/factories';

const street = unit(null, 'street', '幸福街道');
const community = unit(street, 'community', '阳光社区');
const compound = unit(community, 'compound', '和平新村');
const grid = unit(compound, 'grid', '第1网格');
const grid2 = unit(compound, 'grid', '第2网格');
const inGrid = unit(grid, 'building', '1号楼');
const inGrid2 = unit(grid2, 'building', '2号楼');
const otherCompound = unit(community, 'compound', '阳光花园');
const elsewhere = unit(otherCompound, 'building', '1号楼');
const home: Partial<Record<Role, Unit>> = {
  compound_secretary: compound,
  community_staff: community,
  community_secretary: community,
  street_officer: street,
  grid_lead: grid,
  steward: grid,
  building_lead: inGrid,
  property_manager: compound,
  resident: inGrid,
  member: compound,
  volunteer: compound,
};
const as = (role: Role, u = home[role]!): ScopedBinding[] => [{ role, unit: u }];
const ME = 'per_me';
const pairing = { memberId: 'per_member', status: 'active' as const, unitPath: inGrid.path };

describe('pairing access, every role', () => {
  const YES: Record<string, Role[]> = {
    'pairs in the grid': ['compound_secretary', 'community_staff', 'community_secretary', 'grid_lead'],
    'pairs in another grid': ['compound_secretary', 'community_staff', 'community_secretary'],
    'sees pairings of the grid': ['compound_secretary', 'community_staff', 'community_secretary', 'grid_lead'],
    'reads a household’s kinds': ['compound_secretary', 'community_staff', 'community_secretary'],
    'writes kinds': ['compound_secretary', 'community_staff', 'community_secretary'],
    'edits the community’s kinds': ['community_staff', 'community_secretary'],
  };
  const Q: Record<string, (role: Role) => boolean> = {
    'pairs in the grid': (r) => mayPair(as(r), inGrid),
    'pairs in another grid': (r) => mayPair(as(r), inGrid2),
    'sees pairings of the grid': (r) => maySeePairings(as(r), grid),
    'reads a household’s kinds': (r) => readsKinds(ME, as(r), pairing),
    'writes kinds': (r) => mayWriteKinds(as(r), inGrid),
    'edits the community’s kinds': (r) => mayEditKinds(as(r), community),
  };
  const cases = ROLES.flatMap((role) => Object.keys(Q).map((q) => [role, q, YES[q].includes(role)] as const));
  it.each(cases)('%s: %s → %s', (role, q, expected) => {
    expect(Q[q](role)).toBe(expected);
  });

  it('names only known roles, and no kinds reader who cannot see pairings', () => {
    for (const r of [...PAIRS_MEMBERS, ...SEES_PAIRINGS, ...READS_HOUSEHOLD_KINDS, ...EDITS_HOUSEHOLD_KINDS]) expect(ROLES).toContain(r);
    for (const r of READS_HOUSEHOLD_KINDS) expect(SEES_PAIRINGS).toContain(r);
  });

  it('shows the member the kinds of their own households, and not of another member’s', () => {
    expect(readsKinds('per_member', as('member'), pairing)).toBe(true);
    expect(readsKinds('per_other', as('member'), pairing)).toBe(false);
  });

  it('counts no binding on an archived unit', () => {
    expect(mayPair([{ role: 'grid_lead', unit: { ...grid, archived: true } }], inGrid)).toBe(false);
  });
});

describe('who is a member of a household’s compound', () => {
  it.each([
    ['member on the compound', as('member', compound), true],
    ['member on a grid of it', as('member', grid), true],
    ['member on another grid of it (the building is not below it)', as('member', grid2), false],
    ['直管 member on the community', as('member', community), false],
    ['member of another compound', as('member', otherCompound), false],
    ['volunteer on the compound', as('volunteer', compound), false],
  ] as const)('%s → %s', (_, bindings, expected) => {
    expect(isMemberOf(bindings, inGrid)).toBe(expected);
  });
});

describe('filing on a visit', () => {
  const member = as('member', compound);
  it.each([
    ['their own pairing, on the household’s building', 'per_member', member, pairing, inGrid, true],
    ['their own pairing, on its compound', 'per_member', member, pairing, compound, true],
    ['another building of the compound', 'per_member', member, pairing, inGrid2, false],
    ['another compound', 'per_member', member, pairing, elsewhere, false],
    ['someone else’s pairing', 'per_other', member, pairing, inGrid, false],
    ['an ended pairing', 'per_member', member, { ...pairing, status: 'ended' as const }, inGrid, false],
    ['a member no more (transferred out)', 'per_member', [] as ScopedBinding[], pairing, inGrid, false],
  ] as const)('%s → %s', (_, personId, bindings, p, u, expected) => {
    expect(mayFileOnVisit(personId, bindings, p, u)).toBe(expected);
  });
});

describe('kinds and ids', () => {
  it('starts every community with the kinds the issue names', () => {
    for (const k of ['独居老人', '低保', '残疾', '高龄']) expect(DEFAULT_HOUSEHOLD_KINDS).toContain(k);
  });

  it('keeps kinds trimmed, once each, in order, and names the unknown ones', () => {
    expect(normaliseKinds([' 低保', '残疾', '', '低保 '])).toEqual(['低保', '残疾']);
    expect(unknownKinds(['低保', '富户'], DEFAULT_HOUSEHOLD_KINDS)).toEqual(['富户']);
  });

  it('gives one id to a member and a household however its door is written', () => {
    const a = pairingId('per_1', { buildingId: 'bld_1', door: { entrance: '2单元', floor: 5, room: '502室' } });
    expect(pairingId('per_1', { buildingId: 'bld_1', door: { entrance: '2', floor: null, room: '５０２' } })).toBe(a);
    expect(pairingId('per_2', { buildingId: 'bld_1', door: { entrance: '2', floor: 5, room: '502' } })).not.toBe(a);
  });
});
