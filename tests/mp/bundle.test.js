/** What ships in dist/weapp: the pages it declares and the code it must not carry. */
const fs = require('fs');
const path = require('path');
const { DIST } = require('./support/load-page');

const files = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));

describe('the weapp build', () => {
  it('has the home and me pages in a tab bar, and no password login page', () => {
    const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'));
    expect(app.pages).toEqual(['pages/index/index', 'pages/me/index']);
    expect(app.tabBar.list.map((t) => t.text)).toEqual(['首页', '我的']);
    expect(fs.existsSync(path.join(DIST, 'pages/login'))).toBe(false);
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
