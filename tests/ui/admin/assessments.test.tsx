/**
 * 物业测评 on the management page: 月度测评 lists the month's compounds with their company, rates, survey
 * score, combined score and the flag in words (拟评红旗 / 黄旗 / 不评旗 and why); 计算 sends the month and
 * shows what came back; 发布 asks to confirm before anything is sent, and a month changed meanwhile
 * reloads with a word why; the residents' comments and a compound's history open beside the table, the
 * A4 notice in a tab of its own. 测评设置 refuses empty fields and all-zero weights before sending and
 * says plainly when a colleague saved first. 物业公司 lists companies with their compounds and people,
 * links to where people are bound, refuses an incomplete company in words and puts the server's
 * refusal beside its field. The notice prints the month, compound, flag, company and figures.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import ReviewPage from '../../../admin/src/pages/Assessments';
import CompaniesPage from '../../../admin/src/pages/Assessments/Companies';
import PolicyPage, { NO_WEIGHT_SAYS, POLICY_CHANGED_SAYS } from '../../../admin/src/pages/Assessments/Policy';
import PrintPage from '../../../admin/src/pages/Assessments/Print';
import { ApiError, answer, resetApi, sentTo } from './support/api';
import { assessment, companiesView, company, HAPPY_CO, MONTH, PEACE, policyView, review, SUNNY, SUNNY_CO, yellowPublished } from './support/assessments';
import { COMMUNITY, COMPOUND, renderPage } from './support/render';
import { navigations, resetRouter } from './support/router';

jest.mock('../../../admin/src/api', () => jest.requireActual('./support/api'));
jest.mock('../../../admin/src/router', () => ({
  ...jest.requireActual('./support/router'),
  hrefOf: (to: string, search?: string) => `/admin/${to}${search ? `?${search}` : ''}`,
}));

/** 3 December 2026 in China: the month just ended is November. */
const NOW = Date.parse('2026-12-03T02:00:00Z');
let clock: jest.SpyInstance;

beforeEach(() => {
  resetApi();
  resetRouter();
  clock = jest.spyOn(Date, 'now').mockReturnValue(NOW);
  answer('units.tree', { units: [{ ...COMMUNITY, parentId: 'u_street', archived: false }] });
  answer('assessments.policy', policyView());
});
afterEach(() => clock.mockRestore());

const popconfirm = () => document.querySelector('.ant-popconfirm') as HTMLElement;
const rowOf = (name: string) => screen.getByText(name, { selector: 'strong, span' }).closest('tr') as HTMLElement;
const draftRow = () => ({ compound: COMPOUND, company: HAPPY_CO, assessment: assessment() });
const noFlagRow = () => ({
  compound: { ...COMPOUND, id: 'u_jx', name: '锦绣家园' },
  company: SUNNY_CO,
  assessment: assessment({
    id: `u_jx:${MONTH}`,
    compound: { ...COMPOUND, id: 'u_jx', name: '锦绣家园' },
    company: SUNNY_CO,
    flag: null,
    flagLabel: null,
    noFlagText: '参加测评的住户太少（2 户，至少 5 户）',
    result: { ...assessment().result, score: 70.1, flag: null, noFlagReasons: ['few_answers'] },
  }),
});
const fourRows = () => review([draftRow(), { compound: SUNNY, company: SUNNY_CO, assessment: yellowPublished() }, noFlagRow(), { compound: PEACE, company: null, assessment: null }]);

