/**
 * The partners function's answers as the mini-program reads them (core/outputs/partners.ts), for the
 * partners subpackage's tests: 市第一人民医院, partnering with 阳光社区, its contact 周敏; a project the
 * community asked of us (waiting for our side), one we claimed (waiting for the community), an active one
 * with milestones and a done one with its result; an open need of 阳光社区; a resource we offer.
 */
const DAY = 24 * 3600_000;
const chinaDay = (t) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);

const COMMUNITY = { id: 'c1', name: '阳光社区', kind: 'community', path: '/s1/c1/' };
const COMPOUND = { id: 'p1', name: '幸福里小区', kind: 'compound', path: '/s1/c1/p1/' };
const PARTNER = { id: 'ptn_1', name: '市第一人民医院', kind: 'hospital', kindLabel: '医院' };
const ZHOU = { id: 'p_zhou', name: '周敏' };
const ZHANG = { id: 'p_zhang', name: '张伟' };

const contact = {
  registered: true,
  person: { id: 'p_zhou', name: '周敏', phone: '13800000008', username: 'dangyuan' },
  bindings: [{ id: 'bind_m', role: 'member', roleLabel: '党员', unit: COMPOUND, trail: '幸福街道 / 阳光社区 / 幸福里小区' }],
  isStaff: false,
  isHandler: false,
};

const PROJECT_LABEL = { proposed: '待对方确认', active: '进行中', done: '已完成', declined: '对方未接受', cancelled: '已取消' };
const NO = { accept: false, decline: false, cancel: false, milestone: false, close: false };

function project(overrides = {}) {
  const status = overrides.status || 'active';
  const startedBy = overrides.startedBy || 'partner';
  return {
    id: 'prj_1',
    version: 3,
    community: COMMUNITY,
    partner: PARTNER,
    need: { id: 'need_9', title: '独居老人每月上门量血压' },
    resource: null,
    title: '独居老人每月上门量血压',
    startedBy,
    startedByLabel: startedBy === 'partner' ? '共建单位认领' : '社区发起',
    status,
    statusLabel: PROJECT_LABEL[status],
    communityOwner: status === 'proposed' && startedBy === 'partner' ? null : ZHANG,
    partnerOwner: status === 'proposed' && startedBy === 'community' ? null : ZHOU,
    milestones: [],
    result: null,
    reason: null,
    createdAt: Date.now() - 20 * DAY,
    decidedAt: null,
    closedAt: null,
    ...overrides,
    can: { ...NO, ...(overrides.can || {}) },
  };
}

const milestone = (overrides = {}) => ({ id: 'ms_1', title: '第一次上门', dueOn: chinaDay(Date.now() + 5 * DAY), doneAt: null, doneBy: null, late: false, ...overrides });

function need(overrides = {}) {
  return {
    id: 'need_1',
    version: 1,
    community: COMMUNITY,
    unit: COMPOUND,
    trail: '阳光社区 / 幸福里小区',
    kind: 'room',
    kindLabel: '场地',
    title: '老年活动室缺一个读书角',
    description: '小区老人想要一个能读书看报的地方，每周二、四下午用。',
    source: 'visit',
    sourceLabel: '来自走访',
    sourceId: 'pvs_0',
    status: 'open',
    statusLabel: '待认领',
    partner: null,
    projectId: null,
    createdAt: Date.now() - 3 * DAY,
    can: { claim: true, withdraw: false },
    ...overrides,
  };
}

function resource(overrides = {}) {
  return {
    id: 'res_1',
    version: 2,
    partner: PARTNER,
    kind: 'expert',
    kindLabel: '专家',
    title: '心血管科义诊',
    description: '每月一次，主任医师带队，量血压、看化验单。',
    amount: '每月 1 次，3 名医生',
    availability: '每月第一个周六上午',
    status: 'offered',
    createdAt: Date.now() - 40 * DAY,
    can: { edit: true, withdraw: true, ask: false },
    ...overrides,
  };
}

const visit = (overrides = {}) => ({
  id: 'pvs_1',
  partner: PARTNER,
  community: COMMUNITY,
  day: chinaDay(Date.now() - 2 * DAY),
  met: '社区书记、3 号楼楼栋长',
  raised: '独居老人量血压不方便',
  feedback: '',
  by: ZHOU,
  need: null,
  report: null,
  createdAt: Date.now() - 2 * DAY,
  ...overrides,
});

/** 我的共建单位 as 周敏 (the contact) reads it. */
function mine(overrides = {}) {
  return {
    partner: PARTNER,
    side: 'contact',
    sideLabel: '联络人',
    communities: [COMMUNITY],
    projects: [
      project({ id: 'prj_done', title: '健康讲座进社区', status: 'done', closedAt: Date.now() - DAY, result: { text: '讲了三场，来了 120 位老人', photos: ['/files/p1.jpg'] } }),
      project({ id: 'prj_ask', title: '借用医院会议室办讲座', status: 'proposed', startedBy: 'community', need: null, resource: { id: 'res_1', title: '心血管科义诊' }, can: { accept: true, decline: true } }),
      project({ id: 'prj_claimed', title: '老年活动室缺一个读书角', status: 'proposed', startedBy: 'partner', can: { cancel: true } }),
    ],
    resources: [resource()],
    openNeeds: [need()],
    visits: [visit()],
    ...overrides,
  };
}

module.exports = { DAY, chinaDay, COMMUNITY, COMPOUND, PARTNER, ZHOU, ZHANG, contact, project, milestone, need, resource, visit, mine };
