import { DEFAULT_POLICY, figures, findCategory, route, type FigureInput } from '../../../src/core';
import { binding, person, unit } from '../../support/factories';

const street = unit(null, 'street', '幸福街道');
const community = unit(street, 'community', '阳光社区');
const compound = unit(community, 'compound', '幸福里小区');
const grid = unit(compound, 'grid', '第1网格');
const building = unit(grid, 'building', '1号楼');
const chain = [building, grid, compound, community, street];
const noise = findCategory(DEFAULT_POLICY, 'noise')!;
const lift = findCategory(DEFAULT_POLICY, 'lift')!;
const illegal = findCategory(DEFAULT_POLICY, 'illegal_construction')!;

const lead = person('赵桂兰');
const secretary = person('刘芳');
const property = person('陈强');
const staff = person('张伟');
const officer = person('王建国');
const all = [
  binding(lead, building, 'building_lead'),
  binding(secretary, compound, 'compound_secretary'),
  binding(property, compound, 'property_manager'),
  binding(staff, community, 'community_staff'),
  binding(officer, street, 'street_officer'),
];

describe('routing: a named person at each level', () => {
  it('sends noise to the building lead, a lift to the property company, illegal construction to the community', () => {
    expect(route('building', noise, chain, all).stop).toEqual({ level: 'building', unitId: building.id, handlerId: lead.id });
    expect(route(lift.entryLevel, lift, chain, all).stop).toEqual({ level: 'compound', unitId: compound.id, handlerId: property.id });
    expect(route('compound', noise, chain, all).stop.handlerId).toBe(secretary.id);
    expect(route(illegal.entryLevel, illegal, chain, all).stop).toEqual({ level: 'community', unitId: community.id, handlerId: staff.id });
  });

  it('skips a level with nobody bound, and says so', () => {
    const noLead = all.filter((b) => b.role !== 'building_lead');
    const r = route('building', noise, chain, noLead);
    expect(r.stop).toMatchObject({ level: 'compound', handlerId: secretary.id });
    expect(r.skipped).toEqual([{ level: 'building', unitId: building.id, handlerId: null }]);
  });

  it('falls back to the other compound role, then waits at the street with nobody', () => {
    const onlySecretary = all.filter((b) => b.role !== 'property_manager');
    expect(route('compound', lift, chain, onlySecretary).stop.handlerId).toBe(secretary.id);
    const r = route('building', noise, chain, []);
    expect(r.stop).toEqual({ level: 'street', unitId: street.id, handlerId: null });
    expect(r.skipped.map((s) => s.level)).toEqual(['building', 'compound', 'community']);
  });

  it('picks the earliest-bound of two people with the same role', () => {
    const second = person('钱大妈');
    const r = route('building', noise, chain, [binding(second, building, 'building_lead', { createdAt: 5_000 }), ...all]);
    expect(r.stop.handlerId).toBe(lead.id);
  });
});

describe('figures', () => {
  const base: FigureInput = { status: 'closed', respondedAt: 10, firstRespondBy: 20, breached: false, rating: 'satisfied', resolvedAt: 30, resolvedLevel: 'building', duplicateOf: null };
  it('computes the three rates and where reports were resolved', () => {
    const f = figures([
      base,
      { ...base, respondedAt: 25, breached: true, rating: 'unsatisfied', resolvedLevel: 'compound' },
      { ...base, rating: 'basically_satisfied' },
      { ...base, status: 'responded', resolvedAt: null, resolvedLevel: null, rating: null },
      { ...base, duplicateOf: 'r1' },
    ]);
    expect(f).toMatchObject({ reports: 4, respondedOnTime: 3, responseRate: 0.75, resolved: 3, resolvedOnTime: 2, rated: 3, satisfied: 2 });
    expect(f.onTimeRate).toBeCloseTo(2 / 3);
    expect(f.satisfactionRate).toBeCloseTo(2 / 3);
    expect(f.resolvedAtLevel).toEqual({ building: 2, compound: 1, community: 0, street: 0 });
    expect(f.shareAtLevel.building).toBeCloseTo(2 / 3);
  });
  it('says "no data" rather than 0 % when there is nothing to divide by', () => {
    expect(figures([])).toMatchObject({ responseRate: null, onTimeRate: null, satisfactionRate: null });
  });
});
