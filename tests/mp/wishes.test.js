/**
 * 微心愿 in the built mini-program (dist/weapp): the subpackage `wishes` as it ships — its four pages out of
 * the main package, home's tile and its path in it — and its pages rendered by miniprogram-simulate with
 * the wishes function stood in for: the open list as a member and as a resident, 许心愿 for one's home and
 * for a household of a lead's, 我的心愿's two tabs, and a wish's page through claim, fulfil (with a note),
 * give back, confirm and a claim someone else won first.
 */
const fs = require('fs');
const path = require('path');
const { loadPage, until, DIST } = require('./support/load-page');
const { cloud, ok } = require('./support/cloud');
const { resident, buildingLead } = require('./support/fixtures');
const { app, scriptsContaining } = require('./support/scripts');

const DAY = 24 * 3600_000;
const chinaDay = (t) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
/** A later day the one way the pages write it: "12月15日", with the year when it is not this year's. */
const dayWords = (t) => {
  const [y, m, d] = chinaDay(t).split('-').map(Number);
  return `${y === Number(chinaDay(Date.now()).slice(0, 4)) ? '' : `${y}年`}${m}月${d}日`;
};
const WISH_ID = 'wsh_1';

const member = {
  registered: true,
  person: { id: 'p_zhou', name: '周敏', phone: '13800000008', username: 'dangyuan' },
  bindings: [{ id: 'bind_m', role: 'member', roleLabel: '党员', unit: { id: 'p1', name: '幸福里小区', kind: 'compound', path: '/s1/c1/p1/' }, trail: '幸福街道 / 阳光社区 / 幸福里小区' }],
  isStaff: false,
  isHandler: false,
};
const onlyMember = member;

const NO = { claim: false, giveBack: false, fulfil: false, confirm: false, withdraw: false, approve: false };
const LABEL = { pending: '待审核', open: '待认领', claimed: '已认领', fulfilled: '已实现，待确认', confirmed: '已确认', rejected: '未通过审核', expired: '已过期', withdrawn: '已撤回' };

function wish(overrides = {}) {
  const status = overrides.status || 'open';
  return {
    id: WISH_ID,
    version: 2,
    what: '想要一根带凳子的拐杖',
    forWhom: '独居老人',
    byDate: chinaDay(Date.now() + 10 * DAY),
    place: '幸福里小区',
    status,
    statusLabel: LABEL[status],
    createdAt: Date.now() - 2 * DAY,
    building: null,
    postedVia: 'self',
    postedBy: null,
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
    ...overrides,
    can: { ...NO, ...(overrides.can || {}) },
  };
}
const publicView = (w) => ({ id: w.id, what: w.what, forWhom: w.forWhom, byDate: w.byDate, place: w.place, status: w.status, statusLabel: w.statusLabel, createdAt: w.createdAt });
const CONTACT = { lead: { id: 'p_zhao', name: '赵桂兰', phone: '13800000006', roleLabel: '楼栋长' }, phone: '13800000007', place: '幸福里小区 1号楼 2单元 5层 502室' };
const SUN = { id: 'p_sun', name: '孙福贵' };
const ZHOU = { id: 'p_zhou', name: '周敏' };

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
    asked.push(opts.title);
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

