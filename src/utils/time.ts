/**
 * Dates as people in China read them: "今天 15:00", "11月30日 15:00". Always Beijing time
 * (UTC+8), whatever the device's zone, so a deadline reads the same on every phone.
 */
const OFFSET = 8 * 3600_000;
const DAY = 24 * 3600_000;

interface Parts {
  year: number;
  month: number;
  day: number;
  time: string;
  dayNumber: number;
}

function parts(ts: number): Parts {
  const d = new Date(ts + OFFSET);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    time: `${hh}:${mm}`,
    dayNumber: Math.floor((ts + OFFSET) / DAY),
  };
}

/** "11月30日", or "2025年11月30日" in another year. */
export function formatDate(ts: number, now: number = Date.now()): string {
  const p = parts(ts);
  const md = `${p.month}月${p.day}日`;
  return p.year === parts(now).year ? md : `${p.year}年${md}`;
}

/** "11月30日 15:00" — for deadlines, where the exact day matters. */
export function formatDateTime(ts: number, now: number = Date.now()): string {
  return `${formatDate(ts, now)} ${parts(ts).time}`;
}

/** "今天 15:00", "昨天 09:12", "明天 15:00", else "11月30日 15:00" — for lists and timelines. */
export function formatWhen(ts: number, now: number = Date.now()): string {
  const p = parts(ts);
  const diff = p.dayNumber - parts(now).dayNumber;
  const word = diff === 0 ? '今天' : diff === -1 ? '昨天' : diff === 1 ? '明天' : null;
  return word ? `${word} ${p.time}` : formatDateTime(ts, now);
}
