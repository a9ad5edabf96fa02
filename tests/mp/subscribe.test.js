/**
 * The built mini-program fetches the subscribe templates when it comes to the front (src/app.tsx), so a
 * tap can ask WeChat for them at once (src/services/subscribe.ts), and keeps them on the phone.
 */
const { loadPage, until } = require('./support/load-page');
const { resident } = require('./support/fixtures');

const TEMPLATES = { reportFiled: ['TPL-RESOLVED', 'TPL-NEEDS-INFO'], reportTaken: ['TPL-ASSIGNED'], lectureSignUp: [] };

function phoneStorage() {
  const kept = new Map();
  return {
    kept,
    wx: {
      getStorageSync: jest.fn((key) => (kept.has(key) ? kept.get(key) : '')),
      setStorageSync: jest.fn((key, value) => void kept.set(key, value)),
      removeStorageSync: jest.fn((key) => void kept.delete(key)),
    },
  };
}

const answer = (name, action) =>
  name === 'messages' && action === 'noticeTemplates'
    ? { ok: true, data: TEMPLATES }
    : name === 'auth' && action === 'whoAmI'
      ? { ok: true, data: resident }
      : { ok: false, code: 'API.UNKNOWN_ACTION', message: '没有这个操作' };

describe('subscribe templates in the built mini-program', () => {
  it('fetches them when the app shows, whatever page opens, and keeps them on the phone', async () => {
    const storage = phoneStorage();
    const { appCalls, text } = loadPage('pages/index/index', { answer, wx: storage.wx });
    await until(() => storage.kept.has('jinlin.noticeTemplates'));
    await until(() => text().includes('孙福贵'));

    expect(appCalls).toEqual([{ name: 'messages', action: 'noticeTemplates', data: {} }]);
    expect(storage.kept.get('jinlin.noticeTemplates')).toMatchObject({ templates: TEMPLATES });
  });

  it('does not fetch them again while the copy on the phone is fresh', async () => {
    const storage = phoneStorage();
    storage.kept.set('jinlin.noticeTemplates', { templates: TEMPLATES, at: Date.now() });
    const { appCalls, text } = loadPage('pages/index/index', { answer, wx: storage.wx });
    await until(() => text().includes('孙福贵'));

    expect(appCalls).toEqual([]);
  });
});
