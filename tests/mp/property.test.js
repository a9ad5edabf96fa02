/**
 * 物业测评 in the built mini-program (dist/weapp): the subpackage `property` as it ships — its two pages
 * out of the main package, home's 物业测评 entry for residents and its path in it — and its pages rendered
 * by miniprogram-simulate with the assessments function stood in for: the compound's public page with
 * the latest flag told in words and an icon, the figures behind it and the months before, and the way to
 * this month's survey; the survey refusing a question left out, sending one answer with a client request
 * id (the same one on a retry after no answer), and, once the household has answered, saying who and when
 * instead of the form.
 */
const fs = require('fs');
const path = require('path');
const { loadPage, until, DIST } = require('./support/load-page');
const { cloud, ok } = require('./support/cloud');
const { files, rel, app, scriptsContaining } = require('./support/scripts');
const { resident } = require('./support/fixtures');

const compound = { id: 'p1', name: '幸福里小区', kind: 'compound', path: '/s1/c1/p1/' };
const company = { id: 'co1', name: '幸福里物业', contactPhone: '0371-66668888' };
const QUESTIONS = [
  { id: 'response', label: '响应速度', text: '有事找物业，来得快不快？' },
  { id: 'repair', label: '维修质量', text: '报修的东西，修得好不好？' },
  { id: 'cleaning', label: '环境卫生', text: '楼道、院子干不干净？' },
  { id: 'security', label: '安全秩序', text: '门岗、停车、夜间巡逻，秩序好不好？' },
  { id: 'attitude', label: '服务态度', text: '物业人员说话办事，态度好不好？' },
];
const CHOICES = [
  { value: 'satisfied', label: '满意' },
  { value: 'basically_satisfied', label: '基本满意' },
  { value: 'unsatisfied', label: '不满意' },
];
const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
const monthLabel = (m) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;

function survey(overrides = {}) {
  const month = thisMonth();
  return { compound, trail: '幸福里小区', month, monthLabel: monthLabel(month), company, questions: QUESTIONS, choices: CHOICES, answered: false, answeredAt: null, mine: null, open: true, closedReason: null, ...overrides };
}

const perQuestion = Object.fromEntries(QUESTIONS.map((q) => [q.id, { satisfied: 8, basically_satisfied: 3, unsatisfied: 1 }]));
function assessment(month, overrides = {}) {
  return {
    id: `p1:${month}`,
    version: 2,
    compound,
    trail: '幸福里小区',
    month,
    monthLabel: monthLabel(month),
    company,
    figures: { reports: 10, responded: 10, responseDue: 10, respondedOnTime: 9, responseRate: 0.9, resolved: 8, resolvedOnTime: 7, onTimeRate: 0.875, rated: 6, satisfied: 5, satisfactionRate: 5 / 6, resolvedAtLevel: {}, shareAtLevel: {} },
    survey: { answers: 12, perQuestion, questionScore: {}, score: 0.79 },
    policy: { weights: { responseRate: 20, onTimeRate: 20, satisfactionRate: 20, survey: 40 }, redAt: 80, minReports: 3, minAnswers: 5 },
    result: { score: 82.5, parts: {}, flag: 'red', noFlagReasons: [] },
    flag: 'red',
    flagLabel: '红旗',
    noFlagText: null,
    status: 'published',
    statusLabel: '已发布',
    computedAt: Date.now() - 86400_000,
    publishedAt: Date.now() - 3600_000,
    publishedBy: { id: 'per_zhang', name: '张伟' },
    ...overrides,
  };
}
const yellow = (month) => assessment(month, { id: `p1:${month}`, flag: 'yellow', flagLabel: '黄旗', result: { score: 64, parts: {}, flag: 'yellow', noFlagReasons: [] } });
const noFlag = (month) => assessment(month, { flag: null, flagLabel: null, noFlagText: '参加测评的住户太少（2 户，至少 5 户）', result: { score: 70, parts: {}, flag: null, noFlagReasons: ['few_answers'] } });

