/**
 * 小区议事 in the built mini-program (dist/weapp): the subpackage `deliberation` as it ships — its four
 * pages out of the main package, home's tile and the code page's way to its public page — and its list
 * and topic pages rendered by miniprogram-simulate with the deliberation function stood in for
 * (bodies shaped as core/outputs/deliberation.ts says): the topics with their phase in words and the
 * turnout; a topic where the household votes (asked first), changes its vote, reads its own vote and
 * the turnout but no counts while voting; the counts once closed; an opinion left once with a client
 * request id; its own hidden opinion with the reason; a refusal in the server's words.
 */
const fs = require('fs');
const path = require('path');
const { loadPage, until, DIST } = require('./support/load-page');
const { cloud, ok } = require('./support/cloud');
const { resident } = require('./support/fixtures');
const { app, files, rel, scriptsContaining } = require('./support/scripts');
const { topic, card, decision, options } = require('./deliberation-fixtures');

const named = (page, selector, words) => page.querySelectorAll(selector).find((n) => n.dom.textContent.trim() === words);
const tapButton = (page, words) => {
  const b = named(page, '.nut-button-children, .nut-button', words);
  if (!b) throw new Error(`no button ${words}`);
  b.dispatchEvent('tap');
};
const option = (page, label) => page.querySelectorAll('.doption').find((n) => n.dom.textContent.includes(label));
/** WeChat's modal, answered 确定 (or 取消): what the page asked is kept. */
const modal = (confirm = true) => {
  const asked = [];
  const showModal = jest.fn((opts = {}) => {
    asked.push(`${opts.title}：${opts.content}`);
    const res = { errMsg: 'showModal:ok', confirm, cancel: !confirm };
    if (opts.success) opts.success(res);
    if (opts.complete) opts.complete(res);
  });
  return { asked, wx: { showModal } };
};

