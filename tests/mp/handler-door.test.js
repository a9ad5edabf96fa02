/**
 * The built mini-program (dist/weapp) on the things a phone alone shows: the handler pages' door
 * with WeChat's real page lifecycle (the page's first show comes before whoAmI answers, and the
 * lists still load), the 关注 list and note, and a failed cloud call told apart by what WeChat and
 * the phone say (getNetworkType, callFunction's errMsg).
 */
const { loadPage, until } = require('./support/load-page');
const { cloud, captured, ok } = require('./support/cloud');
const { resident, buildingLead } = require('./support/fixtures');

const NOT_A_HANDLER = '这个页面是给楼栋长、物业和社区工作人员用的；您可以在首页随手拍反映问题';
const NOTE = '这条紧急反映由物业办理，您作为楼栋长可以查看，不用您办理。';
const lift = { ...captured.escalated, id: 'lift1', categoryName: '电梯故障', urgent: true, can: [] };
const inbox = (data) =>
  ok({ reports: data.view === 'watching' ? [lift] : [], counts: { assigned: 0, dueSoon: 0, overdue: 0, watching: 1 } });

describe('the handler pages in the built mini-program', () => {
  it('refuse a resident before any of the page, saying what to do, with a way home', async () => {
    const page = loadPage('handler/inbox/index', { answer: cloud({ 'auth.whoAmI': ok(resident), 'reports.inbox': inbox }) });
    await until(() => page.text().includes(NOT_A_HANDLER));

    expect(page.text()).toContain('这是办理反映的页面');
    expect(page.text()).not.toContain('分派给我');
    expect(page.text()).not.toContain('替居民登记反映');

    page.page.querySelectorAll('.nut-button').find((b) => b.dom.textContent.includes('回首页')).dispatchEvent('tap');
    await until(() => page.navigations.length > 0);
    expect(page.navigations).toEqual([{ api: 'reLaunch', url: '/pages/index/index' }]);
  });

  it("open for a building lead, with the list loaded on the page's first show and the 关注 tab with its count", async () => {
    const page = loadPage('handler/inbox/index', { answer: cloud({ 'auth.whoAmI': ok(buildingLead), 'reports.inbox': inbox }) });
    await until(() => page.text().includes('现在没有分派给您的反映'));

    expect(page.text()).toContain('关注1');
    page.page.querySelectorAll('.inbox__tab').find((t) => t.dom.textContent.includes('关注')).dispatchEvent('tap');
    await until(() => page.text().includes('电梯故障'));
    expect(page.calls.filter((c) => c.action === 'inbox').map((c) => c.data.view)).toEqual(['assigned', 'watching']);
  });

  it('let 替居民登记 load its form once the door lets a lead in (no page show after it)', async () => {
    const page = loadPage('handler/record/index', {
      answer: cloud({ 'auth.whoAmI': ok(buildingLead), 'reports.categories': ok(captured.categories) }),
    });
    await until(() => page.text().includes('登记这条反映'));
    expect(page.text()).toContain('居民姓名');
  });
});

describe('a watched report in the built mini-program', () => {
  it('says 关注 and why the lead reads it, above the report', async () => {
    const page = loadPage('pages/report/detail', { query: { id: 'lift1' }, answer: cloud({ 'reports.detail': ok({ ...lift, watching: true, watchNote: NOTE }) }) });
    await until(() => page.text().includes(NOTE));

    expect(page.text()).toContain(`关注 · 只看不办${NOTE}`);
    expect(page.text()).not.toContain('分享到楼栋群');
  });
});

describe('a cloud call that fails in the built mini-program', () => {
  const failing = (error, networkType) => ({
    cloud: { init: jest.fn(), callFunction: jest.fn(async () => Promise.reject(error)) },
    getNetworkType: jest.fn((opts = {}) => {
      const res = { networkType, errMsg: 'getNetworkType:ok' };
      if (opts.success) opts.success(res);
      if (opts.complete) opts.complete(res);
    }),
  });

  it('says the phone has no network when getNetworkType answers none', async () => {
    const page = loadPage('pages/report/detail', { query: { id: 'r1' }, answer: () => null, wx: failing({ errMsg: 'cloud.callFunction:fail request:fail' }, 'none') });
    await until(() => page.text().includes('手机没有联网'));
    expect(page.text()).toContain('手机没有联网：请打开 Wi-Fi 或手机流量，连上后再试一次');
  });

  it('says the service failed when the function did, though the phone is online', async () => {
    const error = { errCode: -404011, errMsg: 'cloud.callFunction:fail Error: errCode: -404011 cloud function execution error' };
    const page = loadPage('pages/report/detail', { query: { id: 'r1' }, answer: () => null, wx: failing(error, 'wifi') });
    await until(() => page.text().includes('服务出了故障'));
    expect(page.text()).toContain('服务出了故障，这次没有办成：请过几分钟再试；一直不行，请告诉楼栋长或社区工作人员');
  });
});