describe('月度测评', () => {
  it('opens on the month just ended and shows each compound with its figures and the flag in words', async () => {
    answer('assessments.review', fourRows());
    renderPage(<ReviewPage />);
    expect(await screen.findByText('幸福里物业服务有限公司')).toBeInTheDocument();
    expect(sentTo('assessments.review')[0]).toEqual({ communityId: COMMUNITY.id, month: '2026-11' });

    const happy = rowOf('幸福里小区');
    expect(happy).toHaveTextContent('90%');
    expect(happy).toHaveTextContent('按时响应 9 / 10 件');
    expect(happy).toHaveTextContent('87.5%');
    expect(happy).toHaveTextContent('94 分');
    expect(happy).toHaveTextContent('92.6 分');
    expect(within(happy).getByTestId('flag')).toHaveTextContent('拟评红旗');
    expect(within(happy).getByTestId('status')).toHaveTextContent('待发布');

    const sunny = rowOf('阳光花园');
    expect(within(sunny).getByTestId('flag')).toHaveTextContent('黄旗');
    expect(within(sunny).getByTestId('flag')).not.toHaveTextContent('拟评');
    expect(within(sunny).getByTestId('status')).toHaveTextContent('已发布');
    expect(sunny).toHaveTextContent('李娟');

    const few = rowOf('锦绣家园');
    expect(within(few).getByTestId('flag')).toHaveTextContent('不评旗参加测评的住户太少（2 户，至少 5 户）');

    const none = rowOf('和平新村');
    expect(none).toHaveTextContent('未登记物业公司');
    expect(within(none).getByTestId('status')).toHaveTextContent('不参加测评');

    expect(screen.getByTestId('tally')).toHaveTextContent('红旗 1 个 · 黄旗 1 个 · 不评旗 1 个；已发布 1 个');
    expect(await screen.findByTestId('policy-line')).toHaveTextContent('响应率 20% · 按时办结率 20% · 满意率 20% · 居民测评 40%；80 分及以上评红旗');
    // The notice opens in a tab of its own: published → 打印, a draft → 预览.
    const print = within(sunny).getByRole('link', { name: /打\s*印/ });
    expect(print.getAttribute('href')).toBe(`/admin/assessments/print?id=${encodeURIComponent(`${SUNNY.id}:${MONTH}`)}`);
    expect(print.getAttribute('target')).toBe('_blank');
    expect(within(happy).getByRole('link', { name: /预\s*览/ })).toBeInTheDocument();
  });

  it('计算 sends the community and month and shows the drafts that came back', async () => {
    answer('assessments.review', review([{ compound: COMPOUND, company: HAPPY_CO, assessment: null }]));
    answer('assessments.compute', review([draftRow()]));
    renderPage(<ReviewPage />);
    expect(within(await screen.findByTestId('tally')).getByText(/未计算 1 个/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /计算2026年11月/ }));
    expect(await screen.findByText('已计算2026年11月：1 个小区待发布')).toBeInTheDocument();
    expect(sentTo('assessments.compute')).toEqual([{ communityId: COMMUNITY.id, month: '2026-11' }]);
    expect(within(rowOf('幸福里小区')).getByTestId('flag')).toHaveTextContent('拟评红旗');
  });

  it('another month is chosen from the list and kept in the address', async () => {
    answer('assessments.review', (d: { month: string }) => ({ ...review([]), month: d.month }));
    renderPage(<ReviewPage />);
    await screen.findByTestId('tally');
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '月份' }));
    fireEvent.click(await screen.findByText('2026年10月'));
    await waitFor(() => expect(sentTo('assessments.review').at(-1)).toEqual({ communityId: COMMUNITY.id, month: '2026-10' }));
  });

  it('发布 asks to confirm first, then sends the version reviewed and marks the row published', async () => {
    answer('assessments.review', review([draftRow()]));
    answer('assessments.publish', assessment({ version: 2, status: 'published', statusLabel: '已发布', publishedAt: NOW, publishedBy: { id: 'p_staff', name: '李娟' } }));
    renderPage(<ReviewPage />);
    fireEvent.click(await screen.findByRole('button', { name: /发\s*布/ }));
    expect(await within(popconfirm()).findByText('发布幸福里小区2026年11月的测评？')).toBeInTheDocument();
    expect(popconfirm()).toHaveTextContent('评为红旗，综合得分 92.6 分。发布后本小区的居民在小程序里就能看到');
    expect(sentTo('assessments.publish')).toHaveLength(0);

    fireEvent.click(within(popconfirm()).getByRole('button', { name: /发\s*布/ }));
    expect(await screen.findByText('已发布幸福里小区2026年11月的测评：红旗')).toBeInTheDocument();
    expect(sentTo('assessments.publish')).toEqual([{ id: `${COMPOUND.id}:${MONTH}`, version: 1 }]);
    expect(within(rowOf('幸福里小区')).getByTestId('status')).toHaveTextContent('已发布');
    expect(within(rowOf('幸福里小区')).getByTestId('flag')).toHaveTextContent(/^红旗$/);
  });

  it('a month recomputed by someone else meanwhile is not published: the page says so and reloads', async () => {
    answer('assessments.review', review([draftRow()]));
    answer('assessments.publish', new ApiError('CONFLICT.VERSION', '这个月的测评刚被其他人重新计算或公布了，请刷新后再看'));
    renderPage(<ReviewPage />);
    fireEvent.click(await screen.findByRole('button', { name: /发\s*布/ }));
    fireEvent.click(within(popconfirm()).getByRole('button', { name: /发\s*布/ }));
    expect(await screen.findByText('这个月的测评刚被其他人重新计算或公布了，请刷新后再看。已为您刷新，请再核对一次')).toBeInTheDocument();
    await waitFor(() => expect(sentTo('assessments.review')).toHaveLength(2));
  });

  it('marks a draft computed under an older policy, so staff compute again before publishing', async () => {
    const old = assessment();
    old.policy.redAt = 70;
    answer('assessments.review', review([{ ...draftRow(), assessment: old }]));
    renderPage(<ReviewPage />);
    expect(await screen.findByTestId('old-policy')).toHaveTextContent('按旧设置计算');
  });

  it('opens the residents’ comments of a compound’s month, and its history', async () => {
    answer('assessments.review', review([draftRow()]));
    answer('assessments.comments', { compound: COMPOUND, month: MONTH, comments: [{ at: NOW, building: '3号楼', comment: '电梯坏了物业当天就修好了，谢谢' }] });
    answer('assessments.compound', { compound: COMPOUND, trail: '阳光社区 幸福里小区', company: HAPPY_CO, latest: null, history: [yellowPublished()] });
    renderPage(<ReviewPage />);
    fireEvent.click(await screen.findByRole('button', { name: /意\s*见/ }));
    expect(await screen.findByText('电梯坏了物业当天就修好了，谢谢')).toBeInTheDocument();
    expect(screen.getByText(/^3号楼 · /)).toBeInTheDocument();
    expect(sentTo('assessments.comments')).toEqual([{ compoundId: COMPOUND.id, month: MONTH }]);

    fireEvent.click(screen.getByRole('button', { name: /历\s*史/ }));
    const history = await screen.findByTestId('history');
    expect(await within(history).findByText('2026年11月')).toBeInTheDocument();
    expect(within(history).getByTestId('flag')).toHaveTextContent('黄旗');
    expect(sentTo('assessments.compound')).toEqual([{ compoundId: COMPOUND.id }]);
  });

  it('tells a person who runs no community why there is nothing', async () => {
    renderPage(<ReviewPage />, { registered: true, isStaff: true, person: { id: 'p', name: '某人' }, bindings: [] } as never);
    expect(await screen.findByTestId('assessments-no-access')).toBeInTheDocument();
    expect(sentTo('assessments.review')).toHaveLength(0);
  });
});

