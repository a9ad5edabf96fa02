/**
 * 社区讲堂 in the built mini-program (dist/weapp): the subpackage `lectures` as it ships — its pages out
 * of the main package, the QR encoder only in it — and its pages rendered by miniprogram-simulate with
 * the lectures function stood in for: the list, a lecture with its sign-up code drawn on the phone,
 * signing up, 我的报名, and staff scanning a code with wx.scanCode.
 */
const fs = require('fs');
const path = require('path');
const { loadPage, until, DIST } = require('./support/load-page');
const { cloud, ok } = require('./support/cloud');
const { files, rel, app, scriptsContaining } = require('./support/scripts');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TICKET = 'jinlin:ticket:lec1:p1:ABCDEFGHJKMNPQRS';


const community = { id: 'c1', name: '阳光社区', kind: 'community', path: '/s1/c1/' };
function lecture(overrides = {}) {
  const now = Date.now();
  return {
    id: 'lec1',
    title: '冬季高血压防治',
    startsAt: now + 2 * DAY,
    endsAt: now + 2 * DAY + 90 * 60_000,
    venue: '阳光社区活动中心二楼',
    status: 'published',
    statusLabel: '已发布',
    pictureUrl: null,
    speaker: { id: 'sp1', name: '王建国', title: '主任医师', field: '心血管', affiliation: '市第一医院' },
    capacity: 30,
    seatsLeft: 1,
    waiting: 0,
    signupFrom: now - DAY,
    signupUntil: now + DAY,
    signupOpen: true,
    companionsAllowed: 0,
    mine: null,
    description: '冬天血压容易波动，讲讲在家怎么量血压。',
    community,
    audience: [community],
    ...overrides,
  };
}
const seat = (overrides = {}) => ({
  lectureId: 'lec1',
  status: 'confirmed',
  statusLabel: '已报名',
  seats: 1,
  companions: 0,
  signedUpAt: Date.now() - HOUR,
  confirmedAt: Date.now() - HOUR,
  promotedAt: null,
  place: null,
  ticketCode: TICKET,
  attendedAt: null,
  ...overrides,
});

const tapButton = (page, label) => {
  const b = page.querySelectorAll('.nut-button').find((n) => n.dom.textContent.trim() === label);
  if (!b) throw new Error(`no button ${label}`);
  b.dispatchEvent('tap');
};
/**
 * The sign-up codes' images: simulate's <image> keeps its src as a property, not an attribute, so they
 * are read from the tree Taro hands the page's template (its attributes under short keys).
 */
function ticketImages(page) {
  const found = [];
  const walk = (node) => {
    if (!node || typeof node !== 'object') return;
    if (typeof node.cl === 'string' && node.cl.split(' ').includes('ticket__img')) found.push(Object.values(node).find((v) => typeof v === 'string' && v.startsWith('data:')) || null);
    for (const v of Object.values(node)) if (v && typeof v === 'object') walk(v);
  };
  walk(page.instance.data);
  return found;
}

