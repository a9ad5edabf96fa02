/** Check-ins (党员报到) as the members function answers them, for the member pages' tests. */
import type { CheckinQueueItem, CheckinView, ResolvedCode } from '../../../src/core/api';

export const MEMBER_CODE = 'mnpq2345rstv';
export const COMPOUND = { id: 'p1', name: '幸福里小区', kind: 'compound' as const, path: '/s1/c1/p1/' };
export const COMPOUND_TRAIL = '阳光社区 幸福里小区';

export function memberCode(overrides: Partial<ResolvedCode> = {}): ResolvedCode {
  return {
    id: MEMBER_CODE,
    purpose: 'member',
    purposeLabel: '党员报到码',
    does: '党员到本小区党支部报到',
    unit: COMPOUND,
    trail: COMPOUND_TRAIL,
    personName: null,
    validUntil: null,
    usesLeft: null,
    ...overrides,
  };
}

const AT = Date.parse('2026-11-20T02:00:00Z');

export function checkin(overrides: Partial<CheckinView> = {}): CheckinView {
  return {
    id: 'chk_1',
    status: 'pending',
    statusLabel: '等待审核',
    unit: COMPOUND,
    trail: COMPOUND_TRAIL,
    codeId: MEMBER_CODE,
    name: '周建民',
    phone: '136****0301',
    phoneVerified: false,
    memberType: 'in_service',
    memberTypeLabel: '在职',
    veteran: false,
    branch: { name: '市第一人民医院第三党支部', place: '郑州市金水区' },
    workUnit: '市第一人民医院',
    skills: ['医疗护理'],
    services: ['义诊义剪'],
    freeTime: '周末',
    household: null,
    person: null,
    reason: null,
    endedOn: null,
    history: [{ status: 'pending', statusLabel: '等待审核', at: AT, date: null, reason: null, by: null }],
    createdAt: AT,
    decidedAt: null,
    version: 1,
    ...overrides,
  };
}

export function queueItem(overrides: Partial<CheckinQueueItem> = {}): CheckinQueueItem {
  return { ...checkin({ phone: '13655550301' }), matches: [], earlier: [], ...overrides };
}
