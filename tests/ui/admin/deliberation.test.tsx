/**
 * 议事协商 on the management page: 发起议题 refuses an empty form and repeated options in words and sends
 * nothing; a complete form sends China days, trimmed options and no vote days for an open question; the
 * server's refusal of a day shows beside 投票日期. A topic's page shows counts and turnout; 隐藏 needs a
 * reason (its author sees it) and shows it once hidden; 恢复 asks first; 修改 starts from the topic and
 * keeps the photos left by their stored references. 记录决定 needs the decision,
 * minutes and attendees, starts on the vote's leader and sends a 公约 change edited from the text in
 * force with the version read. 公约 shows the text in force and each version with its topic, and reloads
 * with a word why when a colleague saved another version meanwhile. 逢三说事 lists the topics waiting for
 * the meeting's decision, each opening its topic.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import TopicsPage from '../../../admin/src/pages/Deliberation';
import TopicPage from '../../../admin/src/pages/Deliberation/Topic';
import RulesPage from '../../../admin/src/pages/Deliberation/Rules';
import AgendaPage from '../../../admin/src/pages/Agenda';
import { ApiError, answer, resetApi, sentTo } from './support/api';
import { COMPOUND, renderPage } from './support/render';
import { navigations, resetRouter } from './support/router';
import { opinion, rulesView, topic, unitTree } from './deliberation-fixtures';

jest.mock('../../../admin/src/api', () => jest.requireActual('./support/api'));
jest.mock('../../../admin/src/router', () => ({
  ...jest.requireActual('./support/router'),
  hrefOf: (to: string, search?: string) => `/admin/${to}${search ? `?${search}` : ''}`,
}));

/** 3 December 2026, 10:00 in China. */
const NOW = Date.parse('2026-12-03T02:00:00Z');
let clock: jest.SpyInstance;

beforeEach(() => {
  resetApi();
  clock = jest.spyOn(Date, 'now').mockReturnValue(NOW);
  answer('units.tree', unitTree());
  answer('deliberation.list', { topics: [], total: 0 });
});
afterEach(() => clock.mockRestore());

const dialog = () => screen.getByRole('dialog');
const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

async function openForm() {
  resetRouter('unit=u_cmp');
  renderPage(<TopicsPage />);
  fireEvent.click(await screen.findByRole('button', { name: /发起议题/ }));
  return dialog();
}

