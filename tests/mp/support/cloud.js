/**
 * A small stand-in for the cloud functions behind wx.cloud.callFunction. It answers with bodies
 * the real actions returned (captured.json, written by capture.ts from the story), and
 * with the same refusals the real functions give for a call it was not told about.
 */
const captured = require('./captured.json');

const ok = (data) => ({ ok: true, data });
const UNKNOWN = { ok: false, code: 'API.UNKNOWN_ACTION', message: '没有这个操作' };

/**
 * @param {Record<string, unknown | ((data: any) => unknown)>} routes answers by "function.action"
 * @returns {(name: string, action: string, data: unknown) => unknown} for loadPage's `answer`
 */
function cloud(routes) {
  return (name, action, data) => {
    const route = routes[`${name}.${action}`];
    if (route === undefined) return UNKNOWN;
    return typeof route === 'function' ? route(data) : route;
  };
}

/** The same body, as the detail a caller gets back after an action (for chaining stubs). */
const clone = (x) => JSON.parse(JSON.stringify(x));

module.exports = { cloud, captured, ok, clone };
