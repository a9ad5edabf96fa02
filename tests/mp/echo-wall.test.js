/**
 * 回音壁 in the built mini-program (dist/weapp): the subpackage `echo` as it ships — its page out of the
 * main package, home's 回音壁 entry and the code page's way to it — and the page rendered by
 * miniprogram-simulate with the reports function stood in for: a compound's month with what was
 * reported and done, how long, on time or late in words, the rating; the months before and after; the
 * share to the building group; a refusal in the server's words.
 */
const fs = require('fs');
const path = require('path');
const { loadPage, until, DIST } = require('./support/load-page');
const { cloud, ok } = require('./support/cloud');
const { files, rel, app, scriptsContaining } = require('./support/scripts');
const { resident } = require('./support/fixtures');

const compound = { id: 'p1', name: '幸福里小区', kind: 'compound', path: '/s1/c1/p1/' };
const entry = (o = {}) => ({
  key: '2026-11:1',
  category: 'elevator',
  categoryName: '电梯故障',
  icon: '🛗',
  place: '3号楼 2单元',
  reported: '电梯停在5楼不动',
  done: '维保公司已更换门锁',
  took: '4 小时',
  onTime: true,
  rating: 'satisfied',
  ratingLabel: '满意',
  resolvedAt: Date.parse('2026-11-20T15:00:00+08:00'),
  photos: [],
  ...o,
});
const wall = (o = {}) => ({
  compound,
  trail: '阳光社区 幸福里小区',
  month: '2026-11',
  months: [
    { month: '2026-11', count: 2 },
    { month: '2026-10', count: 1 },
  ],
  entries: [entry(), entry({ key: '2026-11:2', categoryName: '噪音扰民', icon: '🔊', place: '反映人选择匿名', reported: '楼上半夜装修', done: '已劝停', took: '3 个工作日', onTime: false, rating: null, ratingLabel: '待居民评价' })],
  total: 2,
  tally: { resolved: 2, onTime: 1, rated: 1, satisfied: 1 },
  ...o,
});

const named = (page, selector, words) => page.querySelectorAll(selector).find((n) => n.dom.textContent.trim() === words);
const tapButton = (page, words) => {
  const b = named(page, '.nut-button-children, .nut-button', words);
  if (!b) throw new Error(`no button ${words}`);
  b.dispatchEvent('tap');
};

let warn;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('the echo subpackage as it ships', () => {
  it('declares its page outside the main package, with its words only there', () => {
    const sub = app().subPackages.find((p) => p.root === 'echo');
    expect(sub.pages).toEqual(['wall/index']);
    expect(fs.existsSync(path.join(DIST, 'echo', 'wall/index.js'))).toBe(true);
    expect(app().pages).not.toContain('echo/wall/index');
    for (const words of ['每个月居民反映的问题和办理结果都在这里公示', '件已评价']) {
      expect(scriptsContaining(words).length).toBeGreaterThan(0);
      for (const f of scriptsContaining(words)) expect(f).toMatch(/^echo\//);
    }
  });

  it('is reached from home and from a public code: the path is in the main package', () => {
    const withPath = files(DIST).filter((f) => f.endsWith('.js') && !rel(f).startsWith('echo/') && fs.readFileSync(f, 'utf8').includes('/echo/wall/index'));
    expect(withPath.length).toBeGreaterThan(0);
  });

  it('opens from home\'s 回音壁 entry', async () => {
    const { page, text, navigations } = loadPage('pages/index/index', { answer: cloud({ 'auth.whoAmI': ok(resident), 'messages.list': ok({ messages: [], unread: 0 }) }) });
    await until(() => text().includes('孙福贵'));
    page.querySelectorAll('.home__entry-title').find((n) => n.dom.textContent === '回音壁').dispatchEvent('tap');
    await until(() => navigations.length === 1);
    expect(navigations).toEqual([{ api: 'navigateTo', url: '/echo/wall/index' }]);
  });
});

describe('回音壁 in the built mini-program', () => {
  it('shows the month from a public code: what was reported and done, how long, on time or late in words, the rating', async () => {
    const { text, calls } = loadPage('echo/wall/index', { answer: cloud({ 'reports.echoWall': ok(wall()) }), query: { code: 'abcd2345wxyz' } });
    await until(() => text().includes('电梯停在5楼不动'));
    expect(calls).toEqual([{ name: 'reports', action: 'echoWall', data: { codeId: 'abcd2345wxyz' } }]);
    for (const words of [
      '回音壁 · 2026年11月',
      '阳光社区 幸福里小区',
      '不写姓名、电话和门牌',
      '办结 2 件，按时 1 件，满意 1 / 1 件已评价',
      '🛗 电梯故障', '3号楼 2单元', '反映', '办理', '维保公司已更换门锁', '11月20日办结', '用时 4 小时 ✓ 按时', '评价：满意',
      '反映人选择匿名', '用时 3 个工作日 ⚠ 超时', '评价：待居民评价',
      '分享到楼栋群', '回到首页',
    ])
      expect(text()).toContain(words);
  });

  it('goes to the month before, and back', async () => {
    const { page, text, calls } = loadPage('echo/wall/index', {
      answer: cloud({ 'reports.echoWall': (d) => ok(d.month === '2026-10' ? wall({ month: '2026-10', entries: [entry({ reported: '十月的路灯坏了' })], total: 1 }) : wall()) }),
      query: { compound: 'p1' },
    });
    await until(() => text().includes('电梯停在5楼不动'));
    tapButton(page, '‹ 上个月');
    await until(() => text().includes('十月的路灯坏了'));
    expect(calls.at(-1)).toEqual({ name: 'reports', action: 'echoWall', data: { compoundId: 'p1', month: '2026-10' } });
    expect(text()).toContain('回音壁 · 2026年10月');
  });

  it('says an empty month plainly', async () => {
    const { text } = loadPage('echo/wall/index', { answer: cloud({ 'reports.echoWall': ok(wall({ entries: [], total: 0, tally: { resolved: 0, onTime: 0, rated: 0, satisfied: 0 } })) }), query: { compound: 'p1' } });
    await until(() => text().includes('还没有办结的反映'));
    expect(text()).toContain('2026年11月还没有办结的反映。');
  });

  it('says a refusal in the server\'s words with a way to try again', async () => {
    const { page, text } = loadPage('echo/wall/index', { answer: cloud({ 'reports.echoWall': { ok: false, code: 'ECHO.TOO_MANY_TRIES', message: '回音壁打开得太频繁了，请过 10 分钟再看' } }), query: { compound: 'p1' } });
    await until(() => text().includes('回音壁打开得太频繁了'));
    expect(!!named(page, '.nut-button-children, .nut-button', '重新加载')).toBe(true);
  });
});
