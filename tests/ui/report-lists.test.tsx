import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MyReports from '../../src/pages/report/mine';
import Messages from '../../src/pages/messages/index';
import Inbox from '../../src/handler/inbox/index';
import { saveSession } from '../../src/services/session';
import { answer, resetFake, sentTo } from './support/fake-transport';
import { binding, me } from './support/fixtures';
import { NOW, ok, summary } from './support/reports';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

beforeEach(() => {
  resetFake();
  saveSession('tok', Date.now() + 3_600_000);
});

describe('my reports', () => {
  it('lists each report with its category, status, place and an overdue mark; a tap opens it', async () => {
    answer(
      'reports.mine',
      ok([
        summary({ id: 'a', status: 'submitted', statusLabel: '待响应', overdue: true }),
        summary({ id: 'b', category: 'noise', categoryName: '噪音扰民', icon: '🔊', urgent: false, status: 'closed', statusLabel: '已关闭' }),
      ]),
    );
    render(<MyReports />);

    expect(await screen.findByText('电梯故障')).toBeInTheDocument();
    expect(screen.getByText('噪音扰民')).toBeInTheDocument();
    expect(screen.getByText('待响应')).toHaveClass('status--wait');
    expect(screen.getByText('已关闭')).toHaveClass('status--closed');
    expect(screen.getAllByText('⚠ 已超时')).toHaveLength(1);
    expect(screen.getAllByText(/^幸福里小区 1号楼 · /)).toHaveLength(2);

    fireEvent.click(screen.getByText('噪音扰民'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/report/detail?id=b' });
  });

  it('says there is nothing yet and offers to report', async () => {
    answer('reports.mine', ok([]));
    render(<MyReports />);

    expect(await screen.findByText('您还没有反映过问题。')).toBeInTheDocument();
    fireEvent.click(screen.getByText('我要反映新问题'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/report/new' });
  });
});

describe('messages', () => {
  const list = {
    messages: [
      { id: 'm1', kind: 'report.responded', title: '您的反映已有人响应', body: '陈强：已通知维保公司', page: '/pages/report/detail?id=r1', createdAt: NOW, read: false },
      { id: 'm2', kind: 'notice', title: '欢迎使用近邻', body: '', page: null, createdAt: NOW - 86_400_000, read: true },
    ],
    unread: 1,
    more: false,
  };

  it('marks unread ones, and opens the page of a tapped message after marking it read', async () => {
    answer('messages.list', ok(list));
    answer('messages.markRead', ok({ marked: 1, unread: 0 }));
    render(<Messages />);

    expect(await screen.findByText('1 条未读')).toBeInTheDocument();
    // Unread is said in words, not by a dot's colour alone.
    expect(screen.getAllByText('未读', { exact: true })).toHaveLength(1);

    fireEvent.click(screen.getByText('您的反映已有人响应'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/report/detail?id=r1' });
    expect(sentTo('messages.markRead')[0].data).toEqual({ ids: ['m1'] });
    expect(screen.queryByText('未读', { exact: true })).not.toBeInTheDocument();
    expect(screen.getByText('没有未读消息')).toBeInTheDocument();
  });

  it('marks all read at once', async () => {
    answer('messages.list', ok(list));
    answer('messages.markRead', ok({ marked: 1, unread: 0 }));
    render(<Messages />);

    fireEvent.click(await screen.findByText('全部标为已读'));
    await waitFor(() => expect(screen.getByText('没有未读消息')).toBeInTheDocument());
    expect(sentTo('messages.markRead')[0].data).toEqual({ all: true });
  });

  it('opens nothing for a message without a page', async () => {
    answer('messages.list', ok(list));
    render(<Messages />);

    fireEvent.click(await screen.findByText('欢迎使用近邻'));
    expect(Taro.navigateTo).not.toHaveBeenCalled();
    expect(sentTo('messages.markRead')).toHaveLength(0);
  });
});

describe('handler inbox', () => {
  const counts = { assigned: 3, dueSoon: 1, overdue: 2, watching: 0 };
  // A handler who watches nothing (a compound's property manager): the four lists of their own work.
  beforeEach(() => answer('auth.whoAmI', ok(me({ name: '陈强', bindings: [binding('property_manager', '小区')], isHandler: true }))));

  it('opens on 分派给我 with the counts as badges on the tabs', async () => {
    answer('reports.inbox', ok({ reports: [summary({ id: 'r1', status: 'submitted', statusLabel: '待响应' })], counts }));
    render(<Inbox />);

    expect(await screen.findByText('电梯故障')).toBeInTheDocument();
    expect(sentTo('reports.inbox')[0].data).toEqual({ view: 'assigned', limit: 100 });
    const tabs = screen.getAllByRole('tab');
    // The tab shown is ticked, not told by its colour alone.
    expect(tabs.map((t) => t.textContent)).toEqual(['✓ 分派给我3', '即将到期1', '已超时2', '全部']);
    expect(tabs[0].getAttribute('aria-selected')).toBe('true');
    // The handler's card tells them by when.
    expect(screen.getByText(/^请在 .* 前响应$/)).toBeInTheDocument();
  });

  it('switches lists by tab and opens a report in the handler page', async () => {
    answer('reports.inbox', (data: { view: string }) =>
      ok({
        reports: data.view === 'overdue' ? [summary({ id: 'late', overdue: true, categoryName: '消防通道与安全隐患' })] : [],
        counts,
      }),
    );
    render(<Inbox />);

    expect(await screen.findByText('现在没有分派给您的反映')).toBeInTheDocument();
    fireEvent.click(screen.getByText('已超时'));
    expect(await screen.findByText('消防通道与安全隐患')).toBeInTheDocument();
    expect(sentTo('reports.inbox')[1].data).toEqual({ view: 'overdue', limit: 100 });
    expect(screen.getAllByRole('tab')[2].getAttribute('aria-selected')).toBe('true');

    fireEvent.click(screen.getByText('消防通道与安全隐患'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/handler/report/index?id=late' });
  });

  it('shows the server message when the list cannot be loaded', async () => {
    answer('reports.inbox', { ok: false, code: 'AUTH.FORBIDDEN', message: '您没有权限进行这个操作' });
    render(<Inbox />);

    expect(await screen.findByText('您没有权限进行这个操作')).toBeInTheDocument();
    expect(within(screen.getAllByRole('tab')[0]).getByText('✓ 分派给我')).toBeInTheDocument();
  });
});
