/**
 * The street's holidays on the management page (#13): street staff enter next year from the State
 * Council's notice or a file; every staff member reads them and is warned from November while next year
 * is missing; bad input is refused with a code and a field, writing nothing.
 */
import ExcelJS from 'exceljs';
import type { AuditView, Dashboard, HolidayFilePreview, StreetHolidays, Unit } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { SAMPLE_2027 } from '../support/holidays-2027';
import { SAMPLE_2027_NOTICE } from '../support/holidays-2027-notice';
import { data, expectFailure, harness, type Harness } from '../support/harness';

const cn = (s: string) => Date.parse(`${s.replace(' ', 'T')}:00+08:00`);
const sorted = (xs: readonly string[]) => [...xs].sort();
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

describe('holidays (management page)', () => {
  let h: Harness;
  let street: Unit;
  let officer: Credentials;
  let staff: Credentials;
  beforeEach(async () => {
    h = await harness({ residents: 5 });
    street = (await h.allUnits()).find((u) => u.kind === 'street')!;
    officer = await h.as('jiedao');
    staff = await h.as('shequ');
  });
  afterEach(() => h.close());

  const read = (cred: Credentials) => h.call<StreetHolidays>('management', 'holidays', {}, cred);
  const saveNotice = (text: string, extra: Record<string, unknown> = {}, cred = officer) =>
    h.call<StreetHolidays>('management', 'saveHolidays', { year: 2027, version: 0, source: 'notice', text, ...extra }, cred);
  const saveDates = (offDays: string[], workdays: string[], extra: Record<string, unknown> = {}) =>
    h.call<StreetHolidays>('management', 'saveHolidays', { year: 2027, version: 0, source: 'spreadsheet', offDays, workdays, ...extra }, officer);
  const auditOf = async (cred = officer) => data(await h.call<{ entries: AuditView[] }>('management', 'audit', { action: 'holidays.save' }, cred)).entries;
  const nothingWritten = async () => {
    expect(await h.store.holidays.get(street.id, 2027)).toBeNull();
    expect(await auditOf()).toEqual([]);
  };

  describe('reading', () => {
    it('shows last, this and next year to every staff member, with next year missing in November', async () => {
      for (const cred of [officer, staff, await h.as('shuji')]) {
        const s = data(await read(cred));
        expect(s.street.id).toBe(street.id);
        expect(s.thisYear).toBe(2026);
        expect(s.years.map((y) => [y.year, y.status])).toEqual([
          [2025, 'library'],
          [2026, 'library'],
          [2027, 'missing'],
        ]);
        expect(s.years[1].offDays).toContain('2026-10-01');
        expect(s.years[1].workdays).toContain('2026-01-04');
        expect(s.years[2]).toMatchObject({ offDays: [], workdays: [], version: 0 });
        expect(s.missingNextYear).toBe(true);
        expect(s.editableYears).toEqual([2026, 2027]);
      }
      expect(data(await read(officer)).canEdit).toBe(true);
      expect(data(await read(staff)).canEdit).toBe(false);
    });

    it('does not call next year missing before November', async () => {
      h.clock.set(cn('2026-10-31 23:59'));
      expect(data(await read(staff)).missingNextYear).toBe(false);
      h.clock.set(cn('2026-11-01 00:00'));
      expect(data(await read(staff)).missingNextYear).toBe(true);
    });

    it('refuses people who are not staff, and streets that are not the caller’s', async () => {
      expectFailure(await read(await h.as('louzhang')), 'AUTH.FORBIDDEN');
      expectFailure(await h.call('management', 'holidays', { streetId: 'unit_elsewhere' }, officer), 'AUTH.FORBIDDEN', 'streetId');
    });
  });

  describe('saving', () => {
    it('lets a street officer save 2027 from the notice’s text, audited with what changed', async () => {
      const s = data(await saveNotice(SAMPLE_2027_NOTICE));
      const y2027 = s.years.find((y) => y.year === 2027)!;
      expect(y2027).toMatchObject({ status: 'entered', version: 1, source: 'notice', note: '国办发明电〔2026〕99号', updatedByName: expect.any(String) });
      expect(y2027.offDays).toEqual(sorted(SAMPLE_2027.offDays));
      expect(y2027.workdays).toEqual(SAMPLE_2027.workdays);
      expect(s.missingNextYear).toBe(false);
      const stored = (await h.store.holidays.get(street.id, 2027))!;
      expect(stored).toMatchObject({ entered: true, version: 1, offDays: sorted(SAMPLE_2027.offDays) });

      const [entry, ...rest] = await auditOf();
      expect(rest).toEqual([]);
      expect(entry).toMatchObject({ actionLabel: '修改了节假日安排', targetKind: 'holidays', targetId: `${street.id}:2027`, targetName: `${street.name}2027年节假日安排` });
      expect(entry.detail).toMatchObject({ year: 2027, source: 'notice', version: 1, replaced: 'missing', removedOffDays: [], removedWorkdays: [] });
      expect(entry.detail.addedOffDays).toEqual(sorted(SAMPLE_2027.offDays));
      expect(entry.detail.addedWorkdays).toEqual(SAMPLE_2027.workdays);
      expect(data(await read(staff)).years[2].status).toBe('entered');
    });

    it('audits a second save as the difference from the first', async () => {
      data(await saveNotice(SAMPLE_2027_NOTICE));
      const moved = SAMPLE_2027_NOTICE.replace('六、中秋节：9月15日（周三）放假，共1天。', '六、中秋节：9月16日（周四）放假，共1天。');
      data(await saveNotice(moved, { version: 1 }));
      const [latest] = await auditOf();
      expect(latest.detail).toMatchObject({ version: 2, replaced: 'entered', addedOffDays: ['2027-09-16'], removedOffDays: ['2027-09-15'], addedWorkdays: [], removedWorkdays: [] });
    });

    it('counts a report’s deadline on the saved year at once (New Year’s Day off)', async () => {
      data(await saveNotice(SAMPLE_2027_NOTICE));
      h.clock.set(cn('2026-12-31 10:00'));
      const building = await h.unitNamed('1号楼', '幸福里小区');
      const r = data(await h.call<{ report: { dueAt: number } }>('reports', 'create', { clientRequestId: 'holiday-save-deadline-1', unitId: building.id, category: 'noise', description: '楼道灯坏了好几天了' }, await h.as('jumin')));
      expect(r.report.dueAt).toBe(cn('2027-01-04 10:00'));
    });

    it('refuses community staff, who may only read', async () => {
      for (const username of ['shequ', 'shuji']) {
        expectFailure(await saveNotice(SAMPLE_2027_NOTICE, {}, await h.as(username)), 'AUTH.FORBIDDEN');
      }
      await nothingWritten();
    });

    it('refuses a stale version, keeping what the other person saved', async () => {
      data(await saveNotice(SAMPLE_2027_NOTICE));
      expectFailure(await saveNotice(SAMPLE_2027_NOTICE.replace('六、中秋节：9月15日（周三）', '六、中秋节：9月16日（周四）')), 'CONFLICT.VERSION', 'version');
      expectFailure(await saveNotice(SAMPLE_2027_NOTICE, { version: 5 }), 'CONFLICT.VERSION', 'version');
      expect((await h.store.holidays.get(street.id, 2027))!).toMatchObject({ version: 1 });
      expect((await h.store.holidays.get(street.id, 2027))!.offDays).toContain('2027-06-09');
      expect(await auditOf()).toHaveLength(1);
    });

    it.each([
      ['a date that does not exist', ['2027-02-30'], [], 'HOLIDAYS.BAD_DATE', 'offDays.0'],
      ['text that is no date', ['2027-01-01', '元旦'], [], 'HOLIDAYS.BAD_DATE', 'offDays.1'],
      ['a date of another year', ['2028-01-01'], [], 'HOLIDAYS.BAD_DATE', 'offDays.0'],
      ['a swapped workday on a weekday', ['2027-01-01'], ['2027-01-04'], 'HOLIDAYS.NOT_WEEKEND', 'workdays.0'],
      ['a day both off and worked', ['2027-02-20'], ['2027-02-20'], 'HOLIDAYS.BOTH', 'workdays.0'],
      ['nothing at all', [], [], 'HOLIDAYS.EMPTY', 'offDays'],
    ])('refuses %s with its field, writing nothing', async (_what, offDays, workdays, code, field) => {
      expectFailure(await saveDates(offDays, workdays), code, field);
      await nothingWritten();
    });

    it('refuses a notice with a line it cannot read, naming the line', async () => {
      const bad = SAMPLE_2027_NOTICE.replace('四、劳动节：5月1日（周六）至5日（周三）', '四、劳动节：5月1日（周六）还有5日（周三）');
      const r = await saveNotice(bad);
      expectFailure(r, 'HOLIDAYS.NOTICE_UNREADABLE', 'text');
      expect(!r.ok && r.message).toMatch(/^第 9 行“四、劳动节/);
      await nothingWritten();
    });

    it('refuses the notice of another year (its weekdays do not fit)', async () => {
      const notice2026 = '一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。';
      expectFailure(await saveNotice(notice2026), 'HOLIDAYS.NOTICE_UNREADABLE', 'text');
      expectFailure(await saveNotice('国务院办公厅关于2026年部分节假日安排的通知'), 'HOLIDAYS.NOTICE_UNREADABLE', 'text');
      await nothingWritten();
    });

    it('refuses a notice without any dates, and bad input fields', async () => {
      expectFailure(await saveNotice('各省、自治区、直辖市人民政府：'), 'HOLIDAYS.EMPTY', 'text');
      expectFailure(await saveNotice('x'.repeat(20_001)), 'INPUT.INVALID', 'text');
      expectFailure(await h.call('management', 'saveHolidays', { year: 2027, version: 0, source: 'fax', text: '' }, officer), 'INPUT.INVALID');
      expectFailure(await saveDates(['2027-01-01'], [], { version: -1 }), 'INPUT.INVALID', 'version');
      await nothingWritten();
    });

    it('refuses a past year and the year after next', async () => {
      expectFailure(await saveNotice(SAMPLE_2027_NOTICE, { year: 2025 }), 'HOLIDAYS.YEAR_CLOSED', 'year');
      expectFailure(await saveNotice(SAMPLE_2027_NOTICE, { year: 2028 }), 'HOLIDAYS.YEAR_CLOSED', 'year');
      await nothingWritten();
    });
  });

  describe('importing a file', () => {
    const preview = (fileName: string, content: string | Buffer, cred = officer) =>
      h.call<HolidayFilePreview>('management', 'previewHolidayFile', { year: 2027, fileName, base64: b64(content) }, cred);

    it('previews a spreadsheet (.csv) of 日期 and 类型, then saves what it previewed', async () => {
      const csv = '日期,类型,名称\n2027-01-01,放假,元旦\n2027/1/2,放假,元旦\n2027年1月3日,放假,元旦\n2月5日至11日,放假,春节\n2027-02-20,上班,春节\n2026-10-01,放假,去年国庆\n';
      const p = data(await preview('2027节假日.csv', csv));
      expect(p).toMatchObject({ source: 'spreadsheet', problems: [], otherYears: 1 });
      expect(p.offDays).toEqual(['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']);
      expect(p.workdays).toEqual(['2027-02-20']);
      const s = data(await saveDates(p.offDays, p.workdays));
      expect(s.years[2]).toMatchObject({ status: 'entered', source: 'spreadsheet' });
    });

    it('previews an .xlsx with date cells, and lists rows it cannot read', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('2027');
      ws.addRow(['日期', '类型']);
      ws.addRow([new Date(Date.UTC(2027, 0, 1)), '放假']);
      ws.addRow([new Date(Date.UTC(2027, 1, 20)), '上班']);
      ws.addRow(['2027-13-01', '放假']);
      ws.addRow(['2027-01-04', '加班']);
      ws.addRow([new Date(Date.UTC(2027, 0, 5)), '上班']);
      const p = data(await preview('节假日.xlsx', Buffer.from(await wb.xlsx.writeBuffer())));
      expect(p.offDays).toEqual(['2027-01-01']);
      expect(p.workdays).toEqual(['2027-02-20', '2027-01-05'].sort());
      expect(p.problems.map((x) => x.where)).toEqual(['第 4 行', '第 5 行', '2027-01-05']);
      expect(p.problems[1].message).toMatch(/放假.*上班/);
    });

    it('previews an .ics calendar: all-day events, DTEND exclusive, 班 for workdays', async () => {
      const ics = [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'BEGIN:VEVENT',
        'DTSTART;VALUE=DATE:20270101',
        'DTEND;VALUE=DATE:20270104',
        'SUMMARY:元旦 休',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'DTSTART;VALUE=DATE:20270220',
        'SUMMARY:春节 补班',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'DTSTART;VALUE=DATE:20261001',
        'DTEND;VALUE=DATE:20261008',
        'SUMMARY:国庆节',
        'END:VEVENT',
        'END:VCALENDAR',
      ].join('\r\n');
      const p = data(await preview('holidays.ics', ics));
      expect(p).toMatchObject({ source: 'ics', offDays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: ['2027-02-20'], problems: [], otherYears: 7 });
    });

    it.each([
      ['a file that is no calendar', 'holidays.ics', 'hello', 'HOLIDAYS.BAD_FILE'],
      ['a spreadsheet without the columns', 'x.csv', '日子,说明\n2027-01-01,元旦\n', 'IMPORT.BAD_COLUMNS'],
      ['a renamed file', 'x.xlsx', 'not a zip', 'IMPORT.BAD_FILE'],
    ])('refuses %s', async (_what, fileName, content, code) => {
      expectFailure(await preview(fileName, content), code, 'base64');
    });

    it('refuses other file types and community staff', async () => {
      expectFailure(await preview('x.pdf', 'x'), 'INPUT.INVALID', 'fileName');
      expectFailure(await preview('x.csv', '日期,类型\n2027-01-01,放假\n', staff), 'AUTH.FORBIDDEN');
    });
  });

  describe('the dashboard’s warning', () => {
    const dashboard = async (cred: Credentials) => data(await h.call<Dashboard>('management', 'dashboard', {}, cred));

    it('warns every staff member in November while next year is missing, until it is entered', async () => {
      for (const cred of [officer, staff]) expect((await dashboard(cred)).calendarWarning).toEqual({ year: 2027, street: expect.objectContaining({ id: street.id, name: street.name }) });
      data(await saveNotice(SAMPLE_2027_NOTICE));
      for (const cred of [officer, staff]) expect((await dashboard(cred)).calendarWarning).toBeNull();
    });

    it('says nothing before November', async () => {
      h.clock.set(cn('2026-10-20 09:00'));
      expect((await dashboard(staff)).calendarWarning).toBeNull();
    });
  });
});
