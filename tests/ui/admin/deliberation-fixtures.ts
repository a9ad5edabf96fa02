/** Small factories for what the deliberation function answers (src/core/outputs/deliberation.ts). */
import type { CompoundRulesView, OpinionView, TopicView } from '../../../src/core/outputs/deliberation';
import { COMMUNITY, COMPOUND } from './support/render';

const AT = Date.parse('2026-12-03T02:00:00Z');
const DAY = 86_400_000;
export const BUILDING = { id: 'u_b3', name: '3号楼', kind: 'building' as const, path: `${COMPOUND.path}u_b3/` };

/** The unit tree as units.tree answers it: the community, its compound and a building. */
export const unitTree = () => ({
  units: [
    { ...COMMUNITY, parentId: 'u_street', archived: false, version: 1, createdAt: AT, updatedAt: AT },
    { ...COMPOUND, parentId: COMMUNITY.id, archived: false, version: 1, createdAt: AT, updatedAt: AT },
    { ...BUILDING, parentId: COMPOUND.id, archived: false, version: 1, createdAt: AT, updatedAt: AT },
  ],
});

export const opinion = (o: Partial<OpinionView> = {}): OpinionView => ({
  id: 'op1',
  author: '张*华 · 3号楼',
  mine: false,
  text: '充电桩建在北门车棚比较好，离楼远一些安全',
  createdAt: AT + 3600_000,
  hidden: null,
  ...o,
});

export const topic = (o: Partial<TopicView> = {}): TopicView => ({
  id: 't1',
  title: '小区是否增设电动车充电桩',
  unit: COMPOUND,
  trail: `${COMMUNITY.name} / ${COMPOUND.name}`,
  status: 'open',
  phase: 'voting',
  phaseLabel: '投票中',
  hasVote: true,
  opinionsUntil: AT + 2 * DAY,
  voteOpensAt: AT,
  voteClosesAt: AT + 3 * DAY,
  turnout: { voted: 3, households: 40, percent: 8 },
  myHouseholdVoted: false,
  opinions: 1,
  createdAt: AT,
  decidedAt: null,
  version: 1,
  background: '楼道里充电的电动车多，去年发生过一次冒烟。',
  photos: [],
  photoRefs: [],
  audience: 'residents',
  audienceLabel: '本楼栋/小区住户',
  parties: ['物业公司', '业主委员会'],
  options: [
    { id: 'a', label: '北门车棚', count: 2, percent: 67 },
    { id: 'b', label: '南门空地', count: 1, percent: 33 },
    { id: 'c', label: '暂不建设', count: 0, percent: 0 },
  ],
  myVote: null,
  voteClosedReason: null,
  opinionsList: [opinion()],
  decision: null,
  withdrawnReason: null,
  openedBy: { id: 'p_staff', name: '李娟' },
  report: null,
  can: { vote: false, say: true, edit: false, decide: true, withdraw: true, moderate: true },
  ...o,
});

export const rulesView = (o: Partial<CompoundRulesView> = {}): CompoundRulesView => {
  const v1 = { version: 1, text: '第一条 爱护公共设施。', note: '录入现行公约', topic: null, adoptedBy: '李娟', adoptedAt: AT - 30 * DAY };
  return { compound: COMPOUND, trail: `${COMMUNITY.name} / ${COMPOUND.name}`, current: v1, history: [v1], canKeep: true, ...o };
};
