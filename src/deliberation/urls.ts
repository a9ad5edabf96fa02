/**
 * The deliberation subpackage's pages (小区议事). Home's tile and the code landing page open them by
 * these paths, so only this small file is shared with the main package: it imports nothing (core's
 * deliberation module would ride along). The topic page is core's TOPIC_PAGE, the page notices open.
 */
export const DELIBERATION_PAGES = {
  /** 小区议事: the topics of the caller's buildings, compound and community, open ones first. */
  index: '/deliberation/index/index',
  /** A topic (`?id=`): background, the vote, opinions, the decision and minutes. */
  topic: '/deliberation/topic/index',
  /** A compound's 公约 (`?compound=`, else the caller's own): the current text and every version. */
  rules: '/deliberation/rules/index',
  /** A compound's public page from its public code (`?code=`): decided topics and the current 公约. */
  public: '/deliberation/public/index',
  /** 发起议题: a building lead or branch secretary opens a topic (shown when `mine` says canOpen). */
  open: '/deliberation/open/index',
  /** 记录决定 (`?id=`): the opener or branch secretary records the decision (shown when the topic's can.decide). */
  decide: '/deliberation/decide/index',
} as const;

export const topicUrl = (id: string) => `${DELIBERATION_PAGES.topic}?id=${encodeURIComponent(id)}`;
export const rulesUrl = (compoundId?: string) => (compoundId ? `${DELIBERATION_PAGES.rules}?compound=${encodeURIComponent(compoundId)}` : DELIBERATION_PAGES.rules);
export const publicUrl = (codeId: string) => `${DELIBERATION_PAGES.public}?code=${encodeURIComponent(codeId)}`;
export const decideUrl = (id: string) => `${DELIBERATION_PAGES.decide}?id=${encodeURIComponent(id)}`;
