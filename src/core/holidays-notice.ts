/**
 * Reads the State Council's holiday notice (国务院办公厅关于××××年部分节假日安排的通知) as staff paste it:
 *
 *   二、春节：2月15日（农历腊月二十八）至23日（农历正月初七）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
 *
 * into off days and swapped workdays. Every line is accounted for: a line it read (with the festival's
 * name and its days), a line it could not read (with why: the person fixes it before saving), or a line
 * without any date that it leaves aside (the notice's title, greeting and closing words), shown as such.
 *
 * Pure and free of imports, so the management page parses as the person types and the server parses the
 * same text again when it is saved.
 */

export interface NoticeLine {
  /** 1-based line number in the pasted text. */
  line: number;
  text: string;
  /** The festival the line is about ("春节"), when it starts with one. */
  name: string | null;
  offDays: string[];
  workdays: string[];
}

export interface NoticeProblem {
  line: number;
  text: string;
  /** Chinese: what is wrong and what to do. */
  message: string;
}

export interface ParsedNotice {
  /** Every off day the notice names, 'YYYY-MM-DD', sorted, unique. */
  offDays: string[];
  /** Every swapped workday (调休上班) it names, sorted, unique. */
  workdays: string[];
  /** The lines read, in order. */
  lines: NoticeLine[];
  /** Lines that name dates but could not be read whole: nothing of them is in the lists. */
  unreadable: NoticeProblem[];
  /** Lines without a date (title, greeting, closing words): not used. */
  ignored: { line: number; text: string }[];
}

const WEEKDAY_NAMES = ['日', '一', '二', '三', '四', '五', '六'];
const CN_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** The date as 'YYYY-MM-DD' if it exists, else null. */
export function isoDate(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return t.toISOString().slice(0, 10);
}

const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const weekday = (date: string) => new Date(dayMs(date)).getUTCDay();

