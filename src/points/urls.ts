/**
 * The points subpackage's pages (积分). Home's 我的积分 entry opens it by this path, so only this small
 * file is shared with the main package: it imports nothing.
 */
export const POINTS_PAGES = {
  /** 我的积分: the balance and the ledger. */
  index: '/points/index/index',
  /** 积分超市 */
  shop: '/points/shop/index',
  /** 我的兑换 */
  orders: '/points/orders/index',
  /** 积分公示栏 */
  board: '/points/board/index',
  /** 记录服务 */
  service: '/points/service/index',
} as const;

