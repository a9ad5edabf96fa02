/**
 * The partners subpackage's pages (共建单位). 我的 opens 我的共建单位 by this path, so only this small file is
 * shared with the main package: it imports nothing, or core's partners module would ride along.
 */
export const PARTNER_PAGES = {
  index: '/partners/index/index',
  need: '/partners/need/index',
  project: '/partners/project/index',
  visit: '/partners/visit/index',
  resource: '/partners/resource/index',
} as const;

const q = encodeURIComponent;

/** A community's open need, claimed for `partnerId` (the partner the caller acts for). */
export const needUrl = (partnerId: string, needId: string) => `${PARTNER_PAGES.need}?partner=${q(partnerId)}&id=${q(needId)}`;
export const projectUrl = (id: string) => `${PARTNER_PAGES.project}?id=${q(id)}`;
export const visitUrl = (partnerId: string) => `${PARTNER_PAGES.visit}?partner=${q(partnerId)}`;
/** 提供资源 (no id) or one of the partner's resources to edit. */
export const resourceUrl = (partnerId: string, id?: string) => `${PARTNER_PAGES.resource}?partner=${q(partnerId)}${id ? `&id=${q(id)}` : ''}`;
