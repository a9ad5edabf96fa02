/**
 * A street's holidays and swapped workdays (节假日、调休): every staff member reads the street's last,
 * this and next year; street staff ('calendar.manage') enter a year from the State Council's notice as
 * pasted, or from a spreadsheet or .ics file after a preview. A save is versioned and audited, and
 * reaches the clocks started after it (deadlines already running keep theirs).
 */
import {
  DomainError,
  can,
  checkHolidayLists,
  chineseDaysLibrary,
  chinaParts,
  holidayWarningYear,
  libraryYear,
  streetIdOfPath,
  type ErrorCode,
  type HolidayFilePreview,
  type HolidayLists,
  type HolidayListError,
  type HolidayYear,
  type HolidayYearView,
  type StreetHolidays,
  type Unit,
} from '../../../../src/core';
import { parseHolidayIcs, parseHolidayTable, HOLIDAY_TABLE_COLUMNS } from '../../../../src/core/holidays-files';
import { parseHolidayNotice } from '../../../../src/core/holidays-notice';
import * as schemas from '../../../../src/core/schemas/management';
import type { Deps } from '../../deps';
import { readTable } from '../../spreadsheets/spreadsheet';
import { audit } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { staffRoots } from './scope';

/** The streets the caller's staff units lie in: every staff member reads their street's calendar. */
async function streetFor(ctx: AuthedContext, streetId: string | undefined): Promise<Unit> {
  const streets = [...new Set(staffRoots(ctx).map((u) => streetIdOfPath(u.path)))];
  const id = streetId ?? streets[0];
  if (!streets.includes(id)) throw new DomainError('AUTH.FORBIDDEN', '只能查看本街道的节假日安排', 'streetId');
  const street = await ctx.deps.store.units.get(id);
  if (!street) throw new DomainError('UNIT.NOT_FOUND', undefined, 'streetId');
  return street;
}

const mayEdit = (ctx: AuthedContext, street: Unit) => can(ctx.caller.bindings, 'calendar.manage', street);

/** This year and next: a past year's deadlines have run, and the year after next has no notice yet. */
function editableYears(now: number): number[] {
  const y = chinaParts(now).year;
  return [y, y + 1];
}

/** Next year when it is November or later and nobody (neither the street nor chinese-days) has its schedule. */
export async function missingScheduleYear(deps: Deps, streetId: string): Promise<number | null> {
  const year = holidayWarningYear(deps.clock.now());
  if (year === null || year <= chineseDaysLibrary.lastYear()) return null;
  return (await deps.store.holidays.get(streetId, year)) ? null : year;
}

async function streetHolidays(ctx: AuthedContext, street: Unit): Promise<StreetHolidays> {
  const { deps } = ctx;
  const now = deps.clock.now();
  const thisYear = chinaParts(now).year;
  const entered = new Map((await deps.store.holidays.listForStreet(street.id)).map((y) => [y.year, y]));
  const years = [thisYear - 1, thisYear, thisYear + 1];
  const editors = [...new Set(years.map((y) => entered.get(y)?.updatedBy).filter((p): p is string => !!p))];
  const names = new Map((await deps.store.people.getMany(editors)).map((p) => [p.id, p.name]));
  const view = (year: number): HolidayYearView => {
    const e = entered.get(year);
    if (e) {
      return {
        year,
        status: 'entered',
        offDays: e.offDays,
        workdays: e.workdays,
        version: e.version,
        source: e.source,
        note: e.note ?? null,
        updatedAt: e.updatedAt,
        updatedByName: e.updatedBy ? (names.get(e.updatedBy) ?? null) : null,
      };
    }
    const lib = libraryYear(year);
    return { year, status: lib ? 'library' : 'missing', offDays: lib?.offDays ?? [], workdays: lib?.workdays ?? [], version: 0, source: null, note: null, updatedAt: null, updatedByName: null };
  };
  const warnYear = holidayWarningYear(now);
  const next = view(thisYear + 1);
  return {
    street: { id: street.id, name: street.name, kind: street.kind, path: street.path },
    thisYear,
    years: years.map((y) => (y === thisYear + 1 ? next : view(y))),
    missingNextYear: warnYear !== null && next.status === 'missing',
    canEdit: mayEdit(ctx, street),
    editableYears: editableYears(now),
  };
}

async function streetToEdit(ctx: AuthedContext, streetId: string | undefined, year: number): Promise<Unit> {
  const street = await streetFor(ctx, streetId);
  if (!mayEdit(ctx, street)) throw new DomainError('AUTH.FORBIDDEN', '节假日安排由街道工作人员录入；社区工作人员可以查看，如有错漏请联系街道');
  const years = editableYears(ctx.deps.clock.now());
  if (!years.includes(year)) throw new DomainError('HOLIDAYS.YEAR_CLOSED', `只能录入今年（${years[0]}年）和明年（${years[1]}年）的节假日安排`, 'year');
  return street;
}

const LIST_ERROR_CODE: Record<HolidayListError['code'], ErrorCode> = {
  BAD_DATE: 'HOLIDAYS.BAD_DATE',
  OUTSIDE_YEAR: 'HOLIDAYS.BAD_DATE',
  TOO_MANY: 'HOLIDAYS.BAD_DATE',
  NOT_WEEKEND: 'HOLIDAYS.NOT_WEEKEND',
  BOTH: 'HOLIDAYS.BOTH',
};

