/**
 * 积分 in the built mini-program (dist/weapp): the subpackage `points` as it ships — its five pages out of
 * the main package, home's 我的积分 entry and its path in it — and its pages rendered by
 * miniprogram-simulate with the points function stood in for: 我的积分 with its ledger (and a plain
 * resident's kind explanation), 积分超市 redeeming through a confirm step (the same request id on a retry
 * after no answer), 我的兑换 cancelling with a reason, the board with the caller's row marked in words and
 * the year's ranking a tap away, and 记录服务 refusing an empty form and sending a record.
 */
const fs = require('fs');
const path = require('path');
const { loadPage, until, DIST } = require('./support/load-page');
const { cloud, ok } = require('./support/cloud');
const { files, rel, app, scriptsContaining } = require('./support/scripts');
const { resident } = require('./support/fixtures');

const DAY = 24 * 3600_000;
const chinaDay = (t) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
const ME = { id: 'per_zhou', name: '周敏' };
const community = { id: 'c1', name: '阳光社区', kind: 'community', path: '/s1/c1/' };

const entry = (id, points, reason, kind, kindLabel, at, balanceAfter) => ({ id, person: ME, points, reason, kind, kindLabel, grantedBy: null, at, balanceAfter });
function mine(overrides = {}) {
  const now = Date.now();
  return {
    balance: 12,
    entries: [
      entry('redemption:1', -20, '兑换 洗衣液 2kg', 'redemption', '积分兑换', now - 60_000, 12),
      entry('lecture:s1', 2, '参加讲座《防范电信诈骗》', 'lecture', '参加讲座', now - DAY, 32),
      entry('service:r1', 30, '陪独居老人去医院复诊', 'service', '志愿服务', now - 3 * DAY, 30),
    ],
    total: 3,
    onBoard: false,
    earns: true,
    ...overrides,
  };
}
const goods = (overrides = {}) => ({ id: 'g1', version: 1, name: '洗衣液 2kg', description: '周三下午社区服务站领取', price: 10, stock: 5, picture: null, status: 'on', statusLabel: '上架', ...overrides });
const order = (overrides = {}) => ({
  id: 'per_zhou:req',
  goodsId: 'g1',
  goodsName: '洗衣液 2kg',
  price: 10,
  person: ME,
  status: 'ordered',
  statusLabel: '待领取',
  orderedAt: Date.now() - 60_000,
  collectedAt: null,
  cancelledAt: null,
  cancelReason: null,
  ...overrides,
});
const record = (overrides = {}) => ({
  id: 'sr1',
  version: 1,
  person: ME,
  trail: '幸福里小区',
  what: '陪独居老人去医院复诊',
  date: chinaDay(Date.now() - DAY),
  minutes: 90,
  forWhom: '3号楼独居老人',
  status: 'pending',
  statusLabel: '待确认',
  points: null,
  pointsIfConfirmed: 1,
  decidedBy: null,
  decidedAt: null,
  rejectReason: null,
  createdAt: Date.now() - DAY,
  ...overrides,
});

const named = (page, selector, words) => page.querySelectorAll(selector).find((n) => n.dom.textContent.trim() === words);
const tapButton = (page, words) => {
  const b = named(page, '.nut-button-children, .nut-button', words);
  if (!b) throw new Error(`no button ${words}`);
  b.dispatchEvent('tap');
};
const tapText = (page, selector, words) => {
  const n = named(page, selector, words);
  if (!n) throw new Error(`nothing saying ${words}`);
  n.dispatchEvent('tap');
};