describe('发起议题', () => {
  it('refuses an empty form and repeated options in words, and sends nothing', async () => {
    const d = await openForm();
    type(within(d).getByLabelText('选项 2'), '同意');
    fireEvent.click(within(d).getByRole('button', { name: /发起议题/ }));
    expect(await within(d).findByText('请填写议题标题')).toBeInTheDocument();
    expect(within(d).getByText('请填写议题背景')).toBeInTheDocument();
    expect(within(d).getByText('选项不能重复')).toBeInTheDocument();
    expect(sentTo('deliberation.open')).toHaveLength(0);
  });

  it('sends China days and trimmed options, then opens the new topic', async () => {
    answer('deliberation.open', { topic: topic(), created: true });
    const d = await openForm();
    type(within(d).getByPlaceholderText(/是否增设电动车充电桩/), '  小区是否增设电动车充电桩 ');
    type(within(d).getByPlaceholderText(/为什么现在议/), '楼道里充电的电动车多');
    type(within(d).getByLabelText('选项 1'), ' 北门车棚 ');
    type(within(d).getByLabelText('选项 2'), '南门空地');
    fireEvent.click(within(d).getByRole('button', { name: /添加选项/ }));
    type(await within(d).findByLabelText('选项 3'), '暂不建设');
    fireEvent.click(within(d).getByRole('button', { name: /发起议题/ }));
    await waitFor(() => expect(sentTo('deliberation.open')).toHaveLength(1));
    expect(sentTo('deliberation.open')[0]).toMatchObject({
      unitId: 'u_cmp',
      reportId: null,
      title: '小区是否增设电动车充电桩',
      background: '楼道里充电的电动车多',
      options: ['北门车棚', '南门空地', '暂不建设'],
      audience: 'residents',
      parties: [],
      opinionsUntil: '2026-12-09',
      voteFrom: '2026-12-10',
      voteUntil: '2026-12-16',
    });
    expect(sentTo('deliberation.open')[0].clientRequestId).toMatch(/^topic-/);
    expect(sentTo('deliberation.open')[0].photos).toEqual([]);
    expect(await screen.findByText(/已发起议题「小区是否增设电动车充电桩」/)).toBeInTheDocument();
    expect(navigations.at(-1)).toEqual({ to: 'deliberation/topic', search: 'id=t1' });
  });

  it('转为议题 from the desk: the report’s words start the background and the topic links back to the report', async () => {
    answer('reports.detail', { id: 'r9', description: '北门车棚电动车乱充电，晚上插线板冒火花', place: '幸福里小区 3号楼' });
    answer('deliberation.open', { topic: topic(), created: true });
    resetRouter('unit=u_cmp&fromReport=r9');
    renderPage(<TopicsPage />);
    const d = await screen.findByRole('dialog');
    expect(within(d).getByTestId('topic-from-report')).toHaveTextContent('幸福里小区 3号楼');
    expect(within(d).getByPlaceholderText(/为什么现在议/)).toHaveValue('居民反映（幸福里小区 3号楼）：北门车棚电动车乱充电，晚上插线板冒火花');
    type(within(d).getByPlaceholderText(/是否增设电动车充电桩/), '北门车棚装充电桩');
    fireEvent.click(within(d).getByRole('button', { name: /发起议题/ }));
    await waitFor(() => expect(sentTo('deliberation.open')).toHaveLength(1));
    expect(sentTo('deliberation.open')[0]).toMatchObject({ reportId: 'r9', unitId: 'u_cmp', title: '北门车棚装充电桩' });
  });

  it('sends no options and no vote days for an open question', async () => {
    answer('deliberation.open', { topic: topic({ hasVote: false, options: [] }), created: true });
    const d = await openForm();
    type(within(d).getByPlaceholderText(/是否增设电动车充电桩/), '北门车棚怎么改造');
    type(within(d).getByPlaceholderText(/为什么现在议/), '车棚漏雨');
    fireEvent.click(within(d).getByRole('switch'));
    await waitFor(() => expect(within(d).queryByLabelText('选项 1')).toBeNull());
    fireEvent.click(within(d).getByRole('button', { name: /发起议题/ }));
    await waitFor(() => expect(sentTo('deliberation.open')).toHaveLength(1));
    expect(sentTo('deliberation.open')[0]).toMatchObject({ options: [], voteFrom: null, voteUntil: null, opinionsUntil: '2026-12-09' });
  });

  it('shows the server’s refusal of a day beside 投票日期, keeping the drawer open', async () => {
    answer('deliberation.open', new ApiError('INPUT.INVALID', '投票截止日期不能早于开始日期', 'voteUntil'));
    const d = await openForm();
    type(within(d).getByPlaceholderText(/是否增设电动车充电桩/), '充电桩');
    type(within(d).getByPlaceholderText(/为什么现在议/), '背景');
    fireEvent.click(within(d).getByRole('button', { name: /发起议题/ }));
    const said = await within(d).findByText('投票截止日期不能早于开始日期');
    expect(said.closest('.ant-form-item')).toHaveTextContent('投票日期');
    expect(navigations).toHaveLength(0);
  });
});

