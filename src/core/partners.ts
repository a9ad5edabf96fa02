/**
 * Partner organisations (共建单位) and the community's three lists: resources partners offer (资源清单),
 * needs the community posts (需求清单), and projects that match one with the other (项目清单), claimed
 * from either side (双向认领): a partner claims a need, or the community asks a partner for a resource;
 * the other side accepts. Each partner names a contact who visits (上门走访—了解诉求—解决问题—及时反馈);
 * its in-service members who checked in are linked to it. 黄金社区's "1+N", 联邦新城's three lists,
 * 雨花区's 双向认领 alliance.
 *
 * Statuses change through the tables below only (style rule 4); a need has one claimer under any
 * concurrency (the store's claim).
 */

export const PARTNER_KINDS = ['agency', 'enterprise', 'hospital', 'school', 'social_org'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const PARTNER_KIND_LABEL: Record<PartnerKind, string> = {
  agency: '机关单位',
  enterprise: '企业',
  hospital: '医院',
  school: '学校',
  social_org: '社会组织',
};

export const RESOURCE_KINDS = ['room', 'expert', 'volunteers', 'funds', 'equipment', 'other'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const RESOURCE_KIND_LABEL: Record<ResourceKind, string> = {
  room: '场地',
  expert: '专家',
  volunteers: '志愿者',
  funds: '资金',
  equipment: '设备物资',
  other: '其他',
};

/** The contact person of a partner (联络人): who visits and who answers for it. */
export interface PartnerContact {
  name: string;
  phone: string;
  /** The contact as a person in Jinlin (they act for the partner in the mini-program); null until linked. */
  personId: string | null;
}

/** 共建协议: when it was signed and what it says. */
export interface PartnerAgreement {
  /** China day signed ("2026-03-01"). */
  signedOn: string;
  /** The agreement's terms, in short. */
  terms: string;
  /** Until when; null for no end. */
  until: string | null;
}

export interface Partner {
  id: string;
  name: string;
  kind: PartnerKind;
  address: string;
  contact: PartnerContact;
  /** The communities it partners with (each community's staff manage it for their community). */
  communityIds: string[];
  agreement: PartnerAgreement;
  archived: boolean;
  createdBy: string;
  /** The page's request id: a retried create is one partner. */
  clientRequestId: string;
  createdAt: number;
  updatedAt: number;
  version: number;
}

/** An in-service member linked to a partner (their workplace): counted per organisation. One partner per person. */
export interface PartnerMember {
  partnerId: string;
  personId: string;
  /** The approved check-in that makes them a member (memberType in_service). */
  checkinId: string;
  linkedBy: string;
  linkedAt: number;
}

export const RESOURCE_STATUSES = ['offered', 'withdrawn'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

/** A resource a partner offers its communities (资源): "251 平方米活动室，周一至周五". */
export interface Resource {
  id: string;
  partnerId: string;
  kind: ResourceKind;
  title: string;
  description: string;
  /** How much: "251 平方米", "每月 20 人次", "2 万元". */
  amount: string;
  /** When: "工作日 9:00–17:00", "至 2027 年 6 月". */
  availability: string;
  status: ResourceStatus;
  createdBy: string;
  clientRequestId: string;
  createdAt: number;
  updatedAt: number;
  version: number;
}

export const NEED_SOURCES = ['typed', 'report', 'topic', 'visit'] as const;
export type NeedSource = (typeof NEED_SOURCES)[number];

export const NEED_SOURCE_LABEL: Record<NeedSource, string> = {
  typed: '社区录入',
  report: '来自民情反映',
  topic: '来自议事',
  visit: '来自走访',
};

export const NEED_STATUSES = ['open', 'claimed', 'met', 'withdrawn'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

export const NEED_STATUS_LABEL: Record<NeedStatus, string> = {
  open: '待认领',
  claimed: '已认领',
  met: '已满足',
  withdrawn: '已撤回',
};

export const NEED_EVENTS = ['claim', 'release', 'meet', 'withdraw'] as const;
export type NeedEvent = (typeof NEED_EVENTS)[number];

/** (status, event) → status. `release`: the project for it was declined or cancelled, so the need is open again. */
export const NEED_TRANSITIONS: Readonly<Record<NeedStatus, Partial<Record<NeedEvent, NeedStatus>>>> = {
  open: { claim: 'claimed', withdraw: 'withdrawn' },
  claimed: { release: 'open', meet: 'met' },
  met: {},
  withdrawn: {},
};

export function needTransition(status: NeedStatus, event: NeedEvent): NeedStatus | null {
  return NEED_TRANSITIONS[status][event] ?? null;
}

/** A need the community posts (需求): for the community, a compound or a building. */
export interface Need {
  id: string;
  communityId: string;
  unitId: string;
  unitPath: string;
  kind: ResourceKind;
  title: string;
  description: string;
  source: NeedSource;
  /** The report, topic or partner visit it came from; null when typed. */
  sourceId: string | null;
  status: NeedStatus;
  /** The partner whose project is taking care of it, and that project; null while open. */
  partnerId: string | null;
  projectId: string | null;
  postedBy: string;
  clientRequestId: string;
  createdAt: number;
  updatedAt: number;
  version: number;
}

export const PROJECT_STATUSES = ['proposed', 'active', 'done', 'declined', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_STATUS_LABEL: Record<ProjectStatus, string> = {
  proposed: '待对方确认',
  active: '进行中',
  done: '已完成',
  declined: '对方未接受',
  cancelled: '已取消',
};

export const PROJECT_EVENTS = ['accept', 'decline', 'close', 'cancel'] as const;
export type ProjectEvent = (typeof PROJECT_EVENTS)[number];

export const PROJECT_TRANSITIONS: Readonly<Record<ProjectStatus, Partial<Record<ProjectEvent, ProjectStatus>>>> = {
  proposed: { accept: 'active', decline: 'declined', cancel: 'cancelled' },
  active: { close: 'done', cancel: 'cancelled' },
  done: {},
  declined: {},
  cancelled: {},
};

export function projectTransition(status: ProjectStatus, event: ProjectEvent): ProjectStatus | null {
  return PROJECT_TRANSITIONS[status][event] ?? null;
}

/** Which side started it: a partner claimed a need, or the community asked for a resource. The other side accepts. */
export type ProjectSide = 'partner' | 'community';

export interface Milestone {
  id: string;
  title: string;
  /** China day it is due. */
  dueOn: string;
  doneAt: number | null;
  doneBy: string | null;
}

export interface ProjectResult {
  text: string;
  /** Photo paths as stored. */
  photos: string[];
}

/** A project (项目): a need met with a partner's resource or work, owned by a person on each side. */
export interface Project {
  id: string;
  communityId: string;
  partnerId: string;
  needId: string | null;
  resourceId: string | null;
  title: string;
  startedBy: ProjectSide;
  /** What the side that started it wrote with the claim or the ask (认领说明); null when nothing. */
  note: string | null;
  status: ProjectStatus;
  /** The owner on the community's side (staff) and on the partner's (its contact or a linked member). */
  communityOwnerId: string | null;
  partnerOwnerId: string | null;
  milestones: Milestone[];
  /** What came of it, written when the community closes it. */
  result: ProjectResult | null;
  /** Why it was declined or cancelled. */
  reason: string | null;
  proposedBy: string;
  decidedBy: string | null;
  decidedAt: number | null;
  closedBy: string | null;
  closedAt: number | null;
  clientRequestId: string;
  createdAt: number;
  updatedAt: number;
  version: number;
}

/** A contact's visit to a community (走访): whom they met and what was raised; a raised problem can become a need or a report. */
export interface PartnerVisit {
  id: string;
  partnerId: string;
  communityId: string;
  /** China day of the visit. */
  day: string;
  /** 见了谁: "社区书记、3 号楼楼栋长". */
  met: string;
  /** 反映的问题 / 诉求. */
  raised: string;
  /** 怎么反馈的 (optional). */
  feedback: string;
  /** What it became: a need posted from it, or a report filed for it. */
  needId: string | null;
  reportId: string | null;
  by: string;
  clientRequestId: string;
  createdAt: number;
}

export const PROJECT_PHOTOS_MAX = 9;
export const MILESTONES_MAX = 12;
/** Visits are recorded for the last 60 days at most, never ahead. */
export const VISIT_DAYS_BACK_MAX = 60;

/** The mini-program pages notices open (the partners subpackage). */
export const PROJECT_PAGE = 'partners/project/index';
export const projectPage = (id: string) => `${PROJECT_PAGE}?id=${encodeURIComponent(id)}`;
