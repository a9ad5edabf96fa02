/**
 * Party-member check-in (党员报到): a party member scans a `member` code at their compound's check-in
 * point (or the community's, for 直管 members, whose party relationship is with the community itself)
 * and says who they are as a member: their type, the branch that holds their party relationship, where
 * they work, what they can do and when, and their household if they live here. The compound's branch
 * secretary (or the community secretary) approves it — the member role is bound on the unit in the
 * same atomic step — or returns it with a reason. Later the member is transferred out (转出) or their
 * check-in withdrawn (撤回), each with a date and a reason: the binding goes, the record and its
 * history stay, and a member who comes back checks in again beside their old records.
 *
 * The status moves only by the table below (checkinTransition()); who may move it, see the roster and see
 * the counts are allow-lists of roles, like every access rule.
 */
import { CODE_UNIT_KINDS } from './codes';
import { DomainError, type ErrorCode } from './errors';
import type { Household } from './households';
import type { Role, ScopedBinding } from './roles';
import type { Unit, UnitKind } from './units';

export const MEMBER_TYPES = ['in_service', 'retired', 'mobile', 'direct'] as const;
export type MemberType = (typeof MEMBER_TYPES)[number];

export const MEMBER_TYPE_LABEL: Record<MemberType, string> = {
  in_service: '在职',
  retired: '离退休',
  mobile: '流动',
  direct: '直管',
};

/** 退役军人 is a tag a member of any type may carry, not a type. */
export const VETERAN_LABEL = '退役军人';

/** Where members check in: a compound's branch, or the community for 直管 members (the units member codes are made on). */
export const CHECKIN_UNIT_KINDS: readonly UnitKind[] = CODE_UNIT_KINDS.member;

export const CHECKIN_STATUSES = ['pending', 'approved', 'returned', 'transferred_out', 'withdrawn'] as const;
export type CheckinStatus = (typeof CHECKIN_STATUSES)[number];

export const CHECKIN_STATUS_LABEL: Record<CheckinStatus, string> = {
  pending: '等待审核',
  approved: '已报到',
  returned: '已退回',
  transferred_out: '已转出',
  withdrawn: '已撤回',
};

/** What moves a check-in: the approver's decision (通过 / 退回), and later its end (转出 / 撤回). */
export const CHECKIN_EVENTS = ['approve', 'return', 'transferOut', 'withdraw'] as const;
export type CheckinEvent = (typeof CHECKIN_EVENTS)[number];

export const CHECKIN_EVENT_LABEL: Record<CheckinEvent, string> = {
  approve: '审核通过',
  return: '退回',
  transferOut: '转出',
  withdraw: '撤回',
};

/** (status, event) → status. An adapter never assigns a status: actions call checkinTransition(). */
const TRANSITIONS: Readonly<Record<CheckinStatus, Partial<Record<CheckinEvent, CheckinStatus>>>> = {
  pending: { approve: 'approved', return: 'returned' },
  approved: { transferOut: 'transferred_out', withdraw: 'withdrawn' },
  returned: {},
  transferred_out: {},
  withdrawn: {},
};

/** The events that take the member role away: they carry the day it took effect. */
export const ENDS_MEMBERSHIP: readonly CheckinEvent[] = ['transferOut', 'withdraw'];

/** The branch that holds the member's party relationship (组织关系所在党支部) and where it is. */
export interface Branch {
  name: string;
  /** 所在地: "郑州市金水区"; null when not given. */
  place: string | null;
}

/** One change of status, kept for good: the history a returning member keeps. */
export interface CheckinChange {
  status: CheckinStatus;
  at: number;
  /** Who changed it; null when a WeChat user nobody knew yet submitted it. */
  by: string | null;
  reason: string | null;
  /** 转出 / 撤回: the day it took effect, China time ("2026-11-23"); null for the other changes. */
  date: string | null;
}

