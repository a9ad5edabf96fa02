/**
 * The landing page every code opens, as the built mini-program renders it when WeChat launches it
 * from a mini-program code: `options.scene` carries the code's id, URL-encoded.
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

const named = (page, selector, words) => page.querySelectorAll(selector).find((n) => n.dom.textContent.trim() === words);

/** Opened the way a scan opens it. */
const scanned = (scene, routes) => loadPage('pages/code/index', { answer: cloud(routes), query: { scene } });

describe('the code landing page in the built mini-program', () => {
  it('decodes the scene, resolves the code through wx.cloud and says what it is, where and what it does', async () => {
    // A code read out with spaces still arrives as a valid scene once decoded and normalised.
    const { page, text, calls, navigations } = scanned(encodeURIComponent('abcd 2345 wxyz'), { 'codes.resolve': ok(buildingCode) });

    await until(() => text().includes('楼栋码'));

    expect(calls).toEqual([{ name: 'codes', action: 'resolve', data: { id: ID } }]);
    for (const words of ['✓ 可以使用', '在哪里', '阳光社区 幸福里小区 1号楼', '扫码可以', '加入本楼，成为楼里的居民']) expect(text()).toContain(words);
    // A building's code goes on to the join page in the `register` subpackage, with the code.
    named(page, '.nut-button-children, .nut-button', '登记入住本楼').dispatchEvent('tap');
    await until(() => navigations.length === 1);
    expect(navigations).toEqual([{ api: 'navigateTo', url: `/register/join/index?code=${ID}` }]);
  });

  it('carries a compound\'s public code on to its echo wall (回音壁) in the `echo` subpackage', async () => {
    const open = { ...buildingCode, purpose: 'public', purposeLabel: '公开码', does: '查看本小区的公开信息' };
    const { page, text, navigations } = scanned(ID, { 'codes.resolve': ok(open) });

    await until(() => text().includes('公开码'));

    expect(text()).not.toContain('这一步还没有开放');
    named(page, '.nut-button-children, .nut-button', '查看回音壁').dispatchEvent('tap');
    await until(() => navigations.length === 1);
    expect(navigations).toEqual([{ api: 'navigateTo', url: `/echo/wall/index?code=${ID}` }]);
  });

  it('tells whom a personal code was printed for', async () => {
    const personal = { ...buildingCode, purpose: 'personal', purposeLabel: '个人码', does: '本人加入近邻（只能用一次）', personName: '张*华', usesLeft: 1 };
    const { text } = scanned(ID, { 'codes.resolve': ok(personal) });

    await until(() => text().includes('个人码'));

    expect(text()).toContain('张*华（只能本人使用）');
    expect(text()).toContain('1 次');
  });

  it('shows an expired code\'s message, its status in words and the way to type another code', async () => {
    const message = '这个码已过期，请向楼栋长或社区要一个新码';
    const { page, text } = scanned(ID, { 'codes.resolve': { ok: false, code: 'CODE.EXPIRED', message } });

    await until(() => text().includes(message));

    expect(text()).toContain('✕ 已过期');
    expect(text()).toContain('这个码不能再用了');
    expect(text()).toContain('码的编号：abcd 2345 wxyz');
    named(page, '.nut-button-children, .nut-button', '输入别的码').dispatchEvent('tap');
    await until(() => text().includes('楼栋长或社区可以告诉您'));
    expect(page.querySelector('.code-form__input')).toBeTruthy();
  });

  it('lets a person type the code when the scanned one is not found, and looks that one up', async () => {
    const other = 'mnpqrstv6789';
    const { page, text, calls } = scanned(ID, {
      'codes.resolve': (data) => (data.id === other ? ok({ ...buildingCode, id: other }) : { ok: false, code: 'CODE.NOT_FOUND', message: '没有这个码：请确认扫的是近邻的码，或向楼栋长、社区要一个新码' }),
    });
    await until(() => text().includes('没有找到这个码'));

    page.querySelector('.code-form__input').dispatchEvent('input', { detail: { value: 'MNPQ RSTV 6789' } });
    // React re-renders with what was typed before the tap reads it.
    await new Promise((r) => setTimeout(r, 50));
    named(page, '.nut-button-children, .nut-button', '查看').dispatchEvent('tap');
    await until(() => text().includes('楼栋码'));

    expect(calls.map((c) => c.data)).toEqual([{ id: ID }, { id: other }]);
  });

  it('asks for the code\'s number when opened without a scene, and sends nothing', async () => {
    const { text, calls } = loadPage('pages/code/index', { answer: cloud({}) });

    await until(() => text().includes('查看一个码'));

    expect(text()).toContain('码的编号');
    expect(calls).toEqual([]);
  });
});
