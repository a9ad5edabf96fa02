import { DEFAULT_POLICY, LEVELS, figures, findCategory, handlerRoles, hasLevelAbove, levelsFrom, levelsOf, nextLevel, responseSettledAt, route, type FigureInput, type Level } from '../../../src/core';
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

/** The grid as a level: off (every community until it turns it on) and on. */
const OFF = { gridLevel: false };
const ON = { gridLevel: true };

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
    expect(route('building', noise, chain, all, OFF).stop).toEqual({ level: 'building', unitId: building.id, handlerId: lead.id });
    expect(route(lift.entryLevel, lift, chain, all, OFF).stop).toEqual({ level: 'compound', unitId: compound.id, handlerId: property.id });
    expect(route('compound', noise, chain, all, OFF).stop.handlerId).toBe(secretary.id);
    expect(route(illegal.entryLevel, illegal, chain, all, OFF).stop).toEqual({ level: 'community', unitId: community.id, handlerId: staff.id });
  });

  it('skips a level with nobody bound, and says so', () => {
    const noLead = all.filter((b) => b.role !== 'building_lead');
    const r = route('building', noise, chain, noLead, OFF);
    expect(r.stop).toMatchObject({ level: 'compound', handlerId: secretary.id });
    expect(r.skipped).toEqual([{ level: 'building', unitId: building.id, handlerId: null }]);
  });

  it('falls back to the other compound role, then waits at the street with nobody', () => {
    const onlySecretary = all.filter((b) => b.role !== 'property_manager');
    expect(route('compound', lift, chain, onlySecretary, OFF).stop.handlerId).toBe(secretary.id);
    const r = route('building', noise, chain, [], OFF);
    expect(r.stop).toEqual({ level: 'street', unitId: street.id, handlerId: null });
    expect(r.skipped.map((s) => s.level)).toEqual(['building', 'compound', 'community']);
  });

  it('picks the earliest-bound of two people with the same role', () => {
    const second = person('钱大妈');
    const r = route('building', noise, chain, [binding(second, building, 'building_lead', { createdAt: 5_000 }), ...all], OFF);
    expect(r.stop.handlerId).toBe(lead.id);
  });
});

