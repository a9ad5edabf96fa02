/**
 * 共建单位's project, visit and resource pages in the built mini-program (dist/weapp), rendered by
 * miniprogram-simulate with the partners function stood in for: a project the community asked of us
 * accepted or declined with a reason, an active one's milestones marked done and added, a done one's
 * result with photos, a refusal said in the server's words; 记录走访 refused in words until filled, then
 * sent once; 提供资源 offered, changed with its version, and withdrawn.
 */
const { loadPage, until: waitUntil } = require('./support/load-page');
const { cloud, ok } = require('./support/cloud');
const { chinaDay, DAY, milestone, mine, project, resource, COMMUNITY } = require('./partners-fixtures');

/** Waits for the page; on a timeout, says what the page showed. */
let shown = () => '';
const until = (predicate) => waitUntil(predicate).catch((e) => Promise.reject(new Error(`${e.message}: ${shown()}`)));
const load = (route, opts) => {
  const loaded = loadPage(route, opts);
  shown = loaded.text;
  return loaded;
};
/** Lets React draw what was typed or tapped before the next tap (a person's taps are that far apart). */
const settle = () => new Promise((r) => setTimeout(r, 60));
const named = (page, selector, words) => page.querySelectorAll(selector).find((n) => n.dom.textContent.trim() === words);
const tapButton = (page, words) => {
  const b = named(page, '.nut-button-children, .nut-button', words);
  if (!b) throw new Error(`no button ${words}`);
  b.dispatchEvent('tap');
};
const tapText = (page, selector, words) => {
  const n = named(page, selector, words);
  if (!n) throw new Error(`no ${selector} ${words}`);
  n.dispatchEvent('tap');
};
const modal = (confirm = true) => {
  const asked = [];
  const showModal = jest.fn((opts = {}) => {
    asked.push(opts.title);
    const res = { errMsg: 'showModal:ok', confirm, cancel: !confirm };
    if (opts.success) opts.success(res);
    if (opts.complete) opts.complete(res);
  });
  return { asked, wx: { showModal } };
};
const actions = (calls) => calls.filter((c) => c.name === 'partners' && c.action !== 'mine' && c.action !== 'project');