let warn;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('the lectures subpackage as it ships', () => {
  it('declares its five pages outside the main package, and keeps their words and the QR encoder out of it', () => {
    const sub = app().subPackages.find((p) => p.root === 'lectures');
    expect(sub.pages).toEqual(['list/index', 'detail/index', 'mine/index', 'scan/index', 'attend/index']);
    for (const page of sub.pages) {
      expect(fs.existsSync(path.join(DIST, 'lectures', `${page}.js`))).toBe(true);
      expect(app().pages).not.toContain(`lectures/${page}`);
    }
    expect(scriptsContaining('在门口扫参加者')).toEqual(['lectures/list/index.js']);
    expect(scriptsContaining('带几位同行？')).toEqual(['lectures/detail/index.js']);
    expect(scriptsContaining('这次已签到')).toEqual(['lectures/scan/index.js']);
    // The QR encoder (qrcode's Reed-Solomon tables travel with it) is in the subpackage only.
    for (const f of scriptsContaining('shape-rendering')) expect(f).toMatch(/^lectures\//);
    const encoder = files(DIST).filter((f) => f.endsWith('.js') && fs.readFileSync(f, 'utf8').includes('"version" should be in range from 1 to 40')).map(rel);
    expect(encoder.length).toBeGreaterThan(0);
    for (const f of encoder) expect(f).toMatch(/^lectures\//);
  });

  it('opens from home\'s 社区讲堂 tile, 我的 and a venue code by the pages it declares', () => {
    // The tile's words and the paths live in the main package; the pages they open do not.
    expect(scriptsContaining('报名听讲座').filter((f) => !f.startsWith('lectures/')).length).toBeGreaterThan(0);
    for (const page of ['/lectures/list/index', '/lectures/mine/index', '/lectures/attend/index']) {
      const main = files(DIST).filter((f) => f.endsWith('.js') && !rel(f).startsWith('lectures/') && fs.readFileSync(f, 'utf8').includes(page));
      expect({ page, inMain: main.length > 0 }).toEqual({ page, inMain: true });
    }
  });
});

describe('社区讲堂 pages in the built mini-program', () => {
  it('lists the lectures with their seats left and one\'s own place on the waiting list', async () => {
    const { text, calls } = loadPage('lectures/list/index', {
      answer: cloud({
        'lectures.open': ok({ lectures: [lecture(), lecture({ id: 'lec2', title: '老年人防范电信诈骗', seatsLeft: 0, waiting: 2, mine: seat({ lectureId: 'lec2', status: 'waiting', place: 2, ticketCode: null }) })] }),
        'auth.whoAmI': ok({ registered: true, person: { id: 'p1', name: '孙福贵', phone: null, username: null, wechatBound: true }, bindings: [], isStaff: false, isHandler: false }),
      }),
    });
    await until(() => text().includes('老年人防范电信诈骗'));
    expect(text()).toContain('✓ 还剩 1 个座位（共 30 个）');
    expect(text()).toContain('⏳ 座位已满，2 人在候补，可以排队候补');
    expect(text()).toContain('⏳ 候补第 2 位');
    expect(calls.map((c) => `${c.name}.${c.action}`).sort()).toEqual(expect.arrayContaining(['lectures.open', 'auth.whoAmI']));
  });

  it('signs up in one tap and draws the sign-up code on the phone', async () => {
    const { page, text, calls } = loadPage('lectures/detail/index', {
      query: { id: 'lec1' },
      answer: cloud({ 'lectures.detail': ok(lecture()), 'lectures.signUp': ok(lecture({ seatsLeft: 0, mine: seat() })) }),
      wx: { requestSubscribeMessage: jest.fn() },
    });
    await until(() => text().includes('王建国 · 主任医师 · 市第一医院'));
    expect(text()).toContain('还剩 1 个座位（共 30 个）');
    tapButton(page, '报名');
    await until(() => text().includes('报名成功！'));
    expect(calls.filter((c) => c.action === 'signUp')).toEqual([{ name: 'lectures', action: 'signUp', data: { id: 'lec1' } }]);
    expect(ticketImages(page)).toEqual([expect.stringMatching(/^data:image\/svg\+xml;base64,/)]);
    expect(text()).toContain('入场时请出示这个报名码（本人），工作人员扫码签到');
  });

  it('shows 我的报名 with the code for a seat and the place for a wait', async () => {
    const { page, text } = loadPage('lectures/mine/index', {
      answer: cloud({
        'lectures.mine': ok({
          signups: [
            { ...seat(), lecture: { id: 'lec1', title: '冬季高血压防治', startsAt: Date.now() + DAY, endsAt: Date.now() + DAY + HOUR, venue: '二楼', status: 'published', statusLabel: '已发布', pictureUrl: null } },
            { ...seat({ lectureId: 'lec2', status: 'waiting', place: 1, ticketCode: null }), lecture: { id: 'lec2', title: '防范电信诈骗', startsAt: Date.now() + DAY, endsAt: Date.now() + DAY + HOUR, venue: '二楼', status: 'published', statusLabel: '已发布', pictureUrl: null } },
          ],
        }),
      }),
    });
    await until(() => text().includes('防范电信诈骗'));
    expect(text()).toContain('⏳ 候补第 1 位');
    expect(text()).toContain('取消报名');
    expect(text()).toContain('不候补了');
    expect(ticketImages(page)).toEqual([expect.stringMatching(/^data:image\/svg\+xml;base64,/)]);
  });

  it('lets staff scan an attendee\'s code with the camera and marks it', async () => {
    const scanCode = jest.fn((opts = {}) => {
      const res = { errMsg: 'scanCode:ok', result: TICKET, scanType: 'QR_CODE', charSet: 'utf-8' };
      if (opts.success) opts.success(res);
      if (opts.complete) opts.complete(res);
    });
    const { page, text, calls } = loadPage('lectures/scan/index', {
      answer: cloud({
        'lectures.markAttendance': ok({ lectureId: 'lec1', lectureTitle: '冬季高血压防治', person: { id: 'p1', name: '钱红梅' }, seats: 1, attendedAt: Date.now(), via: 'ticket', viaLabel: '扫报名码', first: true }),
      }),
      wx: { scanCode },
    });
    await until(() => text().includes('扫报名码'));
    tapButton(page, '扫报名码');
    await until(() => text().includes('签到成功'));
    expect(scanCode).toHaveBeenCalledWith(expect.objectContaining({ onlyFromCamera: true, scanType: ['qrCode'] }));
    expect(calls).toEqual([{ name: 'lectures', action: 'markAttendance', data: { lectureId: 'lec1', code: TICKET } }]);
    expect(text()).toContain('✓ 钱红梅 签到成功');
    expect(text()).toContain('这次已签到 1 人');
  });
});
