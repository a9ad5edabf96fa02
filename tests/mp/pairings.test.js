/**
 * 联户 in the built mini-program (dist/weapp): the subpackage `pairings` as it ships — its two pages out of
 * the main package, 我的's entry and its path in it — and its pages rendered by miniprogram-simulate with
 * the functions stood in for: 我的联户 with a household's kinds and visits, and the visit form, which files
 * the household's report through wx.cloud before it records the visit with that report's id.
 */
const fs = require('fs');
const path = require('path');
const { loadPage, until, DIST } = require('./support/load-page');
const { cloud, ok } = require('./support/cloud');
const { files, rel, app, scriptsContaining } = require('./support/scripts');

const DAY = 24 * 3600_000;
const chinaDay = (t) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
const PAIRING_ID = 'per_zhou:b1|2|5|502';


function pairing(overrides = {}) {
  return {
    id: PAIRING_ID,
    version: 1,
    status: 'active',
    statusLabel: '结对中',
    member: { id: 'per_zhou', name: '周敏' },
    household: { buildingId: 'b1', trail: '幸福里小区 1号楼', door: { entrance: '2', floor: 5, room: '502' }, doorLabel: '2单元 5层 502室' },
    kinds: ['独居老人', '高龄'],
    contactName: '孙桂英',
    contactPhone: '13900002233',
    visits: 2,
    lastVisitOn: chinaDay(Date.now() - DAY),
    createdAt: Date.now() - 30 * DAY,
    endedAt: null,
    endReason: null,
    ...overrides,
  };
}
const CATEGORIES = [
  { code: 'noise', name: '噪音扰民', icon: '🔊', entryLevel: 'building', urgent: false, compoundHandler: 'compound_secretary' },
  { code: 'public_facility', name: '路灯道路管道', icon: '💡', entryLevel: 'compound', urgent: false, compoundHandler: 'property_manager' },
];
const REPORT = { id: 'r_visit', version: 1, category: 'public_facility', categoryName: '路灯道路管道', icon: '💡', status: 'submitted', statusLabel: '待响应', level: 'building', levelLabel: '楼栋', handlerName: '赵桂兰', respondBy: Date.now() + 4 * 3600_000, dueAt: Date.now() + DAY };

const named = (page, selector, words) => page.querySelectorAll(selector).find((n) => n.dom.textContent.trim() === words);
const tapButton = (page, words) => {
  const b = named(page, '.nut-button-children, .nut-button', words);
  if (!b) throw new Error(`no button ${words}`);
  b.dispatchEvent('tap');
};
const typeInto = (page, index, value) => page.querySelectorAll('.field__textarea')[index].dispatchEvent('input', { detail: { value } });

