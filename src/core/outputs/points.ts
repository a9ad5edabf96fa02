/** What the points function (积分, 服务记录, 积分超市, 公示栏) answers. */
import type { FileDownload } from '../management';
import type { EarningKind, PointsRules, PointsSourceKind, ServiceRecordStatus } from '../points';
import type { GoodsStatus, RedemptionStatus } from '../shop';
import type { UnitRef } from '../views';

export interface PointsPersonRef {
  id: string;
  name: string;
}

export interface PointsEntryView {
  id: string;
  /** Shown to staff lists and exports; the person's own ledger has it too. */
  person: PointsPersonRef;
  points: number;
  reason: string;
  kind: PointsSourceKind;
  /** "参加讲座", "积分兑换" */
  kindLabel: string;
  grantedBy: PointsPersonRef | null;
  at: number;
  balanceAfter: number;
}

export interface PointsMine {
  balance: number;
  entries: PointsEntryView[];
  total: number;
  /** The person agreed their name shows on the board (people.setConsent). */
  onBoard: boolean;
  /** The caller earns points (holds member or volunteer); a plain resident sees why not. */
  earns: boolean;
}

export interface PointsRulesView {
  community: UnitRef;
  rules: PointsRules;
  /** 0 while the community still has the defaults. */
  version: number;
  /** "参加讲座" … in EARNING_KINDS order, for the form. */
  labels: Record<EarningKind, string>;
}

export interface BoardRow {
  rank: number;
  /** The name when the person agreed; otherwise "党员（未公开姓名）" or "志愿者（未公开姓名）". */
  name: string;
  named: boolean;
  points: number;
  /** The caller's own row. */
  mine: boolean;
}

export interface PointsBoard {
  unit: UnitRef;
  trail: string;
  /** "2026年11月" or "2026年". */
  period: string;
  rows: BoardRow[];
  /** The caller's place when they are not in `rows` (or null). */
  myRow: BoardRow | null;
}

export interface ServiceRecordView {
  id: string;
  version: number;
  person: PointsPersonRef;
  /** "幸福里小区" */
  trail: string;
  what: string;
  date: string;
  minutes: number;
  forWhom: string | null;
  status: ServiceRecordStatus;
  statusLabel: string;
  points: number | null;
  /** What confirming would grant under today's rules (pending records). */
  pointsIfConfirmed: number | null;
  decidedBy: PointsPersonRef | null;
  decidedAt: number | null;
  rejectReason: string | null;
  createdAt: number;
}

export interface GoodsView {
  id: string;
  version: number;
  name: string;
  description: string | null;
  price: number;
  stock: number;
  picture: string | null;
  status: GoodsStatus;
  statusLabel: string;
}

export interface RedemptionView {
  id: string;
  goodsId: string;
  goodsName: string;
  price: number;
  person: PointsPersonRef;
  status: RedemptionStatus;
  statusLabel: string;
  orderedAt: number;
  collectedAt: number | null;
  cancelledAt: number | null;
  cancelReason: string | null;
}

export interface PointsOutputs {
  mine: PointsMine;
  ledger: { entries: PointsEntryView[]; total: number; balance: number | null };
  exportLedger: FileDownload;
  rules: PointsRulesView;
  saveRules: PointsRulesView;
  grant: { entry: PointsEntryView; balance: number };
  correct: { entry: PointsEntryView; balance: number };
  board: PointsBoard;
  recordService: { record: ServiceRecordView; created: boolean };
  myServices: { records: ServiceRecordView[]; total: number };
  serviceRecords: { records: ServiceRecordView[]; total: number };
  confirmService: ServiceRecordView;
  rejectService: ServiceRecordView;
  goods: { community: UnitRef; goods: GoodsView[]; balance: number };
  saveGoods: GoodsView;
  restock: GoodsView;
  redeem: { redemption: RedemptionView; balance: number; created: boolean };
  myOrders: { redemptions: RedemptionView[]; total: number };
  orders: { redemptions: RedemptionView[]; total: number };
  collect: RedemptionView;
  cancelOrder: RedemptionView;
}
