import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ERRORS } from '../../src/core/errors';
import Checkin from '../../src/members/checkin/index';
import { saveSession } from '../../src/services/session';
import { answer, resetFake, sentTo, transport } from './support/fake-transport';
import { binding, me, notRegistered } from './support/fixtures';
import { checkin, MEMBER_CODE, memberCode } from './support/checkins';
import { fireWechat, openTypeOf } from './support/wechat';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

const taro = Taro as unknown as { getEnv: jest.Mock; useRouter: jest.Mock };

function open(params: Record<string, string> = { code: MEMBER_CODE }) {
  taro.useRouter.mockImplementation(() => ({ params, path: '/members/checkin/index' }));
  return render(<Checkin />);
}

const box = (placeholder: string) => screen.getByPlaceholderText(placeholder);
const type = (placeholder: string, value: string) => fireEvent.input(box(placeholder), { target: { value }, detail: { value } });
const tap = (words: string) => fireEvent.click(screen.getByText(words));

/** As the mini-program: WeChat identifies the caller. */
function inWechat() {
  transport.usesToken = false;
  taro.getEnv.mockImplementation(() => 'WEAPP');
}

/** Signed in on the web as a person (a member with an account). */
function signedIn() {
  saveSession('tok_member', Date.now() + 3_600_000);
}

/** From the name to the phone screen with a typical member's answers. */
async function fillToPhone() {
  await screen.findByText('您叫什么名字？');
  type('例如：张秀英', ' 周建民 ');
  tap('下一步');
  await screen.findByText('您是哪一类党员？');
  tap('在职');
  tap('是退役军人');
  tap('下一步');
  await screen.findByText('您的组织关系在哪个党支部？');
  type('例如：市第一人民医院第三党支部', '市第一人民医院第三党支部');
  type('例如：郑州市金水区', '郑州市金水区');
  tap('下一步');
  await screen.findByText('您在哪里工作？');
  type('例如：金水区实验小学', '市第一人民医院');
  tap('下一步');
  await screen.findByText('您有什么特长？');
  tap('医疗护理');
  type('例如：理发，烹饪', '理发，医疗护理');
  tap('下一步');
  await screen.findByText('您愿意做哪些服务？什么时候有空？');
  tap('义诊义剪');
  tap('周末');
  tap('下一步');
  await screen.findByText('您住在这里吗？');
  tap('下一步');
  await screen.findByText('您的手机号');
}

beforeEach(() => {
  resetFake();
  answer('codes.resolve', { ok: true, data: memberCode() });
  answer('auth.whoAmI', { ok: true, data: notRegistered() });
});

describe('check-in form: where, then one task a screen', () => {
  it('resolves the member code and shows where the member checks in, then asks the name', async () => {
    signedIn();
    open();

    expect(await screen.findByText('您叫什么名字？')).toBeInTheDocument();
    expect(sentTo('codes.resolve').map((c) => c.data)).toEqual([{ id: MEMBER_CODE }]);
    expect(screen.getByText('党员报到')).toBeInTheDocument();
    expect(screen.getByText('阳光社区 幸福里小区')).toBeInTheDocument();
    expect(screen.getByText('第 1 步，共 8 步')).toBeInTheDocument();
  });

  it('sends what was given, tags trimmed and once each, with the typed phone, and opens 我的报到', async () => {
    signedIn();
    answer('members.submit', { ok: true, data: { checkin: checkin(), created: true } });
    open();
    await fillToPhone();

    expect(screen.getByText('自己填写的手机号，要由党支部书记核对后才能通过。')).toBeInTheDocument();
    type('11 位手机号', '13655550301');
    tap('提交报到');

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/members/mine/index' }));
    expect(sentTo('members.submit').map((c) => c.data)).toEqual([
      {
        codeId: MEMBER_CODE,
        name: '周建民',
        memberType: 'in_service',
        veteran: true,
        branch: { name: '市第一人民医院第三党支部', place: '郑州市金水区' },
        workUnit: '市第一人民医院',
        skills: ['医疗护理', '理发'],
        services: ['义诊义剪'],
        freeTime: '周末',
        household: null,
        phone: '13655550301',
      },
    ]);
  });
});

