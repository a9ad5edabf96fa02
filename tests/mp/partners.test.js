/**
 * 共建单位 in the built mini-program (dist/weapp): the subpackage `partners` as it ships — its five pages out
 * of the main package, 我的's entry and its path in it — and 我的共建单位 and a need's page rendered by
 * miniprogram-simulate with the partners function stood in for: the entry shown only to whoever acts for a
 * partner, the list with our side, projects in words (those waiting for us first), open needs and resources,
 * and a claim with a note and a confirm, once with one request id, and the claim another partner won first.
 * The project, visit and resource pages: partners-pages.test.js.
 */
const fs = require('fs');
const path = require('path');
const { loadPage, until, DIST } = require('./support/load-page');
const { cloud, ok } = require('./support/cloud');
const { resident } = require('./support/fixtures');
const { app, scriptsContaining } = require('./support/scripts');
const { contact, mine, need, project, PARTNER } = require('./partners-fixtures');

const named = (page, selector, words) => page.querySelectorAll(selector).find((n) => n.dom.textContent.trim() === words);
const tapButton = (page, words) => {
  const b = named(page, '.nut-button-children, .nut-button', words);
  if (!b) throw new Error(`no button ${words}`);
  b.dispatchEvent('tap');
};
/** WeChat's modal, answered 确定 (or 取消): what the page asked is kept. */
const modal = (confirm = true) => {
  const asked = [];
  const showModal = jest.fn((opts = {}) => {
    asked.push({ title: opts.title, content: opts.content });
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

describe('the partners subpackage as it ships', () => {
  it('declares its five pages outside the main package, with their words only there', () => {
    const sub = app().subPackages.find((p) => p.root === 'partners');
    expect(sub.pages).toEqual(['index/index', 'need/index', 'project/index', 'visit/index', 'resource/index']);
    for (const page of sub.pages) {
      expect(fs.existsSync(path.join(DIST, 'partners', `${page}.js`))).toBe(true);
      expect(app().pages).not.toContain(`partners/${page}`);
    }
    for (const words of ['认领这项需求', '记录这次走访', '提供这项资源', '接受，开始这个项目', '来晚了一步']) {
      expect(scriptsContaining(words).length).toBeGreaterThan(0);
      for (const f of scriptsContaining(words)) expect(f).toMatch(/^partners\//);
    }
  });

  it('opens 我的共建单位 from 我的: the entry and the path are in the main package', () => {
    const main = (s) => scriptsContaining(s).filter((f) => !f.startsWith('partners/'));
    expect(main('/partners/index/index').length).toBeGreaterThan(0);
    expect(main('共建单位：').length).toBeGreaterThan(0);
  });
});

describe('我的 (the entry)', () => {
  it('shows 我的共建单位 to a partner\'s contact, naming the partner, and opens it', async () => {
    const { page, text, calls, navigations } = loadPage('pages/me/index', {
      answer: cloud({ 'auth.whoAmI': ok(contact), 'members.mine': ok({ checkins: [], howToCheckIn: '' }), 'partners.mine': ok({ partners: [mine()] }) }),
    });
    await until(() => text().includes('共建单位：市第一人民医院'));
    expect(calls).toEqual(expect.arrayContaining([{ name: 'partners', action: 'mine', data: {} }]));
    tapButton(page, '我的共建单位');
    await until(() => navigations.length === 1);
    expect(navigations).toEqual([{ api: 'navigateTo', url: '/partners/index/index' }]);
  });

  it('shows nothing of it to someone who acts for no partner', async () => {
    const { text, calls } = loadPage('pages/me/index', {
      answer: cloud({ 'auth.whoAmI': ok(resident), 'members.mine': ok({ checkins: [], howToCheckIn: '' }), 'partners.mine': ok({ partners: [] }) }),
    });
    await until(() => text().includes('我的身份') && calls.some((c) => c.name === 'partners'));
    await new Promise((r) => setTimeout(r, 50));
    expect(text()).not.toContain('共建单位');
  });
});

describe('我的共建单位', () => {
  it('shows our side, the projects in words with the one waiting for us first, the open needs and our resources', async () => {
    const { page, text, navigations } = loadPage('partners/index/index', { answer: cloud({ 'partners.mine': ok({ partners: [mine()] }) }) });
    await until(() => text().includes('市第一人民医院'));
    for (const w of ['我是联络人', '医院', '共建社区：阳光社区', '共建项目（1 个等我方确认）', '⏳ 待我方确认', '⏳ 待社区确认', '✓ 已完成', '去确认 ›']) expect(text()).toContain(w);
    for (const w of ['社区的需求（1 项待认领）', '老年活动室缺一个读书角', '需要：场地', '阳光社区 / 幸福里小区', '认领 ›']) expect(text()).toContain(w);
    for (const w of ['我们的资源（1 项）', '心血管科义诊', '数量：每月 1 次，3 名医生', '时间：每月第一个周六上午', '最近的走访', '见了：社区书记、3 号楼楼栋长']) expect(text()).toContain(w);
    // Waiting for us comes first, the finished one last.
    const titles = page.querySelectorAll('.pcard__title').map((n) => n.dom.textContent.trim());
    expect(titles.slice(0, 3)).toEqual(['借用医院会议室办讲座', '老年活动室缺一个读书角', '健康讲座进社区']);

    page.querySelectorAll('.pcard')[0].dispatchEvent('tap');
    await until(() => navigations.length === 1);
    expect(navigations[0]).toEqual({ api: 'navigateTo', url: '/partners/project/index?id=prj_ask' });
    page.querySelectorAll('.pcard')[3].dispatchEvent('tap');
    await until(() => navigations.length === 2);
    expect(navigations[1]).toEqual({ api: 'navigateTo', url: '/partners/need/index?partner=ptn_1&id=need_1' });
    tapButton(page, '提供资源');
    await until(() => navigations.length === 3);
    expect(navigations[2]).toEqual({ api: 'navigateTo', url: '/partners/resource/index?partner=ptn_1' });
    tapButton(page, '记录走访');
    await until(() => navigations.length === 4);
    expect(navigations[3]).toEqual({ api: 'navigateTo', url: '/partners/visit/index?partner=ptn_1' });
  });

  it('says so when the person acts for no partner', async () => {
    const { text } = loadPage('partners/index/index', { answer: cloud({ 'partners.mine': ok({ partners: [] }) }) });
    await until(() => text().includes('您现在不是哪家共建单位的联络人'));
    expect(text()).not.toContain('记录走访');
  });

  it('says there is nothing yet, in words, for a new partner', async () => {
    const { text } = loadPage('partners/index/index', { answer: cloud({ 'partners.mine': ok({ partners: [mine({ side: 'member', sideLabel: '在职党员', projects: [], openNeeds: [], resources: [], visits: [] })] }) }) });
    await until(() => text().includes('我是在职党员'));
    for (const w of ['还没有项目', '共建社区现在没有待认领的需求', '还没有提供资源']) expect(text()).toContain(w);
  });
});

describe('认领需求', () => {
  const query = { partner: PARTNER.id, id: 'need_1' };
  const claimed = (d) => ok({ project: project({ id: 'prj_new', title: '老年活动室缺一个读书角', status: 'proposed', startedBy: 'partner', clientRequestId: d.clientRequestId }), created: true });

  it('claims a need with a note after a confirm, once, and says the community will confirm', async () => {
    const m = modal();
    const { page, text, calls, navigations } = loadPage('partners/need/index', { query, wx: m.wx, answer: cloud({ 'partners.mine': ok({ partners: [mine()] }), 'partners.claimNeed': claimed }) });
    await until(() => text().includes('认领这项需求'));
    for (const w of ['☆ 待认领', '需要场地', '地点阳光社区 / 幸福里小区', '来源来自走访', '小区老人想要一个能读书看报的地方', '以“市第一人民医院”的名义认领']) expect(text().replace(/\s/g, '')).toContain(w.replace(/\s/g, ''));
    page.querySelector('.field__textarea').dispatchEvent('input', { detail: { value: '我们有 5 名志愿者，每周六上午可以来' } });
    tapButton(page, '认领这项需求');
    await until(() => text().includes('✓ 已认领'));
    expect(m.asked[0].title).toBe('认领需求');
    expect(m.asked[0].content).toContain('以“市第一人民医院”的名义认领“老年活动室缺一个读书角”');
    expect(text()).toContain('⏳ 待社区确认');
    expect(text()).toContain('社区确认后项目就开始了');
    expect(calls.filter((c) => c.action === 'claimNeed')).toEqual([
      { name: 'partners', action: 'claimNeed', data: { clientRequestId: expect.stringMatching(/^\w{16,}$/), needId: 'need_1', partnerId: 'ptn_1', note: '我们有 5 名志愿者，每周六上午可以来' } },
    ]);
    tapButton(page, '查看项目');
    await until(() => navigations.length === 1);
    expect(navigations[0]).toEqual({ api: 'redirectTo', url: '/partners/project/index?id=prj_new' });
  });

  it('sends nothing when the confirm is answered 再想想', async () => {
    const m = modal(false);
    const { page, text, calls } = loadPage('partners/need/index', { query, wx: m.wx, answer: cloud({ 'partners.mine': ok({ partners: [mine()] }), 'partners.claimNeed': claimed }) });
    await until(() => text().includes('认领这项需求'));
    tapButton(page, '认领这项需求');
    await until(() => m.asked.length === 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.filter((c) => c.action === 'claimNeed')).toEqual([]);
    expect(text()).not.toContain('已认领');
  });

  it('says kindly that another partner claimed it a moment before, and leads on to the other needs', async () => {
    const TAKEN = { ok: false, code: 'NEED.TAKEN', message: '这项需求刚刚被另一家共建单位认领了，请看看其他需求' };
    const { page, text, navigations } = loadPage('partners/need/index', { query, wx: modal().wx, answer: cloud({ 'partners.mine': ok({ partners: [mine()] }), 'partners.claimNeed': TAKEN }) });
    await until(() => text().includes('认领这项需求'));
    tapButton(page, '认领这项需求');
    await until(() => text().includes('来晚了一步'));
    expect(text()).toContain('这项需求刚刚被另一家共建单位认领了');
    expect(text()).toContain('谢谢你们的热心');
    tapButton(page, '看看其他需求');
    await until(() => navigations.length === 1);
    expect(navigations[0]).toEqual({ api: 'redirectTo', url: '/partners/index/index' });
  });

  it('says the same when the need is no longer open as the page opens', async () => {
    const { text } = loadPage('partners/need/index', { query, answer: cloud({ 'partners.mine': ok({ partners: [mine({ openNeeds: [] })] }) }) });
    await until(() => text().includes('来晚了一步'));
    expect(text()).toContain('已经不在待认领的需求里了');
  });

  it('tells a refused note under its box, in the server\'s words', async () => {
    const TOO_LONG = { ok: false, code: 'INPUT.INVALID', field: 'note', message: '认领说明最多 200 个字' };
    const { page, text } = loadPage('partners/need/index', { query, wx: modal().wx, answer: cloud({ 'partners.mine': ok({ partners: [mine({ openNeeds: [need()] })] }), 'partners.claimNeed': TOO_LONG }) });
    await until(() => text().includes('认领这项需求'));
    page.querySelector('.field__textarea').dispatchEvent('input', { detail: { value: '好' } });
    tapButton(page, '认领这项需求');
    await until(() => !!page.querySelector('.field__error') && page.querySelector('.field__error').dom.textContent.includes('认领说明最多 200 个字'));
    expect(page.querySelector('.message--error').dom.textContent).toContain('认领说明最多 200 个字');
  });
});
