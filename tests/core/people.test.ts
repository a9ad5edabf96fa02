import { FINDS_UNPLACED_PEOPLE, mayBindPerson, peopleScope, type Role, type ScopedBinding, type Unit } from '../../src/core';
import { unit } from '../support/factories';

const street = unit(null, 'street', '幸福街道');
const community = unit(street, 'community', '阳光社区');
const otherCommunity = unit(street, 'community', '和平社区');
const compound = unit(community, 'compound', '幸福里小区');
const otherCompound = unit(community, 'compound', '阳光花园');
const building = unit(compound, 'building', '1号楼');
const farBuilding = unit(unit(otherCommunity, 'compound', '和平小区'), 'building', '1号楼');
const as = (role: Role, u: Unit): ScopedBinding[] => [{ role, unit: u }];

describe('where people are found', () => {
  it('finds people of unknown origin from a street only', () => {
    expect(FINDS_UNPLACED_PEOPLE).toEqual(['street']);
    expect(peopleScope(as('street_officer', street))).toEqual({ roots: [street], unplaced: true });
    expect(peopleScope(as('community_staff', community))).toEqual({ roots: [community], unplaced: false });
    expect(peopleScope(as('resident', building))).toEqual({ roots: [], unplaced: false });
  });
});

describe('whom a binder may bind', () => {
  const bound = (u: Unit, role: Role = 'resident') => ({ homes: as(role, u), createdIn: null });
  const loose = (createdIn: Unit | null) => ({ homes: [], createdIn });

  it('binds someone bound where the binder sees people, never someone bound elsewhere', () => {
    expect(mayBindPerson(as('compound_secretary', compound), bound(building))).toBe(true);
    expect(mayBindPerson(as('compound_secretary', otherCompound), bound(building))).toBe(false);
    expect(mayBindPerson(as('community_staff', otherCommunity), bound(building))).toBe(false);
    expect(mayBindPerson(as('street_officer', street), bound(farBuilding))).toBe(true);
  });

  it('binds someone bound nowhere created on the binder’s line: in their subtree or above it', () => {
    expect(mayBindPerson(as('compound_secretary', compound), loose(community))).toBe(true);
    expect(mayBindPerson(as('community_staff', community), loose(compound))).toBe(true);
    expect(mayBindPerson(as('community_staff', otherCommunity), loose(community))).toBe(false);
    expect(mayBindPerson(as('compound_secretary', otherCompound), loose(compound))).toBe(false);
  });

  it('binds someone of unknown origin from the street only', () => {
    expect(mayBindPerson(as('street_officer', street), loose(null))).toBe(true);
    expect(mayBindPerson(as('community_staff', community), loose(null))).toBe(false);
  });
});
