import { parseHolidayNotice } from '../../src/core/holidays-notice';
import { SAMPLE_2027 } from '../support/holidays-2027';
import { SAMPLE_2027_NOTICE } from '../support/holidays-2027-notice';

const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

/** Every non-blank line ends up in exactly one of the three lists: nothing is dropped unseen. */
function expectAccounted(text: string, year: number) {
  const p = parseHolidayNotice(year, text);
  const seen = [...p.lines.map((l) => l.line), ...p.unreadable.map((l) => l.line), ...p.ignored.map((l) => l.line)].sort((a, b) => a - b);
  const nonBlank = text.split('\n').flatMap((l, i) => (l.trim() ? [i + 1] : []));
  expect([...new Set(seen)]).toEqual(nonBlank);
  return p;
}

describe('reading the State Council’s holiday notice', () => {
  it.each([
    ['a range with 调休 and a Sunday worked (2026 元旦)', 2026, '元旦：1月1日至3日放假调休，共3天。1月4日（周日）上班。', range('2026-01-01', '2026-01-03'), ['2026-01-04']],
    [
      'lunar notes in brackets and two Saturdays worked (2026 春节)',
      2026,
      '春节：2月15日（农历腊月二十八）至23日（农历正月初七）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。',
      range('2026-02-15', '2026-02-23'),
      ['2026-02-14', '2026-02-28'],
    ],
    ['a bare range with a dash', 2026, '2月15日–2月23日', range('2026-02-15', '2026-02-23'), []],
    ['a bare range with 至 and the month left out', 2026, '10月1日至7日', range('2026-10-01', '2026-10-07'), []],
    ['a range over two months', 2025, '五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。', range('2025-05-31', '2025-06-02'), []],
    ['放假1天 without 调休', 2025, '一、元旦：1月1日（周三）放假1天，不调休。', ['2025-01-01'], []],
    ['full-width digits and a wave dash', 2026, '１０月１日～１０月７日放假', range('2026-10-01', '2026-10-07'), []],
    ['an em dash and 号', 2026, '2月15号—23号放假', range('2026-02-15', '2026-02-23'), []],
    ['workdays split by a comma before 上班', 2025, '1月28日至2月4日放假调休，共8天。1月26日（周日），2月8日（周六）上班。', range('2025-01-28', '2025-02-04'), ['2025-01-26', '2025-02-08']],
    ['星期 and dates with years in the December before (2019 元旦)', 2019, '一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。', ['2018-12-30', '2018-12-31', '2019-01-01'], ['2018-12-29']],
    ['the December before without years', 2019, '元旦：12月30日至1月1日放假调休，共3天。12月29日（星期六）上班。', ['2018-12-30', '2018-12-31', '2019-01-01'], ['2018-12-29']],
    ['two festivals on one line', 2025, '六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。', range('2025-10-01', '2025-10-08'), ['2025-09-28', '2025-10-11']],
  ])('reads %s', (_what, year, text, offDays, workdays) => {
    const p = expectAccounted(text, year);
    expect(p.unreadable).toEqual([]);
    expect(p.offDays).toEqual(offDays);
    expect(p.workdays).toEqual(workdays);
  });

  it('names the festival a line is about', () => {
    const p = parseHolidayNotice(2025, '六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。\n2月15日–2月23日');
    expect(p.lines.map((l) => l.name)).toEqual(['国庆节、中秋节', null]);
  });

  it.each([
    ['a weekday that does not fit the year (another year’s notice)', 2027, '元旦：1月1日至3日放假调休，共3天。1月4日（周日）上班。', /2027年|周一.*周日/],
    ['a count that does not match the range', 2026, '春节：2月15日至23日放假调休，共8天。', /共 8 天.*9 天/],
    ['a day that does not exist', 2026, '2月30日放假', /没有“2月30日”这一天/],
    ['a range that ends before it starts', 2026, '2月23日至2月15日放假', /结束的日期早于开始的日期/],
    ['a date without its month', 2026, '15日至23日放假', /没有写月份/],
    ['words between dates it does not know', 2026, '1月1日或1月2日放假', /“或”/],
    ['a swapped workday on a weekday', 2026, '1月5日（周一）上班', /周一.*本来就上班/],
    ['the same day off and worked', 2026, '2月14日放假，2月14日上班', /同时写成了放假和上班/],
    ['dates without 放假 or 上班 beside a workday', 2026, '2月14日（周六）。2月28日（周六）上班。', /没写是放假还是上班/],
    ['放假 and 上班 in one clause', 2026, '1月1日至3日放假或者上班，共3天。', /既有“放假”又有“上班”/],
    ['the title of another year’s notice', 2027, '国务院办公厅关于2026年部分节假日安排的通知', /2026 年的通知.*2027 年/],
    ['a date of another year', 2027, '2026年10月1日至7日放假', /不在 2027 年/],
    ['a range longer than a month', 2026, '1月1日至3月1日放假', /超过一个月/],
  ])('flags %s, taking nothing from the line', (_what, year, text, message) => {
    const p = expectAccounted(text, year);
    expect(p.unreadable).toHaveLength(1);
    expect(p.unreadable[0]).toMatchObject({ line: 1, text });
    expect(p.unreadable[0].message).toMatch(message);
    expect(p.offDays).toEqual([]);
    expect(p.workdays).toEqual([]);
  });

  it('flags both lines when one says a day is off and the other that it is worked', () => {
    const p = expectAccounted('国庆节：10月1日至10日放假。\n10月10日（周六）上班。\n元旦：1月1日放假。', 2026);
    expect(p.unreadable.map((u) => u.line)).toEqual([1, 2]);
    expect(p.offDays).toEqual(['2026-01-01']);
  });

  it('reads the whole notice as pasted, leaving its title, greeting and closing words aside', () => {
    const p = expectAccounted(SAMPLE_2027_NOTICE, 2027);
    expect(p.unreadable).toEqual([]);
    expect(p.offDays).toEqual([...SAMPLE_2027.offDays].sort());
    expect(p.workdays).toEqual(SAMPLE_2027.workdays);
    expect(p.lines.map((l) => l.name)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']);
    expect(p.ignored.map((l) => l.text)).toEqual([
      '国务院办公厅关于2027年部分节假日安排的通知',
      '国办发明电〔2026〕99号（样例）',
      '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
      expect.stringMatching(/^经国务院批准/),
      expect.stringMatching(/^节假日期间/),
      '国务院办公厅',
      '2026年11月12日',
    ]);
  });

  it('keeps the good lines of a notice with a bad one, and reports the bad one', () => {
    const p = expectAccounted(SAMPLE_2027_NOTICE.replace('五、端午节：6月9日（周三）', '五、端午节：6月9日（周四）'), 2027);
    expect(p.unreadable).toEqual([expect.objectContaining({ line: 10, message: expect.stringMatching(/周三.*周四/) })]);
    expect(p.offDays).not.toContain('2027-06-09');
    expect(p.offDays).toContain('2027-10-07');
  });

  it('reads nothing from an empty text', () => {
    expect(parseHolidayNotice(2027, '  \n\n')).toEqual({ offDays: [], workdays: [], lines: [], unreadable: [], ignored: [] });
  });
});
