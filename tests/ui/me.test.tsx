import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MePage from '../../src/pages/me/index';
import { getToken, saveSession } from '../../src/services/session';
import { answer, resetFake, sentTo, transport } from './support/fake-transport';
import { buildingLead, me, notRegistered } from './support/fixtures';
import { HOW_TO_REGISTER } from '../../src/core/registrations';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

beforeEach(() => {
  resetFake();
  saveSession('tok_me', Date.now() + 3_600_000);
});

describe('me page', () => {
  it('shows the name, the phone with its middle hidden, the account and the roles with their places', async () => {
    answer('auth.whoAmI', { ok: true, data: buildingLead() });
    render(<MePage />);

    expect(await screen.findByText('赵桂兰')).toBeInTheDocument();
    expect(screen.getByText('138****5678')).toBeInTheDocument();
    expect(screen.queryByText('13812345678')).not.toBeInTheDocument();
    expect(screen.getByText('louzhang')).toBeInTheDocument();
    expect(Array.from(screen.getByLabelText('我的身份').children).map((c) => c.textContent)).toEqual(['楼栋长', '居民']);
    expect(screen.getByText('幸福街道 / 阳光社区 / 幸福里小区 / 1号楼')).toBeInTheDocument();
  });

  it('says 未登记 when there is no phone number', async () => {
    answer('auth.whoAmI', { ok: true, data: me({ phone: null }) });
    render(<MePage />);

    expect(await screen.findByText('未登记')).toBeInTheDocument();
  });

  it('signs out after the person confirms, forgets the token and opens the login page', async () => {
    answer('auth.whoAmI', { ok: true, data: me() });
    answer('auth.signOut', { ok: true, data: { signedOut: true } });
    render(<MePage />);

    fireEvent.click(await screen.findByText('退出登录'));

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }));
    expect(Taro.showModal).toHaveBeenCalled();
    expect(sentTo('auth.signOut')[0].token).toBe('tok_me');
    expect(getToken()).toBeNull();
  });

  it('stays signed in when the person changes their mind', async () => {
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    answer('auth.whoAmI', { ok: true, data: me() });
    render(<MePage />);

    fireEvent.click(await screen.findByText('退出登录'));

    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(sentTo('auth.signOut')).toHaveLength(0);
    expect(getToken()).toBe('tok_me');
  });

  it('still signs out locally when the server cannot be reached', async () => {
    answer('auth.whoAmI', { ok: true, data: me() });
    answer('auth.signOut', { ok: false, code: 'NETWORK.UNREACHABLE', message: '网络连接不上，请检查网络后再试' });
    render(<MePage />);

    fireEvent.click(await screen.findByText('退出登录'));

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }));
    expect(getToken()).toBeNull();
  });

  it('shows a WeChat user nobody registered the way in and their registration', async () => {
    transport.usesToken = false;
    answer('auth.whoAmI', { ok: true, data: notRegistered({ status: 'pending', statusLabel: '等待审核' }) });
    render(<MePage />);

    expect(await screen.findByText('您还没有登记')).toBeInTheDocument();
    expect(screen.getByText(HOW_TO_REGISTER)).toBeInTheDocument();
    expect(screen.getByText('⏳ 等待审核')).toBeInTheDocument();
    expect(screen.getByText('扫码登记')).toBeInTheDocument();
    expect(screen.queryByText('退出登录')).not.toBeInTheDocument();
  });

  it('has no sign-out in the mini-program, where WeChat identifies the person', async () => {
    transport.usesToken = false;
    answer('auth.whoAmI', { ok: true, data: me() });
    render(<MePage />);

    await screen.findByText('孙福贵');
    expect(screen.queryByText('退出登录')).not.toBeInTheDocument();
    expect(screen.queryByText('jumin')).not.toBeInTheDocument();
  });
});
