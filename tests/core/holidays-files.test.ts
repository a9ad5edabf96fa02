import { parseHolidayIcs, parseHolidayTable } from '../../src/core/holidays-files';

const table = (rows: string[][], header = ['日期', '类型', '名称']) => ({ header, rows: rows.map((cells, i) => ({ row: i + 2, cells })) });

describe('a year’s holidays from a spreadsheet', () => {
  it.each([
    ['an ISO date', '2027-01-01', ['2027-01-01']],
    ['slashes', '2027/1/1', ['2027-01-01']],
    ['dots', '2027.1.1', ['2027-01-01']],
    ['Chinese with the year', '2027年1月1日', ['2027-01-01']],
    ['Chinese without the year', '1月1日', ['2027-01-01']],
    ['a range as the notice writes it', '2月5日至7日', ['2027-02-05', '2027-02-06', '2027-02-07']],
    ['an Excel day number', '46388', ['2027-01-01']],
    ['a date with a time', '2027-01-01 00:00:00', ['2027-01-01']],
  ])('reads %s', (_what, cell, dates) => {
    const p = parseHolidayTable(2027, table([[cell, '放假']]));
    expect(p.problems).toEqual([]);
    expect(p.offDays).toEqual(dates);
  });

  it.each([
    ['放假', 'off'],
    ['休', 'off'],
    ['上班', 'work'],
    ['补班', 'work'],
    ['调休上班', 'work'],
  ])('takes 类型 %s as %s', (kind, expected) => {
    const p = parseHolidayTable(2027, table([['2027-02-20', kind, '春节']]));
    expect(p.entries).toEqual([{ date: '2027-02-20', kind: expected, name: '春节' }]);
  });

  it('lists every row it cannot read with its row number, and counts other years', () => {
    const p = parseHolidayTable(
      2027,
      table([
        ['2027-01-01', '放假', '元旦'],
        ['', '放假'],
        ['2027-02-30', '放假'],
        ['明天', '放假'],
        ['2027-02-20', '加班'],
        ['2027-02-21', ''],
        ['2026-10-01', '放假'],
        ['2027-01-01', '上班'],
      ]),
    );
    expect(p.offDays).toEqual(['2027-01-01']);
    expect(p.otherYears).toBe(1);
    expect(p.problems).toEqual([
      { where: '第 3 行', message: '“日期”是空的' },
      { where: '第 4 行', message: expect.stringMatching(/2027-02-30/) },
      { where: '第 5 行', message: expect.stringMatching(/“明天”不是日期/) },
      { where: '第 6 行', message: expect.stringMatching(/这里是“加班”/) },
      { where: '第 7 行', message: expect.stringMatching(/“类型”是空的/) },
      { where: '第 9 行', message: expect.stringMatching(/在第 2 行是放假，这里又是上班/) },
    ]);
  });
});

describe('a year’s holidays from an .ics calendar', () => {
  const ics = (...events: string[][]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']), 'END:VCALENDAR'].join('\r\n');

  it('takes all-day events as days off, DTEND exclusive, and titles with 班 as workdays', () => {
    const p = parseHolidayIcs(2027, ics(['DTSTART;VALUE=DATE:20270205', 'DTEND;VALUE=DATE:20270212', 'SUMMARY:春节'], ['DTSTART;VALUE=DATE:20270220', 'DTEND;VALUE=DATE:20270221', 'SUMMARY:春节 补班']));
    if ('error' in p) throw new Error(p.error);
    expect(p.offDays).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']);
    expect(p.workdays).toEqual(['2027-02-20']);
    expect(p.entries.find((e) => e.kind === 'work')).toEqual({ date: '2027-02-20', kind: 'work', name: '春节 补班' });
  });

  it('reads folded lines, escapes, a one-day event without DTEND, and UTC times as China dates', () => {
    const p = parseHolidayIcs(
      2027,
      ics(['DTSTART;VALUE=DATE:20270101', 'SUMMARY:元旦\\, 放', ' 假'], ['DTSTART:20270402T160000Z', 'DTEND:20270405T160000Z', 'SUMMARY:清明节'], ['DTSTART;TZID=Asia/Shanghai:20270425T090000', 'SUMMARY:劳动节 上班']),
    );
    if ('error' in p) throw new Error(p.error);
    expect(p.entries).toEqual([
      { date: '2027-01-01', kind: 'off', name: '元旦, 放假' },
      { date: '2027-04-03', kind: 'off', name: '清明节' },
      { date: '2027-04-04', kind: 'off', name: '清明节' },
      { date: '2027-04-05', kind: 'off', name: '清明节' },
      { date: '2027-04-25', kind: 'work', name: '劳动节 上班' },
    ]);
  });

  it('counts events of other years and reports events it cannot read', () => {
    const p = parseHolidayIcs(2027, ics(['DTSTART;VALUE=DATE:20261001', 'DTEND;VALUE=DATE:20261008', 'SUMMARY:国庆节'], ['SUMMARY:没有日期'], ['DTSTART;VALUE=DATE:2027-01-01', 'SUMMARY:元旦']));
    if ('error' in p) throw new Error(p.error);
    expect(p.otherYears).toBe(7);
    expect(p.problems).toEqual([
      { where: expect.stringMatching(/^事件“没有日期”/), message: '没有开始日期（DTSTART）' },
      { where: expect.stringMatching(/^事件“元旦”/), message: expect.stringMatching(/2027-01-01/) },
    ]);
  });

  it.each([
    ['text that is no calendar', 'hello', /BEGIN:VCALENDAR/],
    ['a calendar without events', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR', /没有任何事件/],
  ])('refuses %s', (_what, text, message) => {
    const p = parseHolidayIcs(2027, text);
    expect('error' in p && p.error).toMatch(message);
  });
});