let warn;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('the deliberation subpackage as it ships', () => {
  it('declares its four pages outside the main package, with their words only there', () => {
    const sub = app().subPackages.find((p) => p.root === 'deliberation');
    expect(sub.pages).toEqual(expect.arrayContaining(['index/index', 'topic/index', 'rules/index', 'public/index']));
    for (const page of sub.pages) {
      expect(fs.existsSync(path.join(DIST, 'deliberation', `${page}.js`))).toBe(true);
      expect(app().pages).not.toContain(`deliberation/${page}`);
    }
    for (const words of ['投票结束后公布各项票数', '把您家的票改投', '以前的版本', '已经决定的事']) {
      expect(scriptsContaining(words).length).toBeGreaterThan(0);
      for (const f of scriptsContaining(words)) expect(f).toMatch(/^deliberation\//);
    }
  });

  it('keeps only the paths in the main package: home\'s tile and the code page\'s button', () => {
    const main = (f) => !app().subPackages.some((p) => rel(f).startsWith(`${p.root}/`));
    const withPath = (p) => files(DIST).filter((f) => f.endsWith('.js') && main(f) && fs.readFileSync(f, 'utf8').includes(p));
    expect(withPath('/deliberation/index/index').length).toBeGreaterThan(0);
    expect(withPath('/deliberation/public/index').length).toBeGreaterThan(0);
    expect(scriptsContaining('议题、投票、小区公约')).toEqual(['pages/index/index.js']);
  });
});

describe('the way in to 小区议事', () => {
  it('shows a resident home\'s 小区议事 tile, which opens the topics', async () => {
    const { page, text, navigations } = loadPage('pages/index/index', { answer: cloud({ 'auth.whoAmI': ok(resident), 'messages.list': ok({ messages: [], unread: 0 }) }) });
    await until(() => text().includes('孙福贵'));
    expect(text()).toContain('议题、投票、小区公约');
    page.querySelectorAll('.home__entry-title').find((n) => n.dom.textContent === '小区议事').dispatchEvent('tap');
    await until(() => navigations.length === 1);
    expect(navigations).toEqual([{ api: 'navigateTo', url: '/deliberation/index/index' }]);
  });

  it('gives a compound\'s public code a second way on: 小区议事, beside 查看回音壁', async () => {
    const code = { id: 'abcd2345wxyz', purpose: 'public', purposeLabel: '公开码', does: '查看本小区的公开信息', unit: { id: 'p1', name: '幸福里小区', kind: 'compound', path: '/s1/c1/p1/' }, trail: '阳光社区 幸福里小区', personName: null, validUntil: null, usesLeft: null };
    const { page, text, navigations } = loadPage('pages/code/index', { answer: cloud({ 'codes.resolve': ok(code) }), query: { scene: code.id } });
    await until(() => text().includes('公开码'));
    expect(named(page, '.nut-button-children, .nut-button', '查看回音壁')).toBeTruthy();
    tapButton(page, '小区议事');
    await until(() => navigations.length === 1);
    expect(navigations).toEqual([{ api: 'navigateTo', url: `/deliberation/public/index?code=${code.id}` }]);
  });

  it('offers no 小区议事 button on a building\'s code', async () => {
    const code = { id: 'abcd2345wxyz', purpose: 'building', purposeLabel: '楼栋码', does: '加入本楼', unit: { id: 'b1', name: '1号楼', kind: 'building', path: '/s1/c1/p1/b1/' }, trail: '阳光社区 幸福里小区 1号楼', personName: null, validUntil: null, usesLeft: null };
    const { page, text } = loadPage('pages/code/index', { answer: cloud({ 'codes.resolve': ok(code) }), query: { scene: code.id } });
    await until(() => text().includes('楼栋码'));
    expect(named(page, '.nut-button-children, .nut-button', '小区议事')).toBeFalsy();
  });
});

describe('小区议事 (the topics) in the built mini-program', () => {
  it('lists the topics with their phase in words, place, days, turnout and whether the household voted, and opens one', async () => {
    const voting = card(topic());
    const voted = card(topic({ id: 'tpc_2', title: '小区东门改成人脸识别', trail: '幸福里小区', unit: { id: 'p1', name: '幸福里小区', kind: 'compound', path: '/s1/c1/p1/' }, myHouseholdVoted: true, opinions: 0 }));
    const decided = card(topic({ id: 'tpc_3', title: '楼道堆放杂物清理', phase: 'decided', decidedAt: Date.now() - 3600_000, turnout: { voted: 30, households: 40, percent: 75 } }));
    const { page, text, calls, navigations } = loadPage('deliberation/index/index', {
      answer: cloud({ 'deliberation.mine': ok({ topics: [voting, voted, decided], total: 3, canOpen: false }), 'auth.whoAmI': ok(resident) }),
    });
    await until(() => text().includes('1号楼加装电梯'));

    expect(calls).toEqual(
      expect.arrayContaining([
        { name: 'deliberation', action: 'mine', data: { limit: 30 } },
        { name: 'auth', action: 'whoAmI', data: {} },
      ]),
    );
    for (const words of [
      '小区议事',
      '议题（3）',
      '🗳 投票中',
      '幸福里小区 / 1号楼',
      '已投 12 户 / 共 40 户（30%）',
      '您家还没有投票',
      '✓ 您家已投票',
      '2 条意见',
      '✓ 已有决定',
      '今天作出决定',
      '已投 30 户 / 共 40 户（75%）',
      '小区公约 ›',
    ])
      expect(text()).toContain(words);
    expect(text()).toMatch(/投票到\d+月\d+日，当天都可以投/);

    page.querySelectorAll('.dcard__title').find((n) => n.dom.textContent === '1号楼加装电梯').dispatchEvent('tap');
    await until(() => navigations.length === 1);
    expect(navigations[0]).toEqual({ api: 'navigateTo', url: '/deliberation/topic/index?id=tpc_1' });
    named(page, '.dlb__link', '小区公约 ›').dispatchEvent('tap');
    await until(() => navigations.length === 2);
    expect(navigations[1]).toEqual({ api: 'navigateTo', url: '/deliberation/rules/index?compound=p1' });
  });

  it('says so when there are no topics yet', async () => {
    const { text } = loadPage('deliberation/index/index', { answer: cloud({ 'deliberation.mine': ok({ topics: [], total: 0, canOpen: false }), 'auth.whoAmI': ok(resident) }) });
    await until(() => text().includes('现在还没有议题'));
  });
});

describe('a topic in the built mini-program', () => {
  it('votes for the household after asking, then changes the vote after asking again; no counts while voting', async () => {
    const { asked, wx } = modal(true);
    let current = topic({ can: { vote: true, say: false } });
    const votes = [];
    const { page, text, calls } = loadPage('deliberation/topic/index', {
      query: { id: 'tpc_1' },
      wx,
      answer: cloud({
        'deliberation.detail': () => ok(current),
        'deliberation.vote': (d) => {
          votes.push(d);
          current = topic({ can: { vote: true }, myVote: { optionId: d.optionId, by: '孙福贵', at: Date.now() }, myHouseholdVoted: true, turnout: { voted: votes.length === 1 ? 13 : 13, households: 40, percent: 33 } });
          return ok(current);
        },
      }),
    });
    await until(() => text().includes('1号楼加装电梯'));
    expect(calls[0]).toEqual({ name: 'deliberation', action: 'detail', data: { id: 'tpc_1' } });
    for (const words of ['🗳 投票中', '议题背景', '1号楼是七层老楼', '参与方', '幸福里物业、业主委员会', '发起人', '刘芳', '已投 12 户 / 共 40 户（30%）', '投票结束后公布各项票数。谁投了什么不公开。', '同意加装', '不同意', '再商量'])
      expect(text()).toContain(words);
    expect(text()).not.toContain('各项票数 ');

    option(page, '同意加装').dispatchEvent('tap');
    await until(() => text().includes('您家已投：同意加装'));
    expect(asked[0]).toMatch(/^投票：您家投“同意加装”？一户一票，截止前可以改。/);
    expect(votes).toEqual([{ topicId: 'tpc_1', optionId: 'a' }]);
    expect(text()).toMatch(/✓ 您家已投：同意加装（孙福贵 今天）/);
    expect(text()).toContain('已投票：“同意加装”。谢谢您！');
    expect(option(page, '同意加装').dom.textContent).toContain('✓');

    // The same option again: nothing is sent.
    option(page, '同意加装').dispatchEvent('tap');
    await until(() => text().includes('您家已经投了“同意加装”'));
    expect(votes).toHaveLength(1);

    option(page, '再商量').dispatchEvent('tap');
    await until(() => text().includes('您家已投：再商量'));
    expect(asked[1]).toMatch(/^改票：把您家的票改投“再商量”？/);
    expect(votes[1]).toEqual({ topicId: 'tpc_1', optionId: 'c' });
    expect(text()).toContain('已改投“再商量”。');
  });

  it('sends nothing when the person thinks again at the question', async () => {
    const { wx } = modal(false);
    const votes = [];
    const { page, text } = loadPage('deliberation/topic/index', {
      query: { id: 'tpc_1' },
      wx,
      answer: cloud({ 'deliberation.detail': ok(topic({ can: { vote: true } })), 'deliberation.vote': (d) => (votes.push(d), ok(topic())) }),
    });
    await until(() => text().includes('1号楼加装电梯'));
    option(page, '不同意').dispatchEvent('tap');
    await new Promise((r) => setTimeout(r, 100));
    expect(votes).toEqual([]);
  });

  it('says a refused vote in the server\'s words and reads the topic again', async () => {
    const { wx } = modal(true);
    let reads = 0;
    const closed = topic({ phase: 'awaiting', can: {}, voteClosedReason: '投票已结束', options: options([20, 8, 2]) });
    const { page, text } = loadPage('deliberation/topic/index', {
      query: { id: 'tpc_1' },
      wx,
      answer: cloud({
        'deliberation.detail': () => (++reads === 1 ? ok(topic({ can: { vote: true } })) : ok(closed)),
        'deliberation.vote': { ok: false, code: 'TOPIC.VOTING_CLOSED', message: '投票已经截止，不能再投或改票了' },
      }),
    });
    await until(() => text().includes('1号楼加装电梯'));
    option(page, '同意加装').dispatchEvent('tap');
    await until(() => text().includes('投票已经截止，不能再投或改票了') && text().includes('各项票数'));
    expect(reads).toBe(2);
    expect(page.querySelectorAll('.doption')).toHaveLength(0);
  });

  it('shows each option\'s count once the vote closed, the household\'s vote, and the decision with its minutes', async () => {
    const decided = topic({
      phase: 'decided',
      decidedAt: Date.now() - 3600_000,
      options: options([23, 14, 3]),
      myVote: { optionId: 'b', by: '孙桂英', at: Date.now() - 2 * 86400_000 },
      myHouseholdVoted: true,
      turnout: { voted: 40, households: 58, percent: 69 },
      decision: decision({ rulesVersion: 2 }),
    });
    const { page, text, navigations } = loadPage('deliberation/topic/index', { query: { id: 'tpc_1' }, answer: cloud({ 'deliberation.detail': ok(decided) }) });
    await until(() => text().includes('各项票数'));
    for (const words of [
      '✓ 已有决定',
      '投票结果',
      '已投 40 户 / 共 58 户（69%）',
      '您家已投：不同意（孙桂英',
      '✓ 同意加装（采纳）',
      '23 户，58%',
      '14 户，35%',
      '3 户，8%',
      '✓ 决定',
      '同意加装电梯，明年3月开工',
      '昨天逢三说事议事会决定',
      '社区党委、业委会、物业、居民代表 12 人',
      '会议纪要',
      '到会住户代表12人',
      '因此修改了小区公约（第 2 版）',
    ])
      expect(text()).toContain(words);
    expect(text()).not.toContain('投票结束后公布各项票数');
    expect(page.querySelectorAll('.doption')).toHaveLength(0);
    // The bars only draw what the words say: widths follow the shares.
    expect(page.querySelectorAll('.dresult__fill').map((n) => n.dom.getAttribute('style'))).toEqual([expect.stringContaining('58%'), expect.stringContaining('35%'), expect.stringContaining('8%')]);
    named(page, '.dlb__link', '查看小区公约 ›').dispatchEvent('tap');
    await until(() => navigations.length === 1);
    expect(navigations[0]).toEqual({ api: 'navigateTo', url: '/deliberation/rules/index?compound=p1' });
  });

  it('leaves an opinion once, with one client request id on a retry, and shows the reader\'s hidden opinion with its reason', async () => {
    const said = [];
    let fail = true;
    const opinions = topic({ phase: 'opinions', opinionsUntil: Date.now() + 2 * 86400_000, voteOpensAt: Date.now() + 3 * 86400_000, can: { say: true } });
    const { page, text } = loadPage('deliberation/topic/index', {
      query: { id: 'tpc_1' },
      answer: cloud({
        'deliberation.detail': ok(opinions),
        'deliberation.say': (d) => {
          said.push(d);
          if (fail) {
            fail = false;
            return { ok: false, code: 'NETWORK.TIMEOUT', message: '网络太慢，没有收到回复，请再试一次' };
          }
          return ok({ topic: { ...opinions, opinionsList: [...opinions.opinionsList, { id: 'op_3', author: '我', mine: true, text: d.text, createdAt: Date.now(), hidden: null }] }, created: true });
        },
      }),
    });
    await until(() => text().includes('说说您的意见'));
    for (const words of ['💬 征求意见中', '大家的意见（2）', '张*华 · 1号楼', '同意，费用按楼层分摊', '这条意见已被隐藏，别人看不到。原因：含有住户的门牌号']) expect(text()).toContain(words);
    expect(text()).toMatch(/征求意见到\d+月\d+日，\d+月\d+日开始投票/);

    // Empty: refused on the page, nothing sent.
    tapButton(page, '提交意见');
    await until(() => text().includes('请写下您的意见'));
    expect(said).toEqual([]);

    page.querySelector('.field__textarea').dispatchEvent('input', { detail: { value: '希望电梯噪音小一点' } });
    await new Promise((r) => setTimeout(r, 50));
    tapButton(page, '提交意见');
    await until(() => text().includes('网络太慢'));
    tapButton(page, '提交意见');
    await until(() => text().includes('意见已提交，大家都能看到'));
    expect(said).toHaveLength(2);
    expect(said[0]).toEqual({ clientRequestId: expect.any(String), topicId: 'tpc_1', text: '希望电梯噪音小一点' });
    expect(said[1].clientRequestId).toBe(said[0].clientRequestId);
    expect(text()).toContain('大家的意见（3）');
  });

  it('tells a resident of another building why not, in the server\'s words, and offers their own topics instead of trying again', async () => {
    const { page, text, navigations } = loadPage('deliberation/topic/index', { query: { id: 'tpc_1' }, answer: cloud({ 'deliberation.detail': { ok: false, code: 'TOPIC.NOT_YOURS', message: '这个议题是别的楼栋的，您看不到' } }) });
    await until(() => text().includes('这个议题是别的楼栋的'));
    expect(text()).not.toContain('重新加载');
    tapButton(page, '看看我的小区议事');
    await until(() => navigations.length === 1);
    expect(navigations[0]).toEqual({ api: 'navigateTo', url: '/deliberation/index/index' });
  });

  it('offers to try again when the network failed', async () => {
    const { text } = loadPage('deliberation/topic/index', { query: { id: 'tpc_1' }, answer: cloud({ 'deliberation.detail': { ok: false, code: 'NETWORK.TIMEOUT', message: '网络太慢，没有收到回复，请再试一次' } }) });
    await until(() => text().includes('网络太慢'));
    expect(text()).toContain('重新加载');
  });
});
