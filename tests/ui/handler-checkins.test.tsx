import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import CheckinApprovals from '../../src/handler/checkins/index';
import { saveSession } from '../../src/services/session';
import { answer, resetFake, sentTo } from './support/fake-transport';
import { checkin, queueItem } from './support/checkins';
import { binding, me } from './support/fixtures';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

const tap = (words: string) => fireEvent.click(screen.getByText(words));

beforeEach(() => {
  resetFake();
  saveSession('tok_zhibu', Date.now() + 3_600_000);
  // The page asks who is using it before it shows the queue (components/HandlersOnly.tsx).
  answer('auth.whoAmI', { ok: true, data: me({ name: '刘芳', username: 'zhibu', bindings: [binding('compound_secretary', '小区')], isHandler: true }) });
});

describe('党员报到审核', () => {
  it('shows each waiting member with their branch, phone to call and earlier check-ins, and approves after confirming', async () => {
    answer('members.pending', {
      ok: true,
      data: { checkins: [queueItem({ earlier: [{ id: 'chk_0', status: 'transferred_out', statusLabel: '已转出', unitName: '阳光花园', at: Date.parse('2026-10-01T02:00:00Z'), reason: '搬家' }] })] },
    });
    answer('members.approve', { ok: true, data: checkin({ status: 'approved', statusLabel: '已报到' }) });
    render(<CheckinApprovals />);

    expect(await screen.findByText('周建民')).toBeInTheDocument();
    expect(screen.getByText('1 位党员等待审核。核对组织关系和电话后再通过；自己填写的号码请先打电话核对。')).toBeInTheDocument();
    expect(screen.getByText('市第一人民医院第三党支部（郑州市金水区）')).toBeInTheDocument();
    expect(screen.getByText('⚠ 自己填写的号码，请先打电话核对')).toBeInTheDocument();
    expect(screen.getByText(/阳光花园 已转出：搬家/)).toBeInTheDocument();

    tap('✓ 通过');
    await waitFor(() => expect(sentTo('members.approve')).toHaveLength(1));
    expect(sentTo('members.approve')[0].data).toEqual({ id: 'chk_1', version: 1 });
    expect(await screen.findByText('现在没有等待审核的报到。有党员报到时，会发消息告诉您。')).toBeInTheDocument();
  });

  it('asks which registered person a member is when the phone matches, before approving', async () => {
    answer('members.pending', { ok: true, data: { checkins: [queueItem({ matches: [{ id: 'per_9', name: '周建民', phone: '13655550301' }] })] } });
    answer('members.approve', { ok: true, data: checkin({ status: 'approved', statusLabel: '已报到' }) });
    render(<CheckinApprovals />);
    await screen.findByText('社区已登记过同一个手机号的人。这位党员是：');

    tap('✓ 通过');
    expect(await screen.findByText('请先选：是已登记的哪一位，还是新登记一人')).toBeInTheDocument();
    expect(sentTo('members.approve')).toHaveLength(0);
    tap('就是已登记的 周建民');
    tap('✓ 通过');
    await waitFor(() => expect(sentTo('members.approve')[0]?.data).toEqual({ id: 'chk_1', version: 1, personId: 'per_9' }));
  });

  it('returns only with a reason, which the member will read', async () => {
    answer('members.pending', { ok: true, data: { checkins: [queueItem()] } });
    answer('members.return', { ok: true, data: checkin({ status: 'returned', statusLabel: '已退回', reason: '直管党员请到社区报到' }) });
    render(<CheckinApprovals />);
    await screen.findByText('周建民');

    tap('↩ 退回');
    expect(await screen.findByText('退回：周建民')).toBeInTheDocument();
    tap('确认退回');
    expect(screen.getByText('请写明退回的原因，申请人会看到')).toBeInTheDocument();
    expect(sentTo('members.return')).toHaveLength(0);

    tap('直管党员请到社区报到');
    tap('确认退回');
    await waitFor(() => expect(sentTo('members.return')).toHaveLength(1));
    expect(sentTo('members.return')[0].data).toEqual({ id: 'chk_1', version: 1, reason: '直管党员请到社区报到' });
  });

  it('says when another secretary decided first, and reads the queue again', async () => {
    answer('members.pending', { ok: true, data: { checkins: [queueItem()] } });
    answer('members.approve', { ok: false, code: 'CHECKIN.ALREADY_DECIDED', message: '这份报到已报到，不能再审核，请刷新后再看' });
    render(<CheckinApprovals />);
    await screen.findByText('周建民');

    tap('✓ 通过');
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '这份报到已报到，不能再审核，请刷新后再看' })));
    await waitFor(() => expect(sentTo('members.pending')).toHaveLength(2));
  });

  it('tells someone who does not decide check-ins who does, and shows no queue', async () => {
    const message = '党员报到只有小区党支部书记和社区书记能审核。您如果是党员，请扫小区党支部给的党员报到码报到';
    answer('members.pending', { ok: false, code: 'AUTH.FORBIDDEN', message });
    render(<CheckinApprovals />);

    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(screen.queryByText('✓ 通过')).not.toBeInTheDocument();
    tap('回到首页');
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });
});

describe('党员报到审核 opened by someone who does not decide check-ins', () => {
  it('refuses before the queue, in the server’s words, and shows no one', async () => {
    answer('auth.whoAmI', { ok: true, data: me({ name: '吴婷', username: 'zhiyuan', bindings: [binding('volunteer', '小区')] }) });
    answer('members.pending', { ok: true, data: { checkins: [queueItem()] } } as never);
    render(<CheckinApprovals />);

    expect(await screen.findByText('这是审核党员报到的页面')).toBeInTheDocument();
    expect(screen.getByText(/党员报到只有小区党支部书记和社区书记能审核/)).toBeInTheDocument();
    expect(screen.queryByText(queueItem().name)).not.toBeInTheDocument();
  });
});
