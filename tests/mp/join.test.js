/**
 * The join page (登记入住, subpackage `register`) as the built mini-program renders it when a
 * mini-program code opens it straight away: `options.scene` carries the code's id, URL-encoded. The
 * phone comes from WeChat's getPhoneNumber button, whose one-time code is sent, never a number.
 */
const { loadPage, until } = require('./support/load-page');
const { cloud, ok } = require('./support/cloud');

const ID = 'abcd2345wxyz';

const buildingCode = {
  id: ID,
  purpose: 'building',
  purposeLabel: '楼栋码',
  does: '加入本楼，成为楼里的居民',
  unit: { id: 'b1', name: '1号楼', kind: 'building', path: '/s1/c1/p1/b1/' },
  trail: '阳光社区 幸福里小区 1号楼',
  personName: null,
  validUntil: null,
  usesLeft: null,
};

const registration = {
  id: 'reg_1',
  status: 'pending',
  statusLabel: '等待审核',
  building: buildingCode.unit,
  trail: buildingCode.trail,
  door: { entrance: '2', floor: 5, room: '502' },
  doorLabel: '2单元 5层 502室',
  name: '张秀英',
  phone: '139****6666',
  phoneVerified: true,
  autoApproved: null,
  rejectReason: null,
  createdAt: Date.now(),
  decidedAt: null,
  version: 1,
};

const named = (page, selector, words) => page.querySelectorAll(selector).find((n) => n.dom.textContent.trim() === words);
const tapButton = (page, words) => named(page, '.nut-button-children, .nut-button', words).dispatchEvent('tap');
const settle = () => new Promise((r) => setTimeout(r, 50));

/** Types into the screen's `index`-th box (top to bottom). */
function type(page, index, value) {
  const input = page.querySelectorAll('.big-field__input')[index];
  if (!input) throw new Error(`no box ${index}`);
  input.dispatchEvent('input', { detail: { value } });
}

/** The node of Taro's page data whose id is `id`. */
function nodeWithId(data, id) {
  if (!data || typeof data !== 'object') return null;
  if (data.uid === id) return data;
  for (const v of Object.values(data)) {
    const found = nodeWithId(v, id);
    if (found) return found;
  }
  return null;
}

const scanned = (routes) => loadPage('register/join/index', { answer: cloud(routes), query: { scene: encodeURIComponent('ABCD 2345 WXYZ') } });

describe('the join page in the built mini-program', () => {
  it('decodes the scene, resolves the code through wx.cloud and shows where, then asks the name', async () => {
    const { text, calls } = scanned({ 'codes.resolve': ok(buildingCode) });

    await until(() => text().includes('您叫什么名字？'));

    expect(calls).toEqual([{ name: 'codes', action: 'resolve', data: { id: ID } }]);
    for (const words of ['登记入住', '阳光社区 幸福里小区 1号楼', '第 1 步，共 3 步', '姓名', '下一步']) expect(text()).toContain(words);
  });

  it('takes the name and the door one screen each, then offers WeChat\'s phone, and sends its code', async () => {
    const { page, text, calls, navigations } = scanned({ 'codes.resolve': ok(buildingCode), 'registration.submit': ok({ registration, created: true, key: null, me: null }) });
    await until(() => text().includes('您叫什么名字？'));

    type(page, 0, '张秀英');
    await settle();
    tapButton(page, '下一步');
    await until(() => text().includes('您住在哪一户？'));
    for (const words of ['单元', '楼层', '门牌号']) expect(text()).toContain(words);
    // 单元, 楼层, 门牌号
    type(page, 0, '2');
    type(page, 1, '5');
    type(page, 2, '502');
    await settle();
    tapButton(page, '下一步');
    await until(() => text().includes('您的手机号'));

    expect(text()).toContain('用微信手机号登记');
    expect(text()).toContain('填写其他手机号');
    const wechat = page.querySelectorAll('.nut-button').find((n) => n.dom.textContent.includes('用微信手机号登记'));
    wechat.dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code: 'wx-phone-code-1' } });
    await until(() => navigations.length === 1);

    expect(calls[1]).toEqual({
      name: 'registration',
      action: 'submit',
      data: { codeId: ID, name: '张秀英', door: { entrance: '2', floor: 5, room: '502' }, phoneCode: 'wx-phone-code-1' },
    });
    expect(navigations).toEqual([{ api: 'redirectTo', url: `/register/status/index?code=${ID}` }]);
  });

  it('shows its own privacy popup when WeChat holds the phone button, agreeing through the button WeChat checks', async () => {
    const { page, text, privacy } = scanned({ 'codes.resolve': ok(buildingCode) });
    await until(() => text().includes('您叫什么名字？'));
    expect(privacy.listener).toEqual(expect.any(Function));

    const answers = [];
    privacy.listener((o) => answers.push(o), { referrer: 'getPhoneNumber' });
    await until(() => text().includes('用户隐私保护提示'));
    expect(text()).toContain('阅读《近邻隐私保护指引》');

    const agree = page.querySelectorAll('.nut-button').find((n) => n.dom.textContent.trim() === '同意');
    // WeChat accepts the agreement only from the button whose id the page names: the template
    // renders a node's id from its `uid` (id="{{i.uid||i.sid}}"), which simulate's DOM leaves out.
    expect(nodeWithId(page.instance.data, 'agree-privacy')).toMatchObject({ sid: agree.dom.getAttribute('data-sid') });
    agree.dispatchEvent('agreeprivacyauthorization', { detail: {} });
    await until(() => !text().includes('用户隐私保护提示'));

    expect(answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: 'agree-privacy' }]);
  });

  it('says why a code cannot be used, in words', async () => {
    const message = '这个码已作废，请向楼栋长或社区要一个新码';
    const { text } = scanned({ 'codes.resolve': { ok: false, code: 'CODE.REVOKED', message } });

    await until(() => text().includes(message));

    expect(text()).toContain('✕ 已作废');
    expect(text()).toContain('扫码登记');
  });
});
