import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ReportDetailPage from '../../src/pages/report/detail';
import { saveSession } from '../../src/services/session';
import { formatWhen } from '../../src/utils/time';
import { answer, resetFake, sentTo } from './support/fake-transport';
import { detail, entry, NOW, ok } from './support/reports';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

const HOUR = 3600_000;

/** The picture shown under a label (Taro's Image is a box around an <img>). */
const srcOf = (el: HTMLElement) => el.querySelector('img')?.getAttribute('src');

beforeEach(() => {
  resetFake();
  saveSession('tok_resident', Date.now() + 3_600_000);
  (Taro.useRouter as jest.Mock).mockImplementation(() => ({ params: { id: 'r1' }, path: '/pages/report/detail' }));
});

const resolved = (can: string[]) =>
  detail({
    status: 'resolved',
    statusLabel: '已办结待评价',
    nextStep: '已经办好了。请您看看问题解决了没有，并给个评价。',
    can,
    timeline: [
      entry({ id: 't1', at: NOW - 5 * HOUR, type: 'create', label: '提交反映', actorName: '孙福贵' }),
      entry({ id: 't3', at: NOW - 1 * HOUR, type: 'resolve', label: '办结', actorName: '陈强', note: '已更换电梯主板', photos: ['/files/fix1'] }),
      entry({ id: 't2', at: NOW - 3 * HOUR, type: 'respond', label: '已响应', actorName: '陈强' }),
    ],
  });

