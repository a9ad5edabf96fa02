/**
 * Points for service (积分): members and volunteers earn them by attending lectures, by service the
 * community confirms, by fulfilling micro-wishes and by visiting the households they are paired with;
 * staff grant them, and correct mistakes. 灌坝社区 scores its 小家 members "月打分、季积分、年评比" and
 * the points buy daily goods in a 积分超市 (shop.ts).
 *
 * The ledger is append-only: a correction is a new entry with a reason, never an edit. Each source
 * grants once: an entry's id is its source's key (`lecture:<signupId>`, `service:<recordId>`, …), so
 * granting the same source twice — a retried request, a timer run twice — writes one entry. A
 * person's balance never goes below zero: an entry that would take it there is refused with the
 * balance shown (the store checks and writes in one atomic step).
 */
import type { Role } from './roles';

/** Where an entry comes from; each kind's key names one thing that grants (or spends) once. */
export const POINTS_SOURCE_KINDS = ['lecture', 'service', 'wish', 'visit', 'grant', 'correction', 'redemption', 'refund'] as const;
export type PointsSourceKind = (typeof POINTS_SOURCE_KINDS)[number];

export const POINTS_SOURCE_LABEL: Record<PointsSourceKind, string> = {
  lecture: '参加讲座',
  service: '志愿服务',
  wish: '实现微心愿',
  visit: '联户走访',
  grant: '社区奖励',
  correction: '更正',
  redemption: '积分兑换',
  refund: '兑换取消退回',
};

/** The kinds that count on the board (公示栏): what was earned, less corrections; spending does not lower a ranking. */
export const BOARD_KINDS: readonly PointsSourceKind[] = ['lecture', 'service', 'wish', 'visit', 'grant', 'correction'];

/** Who earns points: people holding one of these roles in the community (a resident attending a lecture earns none). */
export const EARNS_POINTS: readonly Role[] = ['member', 'volunteer'];

/** The kinds a community's rules set: how many points each grants, and whether it counts at all. */
export const EARNING_KINDS = ['lecture', 'service', 'wish', 'visit'] as const;
export type EarningKind = (typeof EARNING_KINDS)[number];

export interface EarningRule {
  /** False: this kind grants nothing in this community. */
  counts: boolean;
  /** Points per lecture, per wish, per visit; per hour for service. */
  points: number;
  /** The most one activity grants (a service record of many hours); 0 = no cap. */
  max: number;
}

/** A community's rules (meta `pointsRules:<communityId>`, versioned); staff edit them on the management page. */
export type PointsRules = Record<EarningKind, EarningRule>;

export const DEFAULT_POINTS_RULES: PointsRules = {
  lecture: { counts: true, points: 2, max: 0 },
  service: { counts: true, points: 1, max: 8 },
  wish: { counts: true, points: 5, max: 0 },
  visit: { counts: true, points: 1, max: 0 },
};

/** Bounds of one rule and of one grant or correction, so a slip of the keyboard cannot mint thousands. */
export const RULE_POINTS_MAX = 100;
export const GRANT_POINTS_MAX = 1000;

/** The points an activity grants under a community's rules: 0 when the kind does not count. */
export function pointsFor(rules: PointsRules, kind: EarningKind, minutes?: number): number {
  const rule = rules[kind];
  if (!rule.counts || rule.points <= 0) return 0;
  // Service is paid per hour, rounded down to whole points: 90 minutes at 1 point an hour is 1.5 → 1.
  const raw = kind === 'service' ? Math.floor(((minutes ?? 0) / 60) * rule.points) : rule.points;
  return rule.max > 0 ? Math.min(raw, rule.max) : raw;
}

/** The key that makes a source grant once: also the entry's id. */
export function pointsKey(kind: PointsSourceKind, sourceId: string): string {
  return `${kind}:${sourceId}`;
}

/** One line of the ledger. */
export interface PointsEntry {
  /** pointsKey(source.kind, source.id): one entry per source, whoever writes it and however often. */
  id: string;
  personId: string;
  communityId: string;
  /** The path of the unit the person earned it in (their compound, grid or the community): the board ranks by compound prefix. */
  unitPath: string;
  /** Whole points: positive earns, negative spends or corrects. Never 0. */
  points: number;
  /** Why, in words a person reads on their ledger: "参加讲座《防范电信诈骗》". */
  reason: string;
  source: { kind: PointsSourceKind; id: string };
  /** Who granted it (staff, the confirming person); null for what the system grants by itself (the timer). */
  grantedBy: string | null;
  at: number;
  /** The person's balance once this entry is counted (the store sets it). */
  balanceAfter: number;
}

/** A service record (服务记录): a member or volunteer records what they did; the community confirms it and the points follow. */
export const SERVICE_RECORD_STATUSES = ['pending', 'confirmed', 'rejected'] as const;
export type ServiceRecordStatus = (typeof SERVICE_RECORD_STATUSES)[number];
export const SERVICE_RECORD_STATUS_LABEL: Record<ServiceRecordStatus, string> = { pending: '待确认', confirmed: '已确认', rejected: '未通过' };

/** A record is at most this long (a day's service); longer is two records. */
export const SERVICE_MINUTES_MAX = 12 * 60;

export interface ServiceRecord {
  id: string;
  personId: string;
  communityId: string;
  /** The unit the person serves in (as PointsEntry.unitPath): staff lists are by subtree. */
  unitPath: string;
  /** 做了什么: "陪独居老人去医院复诊". */
  what: string;
  /** China date: "2026-11-23". */
  date: string;
  minutes: number;
  /** 为谁服务: "3号楼独居老人"; null when for the community at large. */
  forWhom: string | null;
  status: ServiceRecordStatus;
  /** The points its confirmation granted (the rules of that day); null until confirmed. */
  points: number | null;
  decidedBy: string | null;
  decidedAt: number | null;
  rejectReason: string | null;
  /** The page's request id: a retried record is written once. */
  clientRequestId: string;
  createdAt: number;
  version: number;
}