describe('议题页', () => {
  beforeEach(() => resetRouter('id=t1'));

  it('shows each option’s count and share, and the turnout of households', async () => {
    answer('deliberation.detail', topic());
    renderPage(<TopicPage />);
    const results = await screen.findByTestId('results');
    expect(within(results).getAllByTestId('option-count').map((e) => e.textContent)).toEqual(['2 票 · 67%', '1 票 · 33%', '0 票 · 0%']);
    expect(results).toHaveTextContent('已投票户数3/ 40 户');
    expect(results).toHaveTextContent('参与率（占可投票户数）8%');
    expect(screen.getByTestId('background')).toHaveTextContent('去年发生过一次冒烟');
  });

  it('says counts come after the vote while they are withheld', async () => {
    answer('deliberation.detail', topic({ options: topic().options.map((o) => ({ ...o, count: null, percent: null })) }));
    renderPage(<TopicPage />);
    expect(await screen.findByText('投票结束后公布各选项的票数。')).toBeInTheDocument();
  });

  it('隐藏 needs a reason, which then shows with the opinion', async () => {
    const reason = '含有电话、门牌等个人信息';
    answer('deliberation.detail', topic());
    answer('deliberation.hide', topic({ opinionsList: [opinion({ hidden: { reason, at: NOW } })] }));
    renderPage(<TopicPage />);
    fireEvent.click(await screen.findByRole('button', { name: /隐\s*藏/ }));
    const d = dialog();
    expect(d).toHaveTextContent('发表人仍能看到，并看到您填写的原因');
    fireEvent.click(within(d).getByRole('button', { name: /隐\s*藏/ }));
    expect(await within(d).findByText('请填写隐藏的原因，发表人会看到')).toBeInTheDocument();
    expect(sentTo('deliberation.hide')).toHaveLength(0);
    type(within(d).getByRole('textbox'), `  ${reason} `);
    fireEvent.click(within(d).getByRole('button', { name: /隐\s*藏/ }));
    await waitFor(() => expect(sentTo('deliberation.hide')).toEqual([{ opinionId: 'op1', reason }]));
    expect(await screen.findByTestId('hidden-reason')).toHaveTextContent(`原因：${reason}（只有发表人和管理人员能看到这条意见和原因）`);
    expect(screen.getByRole('button', { name: /恢\s*复/ })).toBeInTheDocument();
  });

  it('恢复 asks first, then sends the opinion', async () => {
    answer('deliberation.detail', topic({ opinionsList: [opinion({ hidden: { reason: '广告', at: NOW } })] }));
    answer('deliberation.unhide', topic());
    renderPage(<TopicPage />);
    fireEvent.click(await screen.findByRole('button', { name: /恢\s*复/ }));
    expect(sentTo('deliberation.unhide')).toHaveLength(0);
    const confirm = document.querySelector('.ant-popconfirm') as HTMLElement;
    fireEvent.click(within(confirm).getByRole('button', { name: /恢\s*复/ }));
    await waitFor(() => expect(sentTo('deliberation.unhide')).toEqual([{ opinionId: 'op1' }]));
    expect(await screen.findByText('已恢复这条意见，大家又能看到了')).toBeInTheDocument();
  });

  it('修改 starts from the topic and keeps its photos by their stored references, shown at their addresses', async () => {
    const before = topic({ can: { ...topic().can, edit: true }, photos: ['https://cdn.example/p1?sign=a', 'https://cdn.example/p2?sign=b'], photoRefs: ['cloud://env/p1', 'cloud://env/p2'], turnout: { voted: 0, households: 40, percent: 0 }, opinionsList: [] });
    answer('deliberation.detail', before);
    answer('deliberation.edit', (d: { title: string }) => topic({ ...before, title: d.title, version: 2 }));
    renderPage(<TopicPage />);
    fireEvent.click(await screen.findByRole('button', { name: /修\s*改/ }));
    const d = dialog();
    expect(within(d).getByText(/议题范围：阳光社区 \/ 幸福里小区/)).toBeInTheDocument();
    expect(within(d).getByAltText('议题照片 2').getAttribute('src')).toBe('https://cdn.example/p2?sign=b');
    fireEvent.click(within(d).getByRole('button', { name: '删除照片 1' }));
    type(within(d).getByDisplayValue('小区是否增设电动车充电桩'), '小区电动车充电桩建在哪里');
    fireEvent.click(within(d).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(sentTo('deliberation.edit')).toHaveLength(1));
    expect(sentTo('deliberation.edit')[0]).toMatchObject({
      id: 't1',
      version: 1,
      title: '小区电动车充电桩建在哪里',
      options: ['北门车棚', '南门空地', '暂不建设'],
      photos: ['cloud://env/p2'],
      parties: ['物业公司', '业主委员会'],
      opinionsUntil: '2026-12-05',
      voteFrom: '2026-12-03',
      voteUntil: '2026-12-06',
    });
    expect(await screen.findByText('已保存议题「小区电动车充电桩建在哪里」')).toBeInTheDocument();
  });

  it('记录决定 needs the decision, minutes and attendees, and sends a 公约 change on the version read', async () => {
    answer('deliberation.detail', topic({ phase: 'awaiting', phaseLabel: '等待决定' }));
    answer('deliberation.rules', rulesView());
    answer('deliberation.decide', (d: { rules: unknown }) =>
      topic({
        status: 'decided',
        phase: 'decided',
        phaseLabel: '已有决定',
        decision: { decidedBy: 'vote', decidedByLabel: '按住户投票结果', option: '北门车棚', text: '在北门车棚建设充电桩', minutes: '12 月 3 日议事会', meetingDay: '2026-12-03', attendees: '居民代表 12 人', rulesVersion: d.rules ? 2 : null, at: NOW },
      }),
    );
    renderPage(<TopicPage />);
    fireEvent.click(await screen.findByRole('button', { name: '记录决定' }));
    const d = dialog();
    expect(within(d).getByRole('radio', { name: '按住户投票结果' })).toBeChecked();
    expect(within(d).getByText('北门车棚（2 票）')).toBeInTheDocument();
    fireEvent.click(within(d).getByRole('button', { name: '公布决定' }));
    expect(await within(d).findByText('请填写决定的内容')).toBeInTheDocument();
    expect(within(d).getByText('请填写会议纪要')).toBeInTheDocument();
    expect(within(d).getByText('请填写参会人员')).toBeInTheDocument();
    expect(sentTo('deliberation.decide')).toHaveLength(0);

    type(within(d).getByPlaceholderText(/接下来做什么/), '在北门车棚建设充电桩');
    type(within(d).getByPlaceholderText(/议了什么/), '12 月 3 日议事会');
    type(within(d).getByPlaceholderText(/居民代表 12 人/), '居民代表 12 人');
    fireEvent.click(within(d).getByRole('switch'));
    const text = await within(d).findByLabelText('公约全文');
    await waitFor(() => expect(text).toHaveValue('第一条 爱护公共设施。'));
    expect(within(d).getByTestId('rules-current')).toHaveTextContent('现行公约：第 1 版');
    type(text, '第一条 爱护公共设施。\n第二条 电动车在北门车棚充电。');
    fireEvent.click(within(d).getByRole('button', { name: '公布决定' }));
    expect(await within(d).findByText('请用一句话说明改了什么')).toBeInTheDocument();
    type(within(d).getByPlaceholderText('如：增加电动车充电条款'), '增加电动车充电条款');
    fireEvent.click(within(d).getByRole('button', { name: '公布决定' }));
    await waitFor(() => expect(sentTo('deliberation.decide')).toHaveLength(1));
    expect(sentTo('deliberation.decide')[0]).toEqual({
      id: 't1',
      version: 1,
      decidedBy: 'vote',
      optionId: 'a',
      text: '在北门车棚建设充电桩',
      minutes: '12 月 3 日议事会',
      meetingDay: '2026-12-03',
      attendees: '居民代表 12 人',
      rules: { text: '第一条 爱护公共设施。\n第二条 电动车在北门车棚充电。', note: '增加电动车充电条款', expectedVersion: 1 },
    });
    expect(await screen.findByTestId('decision')).toHaveTextContent('修改为第 2 版');
    expect(screen.queryByRole('button', { name: '记录决定' })).toBeNull();
  });
});

