import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MyCheckins from '../../src/members/mine/index';
import { saveSession } from '../../src/services/session';
import { HOW_TO_CHECK_IN } from '../../src/core/checkins';
import { answer, resetFake } from './support/fake-transport';
import { checkin, MEMBER_CODE } from './support/checkins';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

const AT = Date.parse('2026-11-20T02:00:00Z');
const mine = (...checkins: ReturnType<typeof checkin>[]) => answer('members.mine', { ok: true, data: { checkins, howToCheckIn: HOW_TO_CHECK_IN } });

beforeEach(() => {
  resetFake();
  saveSession('tok_member', Date.now() + 3_600_000);
});

describe('我的报到', () => {
  it('says who decides a pending check-in, with what was given', async () => {
    mine(checkin());
    render(<MyCheckins />);

    expect(await screen.findByText('⏳ 等待审核')).toBeInTheDocument();
    expect(screen.getByText(/请等待幸福里小区的党支部书记审核/)).toBeInTheDocument();
    expect(screen.getByText('在职党员')).toBeInTheDocument();
    expect(screen.getByText('市第一人民医院第三党支部（郑州市金水区）')).toBeInTheDocument();
    expect(screen.getByText('136****0301（自己填写）')).toBeInTheDocument();
    expect(screen.getByText('刷新看看')).toBeInTheDocument();
  });

  it('gives a returned check-in\'s reason and checks in again with the same code', async () => {
    const reason = '请写明组织关系所在党支部的全称';
    mine(
      checkin({
        status: 'returned',
        statusLabel: '已退回',
        reason,
        decidedAt: AT + 3600_000,
        history: [
          { status: 'pending', statusLabel: '等待审核', at: AT, date: null, reason: null, by: null },
          { status: 'returned', statusLabel: '已退回', at: AT + 3600_000, date: null, reason, by: { id: 'p_liu', name: '刘芳' } },
        ],
      }),
    );
    render(<MyCheckins />);

    expect(await screen.findByText('↩ 已退回')).toBeInTheDocument();
    expect(screen.getByText(`退回原因：${reason}`)).toBeInTheDocument();
    // The history names who returned it.
    expect(screen.getByText('↩ 退回（刘芳）')).toBeInTheDocument();
    fireEvent.click(screen.getByText('重新报到'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/members/checkin/index?code=${MEMBER_CODE}` });
  });

  it('keeps a transfer out with its day and reason, and the earlier check-ins below', async () => {
    mine(
      checkin({ id: 'chk_2', status: 'pending', trail: '阳光社区 阳光花园' }),
      checkin({
        status: 'transferred_out',
        statusLabel: '已转出',
        reason: '搬到阳光花园',
        endedOn: '2026-11-23',
        history: [
          { status: 'pending', statusLabel: '等待审核', at: AT, date: null, reason: null, by: null },
          { status: 'approved', statusLabel: '已报到', at: AT + 3600_000, date: null, reason: null, by: { id: 'p_liu', name: '刘芳' } },
          { status: 'transferred_out', statusLabel: '已转出', at: AT + 86400_000 * 3, date: '2026-11-23', reason: '搬到阳光花园', by: { id: 'p_liu', name: '刘芳' } },
        ],
      }),
    );
    render(<MyCheckins />);

    expect(await screen.findByText('以前的报到')).toBeInTheDocument();
    expect(screen.getByText('→ 已转出')).toBeInTheDocument();
    expect(screen.getByText(/2026-11-23 已转出，原因：搬到阳光花园/)).toBeInTheDocument();
  });

  it('tells someone with no check-in how to check in', async () => {
    mine();
    render(<MyCheckins />);

    expect(await screen.findByText(`您还没有报到。${HOW_TO_CHECK_IN}。`)).toBeInTheDocument();
    expect(screen.getByText('扫码报到')).toBeInTheDocument();
  });
});

describe('我的报到 on 我的', () => {
  // Imported here so the page's own module mocks apply.
  const MePage = jest.requireActual('../../src/pages/me/index').default as () => JSX.Element;
  const { me } = jest.requireActual('./support/fixtures') as typeof import('./support/fixtures');

  it('offers 我的报到 to someone who has checked in, with the status in words', async () => {
    answer('auth.whoAmI', { ok: true, data: me() });
    mine(checkin({ status: 'approved', statusLabel: '已报到' }));
    render(<MePage />);

    fireEvent.click(await screen.findByText('我的报到（已报到）'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/members/mine/index' });
  });

  it('offers nothing to someone who never checked in', async () => {
    answer('auth.whoAmI', { ok: true, data: me() });
    mine();
    render(<MePage />);

    expect(await screen.findByText('我的身份')).toBeInTheDocument();
    expect(screen.queryByText(/我的报到/)).not.toBeInTheDocument();
  });
});