describe('check-in form refusals: said on the screen, nothing sent', () => {
  it('refuses a missing name, type and branch, each on its own screen', async () => {
    signedIn();
    open();
    await screen.findByText('您叫什么名字？');

    tap('下一步');
    expect(screen.getByText('请填写姓名')).toBeInTheDocument();
    type('例如：张秀英', '周建民');
    tap('下一步');

    await screen.findByText('您是哪一类党员？');
    tap('下一步');
    expect(screen.getByText('请选择您是哪一类党员')).toBeInTheDocument();
    tap('直管');
    tap('下一步');

    await screen.findByText('您的组织关系在哪个党支部？');
    tap('下一步');
    expect(screen.getByText('请填写组织关系所在的党支部，例如：市第一人民医院第三党支部')).toBeInTheDocument();
    type('例如：市第一人民医院第三党支部', '党'.repeat(51));
    tap('下一步');
    expect(screen.getByText('党支部名称最多 50 个字')).toBeInTheDocument();
    expect(sentTo('members.submit')).toHaveLength(0);
  });

  it('refuses a skill too long and more than ten skills, saying which', async () => {
    signedIn();
    open();
    await screen.findByText('您叫什么名字？');
    type('例如：张秀英', '周建民');
    tap('下一步');
    tap('离退休');
    tap('下一步');
    type('例如：市第一人民医院第三党支部', '某某党支部');
    tap('下一步');
    tap('下一步');
    await screen.findByText('您有什么特长？');

    type('例如：理发，烹饪', '非常擅长修理各种各样的老式家用电器和收音机');
    tap('下一步');
    expect(screen.getByText(/每项特长最多 20 个字/)).toBeInTheDocument();
    type('例如：理发，烹饪', '一,二,三,四,五,六,七,八,九,十,十一');
    tap('下一步');
    expect(screen.getByText('特长最多 10 项，现在有 11 项，请去掉一些')).toBeInTheDocument();
    expect(sentTo('members.submit')).toHaveLength(0);
  });

  it('offers the buildings the person lives in under the compound, and asks the door when one is picked', async () => {
    signedIn();
    answer('auth.whoAmI', { ok: true, data: me({ name: '孙福贵', bindings: [binding('resident', '1号楼')] }) });
    answer('members.submit', { ok: true, data: { checkin: checkin(), created: true } });
    open();
    await screen.findByText('您叫什么名字？');
    // A known person's name is filled in.
    expect(box('例如：张秀英')).toHaveValue('孙福贵');
    tap('下一步');
    tap('离退休');
    tap('下一步');
    type('例如：市第一人民医院第三党支部', '某某党支部');
    tap('下一步');
    tap('下一步');
    tap('下一步');
    tap('下一步');
    await screen.findByText('您住在这里吗？');

    tap('住在 1号楼');
    tap('下一步');
    expect(screen.getByText('请填写门牌号')).toBeInTheDocument();
    type('例如：502', '301');
    tap('下一步');
    await screen.findByText('您的手机号');
    type('11 位手机号', '1365555');
    tap('提交报到');
    expect(screen.getByText('手机号应为 11 位数字，以 1 开头')).toBeInTheDocument();
    expect(sentTo('members.submit')).toHaveLength(0);

    type('11 位手机号', '13655550301');
    tap('提交报到');
    await waitFor(() => expect(sentTo('members.submit')).toHaveLength(1));
    expect(sentTo('members.submit')[0].data).toMatchObject({ household: { buildingId: 'b1', door: { entrance: '', floor: null, room: '301' } } });
  });

  it('takes the member back to the screen of a field the server refused, with its message', async () => {
    signedIn();
    answer('members.submit', { ok: false, code: 'INPUT.INVALID', message: '党支部所在地最多 50 个字', field: 'branch.place' });
    open();
    await fillToPhone();
    type('11 位手机号', '13655550301');
    tap('提交报到');

    expect(await screen.findByText('您的组织关系在哪个党支部？')).toBeInTheDocument();
    expect(screen.getByText('党支部所在地最多 50 个字')).toBeInTheDocument();
  });

  it('stops at a code that is not a member code, and sends nothing', async () => {
    signedIn();
    answer('codes.resolve', { ok: true, data: memberCode({ purpose: 'building', purposeLabel: '楼栋码' }) });
    open();

    expect(await screen.findByText('这个码不是党员报到码')).toBeInTheDocument();
    expect(screen.getByText(/党员报到请扫小区党支部给的党员报到码/)).toBeInTheDocument();
    expect(screen.queryByText('您叫什么名字？')).not.toBeInTheDocument();
    expect(sentTo('members.submit')).toHaveLength(0);
  });

  it('stops a member who has checked in already, and offers their record', async () => {
    signedIn();
    answer('members.submit', { ok: false, code: 'CHECKIN.ALREADY_MEMBER', message: '您已经是 幸福里小区 的党员了，不用再报到；您的记录请在“我的报到”里查看', field: 'codeId' });
    open();
    await fillToPhone();
    type('11 位手机号', '13655550301');
    tap('提交报到');

    expect(await screen.findByText('您已经报到过了')).toBeInTheDocument();
    tap('看我的报到');
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/members/mine/index' });
  });

  it('asks a browser with neither WeChat nor an account to sign in, and resolves nothing', async () => {
    open();

    expect(await screen.findByText('请先登录再报到')).toBeInTheDocument();
    expect(sentTo('codes.resolve')).toHaveLength(0);
    tap('去登录');
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: `/pages/login/index?reason=${encodeURIComponent('请先登录再报到')}` });
  });

  it('says a code stopped working while the form was filled, instead of the form', async () => {
    signedIn();
    answer('members.submit', { ok: false, code: 'CODE.REVOKED', message: ERRORS['CODE.REVOKED'], field: 'codeId' });
    open();
    await fillToPhone();
    type('11 位手机号', '13655550301');
    tap('提交报到');

    expect(await screen.findByText('这个码不能再用了')).toBeInTheDocument();
    expect(screen.queryByText('您的手机号')).not.toBeInTheDocument();
  });
});