describe('report detail for the resident', () => {
  it('shows status, category, description, place, handler with the deadline, and the next step', async () => {
    answer('reports.detail', ok(detail()));
    render(<ReportDetailPage />);

    expect(await screen.findByText('电梯故障')).toBeInTheDocument();
    expect(sentTo('reports.detail')[0].data).toEqual({ id: 'r1' });
    expect(screen.getByText('办理中')).toBeInTheDocument();
    expect(screen.getByText('3单元电梯停在5楼，按了没反应')).toBeInTheDocument();
    expect(screen.getByText('幸福里小区 1号楼')).toBeInTheDocument();
    expect(screen.getByText('3单元 电梯')).toBeInTheDocument();
    expect(screen.getByText('陈强（物业）')).toBeInTheDocument();
    // The one way dates are written: 今天 / 昨天 / 明天 / 11月30日 / 2026年11月30日, as it falls from today.
    expect(screen.getByText(`办理时限：${formatWhen(detail().dueAt)} 前办结`)).toBeInTheDocument();
    expect(formatWhen(detail().dueAt)).toMatch(/^(今天|昨天|明天|(\d{4}年)?11月30日) 15:00$/);
    expect(within(screen.getByLabelText('下一步')).getByText('物业陈强正在办理，会在 11月30日 15:00 前办结。')).toBeInTheDocument();
    expect(srcOf(screen.getByLabelText('反映的照片 1'))).toBe('/files/p1');
  });

  it('shows a breach the timer escalated as one entry, and a breach at the street, which has no level above, on its own', async () => {
    const late = { fromLevel: 'building' as const, note: '超过楼栋办理时限，自动上报', actorName: null };
    answer(
      'reports.detail',
      ok(
        detail({
          timeline: [
            entry({ id: 't1', at: NOW - 30 * HOUR, type: 'create', label: '提交反映' }),
            entry({ id: 't2', at: NOW - 20 * HOUR, type: 'breach', label: '超时', ...late }),
            entry({ id: 't3', at: NOW - 20 * HOUR, type: 'escalate', label: '上报到小区', ...late, toLevel: 'compound' }),
            entry({ id: 't4', at: NOW - 1 * HOUR, type: 'breach', label: '超时', note: '超过街道办理时限', actorName: null }),
          ],
        }),
      ),
    );
    render(<ReportDetailPage />);

    const timeline = await screen.findByLabelText('办理经过');
    expect(Array.from(timeline.querySelectorAll('.tl__label')).map((n) => n.textContent)).toEqual(['超时', '上报到小区', '提交反映']);
    expect(within(timeline).getAllByText('超过楼栋办理时限，自动上报')).toHaveLength(1);
    expect(within(timeline).getAllByText(/^系统 · /)).toHaveLength(2);
  });

  it('lists the timeline newest first, with who did it and what they said', async () => {
    answer('reports.detail', ok(resolved([])));
    render(<ReportDetailPage />);

    const timeline = await screen.findByLabelText('办理经过');
    const labels = Array.from(timeline.querySelectorAll('.tl__label')).map((n) => n.textContent);
    expect(labels).toEqual(['办结', '已响应', '提交反映']);
    expect(within(timeline).getByText('已更换电梯主板')).toBeInTheDocument();
    expect(within(timeline).getAllByText(/^陈强 · /)).toHaveLength(2);
    expect(srcOf(within(timeline).getByLabelText('办结的照片 1'))).toBe('/files/fix1');
  });

  it('offers no rating or dispute unless the server says the person can', async () => {
    answer('reports.detail', ok(resolved([])));
    render(<ReportDetailPage />);

    await screen.findByText('电梯故障');
    expect(screen.queryByText('问题解决了吗？请您评价')).not.toBeInTheDocument();
    expect(screen.queryByText('问题还没解决')).not.toBeInTheDocument();
    expect(screen.queryByText('满意')).not.toBeInTheDocument();
  });

  it('rates with the version it read, and shows the closed report', async () => {
    answer('reports.detail', ok(resolved(['rate', 'dispute'])));
    answer('reports.rate', ok(detail({ status: 'closed', statusLabel: '已关闭', rating: 'basically_satisfied', can: [] })));
    render(<ReportDetailPage />);

    fireEvent.click(await screen.findByText('提交评价'));
    expect(await screen.findByText('请先点选 满意、基本满意 或 不满意')).toBeInTheDocument();
    expect(sentTo('reports.rate')).toHaveLength(0);

    fireEvent.click(screen.getByText('🙂 基本满意'));
    fireEvent.change(screen.getByPlaceholderText('可以不写'), { target: { value: '修得挺快' } });
    fireEvent.click(screen.getByText('提交评价'));

    expect(await screen.findByText('谢谢您的评价')).toBeInTheDocument();
    expect(sentTo('reports.rate')[0].data).toEqual({ id: 'r1', version: 3, rating: 'basically_satisfied', note: '修得挺快' });
    expect(screen.getByText('已关闭')).toBeInTheDocument();
    expect(screen.queryByText('提交评价')).not.toBeInTheDocument();
  });

  it('says 问题还没解决 with a reason and sends it as a dispute', async () => {
    answer('reports.detail', ok(resolved(['rate', 'dispute'])));
    answer('reports.dispute', ok(detail({ status: 'submitted', statusLabel: '待响应', disputes: 1 })));
    render(<ReportDetailPage />);

    fireEvent.click(await screen.findByText('问题还没解决'));
    // One task a screen: the rating gives way to the dispute form.
    expect(screen.queryByText('提交评价')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('提交，请重新办理'));
    expect(await screen.findByText('请填写还存在的问题')).toBeInTheDocument();

    fireEvent.change(screen.getByPlaceholderText('例如：电梯修了一天又坏了'), { target: { value: '今天早上又停了' } });
    fireEvent.click(screen.getByText('提交，请重新办理'));

    expect(await screen.findByText('已告诉办理人，会重新办理')).toBeInTheDocument();
    expect(sentTo('reports.dispute')[0].data).toEqual({ id: 'r1', version: 3, reason: '今天早上又停了' });
  });

  it('shows the handler question and sends the answer', async () => {
    answer(
      'reports.detail',
      ok(
        detail({
          status: 'needs_info',
          statusLabel: '待补充信息',
          can: ['provideInfo'],
          timeline: [entry({ id: 'q', at: NOW, type: 'requestInfo', label: '请居民补充信息', actorName: '陈强', note: '请问是几单元的电梯？' })],
        }),
      ),
    );
    answer('reports.provideInfo', ok(detail()));
    render(<ReportDetailPage />);

    expect(await screen.findByText('办理人问：请问是几单元的电梯？')).toBeInTheDocument();
    fireEvent.change(screen.getByPlaceholderText('在这里写下补充的情况'), { target: { value: '3单元' } });
    fireEvent.click(screen.getByText('提交补充'));

    await waitFor(() => expect(sentTo('reports.provideInfo')).toHaveLength(1));
    expect(sentTo('reports.provideInfo')[0].data).toEqual({ id: 'r1', version: 3, answer: '3单元' });
  });

  it('says the report was changed by someone else and reloads it', async () => {
    let reads = 0;
    answer('reports.detail', () => ok(++reads === 1 ? resolved(['rate']) : detail({ version: 5, status: 'closed', statusLabel: '已关闭', can: [] })));
    answer('reports.rate', { ok: false, code: 'CONFLICT.VERSION', message: '内容已被其他人修改，请刷新后重试' });
    render(<ReportDetailPage />);

    fireEvent.click(await screen.findByText('😊 满意'));
    fireEvent.click(screen.getByText('提交评价'));

    expect(await screen.findByText(/内容已被其他人修改/)).toBeInTheDocument();
    await waitFor(() => expect(sentTo('reports.detail')).toHaveLength(2));
    expect(await screen.findByText('已关闭')).toBeInTheDocument();
  });

  it('shows the server message when a rating is refused', async () => {
    answer('reports.detail', ok(resolved(['rate'])));
    answer('reports.rate', { ok: false, code: 'REPORT.ALREADY_RATED', message: '您已经评价过了' });
    render(<ReportDetailPage />);

    fireEvent.click(await screen.findByText('😞 不满意'));
    fireEvent.click(screen.getByText('提交评价'));

    expect(await screen.findByText('您已经评价过了')).toBeInTheDocument();
  });

  it('shows the server message when the report cannot be opened', async () => {
    answer('reports.detail', { ok: false, code: 'REPORT.NOT_FOUND', message: '找不到这条反映' });
    render(<ReportDetailPage />);

    expect(await screen.findByText('找不到这条反映')).toBeInTheDocument();
    expect(screen.getByText('重新加载')).toBeInTheDocument();
  });

  it('sends a handler who opened the resident page to the handler page', async () => {
    answer('reports.detail', ok(detail({ can: ['respond', 'comment'] })));
    render(<ReportDetailPage />);

    fireEvent.click(await screen.findByText('去办理这条反映'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/handler/report/index?id=r1' });
  });
});

describe('a report a building lead watches (关注)', () => {
  const NOTE = '这条紧急反映由物业办理，您作为楼栋长可以查看，不用您办理。';

  it('says on the report, before it, that the lead reads it without handling it or following it', async () => {
    answer('reports.detail', ok(detail({ watching: true, watchNote: NOTE, can: [], nextStepForStaff: '等物业陈强受理：今天 12:00前受理，11月30日 15:00前办结。' })));
    render(<ReportDetailPage />);

    const note = await screen.findByLabelText('关注');
    expect(within(note).getByText('关注 · 只看不办')).toBeInTheDocument();
    expect(within(note).getByText(NOTE)).toBeInTheDocument();
    // Above the report itself: read first.
    expect(note.compareDocumentPosition(screen.getByText('电梯故障')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // The lead reads who reported it, but it is not theirs to share to the group as its resident would.
    expect(screen.queryByText('分享到楼栋群')).toBeNull();
    // Not the resident's "…会联系您": whose move it is.
    expect(within(screen.getByLabelText('下一步')).getByText('等物业陈强受理：今天 12:00前受理，11月30日 15:00前办结。')).toBeInTheDocument();
    expect(screen.queryByText(detail().nextStep)).toBeNull();
  });

  it('says nothing of the kind to its resident', async () => {
    answer('reports.detail', ok(detail()));
    render(<ReportDetailPage />);

    await screen.findByText('电梯故障');
    expect(screen.queryByLabelText('关注')).toBeNull();
    expect(screen.getByText('分享到楼栋群')).toBeInTheDocument();
  });
});
