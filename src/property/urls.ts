/**
 * The property subpackage's pages (物业测评). Home's 物业测评 entry opens it by this path, so only this
 * small file is shared with the main package: it imports nothing.
 */
export const PROPERTY_PAGES = {
  /** 物业测评结果: the compound's public page (the latest flag, its figures, the months before). */
  index: '/property/index/index',
  /** 物业服务评价: this month's survey, once per household. */
  survey: '/property/survey/index',
} as const;