let warn;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('共建项目', () => {
  const asked = () => project({ id: 'prj_ask', title: '借用医院会议室办讲座', status: 'proposed', startedBy: 'community', need: null, resource: { id: 'res_1', title: '心血管科义诊' }, can: { accept: true, decline: true } });

  it('shows a project the community asked of us, and accepts it after a confirm', async () => {
    const m = modal();
    const accepted = project({ id: 'prj_ask', title: '借用医院会议室办讲座', status: 'active', startedBy: 'community', version: 4, can: { milestone: true, cancel: true } });
    const { page, text, calls } = load('partners/project/index', { query: { id: 'prj_ask' }, wx: m.wx, answer: cloud({ 'partners.project': ok(asked()), 'partners.accept': ok(accepted) }) });
    await until(() => text().includes('接受，开始这个项目'));
    for (const w of ['⏳ 待我方确认', '阳光社区想请我们一起做这个项目', '社区发起', '资源：心血管科义诊', '两方负责人', '张伟', '接受后定', '不接受']) expect(text()).toContain(w);
    tapButton(page, '接受，开始这个项目');
    await until(() => text().includes('已接受，项目开始了'));
    expect(m.asked).toEqual(['接受项目']);
    expect(actions(calls)).toEqual([{ name: 'partners', action: 'accept', data: { id: 'prj_ask', version: 3 } }]);
    expect(text()).toContain('▶ 进行中');
    expect(text()).toContain('＋ 添加节点');
    expect(text()).not.toContain('接受，开始这个项目');
  });

  it('declines with a reason, which is asked for first', async () => {
    const declined = project({ id: 'prj_ask', status: 'declined', startedBy: 'community', reason: '这段时间人手不够' });
    const { page, text, calls } = load('partners/project/index', { query: { id: 'prj_ask' }, answer: cloud({ 'partners.project': ok(asked()), 'partners.decline': ok(declined) }) });
    await until(() => text().includes('不接受'));
    tapButton(page, '不接受');
    await until(() => text().includes('不接受这个项目'));
    tapButton(page, '确定不接受');
    await until(() => text().includes('请写一写原因，社区会看到'));
    expect(actions(calls)).toEqual([]);
    tapText(page, '.pquick__item', '这段时间人手不够');
    await settle();
    tapButton(page, '确定不接受');
    await until(() => text().includes('已告诉社区：这次不接受'));
    expect(actions(calls)).toEqual([{ name: 'partners', action: 'decline', data: { id: 'prj_ask', version: 3, reason: '这段时间人手不够' } }]);
    expect(text()).toContain('✕ 我方未接受');
    expect(text()).toContain('原因：这段时间人手不够');
  });

  it('marks a milestone done and adds one on an active project, saying a late one in words', async () => {
    const m = modal();
    const late = milestone({ id: 'ms_late', title: '建立老人名单', dueOn: chinaDay(Date.now() - 3 * DAY), late: true });
    const done = milestone({ id: 'ms_done', title: '签订服务协议', dueOn: chinaDay(Date.now() - 10 * DAY), doneAt: Date.now() - 9 * DAY, doneBy: { id: 'p_zhou', name: '周敏' } });
    const active = project({ status: 'active', milestones: [done, late], can: { milestone: true, cancel: true } });
    const marked = { ...active, version: 4, milestones: [done, { ...late, doneAt: Date.now(), doneBy: { id: 'p_zhou', name: '周敏' }, late: false }] };
    const added = (d) => ok({ ...marked, version: 5, milestones: [...marked.milestones, milestone({ id: 'ms_new', title: d.title, dueOn: d.dueOn })] });
    const { page, text, calls } = load('partners/project/index', {
      query: { id: 'prj_1' },
      wx: m.wx,
      answer: cloud({ 'partners.project': ok(active), 'partners.doneMilestone': ok(marked), 'partners.addMilestone': added }),
    });
    await until(() => text().includes('项目节点（1 / 2 完成）'));
    expect(text()).toContain('已过了日子');
    expect(text()).toContain('签订服务协议');
    expect(page.querySelectorAll('.pmile__done')).toHaveLength(1);
    page.querySelector('.pmile__done').dispatchEvent('tap');
    await until(() => text().includes('“建立老人名单”已完成'));
    expect(m.asked).toEqual(['节点完成']);
    expect(text()).toContain('项目节点（2 / 2 完成）');

    tapText(page, '.partners__link', '＋ 添加节点');
    await until(() => text().includes('节点名称'));
    tapButton(page, '添加这个节点');
    await until(() => text().includes('请选择节点日期'));
    expect(text()).toContain('请写节点名称');
    page.querySelector('.big-field__input').dispatchEvent('input', { detail: { value: '第一次上门量血压' } });
    await settle();
    const day = chinaDay(Date.now() + 7 * DAY);
    // WeChat's date picker answers with the day picked.
    page.querySelector('.pday-picker').dispatchEvent('change', { detail: { value: day } });
    await until(() => !text().includes('请选择日期'));
    tapButton(page, '添加这个节点');
    await until(() => text().includes('已添加节点“第一次上门量血压”'));
    expect(actions(calls)).toEqual([
      { name: 'partners', action: 'doneMilestone', data: { id: 'prj_1', version: 3, milestoneId: 'ms_late' } },
      { name: 'partners', action: 'addMilestone', data: { id: 'prj_1', version: 4, title: '第一次上门量血压', dueOn: day } },
    ]);
    expect(text()).toContain('项目节点（2 / 3 完成）');
  });

  it('shows a done project\'s result and photos, with nothing to do', async () => {
    const finished = project({ status: 'done', closedAt: Date.now() - DAY, result: { text: '讲了三场，来了 120 位老人', photos: ['/files/p1.jpg', '/files/p2.jpg'] }, milestones: [milestone({ doneAt: Date.now() - 2 * DAY })] });
    const { page, text } = load('partners/project/index', { query: { id: 'prj_1' }, answer: cloud({ 'partners.project': ok(finished) }) });
    await until(() => text().includes('项目成效'));
    for (const w of ['✓ 已完成', '社区已结项', '讲了三场，来了 120 位老人', '昨天社区结项']) expect(text()).toContain(w);
    expect(page.querySelectorAll('.photos__img')).toHaveLength(2);
    expect(page.querySelectorAll('.pmile__done')).toHaveLength(0);
    expect(text()).not.toContain('添加节点');
    expect(text()).not.toContain('取消这个项目');
  });

  it('says a refusal in the server\'s words and reads the project again', async () => {
    let reads = 0;
    const NOT_ALLOWED = { ok: false, code: 'PROJECT.NOT_ALLOWED', message: '这个项目现在的状态下不能进行这个操作，请刷新后再看' };
    const { page, text } = load('partners/project/index', {
      query: { id: 'prj_ask' },
      wx: modal().wx,
      answer: cloud({ 'partners.project': () => (reads++, ok(asked())), 'partners.accept': NOT_ALLOWED }),
    });
    await until(() => text().includes('接受，开始这个项目'));
    tapButton(page, '接受，开始这个项目');
    await until(() => text().includes('不能进行这个操作'));
    await until(() => reads === 2);
  });

  it('refuses to guess which project without an id', async () => {
    const { text } = load('partners/project/index', { answer: cloud({}) });
    await until(() => text().includes('没有指明是哪一个项目'));
  });
});