/** "2月15日（周日）" etc.: the days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = dayMs(from); t <= dayMs(to); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** "2月15日" for messages: the year only when it is not the notice's. */
export function shortDate(date: string, year: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y === year ? '' : `${y}年`}${m}月${d}日`;
}

/** Full-width digits and punctuation variants folded, so “１月１日” and “1月1日” read the same. */
function fold(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[：]/g, ':');
}

const DATE_TOKEN = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*[日号](?:\s*\(([^()]*)\))?/g;
const RANGE_SEP = /^\s*(至|到|-|–|—|－|~|～|〜)\s*$/;
const LIST_SEP = /^\s*(、|，|,|和|及|以及|与)?\s*$/;
const OFF_WORD = /放假|休息|休假|假期/;
const WORK_WORD = /上班|补班/;
/** A month-and-day date: what makes a line part of the schedule. */
const HAS_DATE = /\d\s*月\s*\d{1,2}\s*[日号]/;

interface Token {
  date: string;
  weekdayText: string | null;
  end: number;
  start: number;
}

type ClauseResult = { dates: { date: string; weekdayText: string | null }[] } | { error: string };

function weekdayWritten(paren: string | undefined): number | null {
  const m = paren && /(?:周|星期|礼拜)([日天一二三四五六])/.exec(paren);
  if (!m) return null;
  return m[1] === '天' ? 0 : WEEKDAY_NAMES.indexOf(m[1]);
}

/**
 * The dates a clause names, with its ranges ("2月15日至23日") expanded. Month and year carry from one date
 * to the next, as the notice writes them; a December date without a year is the year before's when its
 * range runs into January or its weekday only fits that year (the 2019 notice's 元旦 began 2018-12-30).
 */
function clauseDates(clause: string, year: number): ClauseResult {
  const tokens: Token[] = [];
  let month: number | null = null;
  let y = year;
  let yearGiven = false;
  for (const m of clause.matchAll(DATE_TOKEN)) {
    if (m[1]) {
      y = +m[1];
      yearGiven = true;
    }
    if (m[2]) month = +m[2];
    if (month === null) return { error: `“${m[0]}”没有写月份，请写成“2月15日”` };
    let ty = y;
    const written = weekdayWritten(m[4]);
    if (!m[1] && !yearGiven && month === 12) {
      const prev = isoDate(year - 1, 12, +m[3]);
      const here = isoDate(year, 12, +m[3]);
      if (written !== null && here && prev && weekday(here) !== written && weekday(prev) === written) ty = year - 1;
    }
    const date = isoDate(ty, month, +m[3]);
    if (!date) return { error: `没有“${ty === year ? '' : `${ty}年`}${month}月${m[3]}日”这一天，请检查日期` };
    tokens.push({ date, weekdayText: m[4] ?? null, start: m.index!, end: m.index! + m[0].length });
  }
  const dates: { date: string; weekdayText: string | null }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    const between = next ? clause.slice(t.end, next.start) : '';
    if (next && RANGE_SEP.test(between)) {
      let from = t.date;
      // "12月30日至1月1日" without years: the range starts in the December before.
      if (next.date < from && from.slice(5, 7) === '12' && next.date.slice(5, 7) === '01' && !yearGiven) from = `${+from.slice(0, 4) - 1}${from.slice(4)}`;
      if (next.date < from) return { error: `${shortDate(t.date, year)}至${shortDate(next.date, year)}：结束的日期早于开始的日期` };
      if (daysBetween(from, next.date).length > 31) return { error: `${shortDate(from, year)}至${shortDate(next.date, year)}超过一个月，请检查日期` };
      const days = daysBetween(from, next.date);
      days.forEach((d, k) => dates.push({ date: d, weekdayText: k === 0 ? t.weekdayText : k === days.length - 1 ? next.weekdayText : null }));
      i++;
    } else if (!next || LIST_SEP.test(between)) {
      dates.push({ date: t.date, weekdayText: t.weekdayText });
    } else {
      return { error: `看不懂“${clause.slice(t.start, next.end)}”中间的“${between.trim()}”：日期之间请用“至”（一段日期）或“、”（几个日期）` };
    }
  }
  for (const d of dates) {
    const w = weekdayWritten(d.weekdayText ?? undefined);
    if (w !== null && weekday(d.date) !== w) {
      return { error: `${shortDate(d.date, year)}是周${WEEKDAY_NAMES[weekday(d.date)]}，通知上写的是周${WEEKDAY_NAMES[w]}：请确认选的年份（${year}年）和日期` };
    }
  }
  return { dates };
}

/** "共9天" / "放假1天": the number of days the notice says a holiday lasts, if it says. */
function statedDays(sentence: string): number | null {
  const m = /(?:共|放假|休息)\s*(\d{1,2}|[一二两三四五六七八九十]{1,2})\s*天/.exec(sentence);
  if (!m) return null;
  if (/^\d+$/.test(m[1])) return +m[1];
  return m[1].length === 1 ? CN_NUMBERS[m[1]] : m[1][0] === '十' ? 10 + CN_NUMBERS[m[1][1]] : CN_NUMBERS[m[1][0]] * 10 + (CN_NUMBERS[m[1][1]] ?? 0);
}

/** What a line says: read whole, or the reason it cannot be. */
function readLine(raw: string, year: number): { name: string | null; offDays: string[]; workdays: string[] } | { error: string } | null {
  const text = fold(raw).trim();
  const title = /关于\s*(\d{4})\s*年.*节假日/.exec(text);
  if (title && +title[1] !== year) return { error: `这是 ${title[1]} 年的通知，现在录入的是 ${year} 年：请换成 ${year} 年的通知，或切换年份` };
  const tokens = [...text.matchAll(DATE_TOKEN)];
  const signed = tokens.length === 1 && !!tokens[0][1] && !OFF_WORD.test(text) && !WORK_WORD.test(text);
  // No date, or only the notice's signing date ("国务院办公厅 2026年11月12日"): not part of the schedule.
  // A day without its month beside 放假 or 上班 ("15日至23日放假") is a schedule line written short: flagged, not left aside.
  const shortDay = /\d\s*日/.test(text) && (OFF_WORD.test(text) || WORK_WORD.test(text));
  if ((!HAS_DATE.test(text) && !shortDay) || signed) return null;
  const lineSaysWork = WORK_WORD.test(text);
  const body = text.replace(/^\s*(?:[一二三四五六七八九十]+|\d+)\s*[、.．]\s*/, '').replace(/^\(\s*[一二三四五六七八九十]+\s*\)\s*/, '');
  const label = /^([^:\d]{1,12}?)\s*:\s*/.exec(body);
  const name = label ? label[1].trim() : null;
  const rest = label ? body.slice(label[0].length) : body;
  const off = new Set<string>();
  const work = new Set<string>();
  for (const sentence of rest.split(/[。；;]/)) {
    // Clauses split on "，"; a clause with dates and no word for what they are takes the next clause's word
    // ("1月26日（周日），2月8日（周六）上班").
    const clauses = sentence.split(/[，,](?![^()]*\))/);
    let pending: string[] = [];
    const offInSentence: string[] = [];
    for (const clause of clauses) {
      const plain = clause.replace(/\([^()]*\)/g, '');
      const read = clauseDates(clause, year);
      if ('error' in read) return read;
      const dates = read.dates.map((d) => d.date);
      if (read.dates.length && WORK_WORD.test(plain) && OFF_WORD.test(plain)) {
        return { error: `“${clause.trim()}”里既有“放假”又有“上班”，看不出这些日期是哪一种：请把放假和上班的日期分成两句` };
      }
      const isWork = WORK_WORD.test(plain);
      const isOff = !isWork && OFF_WORD.test(plain);
      if (!isWork && !isOff) {
        pending.push(...dates);
        continue;
      }
      const all = [...pending, ...dates];
      pending = [];
      if (all.length === 0) continue;
      for (const d of all) (isWork ? work : off).add(d);
      if (isOff) offInSentence.push(...all);
    }
    if (pending.length) {
      // A line of bare dates ("2月15日–2月23日") lists days off; beside a workday it is ambiguous.
      if (lineSaysWork) return { error: `“${sentence.trim()}”写了日期，但没写是放假还是上班：请在日期后写“放假”或“上班”` };
      for (const d of pending) off.add(d);
      offInSentence.push(...pending);
    }
    const stated = statedDays(sentence);
    const counted = new Set(offInSentence).size;
    if (stated !== null && counted > 0 && stated !== counted) {
      return { error: `“${sentence.trim()}”写的是共 ${stated} 天，但列出的放假日期是 ${counted} 天：请检查日期` };
    }
  }
  if (off.size === 0 && work.size === 0) return { error: '这一行有日期，但没读到放假或上班的日期：请写成“1月1日至3日放假”或“1月4日（周日）上班”' };
  for (const d of work) if (off.has(d)) return { error: `${shortDate(d, year)}同时写成了放假和上班，请只保留一个` };
  for (const d of work) {
    const w = weekday(d);
    if (w !== 0 && w !== 6) return { error: `${shortDate(d, year)}是周${WEEKDAY_NAMES[w]}，本来就上班，不是调休上班日：请检查日期` };
  }
  for (const d of [...off, ...work]) {
    if (!d.startsWith(`${year}-`) && !d.startsWith(`${year - 1}-12-`)) return { error: `${shortDate(d, year)}不在 ${year} 年（或上一年 12 月）之内：请检查年份` };
  }
  return { name, offDays: [...off].sort(), workdays: [...work].sort() };
}

/** Reads a pasted notice for `year`. */
export function parseHolidayNotice(year: number, text: string): ParsedNotice {
  const out: ParsedNotice = { offDays: [], workdays: [], lines: [], unreadable: [], ignored: [] };
  const off = new Set<string>();
  const work = new Set<string>();
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    const read = readLine(trimmed, year);
    if (read === null) out.ignored.push({ line, text: trimmed });
    else if ('error' in read) out.unreadable.push({ line, text: trimmed, message: read.error });
    else {
      out.lines.push({ line, text: trimmed, ...read });
      read.offDays.forEach((d) => off.add(d));
      read.workdays.forEach((d) => work.add(d));
    }
  });
  // Two lines at odds (one off, the other worked) are both suspect: neither is taken.
  for (const d of [...work].filter((x) => off.has(x))) {
    for (const l of out.lines.filter((x) => x.offDays.includes(d) || x.workdays.includes(d))) {
      out.unreadable.push({ line: l.line, text: l.text, message: `${shortDate(d, year)}在一行里是放假，在另一行里是上班，请只保留一个` });
    }
  }
  if (out.unreadable.length) {
    const bad = new Set(out.unreadable.map((p) => p.line));
    out.lines = out.lines.filter((l) => !bad.has(l.line));
    out.unreadable.sort((a, b) => a.line - b.line);
    off.clear();
    work.clear();
    out.lines.forEach((l) => {
      l.offDays.forEach((d) => off.add(d));
      l.workdays.forEach((d) => work.add(d));
    });
  }
  out.offDays = [...off].sort();
  out.workdays = [...work].sort();
  return out;
}
