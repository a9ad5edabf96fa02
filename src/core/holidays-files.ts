/**
 * A year's holidays from a file: a spreadsheet with the columns 日期 and 类型 (放假 / 上班), or a calendar
 * feed (.ics) whose all-day events are the holidays and, when their title says 班, the swapped workdays.
 * Pure: the action reads the spreadsheet's cells (exceljs) or the file's text and hands them here.
 *
 * Nothing is dropped unseen: a row or event that cannot be read is a problem with where it is and why;
 * events of other years (a feed covers many) are counted, not taken.
 */
import { daysBetween, isoDate, parseHolidayNotice, shortDate } from './holidays-notice';

export interface HolidayFileProblem {
  /** Where in the file: "第 3 行" or "事件“春节 补班”（第 41 行）". */
  where: string;
  message: string;
}

export interface HolidayFileEntry {
  date: string;
  kind: 'off' | 'work';
  /** The row's 名称 or the event's title, when there is one. */
  name: string | null;
}

export interface ParsedHolidayFile {
  offDays: string[];
  workdays: string[];
  /** What was read, by date. */
  entries: HolidayFileEntry[];
  problems: HolidayFileProblem[];
  /** Days of other years in the file, left out. */
  otherYears: number;
}

export const HOLIDAY_TABLE_COLUMNS = { required: ['日期', '类型'], optional: ['名称'] } as const;
const MAX_ENTRIES = 400;

const inSpan = (year: number, date: string) => date.startsWith(`${year}-`) || date.startsWith(`${year - 1}-12-`);

/** Collects entries, refusing a date named both ways. */
function collect(year: number, items: { date: string; kind: 'off' | 'work'; name: string | null; where: string }[], problems: HolidayFileProblem[], otherYears: number): ParsedHolidayFile {
  const byDate = new Map<string, HolidayFileEntry & { where: string }>();
  for (const it of items) {
    const seen = byDate.get(it.date);
    if (seen && seen.kind !== it.kind) {
      problems.push({ where: it.where, message: `${shortDate(it.date, year)}在${seen.where}是${seen.kind === 'off' ? '放假' : '上班'}，这里又是${it.kind === 'off' ? '放假' : '上班'}：请只保留一个` });
    } else if (!seen) byDate.set(it.date, it);
  }
  if (byDate.size > MAX_ENTRIES) problems.push({ where: '整个文件', message: `${year} 年的日期有 ${byDate.size} 个，太多了：文件里应只列放假和调休上班的日子` });
  const entries = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1)).map(({ where: _w, ...e }) => e);
  return {
    offDays: entries.filter((e) => e.kind === 'off').map((e) => e.date),
    workdays: entries.filter((e) => e.kind === 'work').map((e) => e.date),
    entries,
    problems,
    otherYears,
  };
}

const OFF_TYPES = new Set(['放假', '休', '假', '休息', '休假', '节假日', '假日', '放假调休', 'off', 'holiday']);
const WORK_TYPES = new Set(['上班', '班', '补班', '调休上班', '工作日', 'work', 'workday']);

/** A spreadsheet cell's date(s): 2027-01-01, 2027/1/1, 2027年1月1日, 1月1日, a range "2月5日至11日", or an Excel day number. */
function cellDates(year: number, cell: string): { dates: string[] } | { error: string } {
  const text = cell.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$/.exec(text);
  if (m) {
    const d = isoDate(+m[1], +m[2], +m[3]);
    return d ? { dates: [d] } : { error: `没有“${text}”这一天` };
  }
  if (/^\d{5}(\.\d+)?$/.test(text)) {
    // Excel's day number (a date cell saved as plain number): day 25569 is 1970-01-01.
    const d = new Date((Math.floor(+text) - 25569) * 86_400_000).toISOString().slice(0, 10);
    return { dates: [d] };
  }
  if (/月/.test(text)) {
    const parsed = parseHolidayNotice(year, `${text}放假`);
    if (parsed.unreadable.length) return { error: parsed.unreadable[0].message };
    if (parsed.offDays.length) return { dates: parsed.offDays };
  }
  return { error: `“${text}”不是日期，请写成 ${year}-01-01` };
}

