/**
 * The report's status as a person sees it, and the one table of (status, event) → status.
 * Routing bookkeeping (level, handler, deadlines, escalations, breaches) lives beside it on the
 * report and never decides a status; adapters never assign one.
 */
export const STATUSES = ['submitted', 'responded', 'transferred', 'needs_info', 'resolved', 'closed', 'rejected'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABEL: Record<Status, string> = {
  submitted: '待响应',
  responded: '办理中',
  transferred: '已转交部门',
  needs_info: '待补充信息',
  resolved: '已办结待评价',
  closed: '已关闭',
  rejected: '未受理',
};

export const EVENTS = [
  'respond', // the handler acknowledges
  'escalate', // manual (beyond this level) or automatic (breach): moves to the next level
  'transfer', // to a department (police, city management) at the same level
  'requestInfo', // the handler asks the resident for more
  'provideInfo', // the resident answers
  'requestExtension', // the handler asks the next level up for more time
  'decideExtension', // the next level up approves or refuses
  'resolve',
  'rejectDuplicate',
  'rejectNotActionable',
  'rate', // the resident confirms and rates
  'dispute', // the resident says it is not fixed: reopens at the same level
  'autoClose', // 7 days after resolution without a rating
  'comment', // a note on the timeline, no change
] as const;
export type ReportEvent = (typeof EVENTS)[number];

const OPEN: Status[] = ['submitted', 'responded', 'transferred', 'needs_info'];

/** The table. A missing entry means the event is refused in that status. */
export const TRANSITIONS: Record<Status, Partial<Record<ReportEvent, Status>>> = {
  submitted: {
    respond: 'responded',
    escalate: 'submitted',
    transfer: 'transferred',
    requestInfo: 'needs_info',
    requestExtension: 'submitted',
    decideExtension: 'submitted',
    resolve: 'resolved',
    rejectDuplicate: 'rejected',
    rejectNotActionable: 'rejected',
    comment: 'submitted',
  },
  responded: {
    escalate: 'submitted',
    transfer: 'transferred',
    requestInfo: 'needs_info',
    requestExtension: 'responded',
    decideExtension: 'responded',
    resolve: 'resolved',
    rejectDuplicate: 'rejected',
    rejectNotActionable: 'rejected',
    comment: 'responded',
  },
  transferred: {
    escalate: 'submitted',
    requestExtension: 'transferred',
    decideExtension: 'transferred',
    resolve: 'resolved',
    comment: 'transferred',
  },
  needs_info: {
    provideInfo: 'responded',
    escalate: 'submitted',
    rejectNotActionable: 'rejected',
    comment: 'needs_info',
  },
  resolved: {
    rate: 'closed',
    dispute: 'submitted',
    autoClose: 'closed',
    comment: 'resolved',
  },
  closed: {},
  rejected: {},
};

/** The status after `event`, or null if the table refuses it. */
export function transition(status: Status, event: ReportEvent): Status | null {
  return TRANSITIONS[status][event] ?? null;
}

export function isOpen(status: Status): boolean {
  return OPEN.includes(status);
}

export const EVENT_LABEL: Record<ReportEvent | 'create' | 'skip' | 'breach' | 'warn' | 'plusOne' | 'followUpClosed' | 'reassign' | 'describe', string> = {
  create: '提交反映',
  respond: '已响应',
  escalate: '上报',
  transfer: '转办',
  requestInfo: '请居民补充信息',
  provideInfo: '居民补充了信息',
  requestExtension: '申请延期',
  decideExtension: '延期审批',
  resolve: '办结',
  rejectDuplicate: '重复反映，不再受理',
  rejectNotActionable: '不予受理',
  rate: '居民评价',
  dispute: '居民表示问题未解决',
  autoClose: '7 天未评价，自动关闭',
  comment: '备注',
  skip: '该级无人负责，自动跳过',
  breach: '超时',
  warn: '即将超时预警',
  plusOne: '有邻居反映了同样的问题',
  followUpClosed: '回访已完成',
  reassign: '改派负责人',
  describe: '听了语音，补充了文字描述',
};
