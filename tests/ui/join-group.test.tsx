/**
 * 登记入住 from a card in the building's WeChat group: no code, the building filled in from the
 * group (groups.enter), the submit carrying a fresh cloudID instead of a code; and what the page says
 * when the group cannot give the building (the building's code is the way on).
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { GroupEntered, RegistrationView, Submitted } from '../../src/core/api';
import Join from '../../src/register/join/index';
import { answer, resetFake, sentTo, transport } from './support/fake-transport';
import { ok } from './support/reports';
import { fireWechat } from './support/wechat';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

const taro = Taro as unknown as { getEnv: jest.Mock; useRouter: jest.Mock; getGroupEnterInfo: jest.Mock; navigateTo: jest.Mock; redirectTo: jest.Mock; setStorageSync: jest.Mock };

const B1 = { id: 'b1', name: '1号楼', kind: 'building' as const, path: '/s1/c1/p1/b1/', trail: '阳光社区 幸福里小区 1号楼' };

const registration: RegistrationView = {
  id: 'reg_1',
  status: 'pending',
  statusLabel: '等待审核',
  building: B1,
  trail: B1.trail,
  // From a group: no code.
  codeId: null,
  door: { entrance: '2', floor: 5, room: '502' },
  doorLabel: '2单元 5层 502室',
  name: '张秀英',
  phone: '139****6666',
  phoneVerified: true,
  autoApproved: null,
  rejectReason: null,
  createdAt: Date.now(),
  decidedAt: null,
  version: 1,
};
const submitted = () => ok<Submitted>({ registration, created: true, key: null, me: null });
const entered = (e: Partial<GroupEntered> = {}) => ok<GroupEntered>({ building: B1, mayBindTo: [], ...e });

function open(params: Record<string, string>) {
  taro.useRouter.mockImplementation(() => ({ params, path: '/register/join/index' }));
  return render(<Join />);
}

const type = (placeholder: string, value: string) => fireEvent.input(screen.getByPlaceholderText(placeholder), { target: { value }, detail: { value } });
const tap = (words: string) => fireEvent.click(screen.getByText(words));

async function fillNameAndDoor() {
  await screen.findByText('您叫什么名字？');
  type('例如：张秀英', '张秀英');
  tap('下一步');
  await screen.findByText('您住在哪一户？');
  type('例如：2', '2');
  type('例如：5', '5');
  type('例如：502', '502');
  tap('下一步');
  await screen.findByText('您的手机号');
}

/** The mini-program, opened in a group: each getGroupEnterInfo answers a new cloudID, as WeChat's are. */
function inWechatGroup() {
  transport.usesToken = false;
  taro.getEnv.mockImplementation(() => 'WEAPP');
  let n = 0;
  taro.getGroupEnterInfo.mockImplementation(async () => ({ errMsg: 'getGroupEnterInfo:ok', encryptedData: 'x', iv: 'y', cloudID: `cloud-${++n}` }));
}

