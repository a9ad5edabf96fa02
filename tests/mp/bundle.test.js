/** What ships in dist/weapp: the pages it declares, how they are packaged, and the code it must not carry. */
const fs = require('fs');
const path = require('path');
const { DIST } = require('./support/load-page');

const KB = 1024;

const files = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const rel = (f) => path.relative(DIST, f).split(path.sep).join('/');
const app = () => JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'));
/** The build writes Chinese in scripts as \uXXXX escapes. */
const escaped = (s) => s.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const scriptsContaining = (s) =>
  files(DIST)
    .filter((f) => f.endsWith('.js') && fs.readFileSync(f, 'utf8').includes(escaped(s)))
    .map(rel);

describe('the weapp build', () => {
  it('has the resident pages in the main package, home and me in a tab bar, and no password login page', () => {
    expect(app().pages).toEqual([
      'pages/index/index',
      'pages/me/index',
      'pages/report/new',
      'pages/report/mine',
      'pages/report/detail',
      'pages/messages/index',
      'pages/code/index',
    ]);
    expect(app().tabBar.list.map((t) => t.text)).toEqual(['首页', '我的']);
    expect(fs.existsSync(path.join(DIST, 'pages/login'))).toBe(false);
  });

  it('puts the handler pages in a subpackage of their own, so residents never download them', () => {
    expect(app().subPackages).toEqual([{ root: 'handler', pages: ['inbox/index', 'report/index', 'record/index'] }]);
    for (const page of ['inbox/index', 'report/index', 'record/index']) {
      expect(fs.existsSync(path.join(DIST, 'handler', `${page}.js`))).toBe(true);
      expect(app().pages).not.toContain(`handler/${page}`);
    }
    // Words only the handler's report page uses are in its subpackage and nowhere in the main package.
    for (const words of ['审批延期', '回访已记录', '交给上一级']) expect(scriptsContaining(words)).toEqual(['handler/report/index.js']);
  });

  it('keeps the main package under 500 KB, the size an old phone on a weak network opens quickly', () => {
    const notPackaged = new Set(['project.config.json', 'project.private.config.json']);
    const main = files(DIST)
      .map(rel)
      .filter((f) => !f.startsWith('handler/') && !notPackaged.has(f));
    const bytes = main.reduce((n, f) => n + fs.statSync(path.join(DIST, f)).size, 0);
    expect(bytes).toBeLessThan(500 * KB);
  });

  it('carries only the cloud transport: no fetch to /api and no bearer token', () => {
    const js = files(DIST)
      .filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    expect(js).toContain('callFunction');
    expect(js).not.toMatch(/\/api\//);
    expect(js).not.toContain('Bearer');
  });
});
