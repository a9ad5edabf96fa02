import type { ReportDetail, ReportSummary, TimelineView } from '../core/api';
import type { Status } from '../core/reports/machine';
import { formatWhen } from './time';

const OPEN: readonly Status[] = ['submitted', 'responded', 'transferred', 'needs_info'];

export const isOpenStatus = (s: Status) => OPEN.includes(s);

/** Chip colours by status; text and ground are chosen for contrast, not just for hue. */
export const STATUS_TONE: Record<Status, string> = {
  submitted: 'wait',
  responded: 'doing',
  transferred: 'moved',
  needs_info: 'ask',
  resolved: 'done',
  closed: 'closed',
  rejected: 'rejected',
};

/** The deadline that matters now: respond first, then resolve. */
export function deadlineOf(r: Pick<ReportSummary, 'status' | 'respondBy' | 'dueAt'>): { kind: '响应' | '办结'; at: number } | null {
  if (!isOpenStatus(r.status)) return null;
  if (r.status === 'submitted') return { kind: '响应', at: r.respondBy };
  return { kind: '办结', at: r.dueAt };
}

/** "请在 明天 15:00 前办结" (to the handler) or "12月1日 15:00 前办结" (to the resident). */
export function deadlineSentence(r: Pick<ReportSummary, 'status' | 'respondBy' | 'dueAt'>, audience: 'handler' | 'resident', now = Date.now()): string | null {
  const d = deadlineOf(r);
  if (!d) return null;
  const when = formatWhen(d.at, now);
  return audience === 'handler' ? `请在 ${when} 前${d.kind}` : `${when} 前${d.kind}`;
}

const RATING_LABEL = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' } as const;

/** What is asked of the handler now, in one sentence: "请在 今天 13:00 前响应，明天 17:00 前办结。" */
export function handlerNextStep(
  r: Pick<ReportDetail, 'status' | 'respondBy' | 'dueAt' | 'overdue' | 'rating' | 'rejectReason'>,
  now = Date.now(),
): string {
  const late = r.overdue ? '已超时，请尽快办理。' : '';
  switch (r.status) {
    case 'submitted':
      return `${late}请在 ${formatWhen(r.respondBy, now)} 前响应，${formatWhen(r.dueAt, now)} 前办结。`;
    case 'responded':
    case 'transferred':
      return `${late}请在 ${formatWhen(r.dueAt, now)} 前办结。`;
    case 'needs_info':
      return '已请居民补充情况，居民回复后继续办理。';
    case 'resolved':
      return '已办结，等居民确认和评价。';
    case 'closed':
      return r.rating ? `已关闭，居民评价：${RATING_LABEL[r.rating]}。` : '已关闭。';
    case 'rejected':
      return `已不予受理：${r.rejectReason ?? ''}`;
  }
}

/** Newest first, whatever order the server sent. */
export function newestFirst(entries: TimelineView[]): TimelineView[] {
  return [...entries].sort((a, b) => b.at - a.at);
}

/**
 * The timeline as a person reads it: newest first, and a breach that the timer escalated in the
 * same moment shown once, as the escalation ("上报到小区: 超过楼栋办理时限，自动上报"), not as
 * two entries saying the same thing. A breach with no escalation (at the street) stays.
 */
export function timelineForPeople(entries: TimelineView[]): TimelineView[] {
  const escalatedAt = new Set(entries.filter((e) => e.type === 'escalate').map((e) => e.at));
  return newestFirst(entries.filter((e) => !(e.type === 'breach' && escalatedAt.has(e.at))));
}

/** The handler's latest question, for the resident's answer box. */
export function latestQuestion(r: Pick<ReportDetail, 'timeline'>): string | null {
  const asked = newestFirst(r.timeline).find((e) => e.type === 'requestInfo');
  return asked?.note ?? null;
}

export const DESCRIPTION_MIN = 5;
export const DESCRIPTION_MAX = 500;

/** The description's check, in the words the person reads under the box. */
export function checkDescription(text: string): string | null {
  const n = text.trim().length;
  if (n === 0) return '请说说遇到了什么问题';
  if (n < DESCRIPTION_MIN) return `请多写几个字，至少 ${DESCRIPTION_MIN} 个字`;
  if (n > DESCRIPTION_MAX) return `最多 ${DESCRIPTION_MAX} 个字`;
  return null;
}

/** A short note a handler must write (reason, result): at least 2 characters. */
export function checkNote(text: string, what: string, max = 500): string | null {
  const n = text.trim().length;
  if (n === 0) return `请填写${what}`;
  if (n > max) return `${what}最多 ${max} 个字`;
  return null;
}

/** Shown when someone else changed the report between reading and acting; the page reloads. */
export const CONFLICT_MESSAGE = '内容已被其他人修改，已为您刷新，请再看一下';
