/** Who hears of a change to a report: the handler, or the resident and everyone following it. */
import { LEVEL_LABEL, type Report } from '../../../../src/core';
import type { Notice } from '../../ports/notifier';

/** A notice about a report to a handler (or, `resident`, to the resident); none without a person. */
export const noticeTo = (personId: string | null, kind: string, title: string, body: string, reportId: string, resident = false): Notice[] =>
  personId ? [{ personId, kind, title, body, page: resident ? `pages/report/detail?id=${reportId}` : `handler/report/index?id=${reportId}` }] : [];

/** The resident (or whoever filed it) and every follower. */
export function residentNotices(r: Report, kind: string, title: string, body: string): Notice[] {
  const ids = new Set([r.residentId ?? r.createdBy, ...r.followers]);
  return [...ids].flatMap((id) => noticeTo(id, kind, title, body, r.id, true));
}

/** The new handler, then the resident and followers, of a report that went up a level. */
export function escalationNotices(saved: Report): Notice[] {
  return [
    ...noticeTo(saved.handlerId, 'report.assigned', `上报来的民情反映（${LEVEL_LABEL[saved.level]}）`, saved.description.slice(0, 40), saved.id),
    ...residentNotices(saved, 'report.escalated', '您的反映已上报', `已上报到${LEVEL_LABEL[saved.level]}处理`),
  ];
}
