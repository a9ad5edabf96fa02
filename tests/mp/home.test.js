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

  it('shows a WeChat user nobody registered the way in: how, their registration, and 扫码登记', async () => {
    const howToRegister = '请扫楼栋长或社区给的楼栋码（或您的个人码），填写姓名、电话和门牌，楼栋长审核后就能使用';
    const registration = { id: 'reg_1', status: 'rejected', statusLabel: '未通过', trail: '阳光社区 幸福里小区 1号楼', doorLabel: '2单元 5层 502室', rejectReason: '本楼没有 502 室' };
    const { text } = loadPage('pages/index/index', { answer: whoAmI({ registered: false, howToRegister, registration }) });

    await until(() => text().includes(howToRegister));

    for (const words of ['欢迎使用近邻', '我的登记', '✕ 未通过', '原因：本楼没有 502 室', '扫码登记']) expect(text()).toContain(words);
    expect(text()).not.toContain('随手拍');
  });

  const tapEntry = (page, title) => page.querySelectorAll('.home__entry-title').find((n) => n.dom.textContent === title).dispatchEvent('tap');

  it('opens the report form from 随手拍 and the resident\'s list from 我的反映', async () => {
    const { page, text, navigations } = loadPage('pages/index/index', { answer: whoAmI(resident) });
    await until(() => text().includes('随手拍'));

    tapEntry(page, '随手拍');
    await until(() => navigations.length === 1);
    tapEntry(page, '我的反映');
    await until(() => navigations.length === 2);

    expect(navigations).toEqual([
      { api: 'navigateTo', url: '/pages/report/new' },
      { api: 'navigateTo', url: '/pages/report/mine' },
    ]);
  });

  it('opens the handler inbox in its subpackage from a building lead\'s 待办', async () => {
    const { page, text, navigations } = loadPage('pages/index/index', { answer: whoAmI(buildingLead) });
    await until(() => text().includes('待办'));

    tapEntry(page, '待办');
    await until(() => navigations.length > 0);

    expect(navigations).toEqual([{ api: 'navigateTo', url: '/handler/inbox/index' }]);
  });

  it('opens 社区讲堂 and 党员报到 in their subpackages', async () => {
    const { page, text, navigations } = loadPage('pages/index/index', { answer: whoAmI(resident) });
    await until(() => text().includes('社区讲堂'));

    tapEntry(page, '社区讲堂');
    await until(() => navigations.length > 0);
    tapEntry(page, '党员报到');
    await until(() => navigations.length > 1);

    expect(navigations).toEqual([
      { api: 'navigateTo', url: '/lectures/list/index' },
      { api: 'navigateTo', url: '/members/mine/index' },
    ]);
  });
});
