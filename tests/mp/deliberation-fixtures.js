/**
 * Bodies the deliberation function answers (core/outputs/deliberation.ts), for the mini-program tests'
 * stand-in: a topic of 幸福里小区 1号楼 in each phase, its cards, a compound's 公约 and its public page.
 * Not a test file (jest runs *.test.js only).
 */
const DAY = 24 * 3600_000;
const now = Date.now();
const compound = { id: 'p1', name: '幸福里小区', kind: 'compound', path: '/s1/c1/p1/' };
const building = { id: 'b1', name: '1号楼', kind: 'building', path: '/s1/c1/p1/b1/' };
const PHASE_LABEL = { opinions: '征求意见中', voting: '投票中', awaiting: '等待决定', decided: '已有决定', withdrawn: '已撤回' };
const NO = { vote: false, say: false, edit: false, decide: false, withdraw: false, moderate: false };

const options = (counts) =>
  ['同意加装', '不同意', '再商量'].map((label, i) => {
    const count = counts ? counts[i] : null;
    const sum = counts ? counts.reduce((a, b) => a + b, 0) : 0;
    return { id: 'abc'[i], label, count, percent: counts ? (sum ? Math.round((100 * count) / sum) : 0) : null };
  });

function topic(overrides = {}) {
  const phase = overrides.phase || 'voting';
  const status = phase === 'decided' ? 'decided' : phase === 'withdrawn' ? 'withdrawn' : 'open';
  return {
    id: 'tpc_1',
    title: '1号楼加装电梯',
    unit: building,
    trail: '幸福里小区 / 1号楼',
    status,
    phase,
    phaseLabel: PHASE_LABEL[phase],
    hasVote: true,
    opinionsUntil: now - DAY,
    voteOpensAt: now - DAY / 2,
    voteClosesAt: now + 3 * DAY,
    turnout: { voted: 12, households: 40, percent: 30 },
    myHouseholdVoted: false,
    opinions: 2,
    createdAt: now - 5 * DAY,
    decidedAt: null,
    version: 3,
    background: '1号楼是七层老楼，没有电梯，老人上下楼困难。街道有加装电梯补贴。',
    photos: [],
    audience: 'residents',
    audienceLabel: '本楼栋/小区住户',
    parties: ['幸福里物业', '业主委员会'],
    options: options(null),
    myVote: null,
    voteClosedReason: null,
    opinionsList: [
      { id: 'op_1', author: '张*华 · 1号楼', mine: false, text: '同意，费用按楼层分摊', createdAt: now - 2 * DAY, hidden: null },
      { id: 'op_2', author: '我', mine: true, text: '一楼住户的采光要考虑', createdAt: now - 2 * DAY, hidden: { reason: '含有住户的门牌号', at: now - DAY } },
    ],
    decision: null,
    withdrawnReason: null,
    openedBy: { id: 'p_liu', name: '刘芳' },
    report: null,
    ...overrides,
    can: { ...NO, ...(overrides.can || {}) },
  };
}

const card = (t) => {
  const keys = ['id', 'title', 'unit', 'trail', 'status', 'phase', 'phaseLabel', 'hasVote', 'opinionsUntil', 'voteOpensAt', 'voteClosesAt', 'turnout', 'myHouseholdVoted', 'opinions', 'createdAt', 'decidedAt'];
  return Object.fromEntries(keys.map((k) => [k, t[k]]));
};

const decision = (overrides = {}) => ({
  decidedBy: 'agenda_meeting',
  decidedByLabel: '逢三说事议事会',
  option: '同意加装',
  text: '同意加装电梯，明年3月开工',
  minutes: '12月13日在社区议事厅召开，到会住户代表12人，一致同意。',
  meetingDay: new Date(now - DAY + 8 * 3600_000).toISOString().slice(0, 10),
  attendees: '社区党委、业委会、物业、居民代表 12 人',
  rulesVersion: null,
  at: now - DAY,
  ...overrides,
});

const version = (v, overrides = {}) => ({ version: v, text: `第${v}版全文：一、爱护公共设施。二、电动车不进楼道。`, note: v === 1 ? '首次录入' : '增加电动车充电条款', topic: null, adoptedBy: '张伟', adoptedAt: now - (10 - v) * DAY, ...overrides });

module.exports = { DAY, compound, building, topic, card, decision, version, options };
