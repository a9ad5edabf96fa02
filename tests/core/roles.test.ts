import { can, canBind, isStaff, scopeRoots, ROLES, ROLE_LABEL, ROLE_PERMISSIONS, type Role, type ScopedBinding } from '../../src/core';
import { unit } from '../support/factories';

const street = unit(null, 'street', '幸福街道');
const community = unit(street, 'community', '阳光社区');
const compoundA = unit(community, 'compound', '幸福里小区');
const compoundB = unit(community, 'compound', '阳光花园');
const a1 = unit(compoundA, 'building', '1号楼');
const a2 = unit(compoundA, 'building', '2号楼');
const b1 = unit(compoundB, 'building', '1号楼');

const as = (role: Role, u = a1): ScopedBinding[] => [{ role, unit: u }];

describe('permissions', () => {
  it('labels every role in Chinese', () => {
    for (const r of ROLES) expect(ROLE_LABEL[r]).toMatch(/[\u4e00-\u9fff]/);
  });

  describe('scope is the subtree of the bound unit', () => {
    const cases: [string, ScopedBinding[], Parameters<typeof can>[1], typeof a1, boolean][] = [
      ['resident views own building', as('resident', a1), 'unit.view', a1, true],
      ['resident cannot view the next building', as('resident', a1), 'unit.view', a2, false],
      ['resident cannot manage own building', as('resident', a1), 'unit.manage', a1, false],
      ['building lead sees people of own building', as('building_lead', a1), 'person.view', a1, true],
      ['building lead does not see the next building', as('building_lead', a1), 'person.view', a2, false],
      ['compound secretary sees a building of the compound', as('compound_secretary', compoundA), 'person.view', a2, true],
      ['compound secretary does not see another compound', as('compound_secretary', compoundA), 'person.view', b1, false],
      ['compound secretary cannot manage units', as('compound_secretary', compoundA), 'unit.manage', a1, false],
      ['community staff manage a building', as('community_staff', community), 'unit.manage', b1, true],
      ['community staff do not manage the street', as('community_staff', community), 'unit.manage', street, false],
      ['street officer manages everything below', as('street_officer', street), 'unit.manage', a1, true],
      ['nobody with no binding', [], 'unit.view', a1, false],
    ];
    it.each(cases)('%s', (_name, bindings, permission, target, expected) => {
      expect(can(bindings, permission, target)).toBe(expected);
    });
  });

  it('excludes the bound unit itself when strictly below is asked', () => {
    expect(can(as('community_staff', community), 'unit.manage', community)).toBe(true);
    expect(can(as('community_staff', community), 'unit.manage', community, { strictlyBelow: true })).toBe(false);
    expect(can(as('community_staff', community), 'unit.manage', compoundA, { strictlyBelow: true })).toBe(true);
  });

  it('ignores bindings on archived units', () => {
    expect(can([{ role: 'community_staff', unit: { ...community, archived: true } }], 'unit.view', a1)).toBe(false);
  });

  it('does not confuse a sibling whose id starts with the same characters', () => {
    const c1 = { ...community, path: '/s/c1/' };
    const c10 = { ...community, path: '/s/c10/' };
    expect(can([{ role: 'community_staff', unit: c1 }], 'unit.view', c10)).toBe(false);
  });

  describe('who may bind which role', () => {
    it('lets a compound secretary appoint a building lead in the compound but not a property manager', () => {
      expect(canBind(as('compound_secretary', compoundA), 'building_lead', a1)).toBe(true);
      expect(canBind(as('compound_secretary', compoundA), 'property_manager', compoundA)).toBe(false);
      expect(canBind(as('compound_secretary', compoundA), 'building_lead', b1)).toBe(false);
    });
    it('does not let community staff appoint a street officer or a community secretary', () => {
      expect(canBind(as('community_staff', community), 'street_officer', street)).toBe(false);
      expect(canBind(as('community_staff', community), 'community_secretary', community)).toBe(false);
      expect(canBind(as('community_secretary', community), 'community_secretary', community)).toBe(true);
    });
    it('gives residents no binding rights at all', () => {
      for (const r of ROLES) expect(canBind(as('resident', a1), r, a1)).toBe(false);
    });
  });

  it('finds the top-most units a person may act on', () => {
    const roots = scopeRoots(
      [
        { role: 'community_staff', unit: community },
        { role: 'compound_secretary', unit: compoundA },
        { role: 'resident', unit: b1 },
      ],
      'unit.view',
    );
    expect(roots.map((u) => u.id)).toEqual([community.id]);
  });

  it('calls only community and street roles staff', () => {
    expect(isStaff(as('community_staff', community))).toBe(true);
    expect(isStaff(as('compound_secretary', compoundA))).toBe(false);
    expect(ROLE_PERMISSIONS.resident).toEqual(['unit.view']);
  });
});
