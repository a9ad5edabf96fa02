/** Small factories for what the points and wishes functions answer (src/core/outputs/points.ts, wishes.ts). */
import type { GoodsView, PointsEntryView, PointsRulesView, RedemptionView, ServiceRecordView } from '../../../../src/core/outputs/points';
import type { WishView } from '../../../../src/core/outputs/wishes';
import { DEFAULT_POINTS_RULES } from '../../../../src/core/points';
import { COMMUNITY, COMPOUND } from './render';

const AT = Date.parse('2026-11-20T02:00:00Z');
export const WANG = { id: 'p_wang', name: '王芳' };
export const ZHAO = { id: 'p_zhao', name: '赵建国' };
export const STAFF = { id: 'p_staff', name: '李娟' };

export const entry = (o: Partial<PointsEntryView> = {}): PointsEntryView => ({
  id: 'lecture:s1',
  person: WANG,
  points: 2,
  reason: '参加讲座《防范电信诈骗》',
  kind: 'lecture',
  kindLabel: '参加讲座',
  grantedBy: STAFF,
  at: AT,
  balanceAfter: 12,
  ...o,
});

export const rulesView = (o: Partial<PointsRulesView> = {}): PointsRulesView => ({
  community: COMMUNITY,
  rules: JSON.parse(JSON.stringify(DEFAULT_POINTS_RULES)),
  version: 3,
  labels: { lecture: '参加讲座', service: '志愿服务', wish: '实现微心愿', visit: '联户走访' },
  ...o,
});

export const record = (o: Partial<ServiceRecordView> = {}): ServiceRecordView => ({
  id: 'sr1',
  version: 1,
  person: ZHAO,
  trail: '幸福里小区',
  what: '陪独居老人去医院复诊',
  date: '2026-11-18',
  minutes: 150,
  forWhom: '3号楼独居老人',
  status: 'pending',
  statusLabel: '待确认',
  points: null,
  pointsIfConfirmed: 2,
  decidedBy: null,
  decidedAt: null,
  rejectReason: null,
  createdAt: AT,
  ...o,
});

export const goods = (o: Partial<GoodsView> = {}): GoodsView => ({
  id: 'g1',
  version: 1,
  name: '洗衣液 2kg',
  description: '每周三下午到社区服务中心领取',
  price: 20,
  stock: 8,
  picture: null,
  status: 'on',
  statusLabel: '上架',
  ...o,
});

export const order = (o: Partial<RedemptionView> = {}): RedemptionView => ({
  id: 'p_wang:r1',
  goodsId: 'g1',
  goodsName: '洗衣液 2kg',
  price: 20,
  person: WANG,
  status: 'ordered',
  statusLabel: '待领取',
  orderedAt: AT,
  collectedAt: null,
  cancelledAt: null,
  cancelReason: null,
  ...o,
});

export const wish = (o: Partial<WishView> = {}): WishView => ({
  id: 'w1',
  what: '想要一根带凳子的拐杖',
  forWhom: '独居老人',
  byDate: '2026-12-20',
  place: '幸福里小区',
  status: 'pending',
  statusLabel: '待审核',
  createdAt: AT,
  version: 1,
  building: { id: 'u_b3', name: '3号楼', kind: 'building', path: `${COMPOUND.path}u_b3/` },
  postedVia: 'lead',
  postedBy: { id: 'p_lead', name: '孙楼长' },
  contact: null,
  claimer: null,
  claimedAt: null,
  fulfilNote: null,
  fulfilPhotos: [],
  fulfilledAt: null,
  confirmedAt: null,
  confirmedByTimer: false,
  points: null,
  rejectReason: null,
  can: { claim: false, giveBack: false, fulfil: false, confirm: false, withdraw: false, approve: true },
  ...o,
});
