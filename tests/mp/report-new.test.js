/** The report form (随手拍) as the built mini-program renders it, answered by the real actions' bodies. */
const { loadPage, until } = require('./support/load-page');
const { cloud, captured, ok } = require('./support/cloud');

const building = captured.whoAmI.bindings[0].unit;
const named = (page, selector, words) => page.querySelectorAll(selector).find((n) => n.dom.textContent.trim() === words);

/** The form opened by 孙福贵, with whatever else the test wants the functions to answer. */
function openForm(routes = {}) {
  return loadPage('pages/report/new', {
    answer: cloud({ 'auth.whoAmI': ok(captured.whoAmI), 'reports.categories': ok(captured.categories), ...routes }),
  });
}

async function pickNoise(form) {
  await until(() => form.text().includes('噪音扰民'));
  named(form.page, '.cats__name', '噪音扰民').dispatchEvent('tap');
  await until(() => form.text().includes('第 2 步'));
}

const type = (form, selector, value) => form.page.querySelector(selector).dispatchEvent('input', { detail: { value } });
const tapSubmit = (form) => named(form.page, '.nut-button-children, .nut-button', '提交反映').dispatchEvent('tap');

describe('the report form in the built mini-program', () => {
  it('asks what kind of problem first, with every category as a tile for the resident\'s own building', async () => {
    const form = openForm();
    await until(() => form.text().includes('噪音扰民'));

    expect(form.calls.slice(0, 2)).toEqual([
      { name: 'auth', action: 'whoAmI', data: {} },
      { name: 'reports', action: 'categories', data: { unitId: building.id } },
    ]);
    expect(form.text()).toContain('第 1 步，共 2 步');
    expect(form.text()).toContain('遇到了什么问题？');
    expect(form.text()).toContain('反映 幸福里小区 1号楼 的问题');
    const tiles = form.page.querySelectorAll('.cats__name').map((n) => n.dom.textContent);
    expect(tiles).toEqual(captured.categories.categories.map((c) => c.name));
    // Urgent categories say so on their tile, and only those.
    const tileTexts = form.page.querySelectorAll('.cats__tile').map((t) => t.dom.textContent);
    expect(tileTexts).toEqual(captured.categories.categories.map((c) => `${c.urgent ? '紧急' : ''}${c.icon}${c.name}`));
    expect(tileTexts.filter((t) => t.startsWith('紧急')).length).toBeGreaterThan(0);
  });

  it('then asks for the description, place, photos and privacy of the picked category', async () => {
    const form = openForm();
    await pickNoise(form);

    const text = form.text();
    expect(text).toContain('第 2 步，共 2 步');
    expect(text).toContain('噪音扰民');
    expect(text).toContain('换一个');
    for (const words of ['请说说是什么问题', '在楼里什么位置', '照片', '不公开我的姓名', '提交反映']) expect(text).toContain(words);
  });

  it('files what was typed with the category and a client request id, then opens the new report', async () => {
    const form = openForm({ 'reports.similar': ok([]), 'reports.create': ok(captured.create) });
    await pickNoise(form);

    type(form, '.field__textarea', '楼上每天半夜装修，吵得睡不着');
    type(form, '.field__input', '2单元 502');
    await until(() => form.text().includes('还可以写 486 字'));
    tapSubmit(form);
    await until(() => form.navigations.length > 0);

    const create = form.calls.find((c) => c.action === 'create');
    expect(create).toEqual({
      name: 'reports',
      action: 'create',
      data: {
        clientRequestId: expect.stringMatching(/^[\w-]{8,}$/),
        unitId: building.id,
        category: 'noise',
        description: '楼上每天半夜装修，吵得睡不着',
        location: '2单元 502',
        anonymous: false,
      },
    });
    // It first looked for a neighbour's open report of the same kind.
    expect(form.calls.find((c) => c.action === 'similar').data).toEqual({ unitId: building.id, category: 'noise' });
    expect(form.navigations).toEqual([{ api: 'redirectTo', url: `/pages/report/detail?id=${captured.create.report.id}` }]);
    expect(form.toasts).toEqual(['已提交']);
  });

  it('says in words what is missing and sends nothing when the description is empty', async () => {
    const form = openForm({ 'reports.similar': ok([]), 'reports.create': ok(captured.create) });
    await pickNoise(form);

    tapSubmit(form);
    await until(() => form.text().includes('请说说遇到了什么问题'));

    expect(form.calls.map((c) => c.action)).not.toContain('create');
    expect(form.navigations).toEqual([]);
  });

  it('offers to follow a neighbour\'s open report of the same kind instead of filing it twice', async () => {
    // The server counts the new follower in the report it answers.
    const form = openForm({ 'reports.similar': ok([captured.filed]), 'reports.follow': ok({ ...captured.filed, followers: captured.filed.followers + 1 }) });
    await pickNoise(form);

    type(form, '.field__textarea', '楼上半夜装修，很吵');
    await until(() => form.text().includes('还可以写 491 字'));
    tapSubmit(form);
    await until(() => form.text().includes('邻居已经反映过这个问题'));

    expect(form.text()).toContain(captured.filed.description);
    expect(form.text()).toContain('跟进这条（+1）');
    expect(form.text()).toContain('不是同一个问题，仍然提交');
    expect(form.calls.map((c) => c.action)).not.toContain('create');

    named(form.page, '.nut-button-children, .nut-button', '跟进这条（+1）').dispatchEvent('tap');
    await until(() => form.text().includes('已跟进这条反映'));
    // What was typed goes with the +1, and the count is the server's, this household included.
    expect(form.calls.find((c) => c.action === 'follow').data).toEqual({ id: captured.filed.id, note: '楼上半夜装修，很吵' });
    expect(form.text()).toContain(`现在共有 ${captured.filed.followers + 2} 户反映了这个问题（含您）`);
    named(form.page, '.nut-button-children, .nut-button', '查看这条反映').dispatchEvent('tap');
    await until(() => form.navigations.length > 0);
    expect(form.navigations).toEqual([{ api: 'redirectTo', url: `/pages/report/detail?id=${captured.filed.id}` }]);
  });
});