describe('记录走访', () => {
  const twoCommunities = () => mine({ communities: [COMMUNITY, { id: 'c2', name: '和平社区', kind: 'community', path: '/s1/c2/' }] });
  const recorded = (d) => ok({ visit: { id: 'pvs_new', partner: mine().partner, community: COMMUNITY, day: d.day, met: d.met, raised: d.raised, feedback: d.feedback || '', by: { id: 'p_zhou', name: '周敏' }, need: null, report: null, createdAt: Date.now() }, created: true });

  it('says in words what is missing and sends nothing', async () => {
    const { page, text, calls } = load('partners/visit/index', { query: { partner: 'ptn_1' }, answer: cloud({ 'partners.mine': ok({ partners: [twoCommunities()] }) }) });
    await until(() => text().includes('见了谁'));
    tapButton(page, '记录这次走访');
    await until(() => text().includes('还有内容没有填好'));
    for (const w of ['请选择走访的是哪个社区', '请写见了谁', '请写了解到的诉求']) expect(text()).toContain(w);
    expect(actions(calls)).toEqual([]);
  });

  it('records a visit to the community picked, on the day picked, once', async () => {
    const { page, text, calls, navigations } = load('partners/visit/index', { query: { partner: 'ptn_1' }, answer: cloud({ 'partners.mine': ok({ partners: [twoCommunities()] }), 'partners.recordVisit': recorded }) });
    await until(() => text().includes('见了谁'));
    for (const w of ['今天', '昨天', '选更早的日期']) expect(text()).toContain(w);
    tapText(page, '.choices__text', '阳光社区');
    tapText(page, '.choices__text', '昨天');
    page.querySelector('.big-field__input').dispatchEvent('input', { detail: { value: '社区书记、3 号楼楼栋长' } });
    const boxes = page.querySelectorAll('.field__textarea');
    boxes[0].dispatchEvent('input', { detail: { value: '独居老人量血压不方便' } });
    boxes[1].dispatchEvent('input', { detail: { value: '回去和科室商量' } });
    await settle();
    tapButton(page, '记录这次走访');
    await until(() => text().includes('✓ 走访已记录'));
    expect(text()).toContain('昨天');
    expect(actions(calls)).toEqual([
      {
        name: 'partners',
        action: 'recordVisit',
        data: { clientRequestId: expect.stringMatching(/^\w{16,}$/), partnerId: 'ptn_1', communityId: 'c1', day: chinaDay(Date.now() - DAY), met: '社区书记、3 号楼楼栋长', raised: '独居老人量血压不方便', feedback: '回去和科室商量' },
      },
    ]);
    tapButton(page, '回到我的共建单位');
    await until(() => navigations.length === 1);
    expect(navigations[0]).toEqual({ api: 'redirectTo', url: '/partners/index/index' });
  });

  it('takes the one community without asking, and says a refused day under the days', async () => {
    const BAD_DAY = { ok: false, code: 'VISIT.BAD_DAY', field: 'day', message: '走访日期不对：不能晚于今天，也不能早于 60 天前' };
    const { page, text, calls } = load('partners/visit/index', { query: { partner: 'ptn_1' }, answer: cloud({ 'partners.mine': ok({ partners: [mine()] }), 'partners.recordVisit': BAD_DAY }) });
    await until(() => text().includes('走访的社区'));
    expect(text()).toContain('阳光社区');
    page.querySelector('.big-field__input').dispatchEvent('input', { detail: { value: '社区书记' } });
    page.querySelectorAll('.field__textarea')[0].dispatchEvent('input', { detail: { value: '想要读书角' } });
    await settle();
    tapButton(page, '记录这次走访');
    await until(() => page.querySelectorAll('.field__error').some((n) => n.dom.textContent.includes('不能早于 60 天前')));
    expect(actions(calls)).toEqual([{ name: 'partners', action: 'recordVisit', data: expect.objectContaining({ communityId: 'c1', day: chinaDay(Date.now()) }) }]);
    expect(actions(calls)[0].data).not.toHaveProperty('feedback');
  });

  it('refuses someone who does not act for the partner', async () => {
    const { text } = load('partners/visit/index', { query: { partner: 'ptn_other' }, answer: cloud({ 'partners.mine': ok({ partners: [mine()] }) }) });
    await until(() => text().includes('不能替它记录走访'));
  });
});

