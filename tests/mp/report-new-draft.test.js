/**
 * The report form in the built mini-program keeps what was written (#18): photos moved into the
 * saved files (their temporary paths die with the app) and the draft in storage, both outliving a
 * closed app; a description box WeChat does not cut at 140 or 500; and a filing the network dropped
 * sent again, with the same client request id, when WeChat says the network is back.
 */
const fs = require('fs');
const path = require('path');
const { loadPage, until, DIST } = require('./support/load-page');
const { cloud, captured, ok } = require('./support/cloud');

const named = (page, selector, words) => page.querySelectorAll(selector).find((n) => n.dom.textContent.trim() === words);
const tapButton = (form, words) => named(form.page, '.nut-button-children, .nut-button', words).dispatchEvent('tap');
const type = (form, selector, value) => form.page.querySelector(selector).dispatchEvent('input', { detail: { value } });

/** The phone: storage and saved files that outlive the app, and WeChat's network events. */
function phone() {
  const storage = new Map();
  const saved = new Map();
  const network = [];
  // A platform API answering as WeChat's do: through success/fail/complete, or a promise when given none.
  const api = (name, effect) =>
    jest.fn((opts = {}) => {
      const callbacks = opts.success || opts.fail || opts.complete;
      let res;
      let failed = false;
      try {
        res = { errMsg: `${name}:ok`, ...effect(opts) };
      } catch (e) {
        res = { errMsg: `${name}:fail ${e.message}` };
        failed = true;
      }
      if (!callbacks) return failed ? Promise.reject(res) : Promise.resolve(res);
      (failed ? opts.fail : opts.success)?.(res);
      opts.complete?.(res);
      return undefined;
    });
  let picked = 0;
  const wx = {
    getStorageSync: jest.fn((key) => (storage.has(key) ? JSON.parse(storage.get(key)) : '')),
    setStorageSync: jest.fn((key, value) => storage.set(key, JSON.stringify(value))),
    removeStorageSync: jest.fn((key) => storage.delete(key)),
    chooseMedia: api('chooseMedia', () => ({ type: 'image', tempFiles: [{ tempFilePath: `http://tmp/photo-${++picked}.jpg`, size: 120000, fileType: 'image' }] })),
    saveFile: api('saveFile', ({ tempFilePath }) => {
      const savedFilePath = tempFilePath.replace('http://tmp/', 'http://store/');
      saved.set(savedFilePath, tempFilePath);
      return { savedFilePath };
    }),
    removeSavedFile: api('removeSavedFile', ({ filePath }) => {
      if (!saved.delete(filePath)) throw new Error('file not found');
      return {};
    }),
    onNetworkStatusChange: jest.fn((listener) => network.push(listener)),
    getNetworkType: api('getNetworkType', () => ({ networkType: 'wifi' })),
  };
  return { storage, saved, network, wx };
}

/** The form opened by 孙福贵 on this phone; uploads answer a cloud fileID named after the file. */
function openForm(device, routes = {}) {
  const form = loadPage('pages/report/new', {
    answer: cloud({ 'auth.whoAmI': ok(captured.whoAmI), 'reports.categories': ok(captured.categories), 'reports.similar': ok([]), ...routes }),
    wx: device.wx,
  });
  global.wx.cloud.uploadFile = jest.fn(async ({ cloudPath, filePath }) => ({ fileID: `cloud://env/${cloudPath}`, errMsg: 'cloud.uploadFile:ok', from: filePath }));
  return form;
}

async function pickNoise(form) {
  await until(() => form.text().includes('噪音扰民'));
  named(form.page, '.cats__name', '噪音扰民').dispatchEvent('tap');
  await until(() => form.text().includes('第 2 步'));
}

/**
 * What a built-in component is given, as WeChat would get it: simulate keeps no properties of
 * built-in components, so it is read from the page's data, under the short name Taro's base
 * template binds the attribute to (`maxlength="{{xs.b(i.p12,140)}}"`).
 */
const BASE = fs.readFileSync(path.join(DIST, 'base.wxml'), 'utf8');
function given(form, className, tag, attr) {
  const bound = new RegExp(`<${tag} [^>]*\\b${attr}="\\{\\{(?:xs\\.b\\()?i\\.(\\w+)`).exec(BASE);
  if (!bound) throw new Error(`base.wxml binds no ${attr} on <${tag}>`);
  const found = [];
  const walk = (x) => {
    if (!x || typeof x !== 'object') return;
    if (typeof x.cl === 'string' && x.cl.split(' ').includes(className)) found.push(x[bound[1]]);
    Object.values(x).forEach(walk);
  };
  walk(form.page.instance.data);
  return found;
}
const images = (form) => given(form, 'photos__img', 'image', 'src');

