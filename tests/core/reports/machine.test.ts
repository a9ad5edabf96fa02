import { EVENTS, isOpen, STATUSES, transition, type ReportEvent, type Status } from '../../../src/core';

/**
 * The expected table, written out by hand (not derived from the code): one row per status, one
 * column per event, "-" where the event is refused.
 */
const COLUMNS: ReportEvent[] = [
  'respond', 'escalate', 'transfer', 'requestInfo', 'provideInfo', 'requestExtension', 'decideExtension',
  'resolve', 'rejectDuplicate', 'rejectNotActionable', 'rate', 'dispute', 'autoClose', 'comment',
];
const S = 'submitted', R = 'responded', T = 'transferred', N = 'needs_info', V = 'resolved', C = 'closed', X = 'rejected', _ = '-';
const EXPECTED: Record<Status, string[]> = {
  //           respond esc transfer reqInfo provide reqExt decExt resolve dup notAct rate dispute auto comment
  submitted:   [R,      S,  T,       N,      _,      S,     S,     V,      X,  X,     _,   _,      _,   S],
  responded:   [_,      S,  T,       N,      _,      R,     R,     V,      X,  X,     _,   _,      _,   R],
  transferred: [_,      S,  _,       _,      _,      T,     T,     V,      _,  _,     _,   _,      _,   T],
  needs_info:  [_,      S,  _,       _,      R,      _,     _,     _,      _,  X,     _,   _,      _,   N],
  resolved:    [_,      _,  _,       _,      _,      _,     _,     _,      _,  _,     C,   S,      C,   V],
  closed:      [_,      _,  _,       _,      _,      _,     _,     _,      _,  _,     _,   _,      _,   _],
  rejected:    [_,      _,  _,       _,      _,      _,     _,     _,      _,  _,     _,   _,      _,   _],
};

describe('the report state machine', () => {
  it('has a column for every event and a row for every status', () => {
    expect([...COLUMNS].sort()).toEqual([...EVENTS].sort());
    expect(Object.keys(EXPECTED).sort()).toEqual([...STATUSES].sort());
  });

  const pairs = STATUSES.flatMap((s) => COLUMNS.map((e, i) => [s, e, EXPECTED[s][i]] as const));
  it.each(pairs)('%s + %s → %s', (status, event, expected) => {
    expect(transition(status, event) ?? '-').toBe(expected);
  });

  it('calls only the four working statuses open', () => {
    expect(STATUSES.filter(isOpen)).toEqual(['submitted', 'responded', 'transferred', 'needs_info']);
  });
});
