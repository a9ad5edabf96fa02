/** Dates of a holiday year as staff read them: "1月1日–3日、2月5日–11日", with weekdays. */

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** 0 = Sunday … 6 = Saturday of a 'YYYY-MM-DD' (a calendar date: no time zone involved). */
export const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
export const weekdayName = (date: string) => `周${WEEKDAYS[weekdayOf(date)]}`;

/** Runs of consecutive days, in order. */
export function runs(dates: readonly string[]): string[][] {
  const out: string[][] = [];
  for (const d of [...dates].sort()) {
    const last = out[out.length - 1];
    if (last && dayNumber(d) - dayNumber(last[last.length - 1]) === 1) last.push(d);
    else out.push([d]);
  }
  return out;
}

/** "1月1日", or "2026年12月31日" outside `year`. */
export function monthDay(date: string, year: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y === year ? '' : `${y}年`}${m}月${d}日`;
}

/** "1月1日–3日（3天）、2月14日" */
export function describeDays(dates: readonly string[], year: number, withCount = true): string {
  return runs(dates)
    .map((r) => {
      if (r.length === 1) return monthDay(r[0], year);
      const [from, to] = [r[0], r[r.length - 1]];
      const sameMonth = from.slice(0, 7) === to.slice(0, 7);
      const end = sameMonth ? `${+to.slice(8)}日` : monthDay(to, year);
      return `${monthDay(from, year)}–${end}${withCount ? `（${r.length}天）` : ''}`;
    })
    .join('、');
}

/** "1月4日（周日）、2月14日（周六）": workdays are read with their weekday. */
export function describeWorkdays(dates: readonly string[], year: number): string {
  return [...dates]
    .sort()
    .map((d) => `${monthDay(d, year)}（${weekdayName(d)}）`)
    .join('、');
}

/** What saving would change: days newly off or worked, and days no longer. */
export function changesBetween(before: { offDays: readonly string[]; workdays: readonly string[] }, after: { offDays: readonly string[]; workdays: readonly string[] }) {
  const minus = (a: readonly string[], b: readonly string[]) => a.filter((d) => !b.includes(d));
  return {
    addedOff: minus(after.offDays, before.offDays),
    removedOff: minus(before.offDays, after.offDays),
    addedWork: minus(after.workdays, before.workdays),
    removedWork: minus(before.workdays, after.workdays),
  };
}
