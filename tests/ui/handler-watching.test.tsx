/**
 * 关注: a building lead reads the urgent reports in their building that others handle (the server's
 * `watching` inbox view and `watching`/`watchNote` on a report): listed under their own tab with its
 * count, read where the resident reads them, never taken for theirs to handle.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Inbox from '../../src/handler/inbox/index';
import HandlerReport from '../../src/handler/report/index';
import { saveSession } from '../../src/services/session';
import { answer, resetFake, sentTo } from './support/fake-transport';
import { buildingLead } from './support/fixtures';
import { detail, ok, summary } from './support/reports';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

const NOTE = '这条紧急反映由物业办理，您作为楼栋长可以查看，不用您办理。';
const STAFF_STEP = '等物业陈强受理：今天 12:00前受理，11月30日 15:00前办结。';
const counts = { assigned: 2, dueSoon: 0, overdue: 0, watching: 1 };

beforeEach(() => {
  resetFake();
  saveSession('tok_lead', Date.now() + 3_600_000);
  answer('auth.whoAmI', ok(buildingLead()));
});

describe('the 关注 list in 待办', () => {
  it('gives a building lead a 关注 tab with the count of urgent reports others handle in their building', async () => {
    answer('reports.inbox', ok({ reports: [], counts }));
    render(<Inbox />);

    await screen.findByText('现在没有分派给您的反映');
    const tabs = screen.getAllByRole('tab').map((t) => t.textContent);
    expect(tabs).toEqual(['✓ 分派给我2', '即将到期', '已超时', '全部', '关注1']);
  });

  it('lists them, says what they are, and opens one where its resident reads it, with no deadline of the lead\'s', async () => {
    answer('reports.inbox', (data: { view: string }) =>
      ok({ reports: data.view === 'watching' ? [summary({ id: 'lift1', status: 'submitted', statusLabel: '待响应', handlerName: '陈强' })] : [], counts }),
    );
    render(<Inbox />);

    await screen.findByText('现在没有分派给您的反映');
    fireEvent.click(screen.getByText('关注'));

    expect(await screen.findByText('电梯故障')).toBeInTheDocument();
    expect(sentTo('reports.inbox').at(-1)!.data).toEqual({ view: 'watching', limit: 100 });
    expect(screen.getAllByRole('tab')[4].getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText(/由物业或小区办理。您可以查看进展，不用您办理，也不算您的待办。/)).toBeInTheDocument();
    // Not theirs to respond to: the card asks nothing of them.
    expect(screen.queryByText(/^请在 .* 前/)).toBeNull();

    fireEvent.click(screen.getByText('电梯故障'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/report/detail?id=lift1' });
  });

  it('says so when nothing is watched', async () => {
    answer('reports.inbox', ok({ reports: [], counts: { ...counts, watching: 0 } }));
    render(<Inbox />);

    fireEvent.click(await screen.findByText('关注'));
    expect(await screen.findByText('您的楼里现在没有由别人办理的紧急反映')).toBeInTheDocument();
  });
});

describe('a watched report opened in the handler page', () => {
  it('says why the lead reads it instead of offering actions, and asks nothing of them', async () => {
    (Taro.useRouter as jest.Mock).mockImplementation(() => ({ params: { id: 'lift1' }, path: '/handler/report/index' }));
    answer('reports.detail', ok(detail({ id: 'lift1', can: [], watching: true, watchNote: NOTE, nextStepForStaff: STAFF_STEP })));
    render(<HandlerReport />);

    expect(await screen.findByText(`关注：${NOTE}`)).toBeInTheDocument();
    expect(screen.queryByText('我要办理')).toBeNull();
    // Whose move it is: neither "请在…前响应" (not theirs to meet) nor the resident's "…会联系您".
    expect(within(screen.getByLabelText('下一步')).getByText(STAFF_STEP)).toBeInTheDocument();
  });
});
