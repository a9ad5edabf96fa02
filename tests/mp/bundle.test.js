/** What ships in dist/weapp: the pages it declares, how they are packaged, and the code it must not carry. */
const fs = require('fs');
const path = require('path');
const { DIST } = require('./support/load-page');
const { files, rel, app, scriptsContaining } = require('./support/scripts');

const KB = 1024;

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
    expect(app().subPackages).toEqual([
      { root: 'handler', pages: ['inbox/index', 'report/index', 'record/index', 'approvals/index', 'checkins/index', 'grid/index'] },
      { root: 'register', pages: ['join/index', 'status/index'] },
      { root: 'group', pages: ['card/index', 'bind/index'] },
      { root: 'members', pages: ['checkin/index', 'mine/index'] },
      { root: 'lectures', pages: ['list/index', 'detail/index', 'mine/index', 'scan/index', 'attend/index'] },
      { root: 'pairings', pages: ['mine/index', 'visit/index'] },
      { root: 'points', pages: ['index/index', 'shop/index', 'orders/index', 'board/index', 'service/index'] },
      { root: 'wishes', pages: ['index/index', 'post/index', 'mine/index', 'detail/index'] },
      { root: 'property', pages: ['index/index', 'survey/index'] },
      { root: 'echo', pages: ['wall/index'] },
      { root: 'mydata', pages: ['index/index', 'correct/index', 'leave/index'] },
      { root: 'deliberation', pages: ['index/index', 'topic/index', 'rules/index', 'public/index', 'open/index', 'decide/index'] },
      { root: 'partners', pages: ['index/index', 'need/index', 'project/index', 'visit/index', 'resource/index'] },
    ]);
    for (const page of ['inbox/index', 'report/index', 'record/index', 'approvals/index', 'checkins/index', 'grid/index']) {
      expect(fs.existsSync(path.join(DIST, 'handler', `${page}.js`))).toBe(true);
      expect(app().pages).not.toContain(`handler/${page}`);
    }
    // Words only the handler's report page uses are in its subpackage and nowhere in the main package.
    for (const words of ['审批延期', '回访已记录', '交给上一级']) expect(scriptsContaining(words)).toEqual(['handler/report/index.js']);
    expect(scriptsContaining('确认不通过')).toEqual(['handler/approvals/index.js']);
  });

  it('puts the way in (join, status) in a subpackage opened from a code, out of the main package', () => {
    for (const page of ['join/index', 'status/index']) {
      expect(fs.existsSync(path.join(DIST, 'register', `${page}.js`))).toBe(true);
      expect(app().pages).not.toContain(`register/${page}`);
    }
    // The password screen (the join form's checks are shared with the check-in form, in each one's sub-common).
    expect(scriptsContaining('再输一次密码')).toEqual(['register/join/index.js']);
    expect(scriptsContaining('以前的登记')).toEqual(['register/status/index.js']);
  });

  it('puts the building group\'s pages (a report\'s card, binding the group) in a subpackage of their own', () => {
    for (const page of ['card/index', 'bind/index']) {
      expect(fs.existsSync(path.join(DIST, 'group', `${page}.js`))).toBe(true);
      expect(app().pages).not.toContain(`group/${page}`);
    }
    expect(scriptsContaining('这里有一条反映')).toEqual(['group/card/index.js']);
    expect(scriptsContaining('发送卡片到楼栋群')).toEqual(['group/bind/index.js']);
  });

  it('puts party members\' check-in (the form, 我的报到) in a subpackage opened from a member code, and its queue with the handler pages', () => {
    for (const page of ['checkin/index', 'mine/index']) {
      expect(fs.existsSync(path.join(DIST, 'members', `${page}.js`))).toBe(true);
      expect(app().pages).not.toContain(`members/${page}`);
    }
    expect(scriptsContaining('您的组织关系在哪个党支部？')).toEqual(['members/checkin/index.js']);
    expect(scriptsContaining('扫码重新报到')).toEqual(['members/mine/index.js']);
    expect(scriptsContaining('确认退回')).toEqual(['handler/checkins/index.js']);
  });

  it('lets a report\'s page and the bind page be shared as cards, and keeps the stand-in group out', () => {
    // Taro gives a page onShareAppMessage only when its config says so; without it the share button does nothing.
    for (const page of ['pages/report/detail.js', 'group/bind/index.js']) expect(fs.readFileSync(path.join(DIST, page), 'utf8')).toContain('enableShareAppMessage:!0');
    // The local host's stand-in group is the browser build's alone, like its stand-in WeChat user.
    expect(files(DIST).filter((f) => f.endsWith('.js') && /jinlin\.devGroup|dev-group:/.test(fs.readFileSync(f, 'utf8'))).map(rel)).toEqual([]);
  });

  it('keeps the main package under 500 KB, the size an old phone on a weak network opens quickly', () => {
    const notPackaged = new Set(['project.config.json', 'project.private.config.json']);
    const main = files(DIST)
      .map(rel)
      .filter((f) => !app().subPackages.some((p) => f.startsWith(`${p.root}/`)) && !notPackaged.has(f));
    const bytes = main.reduce((n, f) => n + fs.statSync(path.join(DIST, f)).size, 0);
    expect(bytes).toBeLessThan(500 * KB);
  });

  it('writes the UI text as UTF-8 characters, not \\uXXXX escapes twice their weight', () => {
    const common = fs.readFileSync(path.join(DIST, 'common.js'), 'utf8');
    // The error table is the server's (the pages read messages from the answers): a code's status words stand in.
    expect(common).toContain('次数已用完');
    expect(common).not.toContain('填写的内容有误');
    expect(common).not.toMatch(/\\u[4-9][0-9a-f]{3}/);
  });

  it('carries only the cloud transport: no fetch to /api and no bearer token', () => {
    const js = files(DIST)
      .filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    expect(js).toContain('callFunction');
    expect(js).not.toMatch(/\/api\//);
    expect(js).not.toContain('Bearer');
    // The local host's stand-in WeChat user is the browser build's alone: WeChat names the caller here.
    expect(js).not.toContain('X-Jinlin-Dev-Openid');
  });
});
