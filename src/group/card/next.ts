/**
 * What happens next to a report, as its card tells the neighbours in the group: the level on it and
 * the deadlines, never a name (neither the resident's nor the handler's: the card is read by everyone
 * in the group, staff, police and city management among them). The report's own page tells its
 * resident more (ReportDetail.nextStep); the card has the summary only.
 */
import type { ReportSummary } from '../../core/api';
import { formatWhen } from '../../utils/time';

type Shown = Pick<ReportSummary, 'status' | 'levelLabel' | 'respondBy' | 'dueAt' | 'overdue'>;

export function cardNextStep(r: Shown, now: number = Date.now()): string {
  const by = (ts: number) => formatWhen(ts, now);
  const late = r.overdue ? '已超过办理时限，会上报到上一级。' : '';
  switch (r.status) {
    case 'submitted':
      return late || `已交给${r.levelLabel}，${by(r.respondBy)} 前响应，${by(r.dueAt)} 前办好。`;
    case 'responded':
      return late || `${r.levelLabel}正在办理，${by(r.dueAt)} 前办好。`;
    case 'transferred':
      return late || `已转交相关部门办理，${by(r.dueAt)} 前办好。`;
    case 'needs_info':
      return '办理人正在向反映的居民了解情况。';
    case 'resolved':
      return '已经办好，等反映的居民确认。';
    case 'closed':
      return '已经办结。';
    case 'rejected':
      return '这条反映没有受理。';
  }
}
