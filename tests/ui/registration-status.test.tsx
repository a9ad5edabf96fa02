import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { RegistrationView } from '../../src/core/api';
import RegistrationStatus from '../../src/register/status/index';
import { submitRegistration } from '../../src/services/registration';
import { answer, resetFake, sentTo, transport } from './support/fake-transport';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

const taro = Taro as unknown as { useRouter: jest.Mock; getEnv: jest.Mock };
const CODE = 'abcd2345wxyz';
const HOUR = 3_600_000;

function view(overrides: Partial<RegistrationView> = {}): RegistrationView {
  return {
    id: 'reg_1',
    status: 'pending',
    statusLabel: '等待审核',
    building: { id: 'b1', name: '1号楼', kind: 'building', path: '/s1/c1/p1/b1/' },
    trail: '阳光社区 幸福里小区 1号楼',
    codeId: null,
    door: { entrance: '2', floor: 5, room: '502' },
    doorLabel: '2单元 5层 502室',
    name: '张秀英',
    phone: '139****6666',
    phoneVerified: false,
    autoApproved: null,
    rejectReason: null,
    createdAt: Date.now() - HOUR,
    decidedAt: null,
    version: 1,
    ...overrides,
  };
}

const mine = (...registrations: RegistrationView[]) => answer('registration.mine', { ok: true, data: { registrations } });

function open(params: Record<string, string> = {}) {
  taro.useRouter.mockImplementation(() => ({ params, path: '/register/status/index' }));
  return render(<RegistrationStatus />);
}

beforeEach(() => {
  resetFake();
  // Where WeChat identifies the person (the mini-program, or the local stand-in).
  transport.usesToken = false;
});

describe('registration status page', () => {
  it('says a pending registration waits for the building lead, in words and an icon, with what was sent', async () => {
    mine(view());
    open({ code: CODE });

    expect(await screen.findByText('⏳ 等待审核')).toBeInTheDocument();
    expect(screen.getByText(/请等待1号楼的楼栋长审核/)).toBeInTheDocument();
    expect(screen.getByText('阳光社区 幸福里小区 1号楼')).toBeInTheDocument();
    expect(screen.getByText('2单元 5层 502室')).toBeInTheDocument();
    expect(screen.getByText('139****6666（自己填写）')).toBeInTheDocument();

    mine(view({ status: 'approved', statusLabel: '已通过', decidedAt: Date.now() }));
    fireEvent.click(screen.getByText('刷新看看'));
    expect(await screen.findByText('✓ 已通过')).toBeInTheDocument();
    expect(sentTo('registration.mine')).toHaveLength(2);
  });

  it('sends an approved WeChat user home', async () => {
    mine(view({ status: 'approved', statusLabel: '已通过', decidedAt: Date.now() }));
    open();

    expect(await screen.findByText('审核已通过，您已是1号楼的居民。')).toBeInTheDocument();
    fireEvent.click(screen.getByText('回到首页'));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it('says when a phone verified by WeChat let the person in at once', async () => {
    mine(view({ status: 'approved', statusLabel: '已通过', autoApproved: 'verified_phone', phoneVerified: true, decidedAt: Date.now() }));
    open();

    expect(await screen.findByText('您的微信手机号和社区登记的一致，已自动通过。')).toBeInTheDocument();
    expect(screen.getByText('139****6666（微信验证）')).toBeInTheDocument();
  });

  it('sends an approved web applicant to sign in with the phone and the password they chose', async () => {
    transport.usesToken = true;
    Taro.setStorageSync('jinlin.registrationKey', 'kept-key-0123456789');
    mine(view({ status: 'approved', statusLabel: '已通过', decidedAt: Date.now() }));
    open();

    expect(await screen.findByText('审核已通过。请用手机号 139****6666 和登记时设的密码登录。')).toBeInTheDocument();
    expect(sentTo('registration.mine')[0].data).toEqual({ key: 'kept-key-0123456789' });
    fireEvent.click(screen.getByText('去登录'));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: `/pages/login/index?reason=${encodeURIComponent('审核已通过，请用登记的手机号和密码登录')}` });
  });

  it('shows a rejection\'s reason and registers again with the same code', async () => {
    mine(view({ status: 'rejected', statusLabel: '未通过', rejectReason: '本楼没有 502 室，请核对门牌', decidedAt: Date.now() }));
    open({ code: CODE });

    expect(await screen.findByText('✕ 未通过')).toBeInTheDocument();
    expect(screen.getByText('原因：本楼没有 502 室，请核对门牌')).toBeInTheDocument();
    fireEvent.click(screen.getByText('重新登记'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/register/join/index?code=${CODE}` });
  });

  it('remembers the code a registration on this device was made from', async () => {
    answer('registration.submit', { ok: true, data: { registration: view({ id: 'reg_9' }), created: true, key: null, me: null } });
    await submitRegistration({ codeId: CODE, name: '张秀英', door: { entrance: '2', floor: 5, room: '502' }, phone: '13900006666' });
    mine(view({ id: 'reg_9', status: 'rejected', statusLabel: '未通过', rejectReason: '请本人来登记' }));
    open();

    fireEvent.click(await screen.findByText('重新登记'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/register/join/index?code=${CODE}` });
  });

  it('asks for a scan to register again when the code is not known here', async () => {
    mine(view({ status: 'rejected', statusLabel: '未通过', rejectReason: '请本人来登记' }));
    open();

    fireEvent.click(await screen.findByText('扫码重新登记'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/code/index' });
  });

  it('scans with the camera in the mini-program and opens the code it read', async () => {
    taro.getEnv.mockImplementation(() => 'WEAPP');
    (Taro as unknown as { scanCode: jest.Mock }).scanCode.mockResolvedValueOnce({ path: `pages/code/index?scene=${CODE}`, result: '', scanType: 'WX_CODE', errMsg: 'scanCode:ok' });
    mine(view({ status: 'rejected', statusLabel: '未通过', rejectReason: '请本人来登记' }));
    open();

    fireEvent.click(await screen.findByText('扫码重新登记'));
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/code/index?scene=${CODE}` }));
  });

  it('lists earlier registrations below the latest, each with its status in words', async () => {
    mine(
      view({ id: 'reg_2' }),
      view({ id: 'reg_1', status: 'rejected', statusLabel: '未通过', rejectReason: '姓名和住户对不上', createdAt: Date.now() - 48 * HOUR }),
    );
    open();

    expect(await screen.findByText('以前的登记')).toBeInTheDocument();
    expect(screen.getByText('⏳ 等待审核')).toBeInTheDocument();
    expect(screen.getByText('✕ 未通过')).toBeInTheDocument();
    expect(screen.getByText(/原因：姓名和住户对不上/)).toBeInTheDocument();
  });

  it('tells someone with nothing registered how to start', async () => {
    mine();
    open();

    expect(await screen.findByText(/您还没有登记/)).toBeInTheDocument();
    expect(screen.getByText('扫码登记')).toBeInTheDocument();
  });

  it('says what to do when a browser has neither an account nor a registration', async () => {
    transport.usesToken = true;
    answer('registration.mine', { ok: false, code: 'AUTH.REQUIRED', message: '请在微信里打开近邻，或用登记时的这台设备查看' });
    open();

    expect(await screen.findByText('请在微信里打开近邻，或用登记时的这台设备查看')).toBeInTheDocument();
    expect(screen.getByText('扫码登记')).toBeInTheDocument();
    fireEvent.click(screen.getByText('已有账号？去登录'));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });
});
