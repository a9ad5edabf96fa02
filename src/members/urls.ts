/**
 * The party-member pages' paths (the `members` subpackage), kept beside them: the code landing page
 * and 我的 link here.
 */
export const MEMBER_PAGES = {
  checkin: '/members/checkin/index',
  mine: '/members/mine/index',
} as const;

/** The check-in form for a member code. */
export const checkinUrl = (codeId: string) => `${MEMBER_PAGES.checkin}?code=${encodeURIComponent(codeId)}`;