describe('测评设置', () => {
  it('shows the weights with their shares and saves the policy with the version read', async () => {
    answer('assessments.savePolicy', (d: { policy: unknown }) => policyView({ version: 3, policy: d.policy as never }));
    renderPage(<PolicyPage />);
    await waitFor(() => expect(screen.getByRole('spinbutton', { name: '居民测评权重' })).toHaveValue('40'));
    expect(screen.getByText('阳光社区 · 第 2 版')).toBeInTheDocument();
    expect(screen.getByTestId('share-survey')).toHaveTextContent('占 40%');

    fireEvent.change(screen.getByRole('spinbutton', { name: '居民测评权重' }), { target: { value: '60' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: '红旗分数线' }), { target: { value: '85' } });
    await waitFor(() => expect(screen.getByTestId('share-survey')).toHaveTextContent('占 50%'));
    fireEvent.click(screen.getByRole('button', { name: /保存设置/ }));
    expect(await screen.findByText('已保存阳光社区的测评设置，下次计算时按新设置算；已发布的月份不变')).toBeInTheDocument();
    expect(sentTo('assessments.savePolicy')).toEqual([
      { communityId: COMMUNITY.id, version: 2, policy: { weights: { responseRate: 20, onTimeRate: 20, satisfactionRate: 20, survey: 60 }, redAt: 85, minReports: 3, minAnswers: 5 } },
    ]);
  });

  it('refuses an empty threshold and all-zero weights in words, sending nothing', async () => {
    renderPage(<PolicyPage />);
    await waitFor(() => expect(screen.getByRole('spinbutton', { name: '红旗分数线' })).toHaveValue('80'));
    fireEvent.change(screen.getByRole('spinbutton', { name: '红旗分数线' }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: /保存设置/ }));
    expect(await screen.findByText('请填写红旗分数线')).toBeInTheDocument();

    fireEvent.change(screen.getByRole('spinbutton', { name: '红旗分数线' }), { target: { value: '80' } });
    for (const part of ['响应率', '按时办结率', '满意率', '居民测评']) fireEvent.change(screen.getByRole('spinbutton', { name: `${part}权重` }), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: /保存设置/ }));
    expect(await screen.findByTestId('no-weight')).toHaveTextContent(NO_WEIGHT_SAYS);
    expect(sentTo('assessments.savePolicy')).toHaveLength(0);
  });

  it('says a colleague saved first instead of overwriting, and refreshes to their policy', async () => {
    answer('assessments.savePolicy', new ApiError('ASSESSMENT.POLICY_CHANGED', '测评规则刚被其他人修改了，请刷新后再改', 'version'));
    renderPage(<PolicyPage />);
    await waitFor(() => expect(screen.getByRole('spinbutton', { name: '红旗分数线' })).toHaveValue('80'));
    fireEvent.click(screen.getByRole('button', { name: /保存设置/ }));
    expect(await screen.findByText(POLICY_CHANGED_SAYS)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /保存设置/ })).toBeDisabled();

    answer('assessments.policy', policyView({ version: 3, policy: { ...policyView().policy, redAt: 75 } }));
    fireEvent.click(within(screen.getByTestId('policy-stale')).getByRole('button', { name: /刷\s*新/ }));
    expect(await screen.findByText('阳光社区 · 第 3 版')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('spinbutton', { name: '红旗分数线' })).toHaveValue('75'));
    expect(screen.queryByText(POLICY_CHANGED_SAYS)).not.toBeInTheDocument();
  });
});

