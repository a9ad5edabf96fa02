/**
 * 发起议题 and 记录决定 in the built mini-program (dist/weapp), rendered by miniprogram-simulate with the
 * deliberation function stood in for: a building lead opens a topic for their building (the checks beside
 * each box, options added and removed, one request id across a retry, the server's refusal beside the box it
 * names); a branch secretary picks the place; a resident reads why there is no form; the opener records the
 * decision of a closed vote with each option's count, after being asked; nobody records one while the vote runs.
 */
const { loadPage, until } = require('./support/load-page');
const { cloud, ok } = require('./support/cloud');
const { DAY, compound, topic, options } = require('./deliberation-fixtures');

const chinaDay = (t) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
const named = (page, selector, words) => page.querySelectorAll(selector).find((n) => n.dom.textContent.trim() === words);
const tap = (page, selector, words) => {
  const n = named(page, selector, words);
  if (!n) throw new Error(`nothing says ${words}`);
  n.dispatchEvent('tap');
};
const tapButton = (page, words) => tap(page, '.nut-button-children, .nut-button', words);
const type = (node, value) => node.dispatchEvent('input', { detail: { value } });
/** WeChat's modal, answered 确定 (or 取消): what the page asked is kept. */
const modal = (confirm = true) => {
  const asked = [];
  const showModal = jest.fn((opts = {}) => {
    asked.push(opts.content);
    const res = { errMsg: 'showModal:ok', confirm, cancel: !confirm };
    if (opts.success) opts.success(res);
    if (opts.complete) opts.complete(res);
  });
  return { asked, wx: { showModal } };
};

const LEAD_PLACES = [{ id: 'b1', kind: 'building', label: '幸福里小区 1号楼' }];
const SECRETARY_PLACES = [{ id: 'p1', kind: 'compound', label: '幸福里小区（全小区）' }, ...['1号楼', '2号楼'].map((n, i) => ({ id: `b${i + 1}`, kind: 'building', label: `幸福里小区 ${n}` }))];
const mine = (openFor) => ok({ topics: [], total: 0, canOpen: openFor.length > 0, openFor });