describe('the report form keeps a draft in the built mini-program', () => {
  it('lets WeChat take any length into the box, counting down and saying when it is over', async () => {
    const form = openForm(phone());
    await pickNoise(form);

    // WeChat's textarea cuts at 140 unless told -1: the box says -1, and the count does the telling.
    expect(given(form, 'field__textarea', 'textarea', 'maxlength')).toEqual([-1]);
    type(form, '.field__textarea', '吵'.repeat(503));
    await until(() => form.text().includes('已超出 3 字'));
    expect(form.text()).toContain('最多写 500 字，请删掉 3 字再提交');
    type(form, '.field__textarea', '楼上每天半夜装修');
    await until(() => form.text().includes('还可以写 492 字'));
  });

  it('keeps words and photos (moved into saved files) across a closed app, and files them with the uploaded photo', async () => {
    const device = phone();
    const first = openForm(device);
    await pickNoise(first);
    type(first, '.field__textarea', '楼上每天半夜装修，吵得睡不着');
    named(first.page, '.photos__add-text', '拍照/选照片').dispatchEvent('tap');
    await until(() => first.text().includes('已选 1 张') && !first.text().includes('上传中'));

    // Shown from, and uploaded from, the saved file: the temporary path is gone once it is saved.
    expect(images(first)).toEqual(['http://store/photo-1.jpg']);
    expect(global.wx.cloud.uploadFile.mock.calls[0][0].filePath).toBe('http://store/photo-1.jpg');
    await until(() => [...device.storage.keys()].some((k) => k.startsWith('jinlin.reportDraft.')));

    // The app is closed and opened again: only the phone's storage and saved files remain.
    const created = { ...captured.create };
    const again = openForm(device, { 'reports.create': ok(created) });
    await until(() => again.text().includes('您有一份没写完的反映'));
    expect(again.text()).toContain('楼上每天半夜装修，吵得睡不着');
    expect(again.text()).toContain('照片 1 张');
    tapButton(again, '继续上次的草稿');
    await until(() => again.text().includes('第 2 步'));
    expect(images(again)).toEqual(['http://store/photo-1.jpg']);
    expect(given(again, 'field__textarea', 'textarea', 'value')).toEqual(['楼上每天半夜装修，吵得睡不着']);

    tapButton(again, '提交反映');
    await until(() => again.navigations.length > 0);
    const create = again.calls.find((c) => c.action === 'create');
    expect(create.data.photos).toEqual([expect.stringMatching(/^cloud:\/\/env\/uploads\/.+\/.+\.jpg$/)]);
    expect(create.data.description).toBe('楼上每天半夜装修，吵得睡不着');
    // Filed: the draft and its saved photo are gone from the phone.
    await until(() => device.saved.size === 0);
    expect([...device.storage.keys()].filter((k) => k.startsWith('jinlin.reportDraft.'))).toEqual([]);
  });

  it('keeps a filing the network dropped and files it once when WeChat says the network is back', async () => {
    const device = phone();
    let online = false;
    const form = openForm(device, {
      'reports.create': () => {
        // No network: wx.cloud.callFunction fails, as WeChat's does.
        if (!online) throw Object.assign(new Error('cloud.callFunction:fail network'), { errMsg: 'cloud.callFunction:fail -1 network' });
        return ok(captured.create);
      },
    });
    await pickNoise(form);
    type(form, '.field__textarea', '楼上每天半夜装修，吵得睡不着');
    tapButton(form, '提交反映');
    await until(() => form.text().includes('网络不好，已保存，联网后自动提交'));
    expect(form.navigations).toEqual([]);

    online = true;
    device.network.forEach((listener) => listener({ isConnected: true, networkType: 'wifi' }));
    await until(() => form.navigations.length > 0);

    const ids = form.calls.filter((c) => c.action === 'create').map((c) => c.data.clientRequestId);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
    expect(form.navigations).toEqual([{ api: 'redirectTo', url: `/pages/report/detail?id=${captured.create.report.id}` }]);
  });
});
