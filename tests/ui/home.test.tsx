import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Home from '../../src/pages/index/index';
import { saveSession } from '../../src/services/session';
import { answer, resetFake, sentTo, transport } from './support/fake-transport';
import { binding, buildingLead, me, notRegistered, resident, streetOfficer } from './support/fixtures';
import { HOW_TO_REGISTER } from '../../src/core/registrations';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

/** The role chips as a person reads them, left to right. */
const roleChips = () => Array.from(screen.getByLabelText('我的身份').children).map((chip) => chip.textContent);

const signedIn = () => saveSession('tok_resident', Date.now() + 3_600_000);

beforeEach(() => resetFake());

describe('home page', () => {
  it('greets a resident by name and shows their building with its full trail and their role', async () => {
    signedIn();
    answer('auth.whoAmI', { ok: true, data: resident() });
    render(<Home />);

    expect(await screen.findByText('您好，孙福贵')).toBeInTheDocument();
    expect(screen.getByText('我的楼栋')).toBeInTheDocument();
    expect(screen.getByText('幸福街道 / 阳光社区 / 幸福里小区 / 1号楼')).toBeInTheDocument();
    expect(roleChips()).toEqual(['居民']);
    expect(sentTo('auth.whoAmI')[0].token).toBe('tok_resident');
  });

  it('offers the resident entries but no 待办', async () => {
    signedIn();
    answer('auth.whoAmI', { ok: true, data: resident() });
    render(<Home />);

    await screen.findByText('您好，孙福贵');
    for (const title of ['随手拍', '我的反映', '社区讲堂', '党员报到']) expect(screen.getByText(title)).toBeInTheDocument();
    expect(screen.queryByText('待办')).not.toBeInTheDocument();
  });

  it('opens the report form, my reports and messages from their entries', async () => {
    signedIn();
    answer('auth.whoAmI', { ok: true, data: resident() });
    render(<Home />);

    fireEvent.click(await screen.findByText('随手拍'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/report/new' });
    fireEvent.click(screen.getByText('我的反映'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/report/mine' });
    fireEvent.click(screen.getByText('消息'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/messages/index' });
  });

  it('opens 社区讲堂 and 党员报到 (我的报到, where one scans a code to check in)', async () => {
    signedIn();
    answer('auth.whoAmI', { ok: true, data: resident() });
    render(<Home />);

    fireEvent.click(await screen.findByText('社区讲堂'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/lectures/list/index' });
    fireEvent.click(screen.getByText('党员报到'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/members/mine/index' });
    expect(screen.queryByText('党员报到审核')).not.toBeInTheDocument();
    expect(sentTo('members.pending')).toHaveLength(0);
  });

  it('gives a branch secretary 党员报到审核 with how many wait, and opens the queue', async () => {
    signedIn();
    answer('auth.whoAmI', { ok: true, data: me({ name: '刘芳', username: 'shuji', bindings: [binding('compound_secretary', '小区')], isHandler: true }) });
    answer('members.pending', { ok: true, data: { checkins: [{ id: 'chk_1' }, { id: 'chk_2' }] } } as never);
    render(<Home />);

    expect(await screen.findByText('2 位党员等待审核')).toBeInTheDocument();
    fireEvent.click(screen.getByText('党员报到审核'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/handler/checkins/index' });
  });

  it('shows how many messages are unread on the 消息 entry', async () => {
    signedIn();
    answer('auth.whoAmI', { ok: true, data: resident() });
    answer('messages.list', { ok: true, data: { messages: [], unread: 3, more: false } });
    render(<Home />);

    expect(await screen.findByLabelText('3 条未读消息')).toHaveTextContent('3');
    expect(screen.getByText('3 条新消息')).toBeInTheDocument();
    expect(sentTo('messages.list')[0].data).toEqual({ limit: 1 });
  });

  it('gives a building lead 待办 first, and both roles as chips', async () => {
    signedIn();
    answer('auth.whoAmI', { ok: true, data: buildingLead() });
    render(<Home />);

    await screen.findByText('您好，赵桂兰');
    const todo = screen.getByText('待办');
    expect(roleChips()).toEqual(['楼栋长', '居民']);
    // One building, held with two roles: listed once.
    expect(screen.getAllByText('幸福街道 / 阳光社区 / 幸福里小区 / 1号楼')).toHaveLength(1);
    fireEvent.click(todo);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/handler/inbox/index' });
  });

  it('tells a handler how much is waiting, and what is overdue', async () => {
    signedIn();
    answer('auth.whoAmI', { ok: true, data: buildingLead() });
    answer('reports.inbox', { ok: true, data: { reports: [], counts: { assigned: 4, dueSoon: 1, overdue: 2 } } });
    render(<Home />);

    expect(await screen.findByText('4 件等我处理，2 件已超时')).toBeInTheDocument();
  });

  it('calls the units of a street officer 我的单位, not 我的楼栋', async () => {
    signedIn();
    answer('auth.whoAmI', { ok: true, data: streetOfficer() });
    render(<Home />);

    await screen.findByText('您好，王建国');
    expect(screen.getByText('我的单位')).toBeInTheDocument();
    expect(screen.getByText('幸福街道')).toBeInTheDocument();
    expect(roleChips()).toEqual(['街道工作人员']);
  });

  it('sends a browser user who has not signed in to the login page without calling the server', async () => {
    render(<Home />);

    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
    expect(sentTo('auth.whoAmI')).toHaveLength(0);
  });

  it('drops an expired session and sends the person to sign in, saying why', async () => {
    signedIn();
    answer('auth.whoAmI', { ok: false, code: 'AUTH.TOKEN_EXPIRED', message: '登录已过期，请重新登录' });
    render(<Home />);

    await waitFor(() =>
      expect(Taro.reLaunch).toHaveBeenCalledWith({ url: `/pages/login/index?reason=${encodeURIComponent('登录已过期，请重新登录')}` }),
    );
    expect(Taro.getStorageSync('jinlin.session')).toBe('');
  });

  it('shows the server message when loading fails, and loads again on 重新加载', async () => {
    signedIn();
    answer('auth.whoAmI', { ok: false, code: 'INTERNAL', message: '系统出了点问题，请稍后再试', requestId: 'req_1' });
    render(<Home />);

    expect(await screen.findByText('系统出了点问题，请稍后再试')).toBeInTheDocument();
    answer('auth.whoAmI', { ok: true, data: resident() });
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('您好，孙福贵')).toBeInTheDocument();
  });

  it('in the mini-program asks no sign-in and shows an unregistered WeChat user the way in', async () => {
    transport.usesToken = false;
    answer('auth.whoAmI', { ok: true, data: notRegistered() });
    render(<Home />);

    expect(await screen.findByText(HOW_TO_REGISTER)).toBeInTheDocument();
    expect(Taro.reLaunch).not.toHaveBeenCalled();
    expect(sentTo('auth.whoAmI')[0].token).toBeNull();
    expect(screen.queryByText('随手拍')).not.toBeInTheDocument();
    // In the mini-program 扫码登记 opens the camera; what it reads opens the code landing page.
    (Taro.getEnv as jest.Mock).mockImplementation(() => 'WEAPP');
    (Taro as unknown as { scanCode: jest.Mock }).scanCode.mockResolvedValueOnce({ path: 'pages/code/index?scene=abcd2345wxyz', result: '', scanType: 'WX_CODE', errMsg: 'scanCode:ok' });
    fireEvent.click(screen.getByText('扫码登记'));
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/code/index?scene=abcd2345wxyz' }));
  });

  it('shows an unregistered WeChat user the registration they wait on, and leads to its status', async () => {
    transport.usesToken = false;
    answer('auth.whoAmI', { ok: true, data: notRegistered({ status: 'pending', statusLabel: '等待审核' }) });
    render(<Home />);

    expect(await screen.findByText('⏳ 等待审核')).toBeInTheDocument();
    expect(screen.getByText('阳光社区 幸福里小区 1号楼 2单元 5层 502室')).toBeInTheDocument();
    fireEvent.click(screen.getByText('查看登记进度'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/register/status/index' });
  });

  it('says why a registration was turned away, and offers to scan again first', async () => {
    transport.usesToken = false;
    answer('auth.whoAmI', { ok: true, data: notRegistered({ status: 'rejected', statusLabel: '未通过', rejectReason: '本楼没有 502 室' }) });
    render(<Home />);

    expect(await screen.findByText('✕ 未通过')).toBeInTheDocument();
    expect(screen.getByText('原因：本楼没有 502 室')).toBeInTheDocument();
    expect(screen.queryByText('查看登记进度')).not.toBeInTheDocument();
    // In a browser: no camera, the landing page's form.
    fireEvent.click(screen.getByText('扫码登记'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/code/index' });
  });

  it('gives people who approve registrations 入住审核, with how many wait', async () => {
    signedIn();
    answer('auth.whoAmI', { ok: true, data: buildingLead() });
    answer('registration.pending', { ok: true, data: { registrations: [{ id: 'reg_1' }, { id: 'reg_2' }] } });
    render(<Home />);

    expect(await screen.findByText('2 户等待审核')).toBeInTheDocument();
    fireEvent.click(screen.getByText('入住审核'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/handler/approvals/index' });
  });

  it('gives a resident no 入住审核 and asks nothing about registrations', async () => {
    signedIn();
    answer('auth.whoAmI', { ok: true, data: resident() });
    render(<Home />);

    await screen.findByText('您好，孙福贵');
    expect(screen.queryByText('入住审核')).not.toBeInTheDocument();
    expect(sentTo('registration.pending')).toHaveLength(0);
  });
});
