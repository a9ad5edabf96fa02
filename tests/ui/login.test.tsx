import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Login from '../../src/pages/login/index';
import { getToken } from '../../src/services/session';
import { answer, resetFake, sentTo } from './support/fake-transport';
import { DEMOS, resident } from './support/fixtures';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

const type = (placeholder: string, value: string) =>
  fireEvent.input(screen.getByPlaceholderText(placeholder), { target: { value } });

const signedIn = (token: string) => ({ ok: true as const, data: { token, expiresAt: Date.now() + 3_600_000, me: resident() } });

beforeEach(() => {
  resetFake();
  answer('auth.demoLogins', { ok: true, data: DEMOS });
});

describe('login page', () => {
  it('offers someone without an account the way in: a building\'s code', async () => {
    render(<Login />);

    fireEvent.click(screen.getByText('没有账号？扫楼栋码登记'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/code/index' });
  });

  it('shows the server message when the password is wrong, and stays on the page', async () => {
    answer('auth.signIn', { ok: false, code: 'AUTH.BAD_CREDENTIALS', message: '账号或密码不正确' });
    render(<Login />);

    type('请输入账号', 'jumin');
    type('请输入密码', 'wrong-password');
    fireEvent.click(screen.getByText('登录'));

    expect(await screen.findByText('账号或密码不正确')).toBeInTheDocument();
    expect(sentTo('auth.signIn')[0].data).toEqual({ username: 'jumin', password: 'wrong-password' });
    expect(getToken()).toBeNull();
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });

  it('asks for the account before calling the server', async () => {
    render(<Login />);

    fireEvent.click(screen.getByText('登录'));

    expect(await screen.findByText('请填写账号')).toBeInTheDocument();
    expect(sentTo('auth.signIn')).toHaveLength(0);
  });

  it('signs in with the typed account, keeps the token and opens the home page', async () => {
    answer('auth.signIn', signedIn('tok_typed'));
    render(<Login />);

    type('请输入账号', ' jumin ');
    type('请输入密码', 'demo1234');
    fireEvent.click(screen.getByText('登录'));

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    expect(sentTo('auth.signIn')[0].data).toEqual({ username: 'jumin', password: 'demo1234' });
    expect(getToken()).toBe('tok_typed');
  });

  it('lists a one-tap button per demo role and signs in as that person', async () => {
    answer('auth.signIn', signedIn('tok_demo'));
    render(<Login />);

    expect(await screen.findByText('王建国（街道工作人员）')).toBeInTheDocument();
    expect(screen.getByText('赵桂兰（楼栋长）')).toBeInTheDocument();
    fireEvent.click(screen.getByText('孙福贵（居民）'));

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    expect(sentTo('auth.signIn')[0].data).toEqual({ username: 'jumin', password: 'demo1234' });
    expect(getToken()).toBe('tok_demo');
  });

  it('shows no demo section when the data has no demo people', async () => {
    answer('auth.demoLogins', { ok: true, data: [] });
    render(<Login />);

    await waitFor(() => expect(sentTo('auth.demoLogins')).toHaveLength(1));
    expect(screen.queryByText('演示账号')).not.toBeInTheDocument();
  });

  it('tells a person sent here by an expired session why they must sign in again', async () => {
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { reason: encodeURIComponent('登录已过期，请重新登录') }, path: '' });
    render(<Login />);

    expect(screen.getByText('登录已过期，请重新登录')).toBeInTheDocument();
    await screen.findByText('孙福贵（居民）');
  });

  it('says so plainly when the server cannot be reached', async () => {
    answer('auth.signIn', { ok: false, code: 'NETWORK.UNREACHABLE', message: '网络连接不上，请检查网络后再试' });
    render(<Login />);

    type('请输入账号', 'jumin');
    type('请输入密码', 'demo1234');
    fireEvent.click(screen.getByText('登录'));

    expect(await screen.findByText('网络连接不上，请检查网络后再试')).toBeInTheDocument();
  });
});
