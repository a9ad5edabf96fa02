import { companyFigures, figures, handledByCompany, type HandledInput, type TimelineEntry } from '../../src/core';

/** Report factory for the figures: a closed, satisfied report handled at the building (nobody of the company). */
const base: HandledInput = {
  id: 'r',
  status: 'closed',
  level: 'building',
  handlerId: 'lead',
  breaches: [],
  respondedAt: 10,
  firstRespondBy: 20,
  breached: false,
  rating: 'satisfied',
  resolvedAt: 30,
  resolvedLevel: 'building',
  duplicateOf: null,
};
const entry = (actorId: string | null, fromLevel: TimelineEntry['fromLevel']) => ({ actorId, fromLevel });
const managers = new Set(['pm1', 'pm2']);

describe('assessment figures: which reports a property company handled', () => {
  it.each([
    ['at the compound now, held by one of its people', { level: 'compound', handlerId: 'pm1' }, [], true],
    ['at the compound now, held by the branch secretary', { level: 'compound', handlerId: 'sec' }, [], false],
    ['one of its people responded while at the compound, then it went up', { level: 'community', handlerId: 'staff' }, [entry('pm2', 'compound')], true],
    ['one of its people commented while at the building (not the compound level)', {}, [entry('pm1', 'building')], false],
    ['the timer escalated it from the compound (no actor)', { level: 'community', handlerId: 'staff' }, [entry(null, 'compound')], false],
    ['it breached at the compound while one of its people held it', { level: 'community', handlerId: 'staff', breaches: [{ level: 'compound', unitId: 'c', handlerId: 'pm1', at: 5 }] }, [], true],
    ['it breached at the compound while nobody held it', { level: 'community', handlerId: 'staff', breaches: [{ level: 'compound', unitId: 'c', handlerId: null, at: 5 }] }, [], false],
    ['it breached at the building, held by one of its people as building lead', { breaches: [{ level: 'building', unitId: 'b', handlerId: 'pm1', at: 5 }] }, [], false],
    ['someone else acted at the compound', { level: 'community', handlerId: 'staff' }, [entry('sec', 'compound')], false],
  ] as const)('%s → %s', (_what, change, timeline, expected) => {
    expect(handledByCompany({ ...base, ...(change as Partial<HandledInput>) }, timeline, managers)).toBe(expected);
  });

  it('is nobody\'s when the compound has no property manager', () => {
    expect(handledByCompany({ ...base, level: 'compound', handlerId: 'pm1' }, [entry('pm1', 'compound')], new Set())).toBe(false);
  });

  it('counts the company\'s reports with figures() exactly: rates, duplicates left out, no data as null', () => {
    const theirs = (id: string, extra: Partial<HandledInput>): HandledInput => ({ ...base, id, level: 'compound', handlerId: 'pm1', resolvedLevel: 'compound', ...extra });
    const list: HandledInput[] = [
      theirs('a', {}),
      theirs('b', { respondedAt: 25, breached: true, rating: 'unsatisfied' }), // late, breached, unsatisfied
      theirs('c', { rating: 'basically_satisfied' }),
      theirs('d', { status: 'responded', resolvedAt: null, resolvedLevel: null, rating: null }), // still open
      theirs('e', { duplicateOf: 'a' }), // a duplicate: never counted
      { ...base, id: 'f' }, // the building lead's: not theirs
      { ...base, id: 'g', level: 'community', handlerId: 'staff', rating: 'unsatisfied' }, // escalated past them by the secretary
    ];
    const timelines = new Map([['g', [entry('sec', 'compound')]]]);
    const f = companyFigures(list, timelines, managers, 100);
    expect(f).toEqual(figures(list.slice(0, 5), 100));
    expect(f).toMatchObject({ reports: 4, responseDue: 4, respondedOnTime: 3, responseRate: 0.75, resolved: 3, resolvedOnTime: 2, rated: 3, satisfied: 2 });
    expect(f.onTimeRate).toBeCloseTo(2 / 3);
    expect(f.satisfactionRate).toBeCloseTo(2 / 3);
  });

  it('gives "no data" (null rates, 0 reports) when the company handled nothing', () => {
    expect(companyFigures([{ ...base, id: 'x' }], new Map(), managers, 100)).toMatchObject({ reports: 0, responseRate: null, onTimeRate: null, satisfactionRate: null });
  });

  it('does not count a response that is not yet due (settled by now, like every figure)', () => {
    const open: HandledInput = { ...base, id: 'o', level: 'compound', handlerId: 'pm1', status: 'submitted', respondedAt: null, firstRespondBy: 200, resolvedAt: null, resolvedLevel: null, rating: null };
    expect(companyFigures([open], new Map(), managers, 100)).toMatchObject({ reports: 1, responseDue: 0, responseRate: null });
    expect(companyFigures([open], new Map(), managers, 300)).toMatchObject({ reports: 1, responseDue: 1, respondedOnTime: 0, responseRate: 0 });
  });
});
