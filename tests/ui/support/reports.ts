/** Small factories for report answers, shaped as src/core/api.ts says the server answers. */
import type { ReportDetail, ReportSummary, TimelineView } from '../../../src/core/api';
import { DEFAULT_CATEGORIES } from '../../../src/core/reports/categories';

/** 2026-11-23 10:00 Beijing time. */
export const NOW = Date.UTC(2026, 10, 23, 2, 0);
const HOUR = 3600_000;

export const categories = () => ({ ok: true as const, data: { categories: DEFAULT_CATEGORIES } });

export function summary(overrides: Partial<ReportSummary> = {}): ReportSummary {
  return {
    id: 'r1',
    version: 3,
    category: 'lift',
    categoryName: '电梯故障',
    icon: '🛗',
    urgent: true,
    description: '3单元电梯停在5楼，按了没反应',
    status: 'responded',
    statusLabel: '办理中',
    level: 'compound',
    levelLabel: '小区',
    unitName: '1号楼',
    place: '幸福里小区 1号楼',
    handlerName: '陈强',
    respondBy: NOW + 2 * HOUR,
    // 2026-11-30 15:00 Beijing time
    dueAt: Date.UTC(2026, 10, 30, 7, 0),
    overdue: false,
    dueSoon: false,
    createdAt: NOW - 3 * HOUR,
    followers: 0,
    ...overrides,
  };
}

export function entry(overrides: Partial<TimelineView> = {}): TimelineView {
  return {
    id: `t${Math.random().toString(36).slice(2, 8)}`,
    at: NOW - 3 * HOUR,
    type: 'create',
    label: '提交反映',
    actorName: '孙福贵',
    fromLevel: null,
    toLevel: null,
    fromStatus: null,
    toStatus: 'submitted',
    note: null,
    photos: [],
    ...overrides,
  };
}

export function detail(overrides: Partial<ReportDetail> = {}): ReportDetail {
  return {
    ...summary(),
    location: '3单元 电梯',
    photos: ['/files/p1'],
    channel: 'resident',
    channelLabel: '居民自报',
    anonymous: false,
    resident: { name: '孙福贵', phone: '13812345678' },
    handler: { name: '陈强', roleLabel: '物业', phone: '13900002222' },
    nextStep: '物业陈强正在办理，会在 11月30日 15:00 前办结。',
    nextStepForStaff: null,
    rating: null,
    ratingNote: null,
    rejectReason: null,
    transferredTo: null,
    extension: null,
    followUp: null,
    breached: false,
    flagged: false,
    escalations: 0,
    disputes: 0,
    timeline: [
      entry({ id: 't1', at: NOW - 3 * HOUR, type: 'create', label: '提交反映', actorName: '孙福贵' }),
      entry({ id: 't2', at: NOW - 2 * HOUR, type: 'respond', label: '已响应', actorName: '陈强', note: '已通知维保公司，下午来修', toStatus: 'responded' }),
    ],
    can: [],
    watching: false,
    watchNote: null,
    ...overrides,
  };
}

export const ok = <T>(data: T) => ({ ok: true as const, data });
