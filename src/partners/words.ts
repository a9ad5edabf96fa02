/**
 * How the partners pages say things: a project's status in words with an icon (never by colour alone),
 * seen from the partner's side (待社区确认 when we claimed, 待我方确认 when the community asked), what that
 * status means for us in a sentence, a milestone's day, and the days a visit may be on. One place, so the
 * list and a project's page say them alike.
 */
import type { MilestoneView, NeedView, ProjectView } from '../core/api';
import type { NeedStatus, ProjectStatus } from '../core/partners';
import { VISIT_DAYS_BACK_MAX } from '../core/partners';
import { dayKey, dayStart } from '../core/time';
import { formatDay } from '../utils/time';

export type Tone = 'ok' | 'wait' | 'open' | 'off';

const DAY = 24 * 3600_000;

const PROJECT_TONE: Record<ProjectStatus, Tone> = { proposed: 'wait', active: 'open', done: 'ok', declined: 'off', cancelled: 'off' };
const PROJECT_ICON: Record<ProjectStatus, string> = { proposed: '⏳', active: '▶', done: '✓', declined: '✕', cancelled: '✕' };

/** A project's status from our side: who it waits for, who said no. */
export function projectStatusWords(p: Pick<ProjectView, 'status' | 'statusLabel' | 'startedBy'>): string {
  if (p.status === 'proposed') return p.startedBy === 'partner' ? '待社区确认' : '待我方确认';
  if (p.status === 'declined') return p.startedBy === 'partner' ? '社区未接受' : '我方未接受';
  return p.statusLabel;
}

/** The chip of a project: "⏳ 待社区确认", "✓ 已完成", with its tone. */
export const projectChip = (p: Pick<ProjectView, 'status' | 'statusLabel' | 'startedBy'>) => ({ tone: PROJECT_TONE[p.status], label: `${PROJECT_ICON[p.status]} ${projectStatusWords(p)}` });

const NEED_TONE: Record<NeedStatus, Tone> = { open: 'open', claimed: 'wait', met: 'ok', withdrawn: 'off' };
const NEED_ICON: Record<NeedStatus, string> = { open: '☆', claimed: '⏳', met: '✓', withdrawn: '✕' };

export const needChip = (n: Pick<NeedView, 'status' | 'statusLabel'>) => ({ tone: NEED_TONE[n.status], label: `${NEED_ICON[n.status]} ${n.statusLabel}` });

/** A day key ("2026-12-20") the one way dates are written: 今天 / 昨天 / 12月20日. */
export const dayWords = (day: string, now: number = Date.now()) => formatDay(dayStart(day), now);

/** What a project's status means for us, in a sentence. */
export function projectSaying(p: ProjectView): string {
  switch (p.status) {
    case 'proposed':
      if (p.can.accept) return `${p.community.name}想请我们一起做这个项目。接受后项目开始，您是我方的负责人；不合适也可以不接受，说一下原因。`;
      return p.startedBy === 'partner' ? `已经认领，等${p.community.name}确认。确认后项目开始，会通知您。` : '等对方确认。';
    case 'active':
      return p.can.milestone ? '项目进行中。可以添加节点，做完一个点一下“完成”，社区能看到进展。做完后由社区结项。' : '项目进行中。';
    case 'done':
      return '项目已完成，社区已结项。谢谢你们！';
    case 'declined':
      return p.startedBy === 'partner' ? '社区没有接受这次认领。需求已重新开放，可以看看其他需求。' : '我方没有接受这次申请。';
    case 'cancelled':
      return '项目已取消。';
  }
}

/** "12月20日前": the day a milestone is due (the page adds "已过了日子" in words when it is late). */
export const milestoneDay = (m: Pick<MilestoneView, 'dueOn'>, now: number = Date.now()) => `${dayWords(m.dueOn, now)}前`;

/** Today, China time. */
export const today = (now: number = Date.now()) => dayKey(now);

/** The earliest day a visit may be recorded for (the server's limit, 60 days back). */
export const earliestVisitDay = (now: number = Date.now()) => dayKey(now - VISIT_DAYS_BACK_MAX * DAY);

/** Today, yesterday and the day before: one tap each. */
export const visitDaysOffered = (now: number = Date.now()) => [0, 1, 2].map((n) => dayKey(now - n * DAY));

/** A milestone's day may be any day from today to two years ahead (the picker's range). */
export const milestoneDays = (now: number = Date.now()) => ({ start: dayKey(now), end: dayKey(now + 730 * DAY) });
