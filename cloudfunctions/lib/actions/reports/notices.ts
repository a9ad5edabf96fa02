/** Who hears of a change to a report: the handler, or the resident and everyone following it, each in their own words. */
import { LEVEL_LABEL, type Report } from '../../../../src/core';
import type { Notice } from '../../ports/notifier';

/** A notice about a report to a handler (or, `resident`, to the resident); none without a person. */
export const noticeTo = (personId: string | null, kind: string, title: string, body: string, reportId: string, resident = false): Notice[] =>
  personId ? [{ personId, kind, title, body, page: resident ? `pages/report/detail?id=${reportId}` : `handler/report/index?id=${reportId}` }] : [];

/** What a notice says: its title and a line of text. */
export interface Wording {
  title: string;
  body: string;
}

/**
 * The resident (or whoever filed it), and every follower in words of their own: a follower is told
 * how the report moves, never what a handler asks the resident (`followers` null: they are not told).
 */
export function residentNotices(r: Report, kind: string, resident: Wording, followers: Wording | null): Notice[] {
  const to = r.residentId ?? r.createdBy;
  return [
    ...noticeTo(to, kind, resident.title, resident.body, r.id, true),
    ...(followers ? r.followers.filter((id) => id !== to).flatMap((id) => noticeTo(id, kind, followers.title, followers.body, r.id, true)) : []),
  ];
}

/** The new handler, then the resident and followers, of a report that went up a level. */
export function escalationNotices(saved: Report): Notice[] {
  const body = `已上报到${LEVEL_LABEL[saved.level]}处理`;
  return [
    ...noticeTo(saved.handlerId, 'report.assigned', `上报来的民情反映（${LEVEL_LABEL[saved.level]}）`, saved.description.slice(0, 40), saved.id),
    ...residentNotices(saved, 'report.escalated', { title: '您的反映已上报', body }, { title: '您关注的反映已上报', body }),
  ];
}