describe('公约', () => {
  it('shows the text in force and each version with the topic that changed it', async () => {
    const v2 = { version: 2, text: '第一条 爱护公共设施。\n第二条 电动车在北门车棚充电。', note: '增加电动车充电条款', topic: { id: 't1', title: '小区是否增设电动车充电桩' }, adoptedBy: '李娟', adoptedAt: NOW };
    answer('deliberation.rules', rulesView({ current: v2, history: [v2, rulesView().current!] }));
    renderPage(<RulesPage />);
    expect(await screen.findByTestId('rules-text')).toHaveTextContent('第二条 电动车在北门车棚充电。');
    expect(sentTo('deliberation.rules')).toEqual([{ compoundId: 'u_cmp' }]);
    const rows = within(screen.getByTestId('rules-history')).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('第 2 版增加电动车充电条款小区是否增设电动车充电桩');
    expect(rows[1]).toHaveTextContent('第 1 版录入现行公约工作人员录入');
  });

  it('reloads with a word why when a colleague saved another version meanwhile', async () => {
    answer('deliberation.rules', rulesView());
    answer('deliberation.adoptRules', new ApiError('RULES.VERSION_MOVED', '公约刚被别人修改过'));
    renderPage(<RulesPage />);
    fireEvent.click(await screen.findByRole('button', { name: /更正公约/ }));
    const d = dialog();
    type(within(d).getByPlaceholderText('如：更正第五条错别字'), '更正错别字');
    fireEvent.click(within(d).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(sentTo('deliberation.adoptRules')).toEqual([{ compoundId: 'u_cmp', text: '第一条 爱护公共设施。', note: '更正错别字', expectedVersion: 1 }]));
    expect(await screen.findByText('公约刚被别人修改过（已为您载入最新的公约，请在它的基础上修改）')).toBeInTheDocument();
    await waitFor(() => expect(sentTo('deliberation.rules')).toHaveLength(2));
  });
});

describe('逢三说事', () => {
  it('lists the topics waiting for the meeting’s decision, each opening its topic', async () => {
    resetRouter('date=2026-12-13');
    answer('management.agenda', {
      unit: COMPOUND,
      date: '2026-12-13',
      since: Date.parse('2026-12-02T16:00:00Z'),
      escalated: [],
      overdue: [],
      disputed: [],
      topics: [{ id: 't1', title: '小区是否增设电动车充电桩', trail: '阳光社区 幸福里小区', phase: 'awaiting', closedAt: NOW, turnout: { voted: 3, households: 40, percent: 8 }, leading: ['北门车棚 (2)'] }],
    });
    renderPage(<AgendaPage />);
    const due = await screen.findByTestId('agenda-topics');
    expect(due).toHaveTextContent('待决定的议题（1 个）');
    expect(due).toHaveTextContent('3/40 户（8%）');
    expect(due).toHaveTextContent('北门车棚 (2)');
    fireEvent.click(within(due).getByRole('link', { name: '小区是否增设电动车充电桩' }));
    expect(navigations.at(-1)).toEqual({ to: 'deliberation/topic', search: 'id=t1' });
  });
});