describe('the wishes subpackage as it ships', () => {
  it('declares its four pages outside the main package, with their words only there', () => {
    const sub = app().subPackages.find((p) => p.root === 'wishes');
    expect(sub.pages).toEqual(['index/index', 'post/index', 'mine/index', 'detail/index']);
    for (const page of sub.pages) {
      expect(fs.existsSync(path.join(DIST, 'wishes', `${page}.js`))).toBe(true);
      expect(app().pages).not.toContain(`wishes/${page}`);
    }
    for (const words of ['认领这个心愿', '允许认领人看到我的手机号', '提交，请心愿人确认', '确认已实现']) {
      expect(scriptsContaining(words).length).toBeGreaterThan(0);
      for (const f of scriptsContaining(words)) expect(f).toMatch(/^wishes\//);
    }
  });

  it('opens 微心愿 from home: the tile and the path are in the main package', () => {
    const main = (s) => scriptsContaining(s).filter((f) => !f.startsWith('wishes/'));
    expect(main('许个心愿，帮邻居圆梦').length).toBeGreaterThan(0);
    expect(main('/wishes/index/index').length).toBeGreaterThan(0);
  });
});

describe('微心愿 (the open wishes)', () => {
  const list = [wish(), wish({ id: 'wsh_2', what: '希望有人陪着去医院复查', forWhom: '高龄老人', place: '阳光花园' })];

  it('shows a member the wishes without names or doors, each opening its page', async () => {
    const { page, text, calls, navigations } = loadPage('wishes/index/index', {
      answer: cloud({ 'wishes.open': ok({ wishes: list.map(publicView), total: 2 }), 'auth.whoAmI': ok(onlyMember) }),
    });
    await until(() => text().includes('想要一根带凳子的拐杖'));
    expect(calls).toEqual(expect.arrayContaining([{ name: 'wishes', action: 'open', data: {} }]));
    for (const w of ['2 个心愿等待认领', '为谁：独居老人', '希望在', '幸福里小区', '希望有人陪着去医院复查', '阳光花园', '点开一个心愿就能认领']) expect(text()).toContain(w);
    // A member who is no resident posts nothing: no 许个心愿.
    expect(named(page, '.nut-button', '许个心愿')).toBeUndefined();
    expect(text()).not.toContain('只有本社区已报到的党员和志愿者');
    page.querySelectorAll('.wcard')[0].dispatchEvent('tap');
    await until(() => navigations.length === 1);
    expect(navigations).toEqual([{ api: 'navigateTo', url: `/wishes/detail/index?id=${WISH_ID}` }]);
  });

  it('tells a resident, who may not browse them, who can claim, and offers 许个心愿', async () => {
    const NOT_A_CLAIMER = { ok: false, code: 'AUTH.FORBIDDEN', message: '微心愿由本社区已报到的党员和志愿者认领：请先扫党员报到码报到，或请社区登记您为志愿者' };
    const { page, text, navigations } = loadPage('wishes/index/index', { answer: cloud({ 'wishes.open': NOT_A_CLAIMER, 'auth.whoAmI': ok(resident) }) });
    await until(() => text().includes('只有本社区已报到的党员和志愿者可以看到并认领邻居的心愿'));
    expect(text()).not.toContain('等待认领');
    tapButton(page, '许个心愿');
    await until(() => navigations.length === 1);
    expect(navigations[0]).toEqual({ api: 'navigateTo', url: '/wishes/post/index' });
  });

  it('says so when no wish is open', async () => {
    const { text } = loadPage('wishes/index/index', { answer: cloud({ 'wishes.open': ok({ wishes: [], total: 0 }), 'auth.whoAmI': ok(member) }) });
    await until(() => text().includes('现在没有等待认领的心愿'));
  });
});

describe('许心愿', () => {
  const posted = (d) => ok({ wish: wish({ status: 'pending', what: d.what, forWhom: d.forWhom, byDate: d.byDate, postedBy: SUN }), created: true });
  const typeBig = (page, placeholder, value) => {
    const input = page.querySelectorAll('.big-field__input').find((n) => n.dom.getAttribute('placeholder') === placeholder) || page.querySelectorAll('.big-field__input')[0];
    input.dispatchEvent('input', { detail: { value } });
  };

  it('refuses an empty wish in words and sends nothing', async () => {
    const { page, text, calls } = loadPage('wishes/post/index', { answer: cloud({ 'auth.whoAmI': ok(resident) }) });
    await until(() => text().includes('心愿是什么'));
    // The day is two weeks ahead until changed.
    expect(text()).toContain(`${dayWords(Date.now() + 14 * DAY)}前`);
    tapButton(page, '提交心愿');
    await until(() => text().includes('请写一写您的心愿'));
    expect(text()).toContain('请写为谁许愿，如“独居老人”，不写姓名');
    expect(calls.filter((c) => c.name === 'wishes')).toEqual([]);
  });

  it('posts a resident\'s wish with one request id and says it waits for the community', async () => {
    const { page, text, calls } = loadPage('wishes/post/index', { answer: cloud({ 'auth.whoAmI': ok(resident), 'wishes.post': posted }) });
    await until(() => text().includes('心愿是什么'));
    expect(text()).toContain('不写姓名，如“独居老人”');
    // A resident who leads nothing is asked nothing about a household.
    expect(text()).not.toContain('为哪一户代许');
    page.querySelector('.field__textarea').dispatchEvent('input', { detail: { value: '想要一根带凳子的拐杖' } });
    page.querySelector('.big-field__input').dispatchEvent('input', { detail: { value: '独居老人' } });
    page.querySelector('.toggle').dispatchEvent('tap');
    await until(() => !!page.querySelector('.toggle--on'));
    tapButton(page, '提交心愿');
    await until(() => text().includes('✓ 心愿已提交'));
    expect(text()).toContain('待社区审核');
    expect(text()).toContain('⏳ 待审核');
    expect(calls.filter((c) => c.name === 'wishes')).toEqual([
      {
        name: 'wishes',
        action: 'post',
        data: { clientRequestId: expect.stringMatching(/^\w{16,}$/), what: '想要一根带凳子的拐杖', forWhom: '独居老人', byDate: chinaDay(Date.now() + 14 * DAY), phoneShared: true },
      },
    ]);
  });

  it('lets a building lead post for a household of their building, with its door', async () => {
    const { page, text, calls } = loadPage('wishes/post/index', { answer: cloud({ 'auth.whoAmI': ok(buildingLead), 'wishes.post': posted }) });
    await until(() => text().includes('为住户代许'));
    named(page, '.choices__text', '为住户代许').dispatchEvent('tap');
    await until(() => text().includes('为哪一户代许'));
    expect(text()).toContain('幸福里小区 1号楼');
    expect(text()).toContain('允许认领人看到这个电话');
    const inputs = page.querySelectorAll('.big-field__input');
    // 单元, 楼层, 门牌号, 联系电话, then 为谁许愿.
    inputs[0].dispatchEvent('input', { detail: { value: '2' } });
    inputs[1].dispatchEvent('input', { detail: { value: '5' } });
    inputs[2].dispatchEvent('input', { detail: { value: '502' } });
    inputs[4].dispatchEvent('input', { detail: { value: '高龄老人' } });
    page.querySelector('.field__textarea').dispatchEvent('input', { detail: { value: '希望有人陪着去医院复查' } });
    tapButton(page, '提交心愿');
    await until(() => text().includes('✓ 心愿已提交'));
    expect(text()).toContain('认领人会通过您联系这一户');
    expect(calls.filter((c) => c.name === 'wishes')[0].data).toEqual({
      clientRequestId: expect.any(String),
      what: '希望有人陪着去医院复查',
      forWhom: '高龄老人',
      byDate: chinaDay(Date.now() + 14 * DAY),
      phoneShared: false,
      forHousehold: { buildingId: 'b1', door: { entrance: '2', floor: 5, room: '502' }, phone: null },
    });
  });

  it('tells someone who is neither a resident nor a lead why they cannot post', async () => {
    const { text, calls } = loadPage('wishes/post/index', { answer: cloud({ 'auth.whoAmI': ok(onlyMember) }) });
    await until(() => text().includes('不能许心愿'));
    expect(text()).toContain('只有登记过的居民可以许微心愿');
    expect(calls.filter((c) => c.name === 'wishes')).toEqual([]);
  });
});

describe('我的心愿', () => {
  const mine = { posted: [wish({ status: 'pending', postedBy: SUN }), wish({ id: 'wsh_3', what: '想学用智能手机', status: 'confirmed', postedBy: SUN, claimer: ZHOU, points: 5 })], claimed: [wish({ id: 'wsh_4', what: '孩子的书包坏了', status: 'claimed', claimer: SUN })] };

  it('shows the two tabs with their counts and each wish\'s status in words and an icon', async () => {
    const { page, text } = loadPage('wishes/mine/index', { answer: cloud({ 'wishes.mine': ok(mine) }) });
    await until(() => text().includes('想学用智能手机'));
    for (const w of ['✓ 我许的（2）', '我认领的（1）', '⏳ 待审核', '✓ 已确认', '想要一根带凳子的拐杖']) expect(text()).toContain(w);
    expect(text()).not.toContain('孩子的书包坏了');
    named(page, '.wtabs__label', '我认领的（1）').dispatchEvent('tap');
    await until(() => text().includes('孩子的书包坏了'));
    expect(text()).toContain('⏳ 已认领');
    expect(text()).toContain('✓ 我认领的（1）');
  });

  it('opens on 我认领的 when asked, and says how to begin on an empty tab', async () => {
    const { page, text, navigations } = loadPage('wishes/mine/index', { answer: cloud({ 'wishes.mine': ok({ posted: [], claimed: [] }) }), query: { tab: 'claimed' } });
    await until(() => text().includes('您还没有认领过心愿'));
    tapButton(page, '去看看心愿');
    await until(() => navigations.length === 1);
    expect(navigations[0].url).toBe('/wishes/index/index');
  });
});

describe('心愿详情', () => {
  const open = (routes, opts = {}) => loadPage('wishes/detail/index', { answer: cloud(routes), query: { id: WISH_ID }, ...opts });

  it('lets a member claim an open wish, then shows the contact: the lead, the wisher\'s phone and the door', async () => {
    const m = modal(true);
    const claimed = wish({ status: 'claimed', version: 3, claimer: ZHOU, claimedAt: Date.now(), postedBy: SUN, contact: CONTACT, can: { fulfil: true, giveBack: true } });
    const { page, text, calls } = open({ 'wishes.detail': ok(wish({ can: { claim: true } })), 'auth.whoAmI': ok(member), 'wishes.claim': ok(claimed) }, { wx: m.wx });
    await until(() => text().includes('认领这个心愿'));
    for (const w of ['☆ 待认领', '认领后请尽快联系', '为谁', '独居老人', '心愿进展']) expect(text()).toContain(w);
    // Each step a mark and its words.
    for (const w of ['✓提交心愿', '✓社区审核', '→党员、志愿者认领（现在）', '○实现心愿', '○确认实现']) expect(text().replace(/\s/g, '')).toContain(w);
    expect(text()).not.toContain('怎么联系');
    tapButton(page, '认领这个心愿');
    await until(() => text().includes('认领成功'));
    expect(m.asked).toEqual(['认领心愿']);
    expect(calls.filter((c) => c.action === 'claim')).toEqual([{ name: 'wishes', action: 'claim', data: { id: WISH_ID } }]);
    for (const w of ['怎么联系', '楼栋长：赵桂兰', '📞 13800000006', '心愿人的电话', '📞 13800000007', '幸福里小区 1号楼 2单元 5层 502室', '实现心愿', '退回这个心愿', '⏳ 已认领']) expect(text()).toContain(w);
  });

  it('says in the server\'s words that someone else claimed it first, and reads the wish again', async () => {
    const m = modal(true);
    let reads = 0;
    const { page, text } = open(
      {
        'wishes.detail': () => (++reads === 1 ? ok(wish({ can: { claim: true } })) : ok(wish({ status: 'claimed' }))),
        'auth.whoAmI': ok(member),
        'wishes.claim': { ok: false, code: 'WISH.TAKEN', message: '这个微心愿刚刚被别人认领了，请看看其他心愿' },
      },
      { wx: m.wx },
    );
    await until(() => text().includes('认领这个心愿'));
    tapButton(page, '认领这个心愿');
    await until(() => text().includes('这个微心愿刚刚被别人认领了'));
    await until(() => text().includes('这个心愿已经有人认领了'));
    expect(named(page, '.nut-button', '认领这个心愿')).toBeUndefined();
  });

  it('lets the claimer fulfil it with a note, after refusing an empty one in words', async () => {
    const claimed = wish({ status: 'claimed', version: 3, claimer: ZHOU, claimedAt: Date.now(), postedBy: SUN, contact: CONTACT, can: { fulfil: true, giveBack: true } });
    const { page, text, calls } = open({
      'wishes.detail': ok(claimed),
      'auth.whoAmI': ok(member),
      'wishes.fulfil': (d) => ok({ ...claimed, status: 'fulfilled', statusLabel: LABEL.fulfilled, version: 4, fulfilNote: d.note, fulfilledAt: Date.now(), can: NO }),
    });
    await until(() => text().includes('实现心愿'));
    tapButton(page, '实现心愿');
    await until(() => text().includes('先不提交'));
    tapButton(page, '提交，请心愿人确认');
    await until(() => text().includes('请写一写是怎么实现的'));
    expect(calls.filter((c) => c.action === 'fulfil')).toEqual([]);
    page.querySelector('.field__textarea').dispatchEvent('input', { detail: { value: '买了一根带凳子的拐杖，送到了家里' } });
    tapButton(page, '提交，请心愿人确认');
    await until(() => text().includes('已提交，等心愿人确认'));
    expect(calls.filter((c) => c.action === 'fulfil')).toEqual([{ name: 'wishes', action: 'fulfil', data: { id: WISH_ID, version: 3, note: '买了一根带凳子的拐杖，送到了家里' } }]);
    for (const w of ['7 天内不确认将自动确认', '⏳ 已实现，待确认', '买了一根带凳子的拐杖，送到了家里']) expect(text()).toContain(w);
    expect(text().replace(/\s/g, '')).toContain('→确认实现（现在）');
  });

  it('lets the claimer give it back with a reason', async () => {
    const claimed = wish({ status: 'claimed', version: 3, claimer: ZHOU, claimedAt: Date.now(), postedBy: SUN, contact: CONTACT, can: { fulfil: true, giveBack: true } });
    const { page, text, calls } = open({ 'wishes.detail': ok(claimed), 'auth.whoAmI': ok(member), 'wishes.giveBack': ok(wish({ version: 4 })) });
    await until(() => text().includes('退回这个心愿'));
    tapButton(page, '退回这个心愿');
    await until(() => text().includes('退回的原因'));
    named(page, '.wback__quick-item', '联系不上心愿人').dispatchEvent('tap');
    await until(() => text().includes('7/100 字'));
    tapButton(page, '确定退回');
    await until(() => text().includes('已退回，心愿重新公开了'));
    expect(calls.filter((c) => c.action === 'giveBack')).toEqual([{ name: 'wishes', action: 'giveBack', data: { id: WISH_ID, version: 3, reason: '联系不上心愿人' } }]);
  });

  it('lets the wisher confirm a fulfilled wish, with the 7-day note, and shows the points it granted', async () => {
    const m = modal(true);
    const fulfilled = wish({ status: 'fulfilled', version: 4, postedBy: SUN, claimer: ZHOU, claimedAt: Date.now() - DAY, fulfilNote: '买了一根带凳子的拐杖，送到了家里', fulfilledAt: Date.now() - 3600_000, can: { confirm: true } });
    const { page, text, calls } = open(
      { 'wishes.detail': ok(fulfilled), 'auth.whoAmI': ok(resident), 'wishes.confirm': ok({ ...fulfilled, status: 'confirmed', statusLabel: LABEL.confirmed, version: 5, confirmedAt: Date.now(), points: 5, can: NO }) },
      { wx: m.wx },
    );
    await until(() => text().includes('确认已实现'));
    for (const w of ['周敏说心愿已经实现了', '7 天内不确认将自动确认', '怎么实现的', '买了一根带凳子的拐杖，送到了家里', '认领人周敏']) expect(text().replace(/\s/g, '')).toContain(w.replace(/\s/g, ''));
    tapButton(page, '确认已实现');
    await until(() => text().includes('已确认，谢谢您'));
    expect(calls.filter((c) => c.action === 'confirm')).toEqual([{ name: 'wishes', action: 'confirm', data: { id: WISH_ID, version: 4 } }]);
    expect(text()).toContain('✓ 已确认');
    expect(text()).toContain('认领人获得了 5 积分');
  });

  it('lets the wisher withdraw a wish still waiting for its check', async () => {
    const m = modal(true);
    const pending = wish({ status: 'pending', version: 1, postedBy: SUN, can: { withdraw: true } });
    const { page, text, calls } = open({ 'wishes.detail': ok(pending), 'auth.whoAmI': ok(resident), 'wishes.withdraw': ok({ ...pending, status: 'withdrawn', statusLabel: LABEL.withdrawn, version: 2, can: NO }) }, { wx: m.wx });
    await until(() => text().includes('撤回心愿'));
    expect(text()).toContain('社区工作人员审核后，心愿会公开');
    tapButton(page, '撤回心愿');
    await until(() => text().includes('心愿已撤回。'));
    expect(calls.filter((c) => c.action === 'withdraw')).toEqual([{ name: 'wishes', action: 'withdraw', data: { id: WISH_ID, version: 1 } }]);
    expect(text()).toContain('✕ 已撤回');
  });
});
