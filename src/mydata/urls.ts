/**
 * The mydata subpackage's pages (我的信息). 我的 opens it by this path, so only this small file is
 * shared with the main package: it imports nothing.
 */
export const MYDATA_PAGES = {
  index: '/mydata/index/index',
  correct: '/mydata/correct/index',
  leave: '/mydata/leave/index',
} as const;