let warn;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('发起议题', () => {
  it('says what is missing beside each box and sends nothing', async () => {
    const { page, text, calls } = loadPage('deliberation/open/index', { answer: cloud({ 'deliberation.mine': mine(LEAD_PLACES) }) });
    await until(() => text().includes('议题标题'));
    // A lead's one building is named, not picked; a week of opinions then a week of voting is offered.
    expect(text()).toContain('幸福里小区 1号楼');
    expect(text()).not.toContain('请选择楼栋或小区');
    const inputs = page.querySelectorAll('.dform__option-input');
    type(inputs[0], '');
    tapButton(page, '发起议题');
    await until(() => text().includes('请写议题标题'));
    for (const w of ['还有内容没有填好，请看红字提示', '请写一写是什么事、为什么现在商量', '有选项还空着']) expect(text()).toContain(w);
    expect(calls.filter((c) => c.action === 'open')).toEqual([]);
  });

  it('opens a building topic with three options, the same request id across a refusal, and shows the topic', async () => {
    let answers = 0;
    const sent = [];
    const { page, text, calls, navigations } = loadPage('deliberation/open/index', {
      answer: cloud({
        'deliberation.mine': mine(LEAD_PLACES),
        'deliberation.open': (d) => {
          sent.push(d);
          // The first answer refuses the vote's last day (the server's words), the retry opens it.
          if (++answers === 1) return { ok: false, code: 'TOPIC.BAD_DATES', message: '投票截止日期不对：请选今天以后 90 天以内', field: 'voteUntil' };
          return ok({ topic: topic({ id: 'tpc_new', title: d.title }), created: true });
        },
      }),
    });
    await until(() => text().includes('议题标题'));
    expect(calls[0]).toEqual({ name: 'deliberation', action: 'mine', data: { limit: 1 } });
    type(page.querySelectorAll('.field__input')[0], '1号楼加装电梯');
    type(page.querySelector('.field__textarea'), '1号楼是七层老楼，没有电梯。');
    // Add two options, then remove the second: 同意加装 / 不同意 / 再商量.
    tap(page, '.dform__add', '＋ 添加选项');
    await until(() => page.querySelectorAll('.dform__option-input').length === 3);
    tap(page, '.dform__add', '＋ 添加选项');
    await until(() => page.querySelectorAll('.dform__option-input').length === 4);
    let boxes = page.querySelectorAll('.dform__option-input');
    type(boxes[0], '同意加装');
    type(boxes[2], '多余的一项');
    type(boxes[3], '再商量');
    page.querySelectorAll('.dform__remove')[2].dispatchEvent('tap');
    await until(() => page.querySelectorAll('.dform__option-input').length === 3);
    type(page.querySelectorAll('.field__input').slice(-1)[0], '幸福里物业、业主委员会');
    tapButton(page, '发起议题');
    await until(() => text().includes('投票截止日期不对'));
    // Said beside the box the server named, and the page says to look for it.
    const field = page.querySelectorAll('.field').find((n) => n.dom.textContent.includes('投票到哪天截止'));
    expect(field.dom.textContent).toContain('投票截止日期不对');
    expect(navigations).toEqual([]);
    tapButton(page, '发起议题');
    await until(() => navigations.length === 1);
    expect(navigations[0]).toEqual({ api: 'redirectTo', url: '/deliberation/topic/index?id=tpc_new' });
    const now = Date.now();
    expect(sent[1]).toEqual({
      clientRequestId: sent[0].clientRequestId,
      unitId: 'b1',
      title: '1号楼加装电梯',
      background: '1号楼是七层老楼，没有电梯。',
      options: ['同意加装', '不同意', '再商量'],
      voteFrom: chinaDay(now + 7 * DAY),
      voteUntil: chinaDay(now + 13 * DAY),
      audience: 'residents',
      parties: ['幸福里物业', '业主委员会'],
      opinionsUntil: chinaDay(now + 6 * DAY),
    });
    expect(sent[0].clientRequestId).toMatch(/^\w{16,}$/);
  });

  it('opens an open question without options or vote days', async () => {
    const sent = [];
    const { page, text, navigations } = loadPage('deliberation/open/index', {
      answer: cloud({ 'deliberation.mine': mine(LEAD_PLACES), 'deliberation.open': (d) => (sent.push(d), ok({ topic: topic({ id: 'tpc_q', hasVote: false }), created: true })) }),
    });
    await until(() => text().includes('怎么商量'));
    tap(page, '.choices__text', '✓ 要投票表决');
    tap(page, '.choices__text', '只征求意见');
    await until(() => !text().includes('投票选项'));
    expect(text()).not.toContain('投票从哪天开始');
    type(page.querySelectorAll('.field__input')[0], '楼道里堆放杂物怎么办');
    type(page.querySelector('.field__textarea'), '听听大家的想法');
    tapButton(page, '发起议题');
    await until(() => navigations.length === 1);
    expect(sent[0]).not.toHaveProperty('options');
    expect(sent[0]).not.toHaveProperty('voteFrom');
    expect(sent[0].title).toBe('楼道里堆放杂物怎么办');
  });

  it('has a branch secretary pick the compound or one of its buildings', async () => {
    const sent = [];
    const { page, text, navigations } = loadPage('deliberation/open/index', {
      answer: cloud({ 'deliberation.mine': mine(SECRETARY_PLACES), 'deliberation.open': (d) => (sent.push(d), ok({ topic: topic({ id: 'tpc_c', unit: compound }), created: true })) }),
    });
    await until(() => text().includes('请选择楼栋或小区'));
    type(page.querySelectorAll('.field__input')[0], '小区停车怎么收费');
    type(page.querySelector('.field__textarea'), '物业提出调整停车费');
    tapButton(page, '发起议题');
    await until(() => text().includes('请选择议题发给哪栋楼或哪个小区'));
    page.querySelector('.dform__place-picker').dispatchEvent('change', { detail: { value: 0 } });
    await until(() => text().includes('幸福里小区（全小区）'));
    expect(text()).not.toContain('请选择议题发给哪栋楼或哪个小区');
    tapButton(page, '发起议题');
    await until(() => navigations.length === 1);
    expect(sent[0].unitId).toBe('p1');
  });

  it('tells a resident who opens topics, with no form', async () => {
    const { text, calls } = loadPage('deliberation/open/index', { answer: cloud({ 'deliberation.mine': mine([]) }) });
    await until(() => text().includes('不能发起议题'));
    expect(text()).toContain('议题由楼栋长、小区党支部书记和社区工作人员发起');
    expect(text()).not.toContain('议题标题');
    expect(calls.filter((c) => c.action === 'open')).toEqual([]);
  });
});