let warn;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('the pairings subpackage as it ships', () => {
  it('declares its two pages outside the main package, with their words only there', () => {
    const sub = app().subPackages.find((p) => p.root === 'pairings');
    expect(sub.pages).toEqual(['mine/index', 'visit/index']);
    for (const page of sub.pages) {
      expect(fs.existsSync(path.join(DIST, 'pairings', `${page}.js`))).toBe(true);
      expect(app().pages).not.toContain(`pairings/${page}`);
    }
    for (const f of scriptsContaining('已解除的结对')) expect(f).toMatch(/^pairings\//);
    for (const f of scriptsContaining('反映并记录走访')) expect(f).toMatch(/^pairings\//);
    expect(scriptsContaining('反映并记录走访').length).toBeGreaterThan(0);
  });

  it('opens 我的联户 from 我的: the entry and the path are in the main package', () => {
    const main = (s) => scriptsContaining(s).filter((f) => !f.startsWith('pairings/'));
    expect(main('我的联户').length).toBeGreaterThan(0);
    const withPath = files(DIST).filter((f) => f.endsWith('.js') && !rel(f).startsWith('pairings/') && fs.readFileSync(f, 'utf8').includes('/pairings/mine/index'));
    expect(withPath.length).toBeGreaterThan(0);
  });
});

describe('我的联户 in the built mini-program', () => {
  it('lists the household with its kinds, contact and visits, and opens the visit form', async () => {
    const { page, text, calls, navigations } = loadPage('pairings/mine/index', { answer: cloud({ 'pairings.mine': ok({ pairings: [pairing()] }) }) });
    await until(() => text().includes('2单元 5层 502室'));

    expect(calls).toEqual([{ name: 'pairings', action: 'mine', data: {} }]);
    for (const words of ['我的联户', '您结对联系 1 户', '幸福里小区 1号楼', '独居老人', '高龄', '联系人：孙桂英 13900002233', '已走访 2 次，最近一次是昨天']) expect(text()).toContain(words);
    tapButton(page, '记录走访');
    await until(() => navigations.length === 1);
    expect(navigations).toEqual([{ api: 'navigateTo', url: `/pairings/visit/index?id=${encodeURIComponent(PAIRING_ID)}` }]);
  });
});

describe('the visit form in the built mini-program', () => {
  const open = (routes = {}) =>
    loadPage('pairings/visit/index', {
      answer: cloud({ 'pairings.mine': ok({ pairings: [pairing()] }), 'reports.categories': ok({ categories: CATEGORIES }), ...routes }),
      query: { id: encodeURIComponent(PAIRING_ID) },
    });

  it('refuses an empty visit in words and sends nothing', async () => {
    const { page, text, calls } = open();
    await until(() => text().includes('这次做了什么'));
    expect(text()).toContain('✓ 今天');

    tapButton(page, '保存走访记录');
    await until(() => text().includes('请写一写这次走访做了什么'));
    expect(calls.filter((c) => c.action === 'recordVisit' || c.action === 'create')).toEqual([]);
  });

  it('files the household\'s report through wx.cloud, then records the visit with its id', async () => {
    const { page, text, calls } = open({
      'reports.create': ok({ report: REPORT, created: true }),
      'pairings.recordVisit': (d) => ok({ visit: { id: 'vis_1', pairingId: PAIRING_ID, member: { id: 'per_zhou', name: '周敏' }, household: pairing().household, date: d.date, done: d.done, needs: d.needs, reportId: d.reportId, createdAt: Date.now() }, created: true }),
    });
    await until(() => text().includes('这次做了什么'));

    typeInto(page, 0, '上门问候，帮忙换了厨房的灯泡');
    page.querySelector('.toggle').dispatchEvent('tap');
    await until(() => text().includes('路灯道路管道'));
    named(page, '.cats__name', '路灯道路管道').dispatchEvent('tap');
    typeInto(page, 2, '楼道灯坏了一个月，老人晚上下楼看不见');
    await until(() => text().includes('✓ 路灯道路管道'));
    tapButton(page, '反映并记录走访');
    await until(() => text().includes('✓ 走访已记录'));

    const sent = calls.filter((c) => c.action === 'create' || c.action === 'recordVisit');
    expect(sent).toEqual([
      {
        name: 'reports',
        action: 'create',
        data: { clientRequestId: expect.stringMatching(/^\w{16,}$/), unitId: 'b1', category: 'public_facility', description: '楼道灯坏了一个月，老人晚上下楼看不见', channel: 'visit', pairingId: PAIRING_ID },
      },
      {
        name: 'pairings',
        action: 'recordVisit',
        data: { clientRequestId: expect.stringMatching(/^\w{16,}$/), pairingId: PAIRING_ID, date: chinaDay(Date.now()), done: '上门问候，帮忙换了厨房的灯泡', needs: null, reportId: 'r_visit' },
      },
    ]);
    expect(sent[0].data.clientRequestId).not.toBe(sent[1].data.clientRequestId);
    expect(text()).toContain('交赵桂兰（楼栋）办理');
  });
});