describe('routing with the grid as a level', () => {
  const gridLead = person('孙家长');
  const steward = person('周管家');
  const withGrid = [...all, binding(gridLead, grid, 'grid_lead'), binding(steward, grid, 'steward')];
  const flat = unit(compound, 'building', '9号楼');
  const flatChain = [flat, compound, community, street];
  const sanitation = findCategory(DEFAULT_POLICY, 'sanitation')!;

  it('is off by default, and off leaves the grid out of the levels', () => {
    expect(DEFAULT_POLICY.gridLevel).toBe(false);
    expect(levelsOf(DEFAULT_POLICY)).toEqual(['building', 'compound', 'community', 'street']);
    expect(levelsOf(ON)).toEqual(['building', 'grid', 'compound', 'community', 'street']);
    expect(levelsFrom('building', OFF)).toEqual(['building', 'compound', 'community', 'street']);
    expect(levelsFrom('building', ON)).toEqual(['building', 'grid', 'compound', 'community', 'street']);
    // A report left at the grid by a community that turned the level off still counts from there.
    expect(levelsFrom('grid', OFF)).toEqual(['grid', 'compound', 'community', 'street']);
  });

  // level, grid on?, the report under a grid? → the level above
  it.each<[Level, boolean, boolean | undefined, Level | null]>([
    ['building', false, undefined, 'compound'],
    ['building', true, undefined, 'grid'],
    ['building', true, true, 'grid'],
    ['building', true, false, 'compound'],
    ['building', false, true, 'compound'],
    ['grid', true, true, 'compound'],
    ['grid', false, true, 'compound'],
    ['compound', true, true, 'community'],
    ['community', true, true, 'street'],
    ['street', true, true, null],
    ['street', false, undefined, null],
  ])('nextLevel(%s), grid level %s, under a grid %s → %s', (level, on, underGrid, expected) => {
    const ancestors = underGrid === undefined ? undefined : underGrid ? chain : flatChain;
    expect(nextLevel(level, { gridLevel: on }, ancestors)).toBe(expected);
  });

  it('has a level above everything but the street, whatever the policy', () => {
    for (const level of LEVELS) expect(hasLevelAbove(level)).toBe(level !== 'street');
  });

  it('puts the steward first for what the property company handles, the lead first for the rest', () => {
    expect(handlerRoles('grid', noise)).toEqual(['grid_lead', 'steward']);
    expect(handlerRoles('grid', sanitation)).toEqual(['steward', 'grid_lead']);
  });

  // category, grid on?, the building under a grid?, bound at the grid → where it lands, and what the timeline says was skipped
  const cases: [string, boolean, boolean, 'both' | 'lead' | 'none', Level, Level[]][] = [
    ['noise', false, true, 'both', 'compound', []],
    ['noise', true, true, 'both', 'grid', []],
    ['noise', true, true, 'none', 'compound', ['grid']],
    ['noise', true, false, 'both', 'compound', []],
    ['sanitation', true, true, 'both', 'grid', []],
    ['sanitation', true, true, 'lead', 'grid', []],
    ['lift', true, true, 'both', 'grid', []],
    ['lift', true, false, 'both', 'compound', []],
  ];
  it.each(cases)('escalating %s from the building, grid level %s, under a grid %s, grid bound %s → %s, skipping %j', (code, on, underGrid, bound, lands, skipped) => {
    const category = findCategory(DEFAULT_POLICY, code)!;
    const gridBindings = bound === 'both' ? withGrid : bound === 'lead' ? [...all, binding(gridLead, grid, 'grid_lead')] : all;
    const ancestors = underGrid ? chain : flatChain;
    const up = nextLevel('building', { gridLevel: on }, ancestors)!;
    const r = route(up, category, ancestors, gridBindings, { gridLevel: on });
    expect(r.stop.level).toBe(lands);
    expect(r.skipped.map((s) => s.level)).toEqual(skipped);
    if (lands === 'grid') {
      expect(r.stop.unitId).toBe(grid.id);
      expect(r.stop.handlerId).toBe(category.compoundHandler === 'property_manager' && bound === 'both' ? steward.id : gridLead.id);
    }
  });

  it('passes over the grid in silence from a building with no lead, when off or with no grid above it', () => {
    const noLead = withGrid.filter((b) => b.role !== 'building_lead');
    expect(route('building', noise, chain, noLead, OFF).skipped.map((s) => s.level)).toEqual(['building']);
    expect(route('building', noise, flatChain, noLead, ON).skipped.map((s) => s.level)).toEqual(['building']);
    const r = route('building', noise, chain, noLead, ON);
    expect(r.stop).toEqual({ level: 'grid', unitId: grid.id, handlerId: gridLead.id });
    expect(r.skipped.map((s) => s.level)).toEqual(['building']);
  });

  it('records the grid as skipped when it is a level and nobody is bound on it, like any level', () => {
    const r = route('building', noise, chain, [], ON);
    expect(r.stop.level).toBe('street');
    expect(r.skipped.map((s) => s.level)).toEqual(['building', 'grid', 'compound', 'community']);
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
    ], 100);
    expect(f).toMatchObject({ reports: 4, responseDue: 4, respondedOnTime: 3, responseRate: 0.75, resolved: 3, resolvedOnTime: 2, rated: 3, satisfied: 2 });
    expect(f.onTimeRate).toBeCloseTo(2 / 3);
    expect(f.satisfactionRate).toBeCloseTo(2 / 3);
    expect(f.resolvedAtLevel).toEqual({ building: 2, compound: 1, community: 0, street: 0 });
    expect(f.shareAtLevel.building).toBeCloseTo(2 / 3);
  });
  it('counts the grid only where a report was resolved there', () => {
    const f = figures([base, { ...base, resolvedLevel: 'grid' }], 100);
    expect(f.resolvedAtLevel).toEqual({ building: 1, grid: 1, compound: 0, community: 0, street: 0 });
    expect(f.shareAtLevel.grid).toBeCloseTo(1 / 2);
    expect(Object.keys(figures([base], 100).resolvedAtLevel)).not.toContain('grid');
  });
  it('says "no data" rather than 0 % when there is nothing to divide by', () => {
    expect(figures([], 100)).toMatchObject({ responseRate: null, onTimeRate: null, satisfactionRate: null });
    // Nothing due yet: no response rate, not 0 %.
    expect(figures([{ ...base, respondedAt: null, resolvedAt: null, resolvedLevel: null, rating: null, status: 'submitted' }], 15)).toMatchObject({ reports: 1, responseDue: 0, responseRate: null });
  });
  it('counts toward the response rate only reports whose response is settled: responded, or past the deadline', () => {
    const open = { ...base, status: 'submitted' as const, resolvedAt: null, resolvedLevel: null, rating: null };
    const now = 50;
    const f = figures(
      [
        { ...open, respondedAt: 10, firstRespondBy: 20 }, // responded on time
        { ...open, respondedAt: 45, firstRespondBy: 40 }, // responded late
        { ...open, respondedAt: null, firstRespondBy: 30 }, // not responded, deadline passed
        { ...open, respondedAt: null, firstRespondBy: 50 }, // not responded, deadline this very moment
        { ...open, respondedAt: null, firstRespondBy: 60 }, // not responded, not yet due: not counted
        { ...open, respondedAt: 48, firstRespondBy: 70 }, // responded early, deadline still ahead: settled, on time
      ],
      now,
    );
    expect(f).toMatchObject({ reports: 6, responded: 3, responseDue: 5, respondedOnTime: 2 });
    expect(f.responseRate).toBeCloseTo(2 / 5);
    expect([responseSettledAt({ respondedAt: null, firstRespondBy: 60 }), responseSettledAt({ respondedAt: 45, firstRespondBy: 40 }), responseSettledAt({ respondedAt: 48, firstRespondBy: 70 })]).toEqual([60, 40, 48]);
  });
});