const named = (page, selector, words) => page.querySelectorAll(selector).find((n) => n.dom.textContent.trim() === words);
const tapButton = (page, words) => {
  const b = named(page, '.nut-button-children, .nut-button', words);
  if (!b) throw new Error(`no button ${words}`);
  b.dispatchEvent('tap');
};
const hasButton = (page, words) => !!named(page, '.nut-button-children, .nut-button', words);
/** Taps an answer of a question by the question's place and the answer's word (three tiles a question, in CHOICES' order). */
const answer = (page, index, word) => page.querySelectorAll('.answer')[index * CHOICES.length + CHOICES.findIndex((c) => c.label === word)].dispatchEvent('tap');

let warn;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('the property subpackage as it ships', () => {
  it('declares its two pages outside the main package, with their words only there', () => {
    const sub = app().subPackages.find((p) => p.root === 'property');
    expect(sub.pages).toEqual(['index/index', 'survey/index']);
    for (const page of sub.pages) {
      expect(fs.existsSync(path.join(DIST, 'property', `${page}.js`))).toBe(true);
      expect(app().pages).not.toContain(`property/${page}`);
    }
    for (const words of ['会算进这个月物业的红旗、黄旗评比', '还有问题没有选，请看红字提示', '物业服务需要改进，评为黄旗', '历次测评']) {
      expect(scriptsContaining(words).length).toBeGreaterThan(0);
      for (const f of scriptsContaining(words)) expect(f).toMatch(/^property\//);
    }
  });

  it('opens 物业测评 from home: the entry and the path are in the main package', () => {
    const withPath = files(DIST).filter((f) => f.endsWith('.js') && !rel(f).startsWith('property/') && fs.readFileSync(f, 'utf8').includes('/property/index/index'));
    expect(withPath.length).toBeGreaterThan(0);
    expect(scriptsContaining('评价物业，看红旗黄旗')).toEqual(['pages/index/index.js']);
  });
});

describe('home\'s 物业测评 entry in the built mini-program', () => {
  it('shows a resident the entry, which opens the compound\'s public page', async () => {
    const { page, text, navigations } = loadPage('pages/index/index', { answer: cloud({ 'auth.whoAmI': ok(resident), 'messages.list': ok({ messages: [], unread: 0 }) }) });
    await until(() => text().includes('孙福贵'));
    expect(text()).toContain('物业测评');
    expect(text()).toContain('评价物业，看红旗黄旗');
    page.querySelectorAll('.home__entry-title').find((n) => n.dom.textContent === '物业测评').dispatchEvent('tap');
    await until(() => navigations.length === 1);
    expect(navigations).toEqual([{ api: 'navigateTo', url: '/property/index/index' }]);
  });
});

describe('物业测评结果 in the built mini-program', () => {
  it('shows the latest flag in words and an icon, the figures behind it, the months before, and the way to this month\'s survey', async () => {
    const latest = assessment('2026-10');
    const { page, text, calls, navigations } = loadPage('property/index/index', {
      answer: cloud({
        'assessments.compound': ok({ compound, trail: '幸福里小区', company, latest, history: [latest, yellow('2026-09'), noFlag('2026-08')] }),
        'assessments.survey': ok(survey()),
      }),
    });
    await until(() => text().includes('评分依据'));

    expect(calls).toEqual([
      { name: 'assessments', action: 'compound', data: {} },
      { name: 'assessments', action: 'survey', data: {} },
    ]);
    for (const words of [
      '物业测评结果',
      '幸福里小区，物业公司：幸福里物业',
      '2026年10月物业测评',
      '🚩',
      '红旗',
      '物业服务好，评为红旗',
      '综合得分 82.5 分',
      '响应率', '90%', '按时响应 9 / 10 件',
      '按时办结率', '88%', '按时办结 7 / 8 件',
      '满意率', '83%', '满意和基本满意 5 / 6 件',
      '问卷得分', '79 分',
      '物业办理的反映', '10 件',
      '参加测评的住户', '12 户',
      '历次测评', '2026年9月', '⚠️ 黄旗', '综合得分 64 分', '2026年8月', '— 不评旗',
    ])
      expect(text()).toContain(words);
    // The flag's tint only repeats its word.
    expect(page.querySelector('.flag').dom.getAttribute('class')).toContain('flag--red');

    tapButton(page, '去评价');
    await until(() => navigations.length === 1);
    expect(navigations).toEqual([{ api: 'navigateTo', url: '/property/survey/index?compound=p1' }]);
  });

  it('says when nothing is published yet, and that the household answered this month', async () => {
    const { page, text } = loadPage('property/index/index', {
      answer: cloud({
        'assessments.compound': ok({ compound, trail: '幸福里小区', company, latest: null, history: [] }),
        'assessments.survey': ok(survey({ answered: true, answeredAt: Date.now() - 1000, mine: null, open: false })),
      }),
    });
    await until(() => text().includes('还没有公布过测评结果'));
    expect(text()).toContain('您家在今天提交了本月的评价，谢谢！');
    expect(hasButton(page, '去评价')).toBe(false);
  });

  it('shows the page to someone who is not a household (the survey refused), without the survey', async () => {
    const { page, text } = loadPage('property/index/index', {
      answer: cloud({
        'assessments.compound': ok({ compound, trail: '幸福里小区', company, latest: assessment('2026-10'), history: [assessment('2026-10')] }),
        'assessments.survey': { ok: false, code: 'ASSESSMENT.NOT_RESIDENT', message: '只有本小区的住户可以参加物业测评' },
      }),
    });
    await until(() => text().includes('评分依据'));
    expect(hasButton(page, '去评价')).toBe(false);
    expect(text()).not.toContain('历次测评');
  });

  it('says a refusal in the server\'s words with a way to try again', async () => {
    const { page, text } = loadPage('property/index/index', {
      answer: cloud({ 'assessments.compound': { ok: false, code: 'AUTH.FORBIDDEN', message: '您没有权限进行这个操作' }, 'assessments.survey': ok(survey()) }),
    });
    await until(() => text().includes('您没有权限进行这个操作'));
    expect(hasButton(page, '重新加载')).toBe(true);
  });
});

describe('物业服务评价 in the built mini-program', () => {
  const open = (routes = {}) => loadPage('property/survey/index', { answer: cloud({ 'assessments.survey': ok(survey()), ...routes }), query: { compound: 'p1' } });

  it('asks this month\'s five questions with three answers each, and refuses a question left out in words, sending nothing', async () => {
    const { page, text, calls } = open();
    await until(() => text().includes('有事找物业，来得快不快？'));
    expect(calls).toEqual([{ name: 'assessments', action: 'survey', data: { compoundId: 'p1' } }]);
    for (const q of QUESTIONS) expect(text()).toContain(q.text);
    expect(page.querySelectorAll('.answer')).toHaveLength(15);
    for (const w of ['😊', '满意', '🙂', '基本满意', '😞', '不满意']) expect(text()).toContain(w);

    answer(page, 0, '基本满意');
    await until(() => page.querySelectorAll('.answer--on').length === 1);
    expect(page.querySelector('.answer--on').dom.textContent).toContain('✓ 🙂');
    expect(page.querySelector('.answer--on').dom.textContent).toContain('基本满意');
    tapButton(page, '提交评价');
    await until(() => text().includes('还有问题没有选，请看红字提示'));
    expect(text()).toContain('请为“维修质量”选择满意、基本满意或不满意');
    expect(text()).not.toContain('请为“响应速度”选择');
    expect(calls.filter((c) => c.action === 'answer')).toEqual([]);
  });

  it('sends one answer with a client request id, the same one again after no answer came back, then says it is given', async () => {
    let tries = 0;
    const { page, text, calls } = open({
      'assessments.answer': (d) => {
        tries += 1;
        if (tries === 1) throw new Error('cloud.callFunction:fail request:fail timeout');
        return ok(survey({ answered: true, answeredAt: Date.now(), mine: d.answers, open: false }));
      },
    });
    await until(() => text().includes('有事找物业'));
    ['满意', '满意', '基本满意', '不满意', '满意'].forEach((w, i) => answer(page, i, w));
    page.querySelector('.field__textarea').dispatchEvent('input', { detail: { value: '希望晚上多巡逻几次' } });
    await until(() => page.querySelectorAll('.answer--on').length === 5);

    tapButton(page, '提交评价');
    await until(() => calls.filter((c) => c.action === 'answer').length === 1 && !text().includes('正在提交'));
    expect(text()).not.toContain('本月已经评价过了');
    expect(page.querySelector('.message--error')).toBeTruthy();
    tapButton(page, '提交评价');
    await until(() => text().includes('✓ 本月已经评价过了'));

    const sent = calls.filter((c) => c.action === 'answer');
    expect(sent).toHaveLength(2);
    expect(sent[0]).toEqual({
      name: 'assessments',
      action: 'answer',
      data: {
        clientRequestId: expect.stringMatching(/^\w{16,}$/),
        compoundId: 'p1',
        month: thisMonth(),
        answers: { response: 'satisfied', repair: 'satisfied', cleaning: 'basically_satisfied', security: 'unsatisfied', attitude: 'satisfied' },
        comment: '希望晚上多巡逻几次',
      },
    });
    expect(sent[1].data.clientRequestId).toBe(sent[0].data.clientRequestId);
    expect(text()).toContain('您在今天提交了本月的评价，谢谢！');
    expect(text()).toContain('您的评价');
    expect(text()).toMatch(/安全秩序\s*😞 不满意/);
    expect(hasButton(page, '提交评价')).toBe(false);
    expect(hasButton(page, '看物业测评结果')).toBe(true);
  });

  it('shows no form once another of the household answered: who and when, kindly', async () => {
    const { page, text } = open({ 'assessments.survey': ok(survey({ answered: true, answeredAt: Date.now() - 1000, mine: null, open: false, answeredBy: { id: 'per_sun2', name: '孙桂英' } })) });
    await until(() => text().includes('本月已经评价过了'));
    expect(text()).toContain('孙桂英在今天提交了您家本月的评价，谢谢！每户每月评一次，下个月可以再评。');
    expect(page.querySelectorAll('.answer')).toHaveLength(0);
    expect(hasButton(page, '提交评价')).toBe(false);
  });

  it('turns to who and when when the household answered meanwhile (ASSESSMENT.ALREADY_ANSWERED)', async () => {
    let reads = 0;
    const { page, text } = open({
      'assessments.survey': () => ok(++reads === 1 ? survey() : survey({ answered: true, answeredAt: Date.now(), mine: null, open: false })),
      'assessments.answer': { ok: false, code: 'ASSESSMENT.ALREADY_ANSWERED', message: '您家本月已经评价过了' },
    });
    await until(() => text().includes('有事找物业'));
    QUESTIONS.forEach((_, i) => answer(page, i, '基本满意'));
    await until(() => page.querySelectorAll('.answer--on').length === 5);
    tapButton(page, '提交评价');
    await until(() => text().includes('您家在今天提交了本月的评价'));
  });

  it('sends a resident without a door to 我的信息 to add it, in the server\'s words', async () => {
    const { page, text, navigations } = open({ 'assessments.survey': { ok: false, code: 'ASSESSMENT.NO_DOOR', message: '您的登记里还没有门牌，请先在“我的信息”里补上门牌，再参加测评' } });
    await until(() => text().includes('您的登记里还没有门牌'));
    expect(hasButton(page, '重新加载')).toBe(false);
    tapButton(page, '去我的信息补门牌');
    await until(() => navigations.length === 1);
    expect(navigations).toEqual([{ api: 'navigateTo', url: '/mydata/index/index' }]);
  });

  it('says why the survey cannot be answered, with the way to the results', async () => {
    const { page, text } = open({ 'assessments.survey': ok(survey({ company: null, open: false, closedReason: '这个小区还没有登记物业公司，暂时不能评价' })) });
    await until(() => text().includes('这个小区还没有登记物业公司'));
    expect(hasButton(page, '提交评价')).toBe(false);
    expect(hasButton(page, '看物业测评结果')).toBe(true);
  });
});

describe('the property pages in 长辈版', () => {
  it('draw at the 长辈版 scale when the phone keeps it on', async () => {
    const storage = new Map([['jinlin.elderMode', true]]);
    const { page, text } = loadPage('property/survey/index', {
      answer: cloud({ 'assessments.survey': ok(survey()) }),
      wx: { getStorageSync: jest.fn((k) => (storage.has(k) ? storage.get(k) : '')), setStorageSync: jest.fn(), getAppBaseInfo: jest.fn(() => ({ fontSizeScaleFactor: 1 })) },
    });
    await until(() => text().includes('有事找物业'));
    const root = page.querySelector('.page');
    expect(root.dom.getAttribute('class')).toContain('page--elder');
    expect(root.dom.getAttribute('style')).toContain('--jl-scale: 1.25');
  });
});