export interface Checkin {
  id: string;
  status: CheckinStatus;
  /** The WeChat user checking in (also recorded for a person who came through WeChat); null for a web person. */
  openid: string | null;
  /** The person checking in when they were one already; null for a WeChat user nobody knew. */
  applicantId: string | null;
  /** The member code scanned: its use is given back when the check-in is returned. */
  codeId: string;
  /** The compound (or, for 直管 members, the community) checked in with. */
  unitId: string;
  /** The unit's path when it was submitted (queues and the roster list a subtree by it). */
  unitPath: string;
  name: string;
  phone: string;
  /** True when WeChat gave the phone (getPhoneNumber); false when typed. */
  phoneVerified: boolean;
  memberType: MemberType;
  branch: Branch;
  /** 工作单位 (a retired member's former one, if they like); null when not given. */
  workUnit: string | null;
  /** 特长: "水电维修", "法律咨询". */
  skills: string[];
  /** The services they offer: "政策宣传", "助老助残". */
  services: string[];
  /** When they are free: "周末上午". */
  freeTime: string | null;
  veteran: boolean;
  /** Their household, only if they live here: a building under the unit and a door. */
  household: Household | null;
  /** The person approval bound the member role to; null until approved. */
  personId: string | null;
  decidedBy: string | null;
  decidedAt: number | null;
  /** The reason of the last return, transfer out or withdrawal (what the member reads); null otherwise. */
  reason: string | null;
  /** Every change of status, oldest first; the first is the submission. */
  history: CheckinChange[];
  createdAt: number;
  updatedAt: number;
  version: number;
}

/** What moving a check-in needs besides the event. */
export interface CheckinStep {
  at: number;
  by: string;
  reason?: string | null;
  /** The day a transfer out or withdrawal took effect. */
  date?: string | null;
  /** Approving: the person the member role is bound to. */
  personId?: string;
}

/** Why `event` cannot happen to a check-in in `status`: its error and a message saying what to do; null when it can. */
export function checkinRefusal(status: CheckinStatus, event: CheckinEvent): { code: ErrorCode; message: string } | null {
  if (TRANSITIONS[status][event]) return null;
  if (!ENDS_MEMBERSHIP.includes(event)) return { code: 'CHECKIN.ALREADY_DECIDED', message: `这份报到${CHECKIN_STATUS_LABEL[status]}，不能再审核，请刷新后再看` };
  if (status === 'pending') return { code: 'CHECKIN.NOT_APPROVED', message: '这份报到还在等待审核：通过后才能转出或撤回；不合适请退回并说明原因' };
  return { code: 'CHECKIN.NOT_APPROVED', message: `这份报到${CHECKIN_STATUS_LABEL[status]}，不能再${CHECKIN_EVENT_LABEL[event]}，请刷新后再看` };
}

/** The check-in after `event`, its change appended to the history; refused (thrown) when the table has no such step. */
export function checkinTransition(c: Checkin, event: CheckinEvent, step: CheckinStep): Checkin {
  const to = TRANSITIONS[c.status][event];
  if (!to) {
    const why = checkinRefusal(c.status, event)!;
    throw new DomainError(why.code, why.message);
  }
  const decides = !ENDS_MEMBERSHIP.includes(event);
  const reason = event === 'approve' ? null : (step.reason ?? null);
  return {
    ...c,
    status: to,
    personId: step.personId ?? c.personId,
    decidedBy: decides ? step.by : c.decidedBy,
    decidedAt: decides ? step.at : c.decidedAt,
    reason,
    history: [...c.history, { status: to, at: step.at, by: step.by, reason, date: ENDS_MEMBERSHIP.includes(event) ? (step.date ?? null) : null }],
    updatedAt: step.at,
    version: c.version + 1,
  };
}

/** The day the check-in ended (转出 / 撤回), if it has. */
export function endedOn(c: Pick<Checkin, 'status' | 'history'>): string | null {
  if (c.status !== 'transferred_out' && c.status !== 'withdrawn') return null;
  return c.history[c.history.length - 1]?.date ?? null;
}

/**
 * Who decides check-ins: these roles on the check-in's unit or above it. The compound's branch
 * secretary and the community secretary, as party secretaries: a member's 报到 is the party
 * organisation's to accept, so community staff (社区工作人员) see the roster but do not decide.
 * An allow-list per event.
 */
export const DECIDES_CHECKINS: Readonly<Record<CheckinEvent, readonly Role[]>> = {
  approve: ['compound_secretary', 'community_secretary'],
  return: ['compound_secretary', 'community_secretary'],
  transferOut: ['compound_secretary', 'community_secretary'],
  withdraw: ['compound_secretary', 'community_secretary'],
};

/** Who sees the roster, with phones and the branch of origin: the branch secretary and community staff. Nobody else. */
export const SEES_ROSTER: readonly Role[] = ['compound_secretary', 'community_staff', 'community_secretary'];

/** Who sees the counts by type (numbers only, no one named): the roster's readers and the street. */
export const SEES_MEMBER_COUNTS: readonly Role[] = [...SEES_ROSTER, 'street_officer'];

const holds = (bindings: readonly ScopedBinding[], roles: readonly Role[], unit: Pick<Unit, 'path'>): boolean =>
  bindings.some((b) => !b.unit.archived && roles.includes(b.role) && unit.path.startsWith(b.unit.path));

