/**
 * 长辈版 in the built mini-program: the page root carries the scale as --jl-scale, following the font
 * size chosen in WeChat (wx.getAppBaseInfo().fontSizeScaleFactor) and the 长辈版 switch on 我的, kept in
 * WeChat storage (wx.getStorageSync / setStorageSync).
 */
const { loadPage, until } = require('./support/load-page');
const { resident } = require('./support/fixtures');

const whoAmI = (name, action) => (name === 'auth' && action === 'whoAmI' ? { ok: true, data: resident } : { ok: false, code: 'API.UNKNOWN_ACTION', message: '没有这个操作' });

/** WeChat's storage and its font size, as the phone has them. */
function phone({ fontSizeScaleFactor = 1, stored = {} } = {}) {
  const storage = new Map(Object.entries(stored));
  return {
    storage,
    wx: {
      getAppBaseInfo: jest.fn(() => ({ SDKVersion: '3.5.0', language: 'zh_CN', fontSizeScaleFactor, fontSizeSetting: Math.round(17 * fontSizeScaleFactor) })),
      getStorageSync: jest.fn((key) => (storage.has(key) ? storage.get(key) : '')),
      setStorageSync: jest.fn((key, value) => storage.set(key, value)),
    },
  };
}

/** The scale and the 长辈版 class on the page root. */
function root(page) {
  const el = page.querySelector('.page');
  return { style: el.dom.getAttribute('style') || '', elder: el.dom.getAttribute('class').includes('page--elder') };
}

describe('长辈版 in the built mini-program', () => {
  it('follows the font size chosen in WeChat', async () => {
    const { wx } = phone({ fontSizeScaleFactor: 1.4 });
    const { page, text } = loadPage('pages/index/index', { answer: whoAmI, wx });
    await until(() => text().includes('孙福贵'));

    expect(wx.getAppBaseInfo).toHaveBeenCalled();
    expect(root(page)).toEqual({ style: expect.stringContaining('--jl-scale: 1.4'), elder: true });
  });

  it('draws at the normal scale when WeChat is at its standard size and the switch is off', async () => {
    const { wx } = phone();
    const { page, text } = loadPage('pages/index/index', { answer: whoAmI, wx });
    await until(() => text().includes('孙福贵'));

    expect(root(page)).toEqual({ style: expect.stringMatching(/--jl-scale: 1(;|$)/), elder: false });
  });

  it('turns 长辈版 on from the switch on 我的 and keeps it in WeChat storage', async () => {
    const { wx, storage } = phone();
    const { page, text } = loadPage('pages/me/index', { answer: whoAmI, wx });
    await until(() => text().includes('长辈版'));
    expect(text()).toContain('关');

    page.querySelector('.toggle').dispatchEvent('tap');

    await until(() => root(page).elder);
    expect(storage.get('jinlin.elderMode')).toBe(true);
    expect(root(page).style).toContain('--jl-scale: 1.25');
    expect(text()).toContain('开');
  });

  it('opens in 长辈版 when the phone keeps it on', async () => {
    const { wx } = phone({ stored: { 'jinlin.elderMode': true } });
    const { page, text } = loadPage('pages/index/index', { answer: whoAmI, wx });
    await until(() => text().includes('孙福贵'));

    expect(root(page)).toEqual({ style: expect.stringContaining('--jl-scale: 1.25'), elder: true });
  });
});
