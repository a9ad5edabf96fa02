import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { AttendanceMarked } from '../../../src/core/api';
import AttendByVenueCode from '../../../src/lectures/attend/index';
import ScanTickets from '../../../src/lectures/scan/index';
import { answer, resetFake, sentTo, transport } from '../support/fake-transport';
import { refused } from './fixtures';

jest.mock('../../../src/services/transport', () => jest.requireActual('../support/fake-transport'));

const taro = Taro as unknown as { useRouter: jest.Mock; getEnv: jest.Mock; scanCode: jest.Mock };
const TICKET = 'jinlin:ticket:lec1:p7:ABCDEFGHJKMNPQRS';
const VENUE = 'jinlin:venue:lec1:9876543:ABCDEFGHJK';

const marked = (overrides: Partial<AttendanceMarked> = {}): AttendanceMarked => ({
  lectureId: 'lec1',
  lectureTitle: '老年人防诈骗讲座',
  person: { id: 'p7', name: '钱红梅' },
  seats: 2,
  attendedAt: Date.now(),
  via: 'ticket',
  viaLabel: '扫报名码',
  first: true,
  ...overrides,
});

const camera = (result: string) => {
  taro.getEnv.mockImplementation(() => 'WEAPP');
  taro.scanCode.mockResolvedValueOnce({ result, scanType: 'QR_CODE', errMsg: 'scanCode:ok' });
};

beforeEach(() => {
  resetFake();
  transport.usesToken = false;
});

describe('staff\'s 扫码签到', () => {
  it('marks the seat named by the scanned code once; a second scan says it was marked before', async () => {
    answer('lectures.markAttendance', { ok: true, data: marked() });
    camera(TICKET);
    render(<ScanTickets />);
    fireEvent.click(screen.getByText('扫报名码'));

    expect(await screen.findByText('✓ 钱红梅 签到成功')).toBeInTheDocument();
    expect(screen.getByText('《老年人防诈骗讲座》，本人和 1 位同行')).toBeInTheDocument();
    expect(sentTo('lectures.markAttendance').map((c) => c.data)).toEqual([{ lectureId: 'lec1', code: TICKET }]);
    expect(taro.scanCode).toHaveBeenCalledWith(expect.objectContaining({ onlyFromCamera: true, scanType: ['qrCode'] }));
    expect(screen.getByText('这次已签到 1 人')).toBeInTheDocument();

    answer('lectures.markAttendance', { ok: true, data: marked({ first: false }) });
    camera(TICKET);
    fireEvent.click(screen.getByText('扫下一位'));
    expect(await screen.findByText('✓ 钱红梅已经签到过了')).toBeInTheDocument();
    expect(screen.getByText(/已签到（扫报名码），不用再签。$/)).toBeInTheDocument();
    expect(screen.getByText('这次已签到 1 人')).toBeInTheDocument();
  });

  it('checks codes against the lecture the page was opened for', async () => {
    taro.useRouter.mockImplementation(() => ({ params: { id: 'lec9' }, path: '/lectures/scan/index' }));
    answer('lectures.markAttendance', refused('ATTENDANCE.WRONG_LECTURE', '这是《老年人防诈骗讲座》的报名码，不是这一场的'));
    camera(TICKET);
    render(<ScanTickets />);
    fireEvent.click(screen.getByText('扫报名码'));
    expect(await screen.findByText('这是《老年人防诈骗讲座》的报名码，不是这一场的')).toBeInTheDocument();
    expect(screen.getByText('✕ 没有签到')).toBeInTheDocument();
    expect(sentTo('lectures.markAttendance').map((c) => c.data)).toEqual([{ lectureId: 'lec9', code: TICKET }]);
  });

  it('tells a venue code or a stranger\'s QR code apart without asking the server', async () => {
    camera(VENUE);
    render(<ScanTickets />);
    fireEvent.click(screen.getByText('扫报名码'));
    expect(await screen.findByText('这是现场签到码，请扫参加者手机上“我的报名”里的报名码')).toBeInTheDocument();
    expect(sentTo('lectures.markAttendance')).toEqual([]);
  });

  it('in a browser, takes what the code holds typed or pasted', async () => {
    answer('lectures.markAttendance', { ok: true, data: marked() });
    const { container } = render(<ScanTickets />);
    fireEvent.click(screen.getByText('签到'));
    expect(await screen.findByText('请先粘贴或输入码的内容')).toBeInTheDocument();
    const input = container.querySelector('input')!;
    fireEvent.input(input, { target: { value: TICKET } });
    fireEvent.click(screen.getByText('签到'));
    expect(await screen.findByText('✓ 钱红梅 签到成功')).toBeInTheDocument();
    expect(taro.scanCode).not.toHaveBeenCalled();
  });

  it('says nothing when the camera is closed without a scan', async () => {
    taro.getEnv.mockImplementation(() => 'WEAPP');
    render(<ScanTickets />);
    fireEvent.click(screen.getByText('扫报名码'));
    await new Promise((r) => setTimeout(r, 20));
    expect(sentTo('lectures.markAttendance')).toEqual([]);
    expect(screen.queryByText('✕ 没有签到')).not.toBeInTheDocument();
  });
});

describe('现场签到 by the venue screen\'s code', () => {
  it('marks one\'s own seat and offers 我的报名', async () => {
    answer('lectures.attend', { ok: true, data: marked({ person: { id: 'p1', name: '孙福贵' }, seats: 1, via: 'venue', viaLabel: '扫现场签到码' }) });
    camera(VENUE);
    render(<AttendByVenueCode />);
    fireEvent.click(screen.getByText('扫屏幕上的签到码'));
    expect(await screen.findByText('✓ 签到成功')).toBeInTheDocument();
    expect(sentTo('lectures.attend').map((c) => c.data)).toEqual([{ code: VENUE }]);
    expect(screen.getByText('看我的报名')).toBeInTheDocument();
  });

  const refusals: [string, string, string][] = [
    ['not signed up', 'ATTENDANCE.NOT_SIGNED_UP', '您没有报名这场讲座（或已取消），请找现场工作人员'],
    ['too early', 'ATTENDANCE.NOT_YET', '还没到签到时间：讲座开始前一小时起才能扫码签到'],
    ['too late', 'ATTENDANCE.CLOSED', '签到时间已过：讲座开始一小时后就不能扫码签到了，请找工作人员登记'],
    ['a photo of an old code', 'ATTENDANCE.CODE_EXPIRED', '这个签到码已过期，请扫现场屏幕上正在显示的码'],
    ['a cancelled lecture', 'LECTURE.CANCELLED', '这场讲座已取消，不用签到'],
  ];
  it.each(refusals)('refuses %s plainly, and lets the person scan again', async (_case, code, message) => {
    answer('lectures.attend', refused(code, message));
    camera(VENUE);
    render(<AttendByVenueCode />);
    fireEvent.click(screen.getByText('扫屏幕上的签到码'));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(screen.getByText('✕ 没有签到')).toBeInTheDocument();
    expect(screen.getByText('再扫一次')).toBeInTheDocument();
  });
});
