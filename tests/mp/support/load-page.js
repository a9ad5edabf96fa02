/**
 * Loads a page of the built mini-program into miniprogram-simulate.
 *
 * simulate knows custom components only, so `Page` is registered as a Component whose
 * lifetimes call the page's onLoad / onShow / onReady, and `App` / `getApp` / `getCurrentPages`
 * are provided the way the WeChat client does. `wx.cloud` is the stand-in for the cloud
 * functions: it answers `callFunction` with the `{ ok, ... }` bodies a function returns.
 */
const fs = require('fs');
const path = require('path');

const DIST = path.resolve(__dirname, '../../../dist/weapp');

function assertBuilt() {
  if (!fs.existsSync(path.join(DIST, 'app.js'))) {
    throw new Error('dist/weapp is missing: run `npx taro build --type weapp` first');
  }
}

/**
 * @param {string} route e.g. 'pages/index/index'
 * @param {{ answer: (name: string, action: string, data: unknown) => unknown, query?: Record<string, string>, wx?: Record<string, unknown> }} opts
 *   `wx`: platform APIs the page needs beyond the stand-ins here (e.g. getGroupEnterInfo), by name.
 */
function loadPage(route, { answer, query = {}, wx = {} }) {
  assertBuilt();
  jest.resetModules();
  delete global.wx;

  const calls = [];
  /** Calls the app shell makes whatever the page (services/subscribe.ts: loadNoticeTemplates). */
  const appCalls = [];
  const toasts = [];
  /** Where the page asked WeChat to go: { api: 'navigateTo', url }. */
  const navigations = [];
  /** WeChat's privacy hook: the listener the page registered (wx.onNeedPrivacyAuthorization). */
  const privacy = { listener: null };
  /** A platform API that succeeds the way WeChat's do: `success` and `complete` get `{ errMsg }`. */
  const succeeds = (name, effect = () => ({})) =>
    jest.fn((opts = {}) => {
      const res = { errMsg: `${name}:ok`, ...effect(opts) };
      if (opts.success) opts.success(res);
      if (opts.complete) opts.complete(res);
    });
  const navigates = (name) => succeeds(name, (opts) => (navigations.push({ api: name, url: opts.url }), {}));
  global.wx = {
    cloud: {
      init: jest.fn(),
      callFunction: jest.fn(async ({ name, data }) => {
        // The app shell's prefetch of subscribe templates at every show (src/app.tsx) is not the page's call.
        if (name === 'messages' && data.action === 'noticeTemplates') appCalls.push({ name, ...data });
        else calls.push({ name, ...data });
        return { result: await answer(name, data.action, data.data), errMsg: 'cloud.callFunction:ok' };
      }),
    },
    showToast: succeeds('showToast', (opts) => (toasts.push(opts.title), {})),
    navigateTo: navigates('navigateTo'),
    redirectTo: navigates('redirectTo'),
    switchTab: navigates('switchTab'),
    reLaunch: navigates('reLaunch'),
    navigateBack: succeeds('navigateBack'),
    pageScrollTo: succeeds('pageScrollTo'),
    makePhoneCall: succeeds('makePhoneCall'),
    previewImage: succeeds('previewImage'),
    onNeedPrivacyAuthorization: jest.fn((listener) => {
      privacy.listener = listener;
    }),
    openPrivacyContract: succeeds('openPrivacyContract'),
    ...wx,
  };

  const simulate = require('miniprogram-simulate');

  let app = null;
  const pages = [];
  global.App = (options) => {
    app = options;
  };
  global.getApp = () => app;
  global.getCurrentPages = () => pages;
  global.Page = (options) => {
    const { data, ...rest } = options;
    const methods = {};
    for (const [key, value] of Object.entries(rest)) if (typeof value === 'function') methods[key] = value;
    global.Component({
      data: data || {},
      methods,
      lifetimes: {
        attached() {
          for (const [key, value] of Object.entries(rest)) if (typeof value !== 'function') this[key] = value;
          this.route = route;
          this.__route__ = route;
          pages.push(this);
          if (this.onLoad) this.onLoad(query);
          if (this.onShow) this.onShow();
        },
        ready() {
          if (this.onReady) this.onReady();
        },
      },
    });
  };

  require(path.join(DIST, 'app.js'));
  if (!app) throw new Error('dist/weapp/app.js did not call App()');
  if (app.onLaunch) app.onLaunch({ path: route, query, scene: 1001 });
  if (app.onShow) app.onShow({ path: route, query, scene: 1001 });

  const id = simulate.load(path.join(DIST, route), { rootPath: DIST });
  const page = simulate.render(id);
  page.attach(document.createElement('parent-wrapper'));

  return { page, simulate, calls, appCalls, toasts, navigations, privacy, text: () => page.dom.textContent.replace(/\s+/g, ' ').trim() };
}

/** Waits until `predicate()` holds (the page renders after the cloud call resolves). */
async function until(predicate, { timeout = 3000, step = 20 } = {}) {
  const start = Date.now();
  for (;;) {
    if (predicate()) return;
    if (Date.now() - start > timeout) throw new Error('timed out waiting for the page');
    await new Promise((r) => setTimeout(r, step));
  }
}

module.exports = { loadPage, until, DIST };
