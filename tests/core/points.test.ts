import { DEFAULT_POINTS_RULES, POINTS_SOURCE_KINDS, POINTS_SOURCE_LABEL, BOARD_KINDS, pointsFor, pointsKey, type PointsRules } from '../../src/core';

const rules = (patch: Partial<PointsRules>): PointsRules => ({ ...DEFAULT_POINTS_RULES, ...patch });

describe('points for an activity', () => {
  it.each([
    // [minutes, points an hour, cap, expected]
    [60, 1, 8, 1],
    [90, 1, 8, 1],
    [120, 1, 8, 2],
    [59, 1, 8, 0],
    [600, 1, 8, 8],
    [600, 2, 0, 20],
    [45, 4, 0, 3],
  ])('pays %i minutes of service at %i an hour (cap %i) with %i points', (minutes, points, max, expected) => {
    expect(pointsFor(rules({ service: { counts: true, points, max } }), 'service', minutes)).toBe(expected);
  });

  it('grants the rule points for a lecture, a wish and a visit, capped by max', () => {
    const r = rules({ lecture: { counts: true, points: 3, max: 0 }, wish: { counts: true, points: 10, max: 6 }, visit: { counts: true, points: 1, max: 0 } });
    expect(pointsFor(r, 'lecture')).toBe(3);
    expect(pointsFor(r, 'wish')).toBe(6);
    expect(pointsFor(r, 'visit')).toBe(1);
  });

  it('grants nothing for a kind the community does not count', () => {
    expect(pointsFor(rules({ lecture: { counts: false, points: 5, max: 0 } }), 'lecture')).toBe(0);
    expect(pointsFor(rules({ service: { counts: false, points: 5, max: 0 } }), 'service', 600)).toBe(0);
  });
});

describe('the ledger keys', () => {
  it('names each source once, by its kind and id', () => {
    expect(pointsKey('lecture', 's1')).toBe('lecture:s1');
    expect(pointsKey('refund', 'p1:req-1')).toBe('refund:p1:req-1');
  });

  it('labels every kind in Chinese and keeps spending off the board', () => {
    for (const k of POINTS_SOURCE_KINDS) expect(POINTS_SOURCE_LABEL[k]).toMatch(/\p{Script=Han}/u);
    expect(BOARD_KINDS).not.toContain('redemption');
    expect(BOARD_KINDS).not.toContain('refund');
    expect(BOARD_KINDS).toContain('correction');
  });
});
