const { loadPage, until } = require('./support/load-page');
const { buildingLead } = require('./support/fixtures');
const { cloud, ok } = require('./support/cloud');

describe('me page in the built mini-program', () => {
  it('shows the name, the masked phone and the roles, and no sign-out (WeChat identifies the person)', async () => {
    const { text } = loadPage('pages/me/index', { answer: cloud({ 'auth.whoAmI': ok(buildingLead), 'members.mine': ok({ checkins: [], howToCheckIn: '' }) }) });

    await until(() => text().includes('赵桂兰'));

    expect(text()).toContain('139****1111');
    expect(text()).not.toContain('13900001111');
    expect(text()).toContain('楼栋长');
    expect(text()).toContain('幸福街道 / 阳光社区 / 幸福里小区 / 1号楼');
    expect(text()).not.toContain('退出登录');
    expect(text()).not.toContain('louzhang');
    // No check-in: no 我的报到.
    expect(text()).not.toContain('我的报到');
  });
});
