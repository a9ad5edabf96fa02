/**
 * The moments the mini-program asks a person to allow WeChat subscribe messages, and which notice
 * kinds each moment asks for. WeChat sends a subscribe message only after the person allowed that
 * template from a tap, once per allow, and shows at most 3 templates a request: so each moment asks
 * for the notices that person is waiting for right then, most wanted first. Whatever is not allowed
 * still lands in the in-app messages (消息).
 *
 * The kinds are the server's notice kinds (cloudfunctions/lib/actions/reports/notices.ts and their
 * callers, lectures/notices.ts, deliberation/notices.ts); which template serves a kind is configured once, in
 * JINLIN_SUBSCRIBE_TEMPLATES. Several kinds may share one template: the ids are asked for once.
 */

export type NoticeMoment = 'reportFiled' | 'reportTaken' | 'lectureSignUp' | 'topicVoted';

/** WeChat's limit on templates in one requestSubscribeMessage. */
export const MAX_TEMPLATES_PER_ASK = 3;

export const NOTICE_MOMENTS: readonly NoticeMoment[] = ['reportFiled', 'reportTaken', 'lectureSignUp', 'topicVoted'];

/** Most wanted first: when more than 3 templates are configured, the first 3 distinct ones are asked for. */
export const MOMENT_KINDS: Readonly<Record<NoticeMoment, readonly string[]>> = {
  // A resident who has just filed: the fix to confirm and rate, a question to answer, then news.
  reportFiled: ['report.resolved', 'report.needsInfo', 'report.responded', 'report.rejected', 'report.transferred', 'report.escalated'],
  // A handler who has taken a report: new work, a deadline close, the resident answering or disputing.
  reportTaken: ['report.assigned', 'report.warning', 'report.infoProvided', 'report.disputed', 'report.breached', 'report.extensionDecided', 'report.followed'],
  // A resident signing up: the day-before reminder, a seat from the waiting list, a cancellation.
  lectureSignUp: ['lecture.reminder', 'lecture.promoted', 'lecture.cancelled'],
  // A resident who has just voted or spoken on a topic (议事): its decision, the next topic, their opinion hidden.
  topicVoted: ['topic.decided', 'topic.opened', 'topic.opinionHidden'],
};

/**
 * The template ids a moment asks for, given kind → template id (what is configured): in the
 * moment's order, each id once, kinds without a template skipped, at most 3.
 */
export function momentTemplateIds(moment: NoticeMoment, templateOf: (kind: string) => string | undefined): string[] {
  const ids: string[] = [];
  for (const kind of MOMENT_KINDS[moment]) {
    const id = templateOf(kind);
    if (id && !ids.includes(id)) ids.push(id);
    if (ids.length === MAX_TEMPLATES_PER_ASK) break;
  }
  return ids;
}

/** Every moment's template ids: what messages.noticeTemplates answers. */
export function noticeTemplateIds(templateOf: (kind: string) => string | undefined): Record<NoticeMoment, string[]> {
  return Object.fromEntries(NOTICE_MOMENTS.map((m) => [m, momentTemplateIds(m, templateOf)])) as Record<NoticeMoment, string[]>;
}