describe('记录决定', () => {
  const closed = (extra = {}) =>
    topic({ id: 'tpc_1', version: 4, phase: 'awaiting', phaseLabel: '等待决定', options: options([2, 1, 0]), turnout: { voted: 3, households: 4, percent: 75 }, voteClosesAt: Date.now() - DAY, can: { decide: true }, ...extra });

  it('shows each option’s count, adopts the leading one, asks first, and records the decision', async () => {
    const sent = [];
    const m = modal(true);
    const { page, text, navigations } = loadPage('deliberation/decide/index', {
      query: { id: 'tpc_1' },
      wx: m.wx,
      answer: cloud({ 'deliberation.detail': ok(closed()), 'deliberation.decide': (d) => (sent.push(d), ok(closed({ status: 'decided', phase: 'decided' }))) }),
    });
    await until(() => text().includes('怎么决定的'));
    for (const w of ['1号楼加装电梯', '已投 3 户 / 共 4 户（75%）', '同意加装（2 户，67%）', '不同意（1 户，33%）', '不采纳任何选项', '要修改小区公约，请在社区管理网页上记录这个决定。', '逢三说事议事会'])
      expect(text()).toContain(w);
    // By the vote, adopting the option most households chose, until changed.
    expect(text()).toContain('✓ 按住户投票结果');
    expect(text()).toContain('✓ 同意加装（2 户，67%）');
    tapButton(page, '记录决定');
    await until(() => text().includes('请写决定的内容'));
    expect(text()).toContain('请写会议纪要');
    expect(sent).toEqual([]);
    const areas = page.querySelectorAll('.field__textarea');
    type(areas[0], '同意加装电梯，明年3月前开工');
    type(areas[1], '在1号楼下召开楼院会，到会住户 3 户，同意按投票结果办。');
    type(page.querySelectorAll('.field__input')[0], '楼栋长、物业、住户 3 户');
    tap(page, '.choices__text', '四方联席会议');
    await until(() => text().includes('✓ 四方联席会议'));
    tapButton(page, '记录决定');
    await until(() => navigations.length === 1);
    expect(m.asked[0]).toContain('记录后不能修改');
    expect(navigations[0]).toEqual({ api: 'redirectTo', url: '/deliberation/topic/index?id=tpc_1' });
    expect(sent).toEqual([
      {
        id: 'tpc_1',
        version: 4,
        decidedBy: 'joint_meeting',
        optionId: 'a',
        text: '同意加装电梯，明年3月前开工',
        minutes: '在1号楼下召开楼院会，到会住户 3 户，同意按投票结果办。',
        meetingDay: chinaDay(Date.now()),
        attendees: '楼栋长、物业、住户 3 户',
      },
    ]);
  });

  it('records nothing when the question is answered 再看看', async () => {
    const sent = [];
    const m = modal(false);
    const { page, text } = loadPage('deliberation/decide/index', {
      query: { id: 'tpc_1' },
      wx: m.wx,
      answer: cloud({ 'deliberation.detail': ok(closed()), 'deliberation.decide': (d) => (sent.push(d), ok(closed())) }),
    });
    await until(() => text().includes('怎么决定的'));
    type(page.querySelectorAll('.field__textarea')[0], '不加装');
    type(page.querySelectorAll('.field__textarea')[1], '开了会');
    type(page.querySelectorAll('.field__input')[0], '住户');
    tapButton(page, '记录决定');
    await until(() => m.asked.length === 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toEqual([]);
  });

  it('does not offer “by the vote” for an open question, nor ask which option', async () => {
    const { text } = loadPage('deliberation/decide/index', {
      query: { id: 'tpc_q' },
      answer: cloud({ 'deliberation.detail': ok(topic({ id: 'tpc_q', hasVote: false, options: [], phase: 'awaiting', can: { decide: true } })) }),
    });
    await until(() => text().includes('怎么决定的'));
    expect(text()).not.toContain('按住户投票结果');
    expect(text()).not.toContain('采纳哪一项');
    expect(text()).toContain('2 条意见');
  });

  it('says the vote is still running and offers the way back to the topic', async () => {
    const { page, text, navigations } = loadPage('deliberation/decide/index', { query: { id: 'tpc_1' }, answer: cloud({ 'deliberation.detail': ok(topic()) }) });
    await until(() => text().includes('不能记录决定'));
    expect(text()).toContain('投票还没有结束：投票结束后再来记录决定。');
    expect(text()).not.toContain('怎么决定的');
    tapButton(page, '回到议题');
    await until(() => navigations.length === 1);
    expect(navigations[0]).toEqual({ api: 'redirectTo', url: '/deliberation/topic/index?id=tpc_1' });
  });
});

describe('the ways in', () => {
  it('offers 发起议题 on 小区议事 to whoever opens topics, and not to a resident', async () => {
    const lead = loadPage('deliberation/index/index', { answer: cloud({ 'deliberation.mine': mine(LEAD_PLACES), 'auth.whoAmI': ok({ registered: true, bindings: [] }) }) });
    await until(() => lead.text().includes('发起议题'));
    tapButton(lead.page, '发起议题');
    await until(() => lead.navigations.length === 1);
    expect(lead.navigations[0]).toEqual({ api: 'navigateTo', url: '/deliberation/open/index' });
    const resident = loadPage('deliberation/index/index', { answer: cloud({ 'deliberation.mine': mine([]), 'auth.whoAmI': ok({ registered: true, bindings: [] }) }) });
    await until(() => resident.text().includes('现在还没有议题'));
    expect(named(resident.page, '.nut-button-children, .nut-button', '发起议题')).toBeUndefined();
  });

  it('offers 记录决定 on a topic whose decision the reader may record, and not otherwise', async () => {
    const decider = loadPage('deliberation/topic/index', { query: { id: 'tpc_1' }, answer: cloud({ 'deliberation.detail': ok(topic({ phase: 'awaiting', options: options([2, 1, 0]), can: { decide: true } })) }) });
    await until(() => decider.text().includes('记录决定'));
    tapButton(decider.page, '记录决定');
    await until(() => decider.navigations.length === 1);
    expect(decider.navigations[0]).toEqual({ api: 'navigateTo', url: '/deliberation/decide/index?id=tpc_1' });
    const reader = loadPage('deliberation/topic/index', { query: { id: 'tpc_1' }, answer: cloud({ 'deliberation.detail': ok(topic({ phase: 'awaiting', options: options([2, 1, 0]) })) }) });
    await until(() => reader.text().includes('议题背景'));
    expect(named(reader.page, '.nut-button-children, .nut-button', '记录决定')).toBeUndefined();
  });
});
