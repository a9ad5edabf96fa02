/**
 * The lectures subpackage's pages. The main package (home's 社区讲堂 tile, 我的报名 on 我的, the code
 * landing page) opens them by these paths, so only this small file is shared with it: it imports
 * nothing, or core's lectures module (labels, rules) would ride along into the main package. The
 * detail and 我的报名 paths are the ones notices link to (LECTURE_PAGE, MY_SIGNUPS_PAGE in core; a test
 * holds them equal).
 */

export const LECTURE_PAGES = {
  list: '/lectures/list/index',
  detail: '/lectures/detail/index',
  mine: '/lectures/mine/index',
  /** Staff scan the attendee's sign-up code. */
  scan: '/lectures/scan/index',
  /** The attendee scans the venue screen's code (现场签到); a `venue` code opens it. */
  attend: '/lectures/attend/index',
} as const;

export const lectureUrl = (id: string) => `${LECTURE_PAGES.detail}?id=${encodeURIComponent(id)}`;
/** Staff's scan page, for one lecture (its title shown, other lectures' codes refused) or any. */
export const scanUrl = (lectureId?: string) => (lectureId ? `${LECTURE_PAGES.scan}?id=${encodeURIComponent(lectureId)}` : LECTURE_PAGES.scan);
