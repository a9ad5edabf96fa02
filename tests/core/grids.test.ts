import { GRID_HOUSEHOLDS, bindNeedsRefusal, gridSize, gridSizeWarning, type Role, type ScopedBinding } from '../../src/core';
import { unit } from '../support/factories';

const street = unit(null, 'street', '幸福街道');
const community = unit(street, 'community', '阳光社区');
const compound = unit(community, 'compound', '和平新村');
const grid = unit(compound, 'grid', '第1网格');
const otherCompound = unit(community, 'compound', '阳光花园');
const b = (role: Role, u = compound, archived = false): ScopedBinding => ({ role, unit: { ...u, archived } });

describe('grid size', () => {
  it.each([
    [0, 'few'],
    [49, 'few'],
    [50, 'right'],
    [80, 'right'],
    [81, 'many'],
  ] as const)('%i households is %s', (n, size) => {
    expect(gridSize(n)).toBe(size);
    expect(gridSizeWarning(n) === null).toBe(size === 'right');
  });

  it('says what to do about a grid outside 50–80', () => {
    expect(GRID_HOUSEHOLDS).toEqual({ min: 50, max: 80 });
    expect(gridSizeWarning(12)).toMatch(/12 户.*少于 50 户.*合并/);
    expect(gridSizeWarning(96)).toMatch(/96 户.*多于 80 户.*分成两个网格/);
  });
});

describe('who can be given a grid role', () => {
  it.each([
    ['a member of the compound', [b('member')], null],
    ['a member checked in on the grid', [b('member', grid)], null],
    ['a 直管 member of the community', [b('member', community)], null],
    ['a member of another compound', [b('member', otherCompound)], /党员/],
    ['a member whose compound is archived', [b('member', compound, true)], /党员/],
    ['a resident, a volunteer', [b('resident'), b('volunteer')], /党员/],
  ] as const)('a grid lead: %s', (_, bindings, refusal) => {
    const why = bindNeedsRefusal('grid_lead', bindings, grid);
    if (refusal === null) expect(why).toBeNull();
    else expect(why).toMatch(refusal);
  });

  it.each([
    ['the compound’s property manager', [b('property_manager')], null],
    ['another compound’s property manager', [b('property_manager', otherCompound)], /物业/],
    ['a member', [b('member')], /物业/],
  ] as const)('a steward: %s', (_, bindings, refusal) => {
    const why = bindNeedsRefusal('steward', bindings, grid);
    if (refusal === null) expect(why).toBeNull();
    else expect(why).toMatch(refusal);
  });

  it('asks nothing first of the other roles', () => {
    expect(bindNeedsRefusal('building_lead', [], grid)).toBeNull();
    expect(bindNeedsRefusal('member', [], compound)).toBeNull();
  });
});
