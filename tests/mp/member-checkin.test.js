/**
 * The check-in form (党员报到, subpackage `members`) as the built mini-program renders it when a member
 * code opens it straight away: `options.scene` carries the code's id, URL-encoded. Each screen refuses
 * what is missing in words before anything is sent; the phone comes from WeChat's button, whose
 * one-time code is sent, never a number.
 */
const { loadPage, until } = require('./support/load-page');
const { cloud, ok } = require('./support/cloud');

const ID = 'mnpq2345rstv';

const memberCode = {
  id: ID,
  purpose: 'member',
  purposeLabel: '党员报到码',
  does: '党员到本小区党支部报到',
  unit: { id: 'p1', name: '幸福里小区', kind: 'compound', path: '/s1/c1/p1/' },
  trail: '阳光社区 幸福里小区',
  personName: null,
  validUntil: null,
  usesLeft: null,
};

const nobody = { registered: false, howToRegister: '', registration: null };

const named = (page, selector, words) => page.querySelectorAll(selector).find((n) => n.dom.textContent.trim() === words);
const tapButton = (page, words) => named(page, '.nut-button-children, .nut-button', words).dispatchEvent('tap');
const tapChoice = (page, words) => named(page, '.choices__text', words).dispatchEvent('tap');
const settle = () => new Promise((r) => setTimeout(r, 50));

function type(page, index, value) {
  const input = page.querySelectorAll('.big-field__input')[index];
  if (!input) throw new Error(`no box ${index}`);
  input.dispatchEvent('input', { detail: { value } });
}

const scanned = (routes) => loadPage('members/checkin/index', { answer: cloud({ 'auth.whoAmI': ok(nobody), ...routes }), query: { scene: encodeURIComponent('MNPQ 2345 RSTV') } });

/** Taps 下一步 and waits for the next screen's heading. */
async function next(page, text, heading) {
  await settle();
  tapButton(page, '下一步');
  await until(() => text().includes(heading));
}

describe('the check-in form in the built mini-program', () => {
  it('decodes the scene, resolves the code through wx.cloud and shows where, then asks the name', async () => {
    const { text, calls } = scanned({ 'codes.resolve': ok(memberCode) });

    await until(() => text().includes('您叫什么名字？'));

    expect(calls.filter((c) => c.name === 'codes')).toEqual([{ name: 'codes', action: 'resolve', data: { id: ID } }]);
    for (const words of ['党员报到', '阳光社区 幸福里小区', '第 1 步，共 8 步', '姓名', '下一步']) expect(text()).toContain(words);
  });

  it('refuses each screen left empty, in words, and sends nothing', async () => {
    const { page, text, calls } = scanned({ 'codes.resolve': ok(memberCode) });
    await until(() => text().includes('您叫什么名字？'));

    tapButton(page, '下一步');
    await until(() => text().includes('请填写姓名'));
    type(page, 0, '周建民');
    await next(page, text, '您是哪一类党员？');

    tapButton(page, '下一步');
    await until(() => text().includes('请选择您是哪一类党员'));
    tapChoice(page, '离退休');
    await next(page, text, '您的组织关系在哪个党支部？');

    tapButton(page, '下一步');
    await until(() => text().includes('请填写组织关系所在的党支部'));
    expect(calls.filter((c) => c.name === 'members')).toEqual([]);
  });

  it('goes through every screen and sends WeChat\'s phone code with what was given', async () => {
    const { page, text, calls, navigations } = scanned({ 'codes.resolve': ok(memberCode), 'members.submit': ok({ checkin: { id: 'chk_1' }, created: true }) });
    await until(() => text().includes('您叫什么名字？'));

    type(page, 0, '周建民');
    await next(page, text, '您是哪一类党员？');
    tapChoice(page, '在职');
    tapChoice(page, '是退役军人');
    await next(page, text, '您的组织关系在哪个党支部？');
    type(page, 0, '市第一人民医院第三党支部');
    await next(page, text, '您在哪里工作？');
    type(page, 0, '市第一人民医院');
    await next(page, text, '您有什么特长？');
    tapChoice(page, '医疗护理');
    await next(page, text, '您愿意做哪些服务？什么时候有空？');
    tapChoice(page, '义诊义剪');
    tapChoice(page, '周末');
    await next(page, text, '您住在这里吗？');
    await next(page, text, '您的手机号');

    const wechat = page.querySelectorAll('.nut-button').find((n) => n.dom.textContent.includes('用微信手机号报到'));
    wechat.dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code: 'wx-phone-code-1' } });
    await until(() => navigations.length === 1);

    expect(calls.filter((c) => c.name === 'members')).toEqual([
      {
        name: 'members',
        action: 'submit',
        data: {
          codeId: ID,
          name: '周建民',
          memberType: 'in_service',
          veteran: true,
          branch: { name: '市第一人民医院第三党支部', place: null },
          workUnit: '市第一人民医院',
          skills: ['医疗护理'],
          services: ['义诊义剪'],
          freeTime: '周末',
          household: null,
          phoneCode: 'wx-phone-code-1',
        },
      },
    ]);
    expect(navigations).toEqual([{ api: 'redirectTo', url: '/members/mine/index' }]);
  });

  it('stops at a building code: not a member code, in words', async () => {
    const { text, calls } = scanned({ 'codes.resolve': ok({ ...memberCode, purpose: 'building', purposeLabel: '楼栋码' }) });

    await until(() => text().includes('这个码不是党员报到码'));

    expect(text()).toContain('✕ 不能报到');
    expect(text()).toContain('扫码报到');
    expect(calls.filter((c) => c.name === 'members')).toEqual([]);
  });
});
