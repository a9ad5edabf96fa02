/**
 * 积分台账 and 积分规则 on the management page: the ledger lists what the points function answers and
 * filters it by person; 奖励积分 / 更正积分 refuse what is missing before anything is sent, and a
 * correction below zero shows the server's balance beside the points; saving rules someone else
 * changed says so instead of overwriting them.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import LedgerPage from '../../../admin/src/pages/Points';
import RulesPage from '../../../admin/src/pages/Points/Rules';
import { ApiError, answer, resetApi, sentTo } from './support/api';
import { entry, rulesView, WANG, ZHAO } from './support/fixtures';
import { COMMUNITY, renderPage } from './support/render';
import { currentSearch, resetRouter } from './support/router';

jest.mock('../../../admin/src/api', () => jest.requireActual('./support/api'));
jest.mock('../../../admin/src/router', () => jest.requireActual('./support/router'));

beforeEach(() => {
  resetApi();
  resetRouter();
  answer('units.tree', { units: [{ ...COMMUNITY, parentId: 'u_street', archived: false }] });
  answer('people.search', []);
});

const dialog = () => screen.getByRole('dialog');

describe('积分台账', () => {
  it('lists the entries with signed points, source, reason and balance, and filters by a person clicked', async () => {
    answer('points.ledger', (d: { personId?: string }) =>
      d.personId
        ? { entries: [entry()], total: 1, balance: 12 }
        : { entries: [entry(), entry({ id: 'correction:x', person: ZHAO, points: -3, kind: 'correction', kindLabel: '更正', reason: '重复计分', balanceAfter: 4 })], total: 2, balance: null },
    );
    renderPage(<LedgerPage />);

    expect(await screen.findByText('参加讲座《防范电信诈骗》')).toBeInTheDocument();
    expect(screen.getByText('重复计分')).toBeInTheDocument();
    expect(screen.getAllByTestId('entry-points').map((e) => e.textContent)).toEqual(['+2', '-3']);
    expect(screen.getByTestId('ledger-total')).toHaveTextContent('共 2 笔');
    expect(sentTo('points.ledger')[0]).toMatchObject({ unitId: COMMUNITY.id, limit: 50, offset: 0 });

    fireEvent.click(screen.getByRole('button', { name: '王芳' }));
    await waitFor(() => expect(screen.getByTestId('ledger-total')).toHaveTextContent('共 1 笔，结余 12 分'));
    expect(currentSearch()).toContain(`person=${WANG.id}`);
    expect(sentTo('points.ledger').at(-1)).toMatchObject({ personId: WANG.id });
    expect(screen.getByText('王芳的积分')).toBeInTheDocument();
  });

  it('exports the ledger of the filter as a file', async () => {
    answer('points.ledger', { entries: [entry()], total: 1, balance: null });
    answer('points.exportLedger', { fileName: '积分台账.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: 'UEsDBA==' });
    URL.createObjectURL = jest.fn(() => 'blob:x');
    URL.revokeObjectURL = jest.fn();
    const saved = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('积分台账.xlsx');
    });
    resetRouter('from=2026-11-01&to=2026-11-30');
    renderPage(<LedgerPage />);
    await screen.findByText('参加讲座《防范电信诈骗》');
    fireEvent.click(screen.getByRole('button', { name: /导出台账/ }));
    expect(await screen.findByText('已生成「积分台账.xlsx」，请在浏览器的下载中查看')).toBeInTheDocument();
    expect(sentTo('points.exportLedger')).toEqual([{ unitId: COMMUNITY.id, from: '2026-11-01', to: '2026-11-30' }]);
    expect(saved).toHaveBeenCalledTimes(1);
    saved.mockRestore();
  });

  it('奖励积分 refuses an empty dialog in words and sends nothing', async () => {
    answer('points.ledger', { entries: [], total: 0, balance: null });
    renderPage(<LedgerPage />);
    fireEvent.click(await screen.findByRole('button', { name: /奖励积分/ }));
    fireEvent.click(within(dialog()).getByRole('button', { name: /奖\s*励/ }));
    expect(await within(dialog()).findByText('请选择一个人')).toBeInTheDocument();
    expect(within(dialog()).getByText('请填写积分')).toBeInTheDocument();
    expect(within(dialog()).getByText('请填写奖励原因')).toBeInTheDocument();
    expect(sentTo('points.grant')).toHaveLength(0);
  });

  it('更正积分 below zero shows the balance the server said beside the points, and keeps what was typed', async () => {
    answer('points.ledger', { entries: [entry()], total: 1, balance: 12 });
    answer('points.correct', new ApiError('POINTS.BELOW_ZERO', '王芳现有 12 分，扣除 20 分后会小于 0，最多能扣 12 分', 'points'));
    resetRouter(`person=${WANG.id}&name=${encodeURIComponent(WANG.name)}`);
    renderPage(<LedgerPage />);
    fireEvent.click(await screen.findByRole('button', { name: /更正积分/ }));

    const d = dialog();
    // A zero is no correction: refused before sending.
    fireEvent.change(within(d).getByRole('spinbutton'), { target: { value: '0' } });
    fireEvent.change(within(d).getByPlaceholderText('如：11月5日讲座签到重复计分'), { target: { value: '讲座签到重复计分' } });
    fireEvent.click(within(d).getByRole('button', { name: /更\s*正/ }));
    expect(await within(d).findByText('更正的积分不能为 0')).toBeInTheDocument();
    expect(sentTo('points.correct')).toHaveLength(0);

    fireEvent.change(within(d).getByRole('spinbutton'), { target: { value: '-20' } });
    fireEvent.click(within(d).getByRole('button', { name: /更\s*正/ }));
    expect(await within(d).findByText('王芳现有 12 分，扣除 20 分后会小于 0，最多能扣 12 分')).toBeInTheDocument();
    expect(sentTo('points.correct')[0]).toMatchObject({ personId: WANG.id, points: -20, reason: '讲座签到重复计分' });
    expect(within(d).getByPlaceholderText('如：11月5日讲座签到重复计分')).toHaveValue('讲座签到重复计分');
  });

  it('tells a person who runs no community why there is nothing', async () => {
    renderPage(<LedgerPage />, { registered: true, isStaff: true, isHandler: false, person: { id: 'p', name: '某人' }, bindings: [] } as never);
    expect(await screen.findByTestId('points-no-access')).toBeInTheDocument();
  });
});

describe('积分规则', () => {
  it('shows each kind with its switch, points and cap, and saves them with the version read', async () => {
    answer('points.rules', rulesView());
    answer('points.saveRules', (d: { rules: unknown }) => rulesView({ version: 4, rules: d.rules as never }));
    renderPage(<RulesPage />);
    expect(await screen.findByText('志愿服务')).toBeInTheDocument();
    expect(screen.getByText('阳光社区 · 第 3 版')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('switch', { name: '参加讲座计分' })).toBeChecked());
    expect(screen.getByRole('spinbutton', { name: '志愿服务上限' })).toHaveValue('8');

    fireEvent.click(screen.getByRole('switch', { name: '联户走访计分' }));
    fireEvent.change(screen.getByRole('spinbutton', { name: '参加讲座分值' }), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: /保存规则/ }));
    expect(await screen.findByText('已保存阳光社区的积分规则，之后获得的积分按新规则计算')).toBeInTheDocument();
    expect(sentTo('points.saveRules')[0]).toMatchObject({
      communityId: COMMUNITY.id,
      version: 3,
      rules: { lecture: { counts: true, points: 3, max: 0 }, visit: { counts: false, points: 1, max: 0 } },
    });
  });

  it('says the rules were changed by someone else instead of overwriting them, and refreshes', async () => {
    answer('points.rules', rulesView());
    answer('points.saveRules', new ApiError('POINTS.RULES_CHANGED', '积分规则已被其他人修改'));
    renderPage(<RulesPage />);
    await screen.findByText('志愿服务');
    fireEvent.click(screen.getByRole('button', { name: /保存规则/ }));
    expect(await screen.findByText('规则已被他人修改，请刷新')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /保存规则/ })).toBeDisabled();

    answer('points.rules', rulesView({ version: 4 }));
    fireEvent.click(within(screen.getByTestId('rules-stale')).getByRole('button', { name: /刷\s*新/ }));
    expect(await screen.findByText('阳光社区 · 第 4 版')).toBeInTheDocument();
    expect(screen.queryByText('规则已被他人修改，请刷新')).not.toBeInTheDocument();
  });
});
