const { loadPage, until } = require('./support/load-page');
const { resident, buildingLead } = require('./support/fixtures');

const whoAmI = (me) => (name, action) =>
  name === 'auth' && action === 'whoAmI' ? { ok: true, data: me } : { ok: false, code: 'API.UNKNOWN_ACTION', message: '没有这个操作' };

describe('home page in the built mini-program', () => {
  it('asks auth.whoAmI through wx.cloud and shows the resident, their building trail and role', async () => {
    const { text, calls } = loadPage('pages/index/index', { answer: whoAmI(resident) });

    await until(() => text().includes('孙福贵'));

    expect(calls[0]).toEqual({ name: 'auth', action: 'whoAmI', data: {} });
    expect(text()).toContain('您好，孙福贵');
    expect(text()).toContain('幸福街道 / 阳光社区 / 幸福里小区 / 1号楼');
    expect(text()).toContain('居民');
    for (const entry of ['随手拍', '我的反映', '社区讲堂', '党员报到']) expect(text()).toContain(entry);
    expect(text()).not.toContain('待办');
  });

  it('shows 待办 to a building lead', async () => {
    const { text } = loadPage('pages/index/index', { answer: whoAmI(buildingLead) });

    await until(() => text().includes('赵桂兰'));

    expect(text()).toContain('待办');
    expect(text()).toContain('楼栋长');
  });

  it('tells a WeChat user who is not registered what to do', async () => {
    const message = '您的微信还没有绑定居民信息，请联系楼栋长或社区登记';
    const { text } = loadPage('pages/index/index', { answer: () => ({ ok: false, code: 'AUTH.NOT_REGISTERED', message }) });

    await until(() => text().includes(message));

    expect(text()).toContain('重新加载');
  });

  it('says 即将开放 when an entry is tapped', async () => {
    const { page, text, toasts } = loadPage('pages/index/index', { answer: whoAmI(resident) });
    await until(() => text().includes('随手拍'));

    const entry = page.querySelectorAll('.home__entry-title').find((n) => n.dom.textContent === '随手拍');
    entry.dispatchEvent('tap');
    await until(() => toasts.length > 0);

    expect(toasts).toEqual(['即将开放']);
  });
});
