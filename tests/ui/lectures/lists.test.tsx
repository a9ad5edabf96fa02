import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import LectureList from '../../../src/lectures/list/index';
import MySignups from '../../../src/lectures/mine/index';
import { LECTURE_PAGE, MY_SIGNUPS_PAGE } from '../../../src/core/lectures';
import { LECTURE_PAGES } from '../../../src/lectures/urls';
import type { Me } from '../../../src/core/api';
import type { Role } from '../../../src/core/roles';
import type { ClientResult } from '../../../src/services/types';
import { answer, resetFake, sentTo, transport } from '../support/fake-transport';
import { lecture, mineRow, refused, signup } from './fixtures';

jest.mock('../../../src/services/transport', () => jest.requireActual('../support/fake-transport'));

const taro = Taro as unknown as { showModal: jest.Mock; navigateTo: jest.Mock };

const me = (role: string): ClientResult<Me> => ({
  ok: true,
  data: {
    registered: true,
    person: { id: 'p1', name: '孙福贵', phone: null, username: null, wechatBound: true },
    bindings: [{ id: 'bd1', role: role as Role, roleLabel: role, unit: { id: 'c1', name: '阳光社区', kind: 'community', path: '/s1/c1/' }, trail: '阳光社区' }],
    isStaff: role !== 'resident',
    isHandler: false,
  },
});

beforeEach(() => {
  resetFake();
  transport.usesToken = false;
});

describe('社区讲堂 (the list)', () => {
  it('lists the open lectures with their seats left or how many wait, and one\'s own sign-up', async () => {
    answer('auth.whoAmI', me('resident'));
    answer('lectures.open', {
      ok: true,
      data: {
        lectures: [
          lecture(),
          lecture({ id: 'lec2', title: '高血压的饮食', seatsLeft: 0, waiting: 3, mine: signup({ lectureId: 'lec2', status: 'waiting', place: 2, ticketCode: null }) }),
        ],
      },
    });
    render(<LectureList />);

    expect(await screen.findByText('老年人防诈骗讲座')).toBeInTheDocument();
    expect(screen.getByText('✓ 还剩 12 个座位（共 30 个）')).toBeInTheDocument();
    expect(screen.getByText('⏳ 座位已满，3 人在候补，可以排队候补')).toBeInTheDocument();
    expect(screen.getByText('⏳ 候补第 2 位')).toBeInTheDocument();
    // Residents get no staff button.
    expect(screen.queryByText('扫码签到')).not.toBeInTheDocument();

    fireEvent.click(screen.getByText('高血压的饮食'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/lectures/detail/index?id=lec2' });
  });

  it('says when there is nothing to sign up for, and offers staff their scan page', async () => {
    answer('auth.whoAmI', me('community_staff'));
    answer('lectures.open', { ok: true, data: { lectures: [] } });
    render(<LectureList />);
    expect(await screen.findByText('现在没有可以报名的讲座。社区发布新的讲座后，会出现在这里。')).toBeInTheDocument();
    fireEvent.click(screen.getByText('扫码签到'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/lectures/scan/index' });
  });

  it('opens the pages notices link to', () => {
    expect(LECTURE_PAGES.detail).toBe(`/${LECTURE_PAGE}`);
    expect(LECTURE_PAGES.mine).toBe(`/${MY_SIGNUPS_PAGE}`);
  });
});

describe('我的报名', () => {
  it('shows each seat\'s code, each waiting place, and nothing to do for a cancelled lecture', async () => {
    const now = Date.now();
    answer('lectures.mine', {
      ok: true,
      data: {
        signups: [
          mineRow(lecture(), { companions: 1, seats: 2 }),
          mineRow(lecture({ id: 'lec2', title: '高血压的饮食' }), { status: 'waiting', place: 1, ticketCode: null }),
          mineRow(lecture({ id: 'lec3', title: '春节剪纸', status: 'cancelled', statusLabel: '已取消' })),
          mineRow(lecture({ id: 'lec4', title: '智能手机入门', startsAt: now - 3 * 3_600_000, endsAt: now - 3_600_000 }), { attendedAt: now - 2 * 3_600_000 }),
        ],
      },
    });
    render(<MySignups />);

    expect(await screen.findByLabelText('《老年人防诈骗讲座》的报名码')).toBeInTheDocument();
    expect(screen.getByText('入场时请出示这个报名码（本人和 1 位同行），工作人员扫码签到')).toBeInTheDocument();
    expect(screen.getByText('⏳ 候补第 1 位')).toBeInTheDocument();
    expect(screen.getByText('✕ 讲座已取消')).toBeInTheDocument();
    expect(screen.getByText('✓ 已签到')).toBeInTheDocument();
    // One code (the seat to come), two ways out (the seat and the waiting place).
    expect(screen.getAllByLabelText(/的报名码$/)).toHaveLength(1);
    expect(screen.getAllByText('取消报名')).toHaveLength(1);
    expect(screen.getAllByText('不候补了')).toHaveLength(1);
  });

  it('cancels a waiting place after asking, and reads the list again', async () => {
    answer('lectures.mine', { ok: true, data: { signups: [mineRow(lecture(), { status: 'waiting', place: 3, ticketCode: null })] } });
    answer('lectures.cancelSignup', { ok: true, data: lecture() });
    render(<MySignups />);
    await screen.findByText('⏳ 候补第 3 位');
    answer('lectures.mine', { ok: true, data: { signups: [] } });
    fireEvent.click(screen.getByText('不候补了'));

    expect(await screen.findByText('已不再候补《老年人防诈骗讲座》。')).toBeInTheDocument();
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '不候补了' }));
    expect(sentTo('lectures.cancelSignup').map((c) => c.data)).toEqual([{ id: 'lec1' }]);
    expect(await screen.findByText('您还没有报名讲座。')).toBeInTheDocument();
  });

  it('says why a cancel was refused (the lecture has started)', async () => {
    answer('lectures.mine', { ok: true, data: { signups: [mineRow(lecture())] } });
    answer('lectures.cancelSignup', refused('LECTURE.STARTED', '讲座已经开始，不能再取消报名'));
    render(<MySignups />);
    fireEvent.click(await screen.findByText('取消报名'));
    expect(await screen.findByText('讲座已经开始，不能再取消报名')).toHaveClass('message--error');
    await waitFor(() => expect(sentTo('lectures.mine')).toHaveLength(1));
  });
});