let warn;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('the points subpackage as it ships', () => {
  it('declares its five pages outside the main package, with their words only there', () => {
    const sub = app().subPackages.find((p) => p.root === 'points');
    expect(sub.pages).toEqual(['index/index', 'shop/index', 'orders/index', 'board/index', 'service/index']);
    for (const page of sub.pages) {
      expect(fs.existsSync(path.join(DIST, 'points', `${page}.js`))).toBe(true);
      expect(app().pages).not.toContain(`points/${page}`);
    }
    for (const words of ['兑换后积分立即扣除', '积分由党员、志愿者参加服务获得', '提交服务记录', '确认取消兑换']) {
      expect(scriptsContaining(words).length).toBeGreaterThan(0);
      for (const f of scriptsContaining(words)) expect(f).toMatch(/^points\//);
    }
  });

  it('opens 我的积分 from home: the entry and the path are in the main package', () => {
    const withPath = files(DIST).filter((f) => f.endsWith('.js') && !rel(f).startsWith('points/') && fs.readFileSync(f, 'utf8').includes('/points/index/index'));
    expect(withPath.length).toBeGreaterThan(0);
    expect(scriptsContaining('积分、兑换、公示栏').filter((f) => !f.startsWith('points/')).length).toBeGreaterThan(0);
  });
});

describe('home\'s 我的积分 entry', () => {
  const whoAmI = (me) => cloud({ 'auth.whoAmI': ok(me), 'messages.list': ok({ messages: [], unread: 0 }) });
  const member = {
    ...resident,
    person: { id: 'per_zhou', name: '周敏', phone: '13900003333', username: 'dangyuan' },
    bindings: [...resident.bindings, { ...resident.bindings[0], id: 'bind_member', role: 'member', roleLabel: '党员' }],
  };

  it('is there for a member and opens 我的积分 in its subpackage', async () => {
    const { page, text, navigations } = loadPage('pages/index/index', { answer: whoAmI(member) });
    await until(() => text().includes('我的积分'));
    expect(text()).toContain('积分、兑换、公示栏');
    named(page, '.home__entry-title', '我的积分').dispatchEvent('tap');
    await until(() => navigations.length > 0);
    expect(navigations).toEqual([{ api: 'navigateTo', url: '/points/index/index' }]);
  });

  it('is not there for a plain resident, who earns no points', async () => {
    const { text } = loadPage('pages/index/index', { answer: whoAmI(resident) });
    await until(() => text().includes('社区讲堂'));
    expect(text()).not.toContain('我的积分');
  });
});

describe('我的积分 in the built mini-program', () => {
  it('shows the balance, the ledger with signs and balances after, whether the name is on the board, and the ways on', async () => {
    const { page, text, calls, navigations } = loadPage('points/index/index', { answer: cloud({ 'points.mine': ok(mine()) }) });
    await until(() => text().includes('积分明细'));

    expect(calls).toEqual([{ name: 'points', action: 'mine', data: { limit: 30 } }]);
    for (const words of ['现有积分', '12 分', '兑换 洗衣液 2kg', '今天 · 积分兑换', '−20', '余 12', '参加讲座《防范电信诈骗》', '昨天 · 参加讲座', '+2', '余 32', '+30', '公示栏上您这一行写“未公开姓名”'])
      expect(text()).toContain(words);
    tapText(page, '.points__link', '积分公示栏 ›');
    tapText(page, '.points__link', '在“我的信息”里修改 ›');
    tapButton(page, '去积分超市兑换');
    await until(() => navigations.length === 3);
    expect(navigations.map((n) => n.url)).toEqual(['/points/board/index', '/mydata/index/index', '/points/shop/index']);
  });

  it('says kindly why a plain resident has no points, and offers no shop', async () => {
    const { text } = loadPage('points/index/index', { answer: cloud({ 'points.mine': ok(mine({ balance: 0, entries: [], total: 0, earns: false })) }) });
    await until(() => text().includes('积分由党员、志愿者参加服务获得'));
    expect(text()).toContain('回到首页');
    expect(text()).not.toContain('去积分超市兑换');
  });

  it('says what went wrong, in Chinese, when the phone is offline, and tries again', async () => {
    let answers = 0;
    const { page, text } = loadPage('points/index/index', {
      answer: cloud({ 'points.mine': () => (++answers === 1 ? { ok: false, code: 'NETWORK.OFFLINE', message: '手机没有联网：请打开 Wi-Fi 或手机流量，连上后再试一次' } : ok(mine())) }),
    });
    await until(() => text().includes('手机没有联网'));
    tapButton(page, '重新加载');
    await until(() => text().includes('积分明细'));
  });
});

describe('积分超市 in the built mini-program', () => {
  it('redeems through a confirm step, sends the same request id again after no answer, and shows the balance after', async () => {
    const sent = [];
    const { page, text } = loadPage('points/shop/index', {
      answer: cloud({
        'points.goods': ok({ community, goods: [goods(), goods({ id: 'g2', name: '大米 5kg', price: 50, stock: 3 }), goods({ id: 'g3', name: '毛巾', price: 5, stock: 0 })], balance: 12 }),
        'points.redeem': (d) => {
          sent.push(d);
          return sent.length === 1 ? { ok: false, code: 'NETWORK.TIMEOUT', message: '网络太慢，等了很久没有回应：请到信号好一点的地方再试一次' } : ok({ redemption: order(), balance: 2, created: true });
        },
      }),
    });
    await until(() => text().includes('洗衣液 2kg'));
    for (const words of ['现有积分', '12 分', '10 积分', '还剩 5 件', '积分不够，还差 38 分', '已兑完']) expect(text()).toContain(words);
    // Only what the balance covers and is in stock has a button.
    expect(page.querySelectorAll('.nut-button').filter((b) => b.dom.textContent.trim() === '兑换')).toHaveLength(1);

    tapButton(page, '兑换');
    await until(() => text().includes('确认兑换'));
    for (const words of ['需要积分', '10 分', '兑换后还剩', '2 分', '兑换后积分立即扣除，请到社区领取。']) expect(text()).toContain(words);
    expect(sent).toEqual([]);

    tapButton(page, '确认兑换');
    await until(() => text().includes('网络太慢'));
    tapButton(page, '再试一次');
    await until(() => text().includes('✓ 兑换成功'));
    expect(sent).toEqual([
      { clientRequestId: expect.stringMatching(/^\w{16,}$/), goodsId: 'g1' },
      { clientRequestId: sent[0].clientRequestId, goodsId: 'g1' },
    ]);
    for (const words of ['扣除积分', '现有积分', '2 分', '待领取', '请带上手机到社区领取']) expect(text()).toContain(words);
  });

  it('goes back to the goods with the server\'s words when the redemption is refused', async () => {
    const { page, text } = loadPage('points/shop/index', {
      answer: cloud({
        'points.goods': ok({ community, goods: [goods()], balance: 12 }),
        'points.redeem': { ok: false, code: 'SHOP.OUT_OF_STOCK', message: '洗衣液 2kg 已经兑完了' },
      }),
    });
    await until(() => text().includes('洗衣液 2kg'));
    tapButton(page, '兑换');
    await until(() => text().includes('确认兑换'));
    tapButton(page, '确认兑换');
    await until(() => text().includes('洗衣液 2kg 已经兑完了') && text().includes('积分超市'));
  });
});

describe('我的兑换 in the built mini-program', () => {
  it('lists orders with their state in words and cancels one waiting to be collected, with a reason', async () => {
    const cancelled = [];
    const { page, text } = loadPage('points/orders/index', {
      answer: cloud({
        'points.myOrders': () =>
          ok({
            redemptions: [
              order(cancelled.length ? { status: 'cancelled', statusLabel: '已取消', cancelledAt: Date.now(), cancelReason: cancelled[0].reason } : {}),
              order({ id: 'o2', goodsName: '大米 5kg', price: 50, status: 'collected', statusLabel: '已领取', orderedAt: Date.now() - 3 * DAY, collectedAt: Date.now() - DAY }),
            ],
            total: 2,
          }),
        'points.cancelOrder': (d) => (cancelled.push(d), ok(order({ status: 'cancelled', statusLabel: '已取消' }))),
      }),
    });
    await until(() => text().includes('大米 5kg'));
    for (const words of ['⏳ 待领取', '✓ 已领取', '昨天领取']) expect(text()).toContain(words);

    tapButton(page, '取消兑换');
    await until(() => text().includes('为什么取消'));
    tapButton(page, '确认取消兑换');
    await until(() => text().includes('请写一写为什么取消'));
    expect(cancelled).toEqual([]);
    tapText(page, '.points__quick-item', '不需要了');
    await until(() => text().includes('4/100 字') && !text().includes('请写一写为什么取消'));
    tapButton(page, '确认取消兑换');
    await until(() => text().includes('10 积分已退回'));
    expect(cancelled).toEqual([{ id: 'per_zhou:req', reason: '不需要了' }]);
    expect(text()).toContain('✕ 已取消');
    expect(text()).toContain('原因：不需要了');
  });
});

describe('积分公示栏 in the built mini-program', () => {
  it('ranks the compound this month with unnamed rows and the caller\'s row marked in words, and reads the year on a tap', async () => {
    const now = Date.now();
    const month = chinaDay(now).slice(0, 7);
    const rows = [
      { rank: 1, name: '王建设', named: true, points: 30, mine: false },
      { rank: 2, name: '党员（未公开姓名）', named: false, points: 20, mine: false },
      { rank: 3, name: '周敏', named: true, points: 12, mine: true },
    ];
    const { page, text, calls } = loadPage('points/board/index', {
      answer: cloud({
        'points.board': (d) => ok({ unit: { id: 'p1', name: '幸福里小区', kind: 'compound', path: '/s1/c1/p1/' }, trail: '阳光社区 / 幸福里小区', period: d.month ? `${month.slice(0, 4)}年${Number(month.slice(5))}月` : `${d.year}年`, rows: d.month ? rows : rows.slice(0, 2), myRow: d.month ? null : { rank: 7, name: '周敏', named: true, points: 40, mine: true } }),
      }),
    });
    await until(() => text().includes('积分排名'));
    expect(calls).toEqual([{ name: 'points', action: 'board', data: { month } }]);
    for (const words of ['王建设', '党员（未公开姓名）', '周敏', '◀ 我', '✓ 本月']) expect(text()).toContain(words);

    tapText(page, '.choices__text', '今年');
    await until(() => text().includes('我的名次'));
    expect(calls[1]).toEqual({ name: 'points', action: 'board', data: { year: Number(month.slice(0, 4)) } });
    expect(text()).toContain(`${month.slice(0, 4)}年积分排名`);
    expect(text()).toContain('40 分');
  });
});

describe('记录服务 in the built mini-program', () => {
  it('refuses an empty form in words, then sends a record with its request id and lists records with their states', async () => {
    const sent = [];
    const { page, text } = loadPage('points/service/index', {
      answer: cloud({
        'points.myServices': () =>
          ok({
            records: [
              ...(sent.length ? [record({ id: 'sr9', what: sent[0].what, date: sent[0].date, minutes: sent[0].minutes, forWhom: null, pointsIfConfirmed: 1 })] : []),
              record(),
              record({ id: 'sr2', what: '楼道大扫除', status: 'confirmed', statusLabel: '已确认', points: 2, pointsIfConfirmed: null }),
              record({ id: 'sr3', what: '帮邻居搬家', status: 'rejected', statusLabel: '未通过', rejectReason: '这不是社区组织的服务' }),
            ],
            total: 3,
          }),
        'points.recordService': (d) => (sent.push(d), ok({ record: record({ id: 'sr9', what: d.what, date: d.date, minutes: d.minutes, forWhom: d.forWhom }), created: true })),
      }),
    });
    await until(() => text().includes('我的服务记录'));
    for (const words of ['⏳ 待确认', '社区确认后可得 1 积分', '✓ 已确认 +2', '✕ 未通过', '原因：这不是社区组织的服务', '昨天，1小时30分钟，为3号楼独居老人', '✓ 今天']) expect(text()).toContain(words);

    tapButton(page, '提交服务记录');
    await until(() => text().includes('请写一写做了什么服务'));
    expect(text()).toContain('服务时长至少 10 分钟');
    expect(sent).toEqual([]);

    page.querySelector('.field__textarea').dispatchEvent('input', { detail: { value: '给3号楼独居老人送午饭' } });
    const [hours, minutes] = page.querySelectorAll('.big-field__input');
    hours.dispatchEvent('input', { detail: { value: '2' } });
    minutes.dispatchEvent('input', { detail: { value: '30' } });
    tapText(page, '.choices__text', '昨天');
    await until(() => text().includes('✓ 昨天'));
    tapButton(page, '提交服务记录');
    await until(() => text().includes('已提交'));
    expect(sent).toEqual([{ clientRequestId: expect.stringMatching(/^\w{16,}$/), what: '给3号楼独居老人送午饭', date: chinaDay(Date.now() - DAY), minutes: 150, forWhom: null }]);
    expect(text()).toContain('昨天2小时30分钟');
  });
});
