/**
 * The wishes subpackage's pages (微心愿). Home's tile opens the list by this path, so only this small
 * file is shared with the main package: it imports nothing, or core's wishes module would ride along.
 */
export const WISH_PAGES = {
  index: '/wishes/index/index',
  post: '/wishes/post/index',
  mine: '/wishes/mine/index',
  detail: '/wishes/detail/index',
} as const;

export const wishUrl = (id: string) => `${WISH_PAGES.detail}?id=${encodeURIComponent(id)}`;
/** 我的心愿 on one of its tabs: what the person posted, or what they claimed. */
export const mineUrl = (tab: 'posted' | 'claimed') => `${WISH_PAGES.mine}?tab=${tab}`;
