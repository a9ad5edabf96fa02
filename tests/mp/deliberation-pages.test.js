/**
 * A compound's 公约 and its public page in the built mini-program (dist/weapp), rendered by
 * miniprogram-simulate with the deliberation function stood in for: the current text and the versions
 * before it, each with the topic that changed it; the public page from the compound's public code, with
 * decided topics (counts, turnout, decision, minutes; no names) and the current 公约.
 */
const { loadPage, until } = require('./support/load-page');
const { cloud, ok } = require('./support/cloud');
const { resident } = require('./support/fixtures');
const { compound, building, decision, version } = require('./deliberation-fixtures');

let warn;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('小区公约 in the built mini-program', () => {
  it('shows the current text, and the versions before it with the topic that changed each, their text on a tap', async () => {
    const v2 = version(2, { topic: { id: 'tpc_9', title: '电动车充电怎么管' } });
    const v1 = version(1);
    const { page, text, calls, navigations } = loadPage('deliberation/rules/index', {
      query: { compound: 'p1' },
      answer: cloud({ 'deliberation.rules': ok({ compound, trail: '幸福街道 / 阳光社区 / 幸福里小区', current: v2, history: [v2, v1], canKeep: false }) }),
    });
    await until(() => text().includes('小区管理公约'));
    expect(calls).toEqual([{ name: 'deliberation', action: 'rules', data: { compoundId: 'p1' } }]);
    for (const words of ['第 2 版（现行）', '修改说明：增加电动车充电条款', '由议题“电动车充电怎么管”决定 ›', '第2版全文', '以前的版本', '第 1 版', '修改说明：首次录入', '张伟录入']) expect(text()).toContain(words);
    expect(text()).not.toContain('第1版全文');
    page.querySelectorAll('.dversion__toggle').find((n) => n.dom.textContent === '看全文').dispatchEvent('tap');
    await until(() => text().includes('第1版全文'));
    page.querySelector('.dversion__topic').dispatchEvent('tap');
    await until(() => navigations.length === 1);
    expect(navigations[0]).toEqual({ api: 'navigateTo', url: '/deliberation/topic/index?id=tpc_9' });
  });

  it('finds the reader\'s own compound when opened without one, and says when no text was entered yet', async () => {
    const { text, calls } = loadPage('deliberation/rules/index', {
      answer: cloud({ 'auth.whoAmI': ok(resident), 'deliberation.rules': ok({ compound, trail: '幸福里小区', current: null, history: [], canKeep: false }) }),
    });
    await until(() => text().includes('还没有录入公约'));
    expect(calls).toContainEqual({ name: 'deliberation', action: 'rules', data: { compoundId: 'p1' } });
  });
});

describe('小区议事公开 in the built mini-program', () => {
  it('shows the decided topics with counts, turnout and minutes, and the current 公约, from the public code', async () => {
    const topics = [
      {
        id: 'tpc_1',
        title: '1号楼加装电梯',
        place: building.name,
        options: [
          { label: '同意加装', count: 23, percent: 58 },
          { label: '不同意', count: 17, percent: 43 },
        ],
        turnout: { voted: 40, households: 58, percent: 69 },
        decision: decision(),
      },
      { id: 'tpc_2', title: '广场舞时间', place: '幸福里小区', options: [], turnout: { voted: 0, households: 0, percent: 0 }, decision: decision({ option: null, decidedBy: 'residents_meeting', decidedByLabel: '居民（坝坝）会', text: '晚上8点半前结束' }) },
    ];
    const { text, calls } = loadPage('deliberation/public/index', {
      query: { code: 'abcd2345wxyz' },
      answer: cloud({ 'deliberation.public': ok({ compound, trail: '幸福里小区', topics, rules: version(2) }) }),
    });
    await until(() => text().includes('幸福里小区议事公开'));
    expect(calls).toEqual([{ name: 'deliberation', action: 'public', data: { code: 'abcd2345wxyz' } }]);
    for (const words of [
      '已经决定的事（2）',
      '1号楼加装电梯',
      '已投 40 户 / 共 58 户（69%）',
      '✓ 同意加装（采纳）',
      '23 户，58%',
      '同意加装电梯，明年3月开工',
      '到会住户代表12人',
      '广场舞时间',
      '晚上8点半前结束',
      '居民（坝坝）会决定',
      '小区管理公约',
      '第 2 版（现行）',
      '第2版全文',
    ])
      expect(text()).toContain(words);
  });

  it('says a refusal in the server\'s words', async () => {
    const { text } = loadPage('deliberation/public/index', { query: { code: 'abcd2345wxyz' }, answer: cloud({ 'deliberation.public': { ok: false, code: 'CODE.NOT_FOUND', message: '没有这个码，请核对后再试' } }) });
    await until(() => text().includes('没有这个码'));
  });
});