describe('物业公司', () => {
  it('lists the companies with phone, compounds and people, and links to where people are bound', async () => {
    answer('assessments.companies', companiesView());
    renderPage(<CompaniesPage />);
    expect(await screen.findByText('幸福里物业服务有限公司')).toBeInTheDocument();
    const happy = screen.getByText('幸福里物业服务有限公司').closest('tr') as HTMLElement;
    expect(happy).toHaveTextContent('13900004001');
    expect(happy).toHaveTextContent('陈强');
    const sunny = screen.getByText('阳光物业管理有限公司').closest('tr') as HTMLElement;
    expect(sunny).toHaveTextContent('未填');
    expect(sunny).toHaveTextContent('还没有绑定');
    expect(screen.getByTestId('unserved')).toHaveTextContent('还没有登记物业公司的小区：和平新村');
    expect(screen.getByTestId('managers-note')).toHaveTextContent('角色选“物业”');

    fireEvent.click(within(sunny).getByText('去绑定'));
    expect(navigations.at(-1)).toEqual({ to: 'units', search: `unit=${SUNNY.id}` });
  });

  it('登记物业公司 refuses a missing name, a bad phone and no compound in words, sending nothing', async () => {
    answer('assessments.companies', companiesView());
    renderPage(<CompaniesPage />);
    fireEvent.click(await screen.findByRole('button', { name: /登记物业公司/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByPlaceholderText('如：13900004001'), { target: { value: '1234' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await within(dialog).findByText('请填写物业公司名称')).toBeInTheDocument();
    expect(within(dialog).getByText('手机号应为 11 位数字')).toBeInTheDocument();
    expect(within(dialog).getByText('请选择它服务的小区')).toBeInTheDocument();
    expect(sentTo('assessments.saveCompany')).toHaveLength(0);

    // A compound another company serves is offered greyed, with that company's name.
    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: '服务的小区' }));
    const taken = await screen.findByText('幸福里小区（由幸福里物业服务有限公司服务）');
    expect(taken.closest('.ant-select-item')).toHaveClass('ant-select-item-option-disabled');
  });

  it('registers a company, and shows the server’s refusal beside the compounds', async () => {
    answer('assessments.companies', companiesView());
    answer('assessments.saveCompany', new ApiError('PROPERTY.COMPOUND_TAKEN', '和平新村已由另一家物业公司服务，请先在那家公司里去掉它', 'compoundIds'));
    renderPage(<CompaniesPage />);
    fireEvent.click(await screen.findByRole('button', { name: /登记物业公司/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByPlaceholderText('如：幸福里物业服务有限公司'), { target: { value: ' 和平物业 ' } });
    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: '服务的小区' }));
    fireEvent.click(await screen.findByText('和平新村', { selector: '.ant-select-item-option-content' }));
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await within(dialog).findByText('和平新村已由另一家物业公司服务，请先在那家公司里去掉它')).toBeInTheDocument();
    expect(sentTo('assessments.saveCompany')).toEqual([{ communityId: COMMUNITY.id, name: '和平物业', contactPhone: null, compoundIds: [PEACE.id] }]);
  });

  it('停用 asks to confirm first, then sends the version read', async () => {
    answer('assessments.companies', companiesView());
    answer('assessments.archiveCompany', company({ archived: true, version: 2 }));
    renderPage(<CompaniesPage />);
    const happy = (await screen.findByText('幸福里物业服务有限公司')).closest('tr') as HTMLElement;
    fireEvent.click(within(happy).getByRole('button', { name: /停\s*用/ }));
    expect(await within(popconfirm()).findByText('停用幸福里物业服务有限公司？')).toBeInTheDocument();
    expect(sentTo('assessments.archiveCompany')).toHaveLength(0);
    fireEvent.click(within(popconfirm()).getByRole('button', { name: /停\s*用/ }));
    expect(await screen.findByText(/^已停用幸福里物业服务有限公司/)).toBeInTheDocument();
    expect(sentTo('assessments.archiveCompany')).toEqual([{ id: HAPPY_CO.id, version: 1 }]);
  });
});

