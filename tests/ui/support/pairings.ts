/** Factories for the pairings function's answers (联户), shaped as src/core/outputs/pairings.ts says. */
import type { PairingView, VisitView } from '../../../src/core/api';

const DAY = 24 * 3600_000;

export function pairing(overrides: Partial<PairingView> = {}): PairingView {
  return {
    id: 'per_zhou:b1|2|5|502',
    version: 1,
    status: 'active',
    statusLabel: '结对中',
    member: { id: 'per_zhou', name: '周敏' },
    household: { buildingId: 'b1', trail: '幸福里小区 1号楼', door: { entrance: '2', floor: 5, room: '502' }, doorLabel: '2单元 5层 502室' },
    kinds: ['独居老人', '高龄'],
    contactName: '孙桂英',
    contactPhone: '13900002233',
    visits: 0,
    lastVisitOn: null,
    createdAt: Date.now() - 30 * DAY,
    endedAt: null,
    endReason: null,
    ...overrides,
  };
}

export function visit(overrides: Partial<VisitView> = {}): VisitView {
  const p = pairing();
  return {
    id: 'vis_1',
    pairingId: p.id,
    member: p.member,
    household: p.household,
    date: '2026-11-23',
    done: '上门问候，帮忙换了灯泡',
    needs: null,
    reportId: null,
    createdAt: Date.now(),
    ...overrides,
  };
}
