import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import LectureDetailPage from '../../../src/lectures/detail/index';
import { askForNotices } from '../../../src/services/subscribe';
import { answer, resetFake, sentTo, transport } from '../support/fake-transport';
import { DAY, HOUR, lecture, refused, signup } from './fixtures';

jest.mock('../../../src/services/transport', () => jest.requireActual('../support/fake-transport'));
jest.mock('../../../src/services/subscribe', () => ({ askForNotices: jest.fn(async () => ({ status: 'skipped', reason: 'notWeapp' })) }));

const taro = Taro as unknown as { useRouter: jest.Mock; showModal: jest.Mock };

function open(id = 'lec1') {
  taro.useRouter.mockImplementation(() => ({ params: { id }, path: '/lectures/detail/index' }));
  return render(<LectureDetailPage />);
}

const tap = (label: string) => fireEvent.click(screen.getByText(label));

beforeEach(() => {
  resetFake();
  transport.usesToken = false;
});

describe('a lecture\'s page', () => {
  it('shows what, who, when, where, for whom and the seats left, and signs up in one tap', async () => {
    answer('lectures.detail', { ok: true, data: lecture() });
    answer('lectures.signUp', { ok: true, data: lecture({ seatsLeft: 11, mine: signup() }) });
    open();

    expect(await screen.findByText('老年人防诈骗讲座')).toBeInTheDocument();
    expect(screen.getByText('王建国 · 警官 · 幸福派出所')).toBeInTheDocument();
    expect(screen.getByText('社区活动中心二楼')).toBeInTheDocument();
    expect(screen.getByText('阳光社区')).toBeInTheDocument();
    expect(screen.getByText('还剩 12 个座位（共 30 个）')).toBeInTheDocument();

    tap('报名');
    // Asked inside the tap, before anything is sent: WeChat's panel for the reminder and promotion notices.
    expect(askForNotices).toHaveBeenCalledWith('lectureSignUp');
    expect(await screen.findByText('报名成功！入场时出示下面的报名码。')).toBeInTheDocument();
    expect(sentTo('lectures.signUp').map((c) => c.data)).toEqual([{ id: 'lec1' }]);
    expect(screen.getByText('✓ 已报名')).toBeInTheDocument();
    // Two days ahead: the venue's code is not taken yet.
    expect(screen.queryByText('现场签到')).not.toBeInTheDocument();
    // The code staff scan, drawn as a QR code on the phone.
    const img = screen.getByLabelText('《老年人防诈骗讲座》的报名码');
    expect(img.getAttribute('src') ?? img.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('brings companions up to what the lecture allows, and asks for that many seats', async () => {
    answer('lectures.detail', { ok: true, data: lecture({ companionsAllowed: 2 }) });
    answer('lectures.signUp', { ok: true, data: lecture({ mine: signup({ seats: 3, companions: 2 }) }) });
    open();
    await screen.findByText('带几位同行？');

    const more = screen.getByLabelText('多一位同行');
    fireEvent.click(more);
    fireEvent.click(more);
    fireEvent.click(more); // the third is past what is allowed: nothing happens
    expect(screen.getByText('2 位')).toBeInTheDocument();
    expect(screen.getByText(/本人和 2 位同行，3 个座位/)).toBeInTheDocument();

    tap('报名');
    await screen.findByText('报名成功！入场时出示下面的报名码。');
    expect(sentTo('lectures.signUp').map((c) => c.data)).toEqual([{ id: 'lec1', companions: 2 }]);
    expect(screen.getByText('为您留了座位（本人和 2 位同行）。')).toBeInTheDocument();
  });

  it('offers no companions when the lecture takes the person alone', async () => {
    answer('lectures.detail', { ok: true, data: lecture({ companionsAllowed: 0 }) });
    open();
    await screen.findByText('报名');
    expect(screen.queryByText('带几位同行？')).not.toBeInTheDocument();
  });

  it('says before the tap that a full lecture puts one on the waiting list, and after it the place', async () => {
    answer('lectures.detail', { ok: true, data: lecture({ seatsLeft: 0, waiting: 1 }) });
    answer('lectures.signUp', { ok: true, data: lecture({ seatsLeft: 0, waiting: 2, mine: signup({ status: 'waiting', statusLabel: '候补中', place: 2, ticketCode: null, confirmedAt: null }) }) });
    open();

    expect(await screen.findByText('座位已满，1 人在候补，可以排队候补')).toBeInTheDocument();
    tap('排队候补');
    expect(await screen.findByText('座位已满，您已排在候补第 2 位。有人取消时按顺序递补，递补成功会通知您。')).toBeInTheDocument();
    expect(screen.getByText('⏳ 候补第 2 位')).toBeInTheDocument();
    expect(screen.queryByLabelText(/的报名码$/)).not.toBeInTheDocument();
    expect(screen.getByText('不候补了')).toBeInTheDocument();
  });

  it('cancels after asking, and the seat is gone from the page', async () => {
    answer('lectures.detail', { ok: true, data: lecture({ mine: signup() }) });
    answer('lectures.cancelSignup', { ok: true, data: lecture({ seatsLeft: 13 }) });
    open();
    await screen.findByText('✓ 已报名');

    tap('取消报名');
    expect(await screen.findByText('已取消报名，座位已让出。')).toBeInTheDocument();
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '取消报名' }));
    expect(sentTo('lectures.cancelSignup').map((c) => c.data)).toEqual([{ id: 'lec1' }]);
    expect(screen.getByText('报名')).toBeInTheDocument();
  });

  it('keeps the sign-up when the person thinks again', async () => {
    answer('lectures.detail', { ok: true, data: lecture({ mine: signup() }) });
    taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    open();
    await screen.findByText('✓ 已报名');
    tap('取消报名');
    await waitFor(() => expect(taro.showModal).toHaveBeenCalled());
    expect(sentTo('lectures.cancelSignup')).toEqual([]);
  });

  it('offers 现场签到 only around the start, for a seat not yet marked', async () => {
    const now = Date.now();
    answer('lectures.detail', { ok: true, data: lecture({ startsAt: now + 30 * 60_000, endsAt: now + 2 * HOUR, signupOpen: false, signupUntil: now, mine: signup() }) });
    open();
    fireEvent.click(await screen.findByText('现场签到'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/lectures/attend/index' });
  });

  it('says when sign-ups open, and offers no button before then', async () => {
    const now = Date.now();
    answer('lectures.detail', { ok: true, data: lecture({ signupOpen: false, signupFrom: now + DAY }) });
    open();
    expect(await screen.findByText(/开始报名$/)).toBeInTheDocument();
    expect(screen.queryByText('报名')).not.toBeInTheDocument();
  });

  describe('refusals, in the server\'s words, above the lecture', () => {
    const cases: [string, string, string][] = [
      ['twice', 'LECTURE.ALREADY_SIGNED_UP', '您已经报过名了，可以在“我的报名”里查看报名码'],
      ['outside the window', 'LECTURE.WINDOW_CLOSED', '报名已于 今天 18:00 截止'],
      ['a lecture not open to one\'s units', 'LECTURE.NOT_OPEN_TO_YOU', '这场讲座只面向部分小区的居民，您所在的小区不在其中'],
      ['a cancelled lecture', 'LECTURE.CANCELLED', '这场讲座已取消，不能再报名或修改'],
    ];
    it.each(cases)('%s', async (_case, code, message) => {
      answer('lectures.detail', { ok: true, data: lecture() });
      answer('lectures.signUp', refused(code, message));
      open();
      await screen.findByText('报名');
      tap('报名');
      expect(await screen.findByText(message)).toHaveClass('message--error');
      // The page reads the lecture again: what changed meanwhile shows with the refusal.
      await waitFor(() => expect(sentTo('lectures.detail')).toHaveLength(2));
    });

    it('a lecture cancelled since: said plainly, with no way to sign up', async () => {
      answer('lectures.detail', { ok: true, data: lecture({ status: 'cancelled', statusLabel: '已取消', signupOpen: false }) });
      open();
      expect(await screen.findByText('✕ 这场讲座已取消，不用再来了。')).toBeInTheDocument();
      expect(screen.queryByText('报名')).not.toBeInTheDocument();
    });

    it('a lecture not open to the reader: the page says why instead of the lecture', async () => {
      answer('lectures.detail', refused('LECTURE.NOT_OPEN_TO_YOU', '这场讲座只面向部分小区的居民，您所在的小区不在其中'));
      open();
      expect(await screen.findByText('这场讲座只面向部分小区的居民，您所在的小区不在其中')).toBeInTheDocument();
      expect(screen.getByText('重新加载')).toBeInTheDocument();
    });
  });
});