/** The lists to save: read from the notice, or the previewed file's dates; any doubt refuses the whole save. */
function listsToSave(input: { year: number } & ({ source: 'notice'; text: string } | { source: 'spreadsheet' | 'ics'; offDays: string[]; workdays: string[] })): HolidayLists {
  let lists: { offDays: readonly string[]; workdays: readonly string[] };
  if (input.source === 'notice') {
    const parsed = parseHolidayNotice(input.year, input.text);
    if (parsed.unreadable.length) {
      const first = parsed.unreadable[0];
      const more = parsed.unreadable.length > 1 ? `（共 ${parsed.unreadable.length} 行读不懂）` : '';
      throw new DomainError('HOLIDAYS.NOTICE_UNREADABLE', `第 ${first.line} 行“${first.text.slice(0, 30)}”：${first.message}${more}。没有保存任何内容。`, 'text');
    }
    lists = parsed;
  } else lists = input;
  if (lists.offDays.length === 0 && lists.workdays.length === 0) throw new DomainError('HOLIDAYS.EMPTY', undefined, input.source === 'notice' ? 'text' : 'offDays');
  const checked = checkHolidayLists(input.year, lists);
  if (!checked.ok) {
    const e = checked.errors[0];
    throw new DomainError(LIST_ERROR_CODE[e.code], e.message, input.source === 'notice' ? 'text' : e.field);
  }
  return checked.value;
}

const added = (from: readonly string[], to: readonly string[]) => to.filter((d) => !from.includes(d));

/** The notice's number (国办发明电〔2026〕12号), kept as the year's note when none is given. */
const noticeNumber = (text: string) => /国办发[^\s，。]{0,4}〔\d{4}〕\d+号/.exec(text)?.[0];

export const holidayActions: FunctionDef = {
  holidays: personAction(schemas.management.holidays, async (ctx, input) => streetHolidays(ctx, await streetFor(ctx, input.streetId))),

  saveHolidays: personAction(schemas.management.saveHolidays, async (ctx, input) => {
    const { deps } = ctx;
    const street = await streetToEdit(ctx, input.streetId, input.year);
    const lists = listsToSave(input);
    const stored = await deps.store.holidays.get(street.id, input.year);
    const conflict = () => new DomainError('CONFLICT.VERSION', `${input.year}年的节假日安排刚被其他人修改过，请刷新后再改`, 'version');
    if ((stored?.version ?? 0) !== input.version) throw conflict();
    const before: HolidayLists = stored ?? libraryYear(input.year) ?? { offDays: [], workdays: [] };
    const note = input.note || (input.source === 'notice' ? noticeNumber(input.text) : undefined) || undefined;
    const year: HolidayYear = {
      streetId: street.id,
      year: input.year,
      ...lists,
      entered: true,
      source: input.source,
      ...(note ? { note } : {}),
      version: input.version + 1,
      updatedAt: deps.clock.now(),
      updatedBy: ctx.caller.person.id,
    };
    const saved = await deps.store.holidays.save(year, input.version);
    if (!saved) throw conflict();
    deps.calendars.forget(street.id);
    await audit(
      ctx,
      'holidays.save',
      'holidays',
      `${street.id}:${input.year}`,
      {
        year: input.year,
        source: input.source,
        version: saved.version,
        replaced: stored ? 'entered' : libraryYear(input.year) ? 'library' : 'missing',
        addedOffDays: added(before.offDays, lists.offDays),
        removedOffDays: added(lists.offDays, before.offDays),
        addedWorkdays: added(before.workdays, lists.workdays),
        removedWorkdays: added(lists.workdays, before.workdays),
        ...(note ? { note } : {}),
      },
      street.path,
    );
    return streetHolidays(ctx, street);
  }),

  previewHolidayFile: personAction(schemas.management.previewHolidayFile, async (ctx, input): Promise<HolidayFilePreview> => {
    await streetToEdit(ctx, input.streetId, input.year);
    const isIcs = /\.ics$/i.test(input.fileName);
    let parsed;
    if (isIcs) {
      const text = new TextDecoder('utf-8').decode(Buffer.from(input.base64, 'base64'));
      const r = parseHolidayIcs(input.year, text);
      if ('error' in r) throw new DomainError('HOLIDAYS.BAD_FILE', `${r.error}。请从日历应用或节假日网站导出 .ics 文件，或改用表格（列：日期、类型）`, 'base64');
      parsed = r;
    } else {
      const table = await readTable(input.fileName, input.base64);
      const missing = HOLIDAY_TABLE_COLUMNS.required.filter((c) => !table.header.includes(c));
      if (missing.length) throw new DomainError('IMPORT.BAD_COLUMNS', `表格缺少列：${missing.join('、')}。第一行应为：日期、类型（放假或上班），可再加一列“名称”`, 'base64');
      if (table.rows.length > 1000) throw new DomainError('HOLIDAYS.BAD_FILE', `表格有 ${table.rows.length} 行，一年的节假日不会这么多：请只列放假和调休上班的日子`, 'base64');
      parsed = parseHolidayTable(input.year, table);
    }
    // What the save would refuse is shown now, beside the rows it came from.
    const checked = checkHolidayLists(input.year, parsed);
    const problems = [...parsed.problems, ...(checked.ok ? [] : checked.errors.map((e) => ({ where: e.date ?? '日期', message: e.message })))];
    return { year: input.year, source: isIcs ? 'ics' : 'spreadsheet', fileName: input.fileName, ...parsed, problems };
  }),
};
