/**
 * How the lectures pages say things: the seats left, one's own sign-up, when and who. One place, so
 * the list, the lecture's page and 我的报名 say them alike.
 */
import type { LectureCard, LectureSummary, MySignup, SpeakerCard } from '../core/api';
import { formatChina } from '../core/time';
import { formatWhen } from '../utils/time';

export type Tone = 'ok' | 'wait' | 'off' | 'bad';

/** "今天 15:00–16:30", "12月3日 09:30–11:00". */
export function whenLine(l: Pick<LectureSummary, 'startsAt' | 'endsAt'>, now: number = Date.now()): string {
  return `${formatWhen(l.startsAt, now)}–${formatChina(l.endsAt, 'HH:mm')}`;
}

/** "王教授 · 主任医师 · 市第一医院". */
export function speakerLine(s: SpeakerCard | null): string | null {
  return s ? [s.name, s.title, s.affiliation].filter(Boolean).join(' · ') : null;
}

/** "本人" or "本人和 2 位同行". */
export const partyLabel = (companions: number) => (companions > 0 ? `本人和 ${companions} 位同行` : '本人');

/** Whether a sign-up now would get a seat: seats free for the whole party and nobody waiting ahead (the store's rule). */
export const seatFor = (l: Pick<LectureCard, 'seatsLeft' | 'waiting'>, companions: number) => l.waiting === 0 && l.seatsLeft >= 1 + companions;

/** The seats as a list shows them: how many are left, or full and how many wait. */
export function seatsLine(l: Pick<LectureCard, 'capacity' | 'seatsLeft' | 'waiting'>): string {
  if (l.seatsLeft > 0 && l.waiting === 0) return `还剩 ${l.seatsLeft} 个座位（共 ${l.capacity} 个）`;
  if (l.seatsLeft > 0) return `还剩 ${l.seatsLeft} 个座位，${l.waiting} 人在候补`;
  return l.waiting > 0 ? `座位已满，${l.waiting} 人在候补，可以排队候补` : '座位已满，可以排队候补';
}

/** When sign-ups are taken, if not now. */
export function windowLine(l: Pick<LectureCard, 'signupOpen' | 'signupFrom' | 'signupUntil'>, now: number = Date.now()): string | null {
  if (l.signupOpen) return null;
  return now < l.signupFrom ? `${formatWhen(l.signupFrom, now)} 开始报名` : '报名已截止';
}

/** One's sign-up in a word or two, with an icon: ✓ 已报名, ⏳ 候补第 2 位, ✓ 已签到. */
export function mineChip(m: MySignup): { tone: Tone; label: string } {
  if (m.attendedAt !== null) return { tone: 'ok', label: '✓ 已签到' };
  if (m.status === 'confirmed') return { tone: 'ok', label: m.promotedAt !== null ? '✓ 已报名（候补成功）' : '✓ 已报名' };
  if (m.status === 'waiting') return { tone: 'wait', label: m.place !== null ? `⏳ 候补第 ${m.place} 位` : '⏳ 候补中' };
  return { tone: 'off', label: '已取消' };
}
