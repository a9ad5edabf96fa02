/**
 * A report's card (subpackage `group`) as the built mini-program renders it when opened from the
 * building's WeChat group: wx.getGroupEnterInfo's cloudID goes to groups.card as it is, and the page
 * shows what the function answered — the public view inside the group, only that a report exists
 * anywhere else.
 */
const { loadPage, until } = require('./support/load-page');
const { cloud, ok } = require('./support/cloud');

const HOUR = 3600_000;

const building = { id: 'b1', name: '1号楼', kind: 'building', path: '/s1/c1/p1/b1/', trail: '阳光社区 幸福里小区 1号楼' };

const report = {
  id: 'r1',
  version: 2,
  category: 'noise',
  categoryName: '噪音扰民',
  icon: '🔊',
  urgent: false,
  description: '楼上每晚十一点后还在拖椅子',
  status: 'submitted',
  statusLabel: '待响应',
  level: 'building',
  levelLabel: '楼栋',
  unitName: '1号楼',
  place: '幸福里小区 1号楼',
  handlerName: '赵桂兰',
  respondBy: Date.now() + 4 * HOUR,
  dueAt: Date.now() + 24 * HOUR,
  overdue: false,
  dueSoon: false,
  createdAt: Date.now() - HOUR,
  followers: 0,
};

const inGroup = { inGroup: true, report, building, mayFollow: true, following: false, registered: true };
const outside = { inGroup: false, exists: true, categoryName: '噪音扰民' };

/** WeChat's getGroupEnterInfo: a cloudID when opened in a group, a failure otherwise. */
const enteredFromGroup = (cloudID) =>
  jest.fn((opts = {}) => {
    const res = { errMsg: 'getGroupEnterInfo:ok', encryptedData: 'enc', iv: 'iv', cloudID };
    if (opts.success) opts.success(res);
    if (opts.complete) opts.complete(res);
  });
const notInGroup = () =>
  jest.fn((opts = {}) => {
    const res = { errMsg: 'getGroupEnterInfo:fail no group info' };
    if (opts.fail) opts.fail(res);
    if (opts.complete) opts.complete(res);
  });

const openCard = (routes, getGroupEnterInfo) => loadPage('group/card/index', { answer: cloud(routes), query: { id: 'r1' }, wx: { getGroupEnterInfo } });

let warn;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('the report card in the built mini-program', () => {
  it('inside the group: sends the cloudID as it is and shows the public view with 我也遇到了, never a name', async () => {
    const getGroupEnterInfo = enteredFromGroup('cloud-id-in-group');
    const { text, calls } = openCard({ 'groups.card': ok(inGroup) }, getGroupEnterInfo);

    await until(() => text().includes('噪音扰民'));

    expect(getGroupEnterInfo).toHaveBeenCalledTimes(1);
    expect(calls).toEqual([{ name: 'groups', action: 'card', data: { reportId: 'r1', cloudID: 'cloud-id-in-group' } }]);
    for (const words of ['1号楼 楼栋群里的反映', '阳光社区 幸福里小区 1号楼', '楼上每晚十一点后还在拖椅子', '幸福里小区 1号楼', '待响应', '已交给楼栋', '我也遇到了（+1）']) {
      expect(text()).toContain(words);
    }
    expect(text()).not.toContain('赵桂兰');
  });

  it('inside the group, for someone not registered yet: 登记入住 opens the join page from the group', async () => {
    const { page, text, navigations } = openCard({ 'groups.card': ok({ ...inGroup, registered: false, mayFollow: false }) }, enteredFromGroup('cloud-id-in-group'));
    await until(() => text().includes('登记入住'));

    expect(text()).not.toContain('我也遇到了');
    const join = page.querySelectorAll('.nut-button').find((n) => n.dom.textContent.trim() === '登记入住');
    join.dispatchEvent('tap');
    await until(() => navigations.length === 1);
    expect(navigations).toEqual([{ api: 'navigateTo', url: '/register/join/index?group=1' }]);
  });

  it('outside any group: asks with no cloudID and shows only that such a report exists', async () => {
    const { text, calls } = openCard({ 'groups.card': ok(outside) }, notInGroup());

    await until(() => text().includes('这里有一条反映'));

    expect(calls).toEqual([{ name: 'groups', action: 'card', data: { reportId: 'r1', cloudID: null } }]);
    expect(text()).toContain('只能在本楼群里查看');
    expect(text()).toContain('反映的是噪音扰民');
    expect(text()).toContain('请回到本楼的微信群，在群里点开这张卡片');
    expect(text()).not.toContain('楼上每晚十一点后还在拖椅子');
    expect(text()).not.toContain('我也遇到了');
    expect(warn).toHaveBeenCalledWith('[groups] no group: getGroupEnterInfo failed', expect.objectContaining({ errMsg: 'getGroupEnterInfo:fail no group info' }));
  });

  it('in another group: the function answers only that it exists, and the page says no more', async () => {
    const { text, calls } = openCard({ 'groups.card': ok(outside) }, enteredFromGroup('cloud-id-other-group'));

    await until(() => text().includes('这里有一条反映'));
    expect(calls[0].data).toEqual({ reportId: 'r1', cloudID: 'cloud-id-other-group' });
    expect(text()).not.toContain('楼上每晚十一点后还在拖椅子');
  });
});
