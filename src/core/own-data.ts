/**
 * A person's own data (我的信息, PIPL arts. 44–47): what Jinlin keeps about them, by kind, and who
 * besides them can see each kind. The table of aggregates below says, for every aggregate of the
 * store, which kind shows what it holds about a person, or why it shows nothing: a new aggregate is
 * refused by its test until someone decides (tests/core/own-data.test.ts).
 */

export const OWN_DATA_KINDS = ['account', 'households', 'reports', 'registrations', 'checkins', 'signups', 'pairings', 'points', 'services', 'orders', 'wishes', 'deliberation', 'partners', 'codes', 'messages'] as const;
export type OwnDataKind = (typeof OWN_DATA_KINDS)[number];

export interface OwnDataKindInfo {
  /** What the person reads as the kind's heading. */
  label: string;
  /** Who besides the person can see it: what 我的信息 says under the heading. */
  seenBy: string;
}

export const OWN_DATA_KIND_INFO: Record<OwnDataKind, OwnDataKindInfo> = {
  account: {
    label: '账号',
    seenBy: '您本人；您住的楼栋的楼栋长、小区和社区、街道的工作人员（可以看到您的姓名和电话，以便联系您）',
  },
  households: {
    label: '住户和身份',
    seenBy: '您本人；您所在楼栋、小区、社区和街道的工作人员',
  },
  reports: {
    label: '我的反映',
    seenBy: '您本人和逐级办理的人（楼栋长、小区、社区、街道）；回音壁只公开内容，不公开您的姓名和电话',
  },
  registrations: {
    label: '登记申请',
    seenBy: '您本人；审核登记的楼栋长和小区、社区、街道的工作人员',
  },
  checkins: {
    label: '党员报到',
    seenBy: '您本人；报到的党支部书记和社区、街道的工作人员（花名册）',
  },
  signups: {
    label: '讲堂报名',
    seenBy: '您本人；组织讲堂的社区工作人员（报名名单）',
  },
  pairings: {
    label: '联户结对',
    seenBy: '您本人；网格长和社区工作人员；结对的住户知道您是联系他们的党员',
  },
  points: {
    label: '积分',
    seenBy: '您本人；社区工作人员（积分台账）；您同意后，积分公示栏上的小区居民能看到您的姓名和积分',
  },
  services: {
    label: '服务记录',
    seenBy: '您本人；确认服务记录的社区工作人员',
  },
  orders: {
    label: '积分兑换',
    seenBy: '您本人；管理积分超市的社区工作人员',
  },
  wishes: {
    label: '微心愿',
    seenBy: '您本人；审核心愿的社区工作人员；认领心愿的党员、志愿者（认领后才看到联系方式，您同意时才看到您的手机号）；其他人只看到心愿内容，看不到姓名、电话和门牌',
  },
  deliberation: {
    label: '议事',
    seenBy:
      '您本人；议题所在楼栋、小区的居民和工作人员能看到您发表的意见（姓名只显示一半）；投票只有您家里的人能看到投了哪一项、是谁投的，其他任何人只看到票数',
  },
  partners: {
    label: '共建单位',
    seenBy: '您本人；共建社区的工作人员（共建单位的在职党员名单、项目负责人和走访记录）；同一家共建单位的联络人和在职党员',
  },
  codes: {
    label: '个人码',
    seenBy: '您本人和为您打印个人码的工作人员',
  },
  messages: {
    label: '消息',
    seenBy: '只有您本人',
  },
};

/**
 * The aggregates of the store (cloudfunctions/lib/store/port: the Store's repositories). Core names
 * them as strings so this table can be checked against a real store without importing it.
 */
export type OwnDataSource =
  /** Shown to the person under these kinds. */
  | { shown: readonly OwnDataKind[] }
  /** Holds something about a person that 我的信息 does not show, and why. */
  | { notShown: string }
  /** Holds nothing about a resident (a person's id at most, with no detail). */
  | { none: string };

export const OWN_DATA_SOURCES: Record<string, OwnDataSource> = {
  units: { none: 'the tree of places; no person in it' },
  people: { shown: ['account'] },
  bindings: { shown: ['households'] },
  sessions: { notShown: 'hashed sign-in tokens and their expiry only; leaving revokes them all' },
  audit: { notShown: "staff's record of what was done, by person id; kept for accountability, written without personal data on leaving" },
  messages: { shown: ['messages'] },
  reports: { shown: ['reports'] },
  reportQueries: { shown: ['reports'] },
  meta: { none: 'schema and seed bookkeeping' },
  imports: { none: 'writes people and bindings at once (shown as account and households); keeps nothing of its own' },
  importJobs: { notShown: "rows of a resident list staff uploaded, kept while the import runs; the people it made are shown as accounts" },
  holidays: { none: "each street's working-day calendar" },
  codes: { shown: ['codes'] },
  rateLimits: { notShown: 'counters of tries per person id or address, forgotten within a day' },
  registrations: { shown: ['registrations'] },
  subscribeSends: { none: 'counts of sent WeChat notices per day and template' },
  noticeFanouts: { none: 'a notice waiting to be sent to many people (shown as messages once sent) and the ids of those to tell, no detail; removed a week after the last is told' },
  checkins: { shown: ['checkins'] },
  pairings: { shown: ['pairings'] },
  lectures: { shown: ['signups'] },
  speakers: { notShown: "community staff's pool of speakers, who are not accounts" },
  apiKeys: { none: "partners' interface keys" },
  points: { shown: ['points'] },
  serviceRecords: { shown: ['services'] },
  shop: { shown: ['orders'] },
  wishes: { shown: ['wishes'] },
  propertyCompanies: { none: 'property companies and the compounds they serve; their managers are bindings' },
  topics: { shown: ['deliberation'] },
  votes: { shown: ['deliberation'] },
  partners: { shown: ['partners'] },
  needs: { none: "the community's needs, by the staff member who posted them; staff are not residents" },
  projects: { shown: ['partners'] },
  partnerVisits: { shown: ['partners'] },
  compoundRules: { none: "each compound's rules (公约) by version, with the staff member or topic that adopted it" },
  assessments: {
    notShown: "survey answers, one per household and month, by person id only so a household answers once; counted without names in the month's figures",
  },
};

/** How many copies of their data a person may take in a window: enough to retry, too few to hammer the store. */
export const OWN_DATA_COPY_LIMIT = { perWindow: 3, windowMs: 3600_000 } as const;

/** How long the link to a copy sent to the in-app messages works. */
export const OWN_DATA_COPY_TTL_MS = 24 * 3600_000;

/** At most this many of a person's reports (and as many of each other list) go in: more says `truncated`. */
export const OWN_DATA_MAX_ITEMS = 1000;

/** 我的信息's two switches: what each means, in words a resident reads beside it. */
export const CONSENT_INFO = {
  board: {
    label: '在积分公示栏上显示我的姓名',
    explain: '公示栏挂在小区里，列出大家的积分。同意后，您的姓名和积分会出现在上面，小区里的人都能看到；不同意，公示栏上就没有您。',
  },
  photos: {
    label: '让邻居看到我反映时拍的照片',
    explain: '同意后，关注同一件事的邻居能看到您反映时拍的照片；不同意，只有您本人和办理的楼栋长、物业、社区工作人员能看到。',
  },
} as const;

/** What a neighbour reads where the photos of a report would be, when its resident chose not to show them. */
export const PHOTOS_WITHHELD = '反映人选择不向其他人展示照片';