/** Rows of a spreadsheet already read into cells, the first row being the header. */
export function parseHolidayTable(year: number, table: { header: readonly string[]; rows: readonly { row: number; cells: readonly string[] }[] }): ParsedHolidayFile {
  const col = (name: string) => table.header.indexOf(name);
  const [dateCol, kindCol, nameCol] = [col('日期'), col('类型'), col('名称')];
  const problems: HolidayFileProblem[] = [];
  const items: { date: string; kind: 'off' | 'work'; name: string | null; where: string }[] = [];
  let otherYears = 0;
  for (const { row, cells } of table.rows) {
    const where = `第 ${row} 行`;
    const dateText = (cells[dateCol] ?? '').trim();
    const kindText = (cells[kindCol] ?? '').trim().replace(/\s+/g, '');
    if (!dateText) {
      problems.push({ where, message: '“日期”是空的' });
      continue;
    }
    const kind = OFF_TYPES.has(kindText.toLowerCase()) ? 'off' : WORK_TYPES.has(kindText.toLowerCase()) ? 'work' : null;
    if (!kind) {
      problems.push({ where, message: kindText ? `“类型”应为“放假”或“上班”，这里是“${kindText}”` : '“类型”是空的：请填“放假”或“上班”' });
      continue;
    }
    const read = cellDates(year, dateText);
    if ('error' in read) {
      problems.push({ where, message: read.error });
      continue;
    }
    const name = nameCol >= 0 ? (cells[nameCol] ?? '').trim() || null : null;
    for (const date of read.dates) {
      if (!inSpan(year, date)) otherYears++;
      else items.push({ date, kind, name, where });
    }
  }
  return collect(year, items, problems, otherYears);
}

/** RFC 5545 text: lines folded with a leading space or tab are one line; escapes undone. */
function unfold(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && out.length) out[out.length - 1].text += raw.slice(1);
    else if (raw !== '') out.push({ line: i + 1, text: raw });
  });
  return out;
}

const unescape = (v: string) => v.replace(/\\n/gi, ' ').replace(/\\([,;\\])/g, '$1');

/** An .ics DTSTART/DTEND value as a China date: a DATE, a local DATE-TIME, or a UTC one (…Z). */
function icsDate(value: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(value.trim());
  if (!m) return null;
  if (m[7]) {
    const t = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) + 8 * 3600_000;
    return new Date(t).toISOString().slice(0, 10);
  }
  return isoDate(+m[1], +m[2], +m[3]);
}

/** A title that names a swapped workday: 班 / 上班 / 补班 (a feed's "春节 补班", "调休上班"). */
const WORK_TITLE = /班/;

/** An iCalendar file's text (a calendar feed exported from a phone or a holiday site). */
export function parseHolidayIcs(year: number, text: string): ParsedHolidayFile | { error: string } {
  const lines = unfold(text.replace(/^\uFEFF/, ''));
  if (!lines.some((l) => /^BEGIN:VCALENDAR$/i.test(l.text.trim()))) return { error: '这不是日历文件（.ics）：文件里没有 BEGIN:VCALENDAR' };
  const problems: HolidayFileProblem[] = [];
  const items: { date: string; kind: 'off' | 'work'; name: string | null; where: string }[] = [];
  let otherYears = 0;
  let ev: { line: number; props: Map<string, { value: string }> } | null = null;
  let events = 0;
  for (const { line, text: l } of lines) {
    if (/^BEGIN:VEVENT$/i.test(l.trim())) {
      ev = { line, props: new Map() };
      continue;
    }
    if (/^END:VEVENT$/i.test(l.trim()) && ev) {
      events++;
      const summary = unescape(ev.props.get('SUMMARY')?.value ?? '').trim();
      const where = `事件“${summary || '（无标题）'}”（第 ${ev.line} 行）`;
      const start = ev.props.get('DTSTART');
      const end = ev.props.get('DTEND');
      const from = start ? icsDate(start.value) : null;
      if (!from) {
        problems.push({ where, message: start ? `开始日期“${start.value}”读不懂` : '没有开始日期（DTSTART）' });
      } else {
        // DTEND is exclusive; without it an all-day event is one day.
        let to = from;
        if (end) {
          const e = icsDate(end.value);
          if (!e) problems.push({ where, message: `结束日期“${end.value}”读不懂` });
          else if (e <= from) to = from;
          else to = new Date(Date.parse(`${e}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        }
        const days = daysBetween(from, to);
        if (days.length > 31) problems.push({ where, message: `从 ${from} 到 ${to} 超过一个月，不像是节假日` });
        else {
          const kind = WORK_TITLE.test(summary) ? 'work' : 'off';
          for (const date of days) {
            if (!inSpan(year, date)) otherYears++;
            else items.push({ date, kind, name: summary || null, where });
          }
        }
      }
      ev = null;
      continue;
    }
    if (!ev) continue;
    const m = /^([A-Za-z-]+)((?:;[^:]*)?):(.*)$/.exec(l);
    if (m) ev.props.set(m[1].toUpperCase(), { value: m[3] });
  }
  if (events === 0) return { error: '日历文件里没有任何事件（VEVENT）' };
  return collect(year, items, problems, otherYears);
}