let warn: jest.SpyInstance;
beforeEach(() => {
  resetFake();
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('join page from a card in the building group', () => {
  it('fills in the group\'s building and registers with a fresh cloudID instead of a code', async () => {
    inWechatGroup();
    answer('groups.enter', entered());
    answer('registration.submit', submitted());
    open({ group: '1' });

    expect(await screen.findByText('您在 1号楼 的群里')).toBeInTheDocument();
    expect(screen.getByText(B1.trail)).toBeInTheDocument();
    expect(sentTo('groups.enter').map((c) => c.data)).toEqual([{ cloudID: 'cloud-1' }]);
    expect(sentTo('codes.resolve')).toHaveLength(0);
    await fillNameAndDoor();

    fireWechat(screen.getByText('用微信手机号登记'), 'onGetPhoneNumber', { errMsg: 'getPhoneNumber:ok', code: 'wx-phone-code-1' });

    // No code to come back to: the status page alone.
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/register/status/index' }));
    expect(sentTo('registration.submit').map((c) => c.data)).toEqual([
      { groupCloudId: 'cloud-2', name: '张秀英', door: { entrance: '2', floor: 5, room: '502' }, phoneCode: 'wx-phone-code-1' },
    ]);
  });

  it('finds the group by itself when opened without a code, in a browser standing in for WeChat', async () => {
    taro.setStorageSync('jinlin.devOpenid', 'dev-openid-9');
    taro.setStorageSync('jinlin.devGroup', 'g-3hao');
    transport.usesToken = false;
    answer('groups.enter', entered());
    answer('registration.submit', submitted());
    open({});

    expect(await screen.findByText('您在 1号楼 的群里')).toBeInTheDocument();
    expect(screen.getByText('第 1 步，共 3 步')).toBeInTheDocument();
    await fillNameAndDoor();
    type('11 位手机号', '13900006666');
    tap('提交登记');

    await waitFor(() => expect(sentTo('registration.submit')).toHaveLength(1));
    const sent = sentTo('registration.submit')[0].data as Record<string, unknown>;
    expect(sent).toMatchObject({ name: '张秀英', phone: '13900006666', groupCloudId: expect.stringMatching(/^dev-group:g-3hao:/) });
    expect(sent).not.toHaveProperty('codeId');
    expect(sent).not.toHaveProperty('password');
    // A fresh one, not the one groups.enter was given.
    expect(sent.groupCloudId).not.toBe((sentTo('groups.enter')[0].data as { cloudID: string }).cloudID);
  });

  it('asks for a code, as before, when opened without one outside any group', async () => {
    transport.usesToken = false;
    taro.getEnv.mockImplementation(() => 'WEAPP');
    open({});

    expect(await screen.findByText('请先扫楼栋码')).toBeInTheDocument();
    expect(sentTo('groups.enter')).toHaveLength(0);
  });

  it('says the group could not be read when the card\'s page finds no group, logs why, and offers the building code', async () => {
    transport.usesToken = false;
    taro.getEnv.mockImplementation(() => 'WEAPP');
    open({ group: '1' });

    expect(await screen.findByText('没能读到这个微信群')).toBeInTheDocument();
    expect(screen.getByText('✕ 读不到群')).toBeInTheDocument();
    expect(warn).toHaveBeenCalledWith('[groups] no group: getGroupEnterInfo failed', { errMsg: 'getGroupEnterInfo:fail not in group' });
    expect(screen.getByText('扫码登记')).toBeInTheDocument();
    tap('输入楼栋码的编号');
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/code/index' });
  });

  it('says a group bound to no building cannot register anyone, and offers the building code', async () => {
    inWechatGroup();
    answer('groups.enter', entered({ building: null }));
    open({ group: '1' });

    expect(await screen.findByText('这个群还没有绑定楼栋')).toBeInTheDocument();
    expect(screen.getByText('这个群还没有被楼栋长绑定到楼栋，不能从群里登记。请扫楼栋长给的楼栋码登记，或请楼栋长先绑定本群。')).toBeInTheDocument();
    expect(screen.getByText('扫码登记')).toBeInTheDocument();
  });

  it('says an expired group in the server\'s words', async () => {
    inWechatGroup();
    answer('groups.enter', { ok: false, code: 'GROUP.EXPIRED', message: '群信息已过期，请在群里重新点开卡片；也可以扫楼栋长给的楼栋码登记', field: 'cloudID' });
    open({ group: '1' });

    expect(await screen.findByText('群信息已过期')).toBeInTheDocument();
    expect(screen.getByText('群信息已过期，请在群里重新点开卡片；也可以扫楼栋长给的楼栋码登记')).toBeInTheDocument();
  });

  it('looks at the group again, not at a code, after the network failed', async () => {
    inWechatGroup();
    answer('groups.enter', { ok: false, code: 'NETWORK.UNREACHABLE', message: '网络连接不上，请检查网络后再试' });
    open({ group: '1' });

    expect(await screen.findByText('现在读不到这个群')).toBeInTheDocument();
    answer('groups.enter', entered());
    tap('再查一次');

    expect(await screen.findByText('您在 1号楼 的群里')).toBeInTheDocument();
    expect(sentTo('groups.enter')).toHaveLength(2);
    expect(sentTo('codes.resolve')).toHaveLength(0);
  });

  it('stops the form when the group was unbound while it was being filled', async () => {
    inWechatGroup();
    answer('groups.enter', entered());
    answer('registration.submit', { ok: false, code: 'GROUP.NOT_BOUND', message: '这个群还没有绑定楼栋，不能从群里登记：请扫楼栋长给的楼栋码登记', field: 'groupCloudId' });
    open({ group: '1' });
    await fillNameAndDoor();

    tap('填写其他手机号');
    type('11 位手机号', '13900006666');
    tap('提交登记');

    expect(await screen.findByText('这个群还没有绑定楼栋，不能从群里登记：请扫楼栋长给的楼栋码登记')).toBeInTheDocument();
    expect(screen.getByText('这个群还没有绑定楼栋')).toBeInTheDocument();
    expect(screen.getByText('扫码登记')).toBeInTheDocument();
  });

  it('stops with the group unreadable when WeChat no longer gives a cloudID at submit, sending nothing', async () => {
    inWechatGroup();
    answer('groups.enter', entered());
    open({ group: '1' });
    await fillNameAndDoor();
    taro.getGroupEnterInfo.mockImplementation(async () => {
      throw { errMsg: 'getGroupEnterInfo:fail' };
    });

    tap('填写其他手机号');
    type('11 位手机号', '13900006666');
    tap('提交登记');

    expect(await screen.findByText('没能读到这个微信群')).toBeInTheDocument();
    expect(sentTo('registration.submit')).toHaveLength(0);
  });
});