describe('测评公示 (A4)', () => {
  it('prints the month, the compound, the flag in words, the company and the figures', async () => {
    answer('assessments.detail', yellowPublished());
    resetRouter(`id=${encodeURIComponent(`${SUNNY.id}:${MONTH}`)}`);
    renderPage(<PrintPage />);
    const notice = await screen.findByTestId('notice');
    expect(sentTo('assessments.detail')).toEqual([{ id: `${SUNNY.id}:${MONTH}` }]);
    expect(notice).toHaveTextContent('阳光花园');
    expect(notice).toHaveTextContent('2026年11月物业服务测评公示');
    expect(within(notice).getByTestId('notice-flag')).toHaveTextContent('黄旗物业服务需要改进，评为黄旗');
    expect(notice).toHaveTextContent('物业公司：阳光物业管理有限公司');
    expect(notice).toHaveTextContent('综合得分 41.2 分');
    expect(within(notice).getByTestId('notice-responseRate')).toHaveTextContent('响应率30%按时响应 3 / 10 件20%');
    expect(notice).toHaveTextContent('阳光社区 2026年12月1日公布');
    expect(screen.queryByTestId('draft-note')).not.toBeInTheDocument();
    expect(Array.from(document.querySelectorAll('style')).some((st) => st.textContent === '@page { size: A4 portrait; margin: 12mm; }')).toBe(true);
  });

  it('marks a month not yet published as 未发布, for review only', async () => {
    answer('assessments.detail', assessment());
    resetRouter(`id=${encodeURIComponent(`${COMPOUND.id}:${MONTH}`)}`);
    renderPage(<PrintPage />);
    expect(await screen.findByTestId('notice')).toHaveTextContent('未发布');
    expect(screen.getByTestId('draft-note')).toHaveTextContent('不要张贴');
    expect(screen.getByTestId('notice-flag')).toHaveTextContent('红旗');
  });
});
