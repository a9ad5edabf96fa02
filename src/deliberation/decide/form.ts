/**
 * 记录决定's model and checks, in the words of the deliberation function's decide (schemas and decide.ts):
 * how it was decided, the option adopted (or none of them), the decision, the minutes, the meeting's day
 * (today or before) and who attended; the input it sends on the version read; the box a refusal names.
 */
import type { TopicView } from '../../core/api';
import type { DecidedBy } from '../../core/deliberation';
import { dayKey } from '../../core/time';

export const TEXT_MAX = 1000;
export const MINUTES_MAX = 5000;
export const ATTENDEES_MAX = 200;
/** How far back a meeting's day may be picked. */
const BACK_DAYS = 180;
const DAY = 24 * 3600_000;
/** The choice "不采纳任何选项": sent as no option. */
export const NONE = 'none';

export interface DecisionForm {
  decidedBy: DecidedBy | null;
  /** An option's id, NONE, or null while not picked. */
  optionId: string | null;
  text: string;
  minutes: string;
  meetingDay: string;
  attendees: string;
}

export type Field = 'decidedBy' | 'optionId' | 'text' | 'minutes' | 'meetingDay' | 'attendees';
export type Problems = Partial<Record<Field, string>>;

export const meetingRange = (now: number = Date.now()) => ({ start: dayKey(now - BACK_DAYS * DAY), end: dayKey(now) });

/** The option most households chose, when one did; null on a tie or no votes. */
export function leadingOption(t: Pick<TopicView, 'options'>): string | null {
  const top = Math.max(0, ...t.options.map((o) => o.count ?? 0));
  const leaders = t.options.filter((o) => (o.count ?? 0) === top);
  return top > 0 && leaders.length === 1 ? leaders[0].id : null;
}

/** By the vote, adopting the leading option, decided today: what a vote's topic most often records. */
export function firstForm(t: Pick<TopicView, 'hasVote' | 'options'>, now: number = Date.now()): DecisionForm {
  return { decidedBy: t.hasVote ? 'vote' : null, optionId: t.hasVote ? leadingOption(t) : null, text: '', minutes: '', meetingDay: dayKey(now), attendees: '' };
}

export function checkDecision(f: DecisionForm, hasVote: boolean, range: { start: string; end: string }): Problems {
  const out: Problems = {};
  if (!f.decidedBy) out.decidedBy = '请选择怎么决定的';
  else if (f.decidedBy === 'vote' && !hasVote) out.decidedBy = '这个议题没有投票：请选择在什么会议上决定的';
  if (hasVote && !f.optionId) out.optionId = '请选择采纳哪一项；都不采纳，请选“不采纳任何选项”';
  const text = f.text.trim();
  if (!text) out.text = '请写决定的内容：要做什么，什么时候做';
  else if (text.length > TEXT_MAX) out.text = `决定内容最多 ${TEXT_MAX} 个字`;
  const minutes = f.minutes.trim();
  if (!minutes) out.minutes = '请写会议纪要：在哪里开的会，大家说了什么，怎么定的';
  else if (minutes.length > MINUTES_MAX) out.minutes = `会议纪要最多 ${MINUTES_MAX} 个字`;
  if (!f.meetingDay || f.meetingDay > range.end) out.meetingDay = '请选今天或以前开会的那一天';
  else if (f.meetingDay < range.start) out.meetingDay = '会议日期太早了：请选半年以内的日子';
  const attendees = f.attendees.trim();
  if (!attendees) out.attendees = '请写参会人员，如“社区、业委会、物业、居民代表 12 人”';
  else if (attendees.length > ATTENDEES_MAX) out.attendees = `参会人员最多 ${ATTENDEES_MAX} 个字`;
  return out;
}

export function inputOf(t: Pick<TopicView, 'id' | 'version'>, f: DecisionForm) {
  return {
    id: t.id,
    version: t.version,
    decidedBy: f.decidedBy!,
    optionId: f.optionId && f.optionId !== NONE ? f.optionId : null,
    text: f.text.trim(),
    minutes: f.minutes.trim(),
    meetingDay: f.meetingDay,
    attendees: f.attendees.trim(),
  };
}

const FIELDS: readonly Field[] = ['decidedBy', 'optionId', 'text', 'minutes', 'meetingDay', 'attendees'];

export function fieldOf(field: string | undefined): Field | null {
  return field && (FIELDS as readonly string[]).includes(field) ? (field as Field) : null;
}