describe('提供资源', () => {
  it('offers a resource once all is filled, with one request id', async () => {
    const offered = (d) => ok({ resource: resource({ id: 'res_new', ...d }), created: true });
    const { page, text, calls, toasts } = load('partners/resource/index', { query: { partner: 'ptn_1' }, answer: cloud({ 'partners.mine': ok({ partners: [mine()] }), 'partners.offerResource': offered }) });
    await until(() => text().includes('资源类型'));
    tapButton(page, '提供这项资源');
    await until(() => text().includes('请选择资源类型'));
    expect(text()).toContain('请写资源名称');
    expect(actions(calls)).toEqual([]);
    tapText(page, '.choices__text', '场地');
    const big = page.querySelectorAll('.big-field__input');
    big[0].dispatchEvent('input', { detail: { value: '党群活动室' } });
    big[1].dispatchEvent('input', { detail: { value: '251 平方米' } });
    big[2].dispatchEvent('input', { detail: { value: '工作日 9:00–17:00' } });
    page.querySelector('.field__textarea').dispatchEvent('input', { detail: { value: '一楼活动室，有桌椅和投影' } });
    await settle();
    tapButton(page, '提供这项资源');
    await until(() => toasts.includes('已提供'));
    expect(actions(calls)).toEqual([
      { name: 'partners', action: 'offerResource', data: { clientRequestId: expect.stringMatching(/^\w{16,}$/), partnerId: 'ptn_1', kind: 'room', title: '党群活动室', description: '一楼活动室，有桌椅和投影', amount: '251 平方米', availability: '工作日 9:00–17:00' } },
    ]);
  });

  it('changes a resource with the version read, and withdraws it after a confirm', async () => {
    const m = modal();
    const { page, text, calls, toasts } = load('partners/resource/index', {
      query: { partner: 'ptn_1', id: 'res_1' },
      wx: m.wx,
      answer: cloud({ 'partners.mine': ok({ partners: [mine()] }), 'partners.editResource': (d) => ok(resource({ ...d, version: 3 })), 'partners.withdrawResource': ok(resource({ status: 'withdrawn', version: 3 })) }),
    });
    await until(() => text().includes('修改资源'));
    expect(text()).toContain('✓ 专家');
    page.querySelectorAll('.big-field__input')[1].dispatchEvent('input', { detail: { value: '每月 2 次，3 名医生' } });
    await settle();
    tapButton(page, '保存修改');
    await until(() => toasts.includes('已保存'));
    tapButton(page, '撤回这项资源');
    await until(() => toasts.includes('已撤回'));
    expect(m.asked).toEqual(['撤回资源']);
    expect(actions(calls)).toEqual([
      { name: 'partners', action: 'editResource', data: { id: 'res_1', version: 2, kind: 'expert', title: '心血管科义诊', description: '每月一次，主任医师带队，量血压、看化验单。', amount: '每月 2 次，3 名医生', availability: '每月第一个周六上午' } },
      { name: 'partners', action: 'withdrawResource', data: { id: 'res_1', version: 2 } },
    ]);
  });
});