describe('check-in form in the mini-program', () => {
  it('submits with WeChat\'s phone button, sending its one-time code and no number', async () => {
    inWechat();
    answer('members.submit', { ok: true, data: { checkin: checkin({ phoneVerified: true }), created: true } });
    open();
    await fillToPhone();

    const button = screen.getByText('用微信手机号报到');
    expect(openTypeOf(button)).toBe('getPhoneNumber');
    fireWechat(button, 'onGetPhoneNumber', { code: 'wx-phone-code-1' });

    await waitFor(() => expect(sentTo('members.submit')).toHaveLength(1));
    const sent = sentTo('members.submit')[0].data as Record<string, unknown>;
    expect(sent.phoneCode).toBe('wx-phone-code-1');
    expect(sent).not.toHaveProperty('phone');
  });

  it('lets the member type the number when WeChat gives none, saying why', async () => {
    inWechat();
    open();
    await fillToPhone();

    fireWechat(screen.getByText('用微信手机号报到'), 'onGetPhoneNumber', { errMsg: 'getPhoneNumber:fail user deny' });

    expect(await screen.findByText('没有使用微信手机号，请直接填写手机号')).toBeInTheDocument();
    expect(box('11 位手机号')).toBeInTheDocument();
    expect(sentTo('members.submit')).toHaveLength(0);
  });
});