/** The top units of the caller's live bindings with one of `roles` (none under another). */
function rootsOf(bindings: readonly ScopedBinding[], roles: readonly Role[]): ScopedBinding['unit'][] {
  const units = bindings.filter((b) => !b.unit.archived && roles.includes(b.role)).map((b) => b.unit);
  return units
    .filter((u, i) => units.findIndex((v) => v.id === u.id) === i)
    .filter((u) => !units.some((v) => v.id !== u.id && u.path.startsWith(v.path)));
}

export function mayDecideCheckin(bindings: readonly ScopedBinding[], event: CheckinEvent, unit: Pick<Unit, 'path'>): boolean {
  return holds(bindings, DECIDES_CHECKINS[event], unit);
}

/** The top units whose check-ins the caller approves (the queue's scope). */
export function checkinApprovalRoots(bindings: readonly ScopedBinding[]): ScopedBinding['unit'][] {
  return rootsOf(bindings, DECIDES_CHECKINS.approve);
}

export function maySeeRoster(bindings: readonly ScopedBinding[], unit: Pick<Unit, 'path'>): boolean {
  return holds(bindings, SEES_ROSTER, unit);
}

export function rosterRoots(bindings: readonly ScopedBinding[]): ScopedBinding['unit'][] {
  return rootsOf(bindings, SEES_ROSTER);
}

export function maySeeMemberCounts(bindings: readonly ScopedBinding[], unit: Pick<Unit, 'path'>): boolean {
  return holds(bindings, SEES_MEMBER_COUNTS, unit);
}

export function memberCountRoots(bindings: readonly ScopedBinding[]): ScopedBinding['unit'][] {
  return rootsOf(bindings, SEES_MEMBER_COUNTS);
}

/** How to check in, said to anyone who has no check-in yet. */
export const HOW_TO_CHECK_IN = '请扫小区党支部给的党员报到码（直管党员扫社区的报到码），填写报到信息，书记审核通过后就报到成功了';

/**
 * What a person who may not use a member action is told to do instead: a member reads their own
 * record in 我的报到; anyone else learns who does this and how a member checks in.
 */
export function memberActionRefusal(bindings: readonly ScopedBinding[], what: 'roster' | 'decide' | 'counts' | 'codes'): string {
  const isMember = bindings.some((b) => !b.unit.archived && b.role === 'member');
  const who = {
    roster: '党员花名册只有小区党支部书记和社区工作人员能看',
    decide: '党员报到只有小区党支部书记和社区书记能审核',
    counts: '党员统计只有小区党支部书记、社区和街道工作人员能看',
    codes: '党员报到码只有小区党支部书记和社区、街道工作人员能管理',
  }[what];
  return isMember ? `${who}；您自己的报到记录请在“我的报到”里查看` : `${who}。您如果是党员，请扫小区党支部给的党员报到码报到`;
}

/** Submitting is public (a WeChat user nobody knows may check in): at most this many per caller in each window. */
export const CHECKIN_SUBMIT_LIMIT = { perWindow: 20, windowMs: 60 * 60_000 } as const;

/** The role approval binds on the unit. */
export const CHECKIN_ROLE: Role = 'member';

/** What the form offers to pick from; anything else may be typed. */
export const MEMBER_SKILLS = ['医疗护理', '法律咨询', '教育辅导', '水电维修', '文艺', '心理疏导', '电脑手机', '驾驶', '书法绘画', '外语'] as const;
export const MEMBER_SERVICES = ['政策宣传', '矛盾调解', '环境整治', '助老助残', '治安巡逻', '文明劝导', '关爱儿童', '义诊义剪'] as const;
export const FREE_TIMES = ['工作日白天', '工作日晚上', '周末', '节假日', '随时'] as const;

/** A list of tags as kept: trimmed, empty ones dropped, each once, in the order given. */
export function normaliseTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tags.map((x) => x.trim())) if (t && !out.includes(t)) out.push(t);
  return out;
}

/** Members counted by type, with veterans and the total. */
export interface MemberTally {
  byType: Record<MemberType, number>;
  veterans: number;
  total: number;
}

export function emptyTally(): MemberTally {
  return { byType: { in_service: 0, retired: 0, mobile: 0, direct: 0 }, veterans: 0, total: 0 };
}

/** Adds `count` members of `memberType` (veterans or not) to `t`. */
export function addToTally(t: MemberTally, memberType: MemberType, veteran: boolean, count: number): void {
  t.byType[memberType] += count;
  if (veteran) t.veterans += count;
  t.total += count;
}
