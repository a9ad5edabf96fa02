import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { RegistrationView, ResolvedCode, Submitted } from '../../src/core/api';
import { ERRORS } from '../../src/core/errors';
import Join from '../../src/register/join/index';
import { saveSession } from '../../src/services/session';
import { answer, resetFake, sentTo, transport } from './support/fake-transport';
import { needPrivacy } from './support/taro';
import { fireWechat, openTypeOf } from './support/wechat';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

const taro = Taro as unknown as { getEnv: jest.Mock; useRouter: jest.Mock };

const ID = 'abcd2345wxyz';
const TRAIL = '阳光社区 幸福里小区 1号楼';

function resolved(overrides: Partial<ResolvedCode> = {}): ResolvedCode {
  return {
    id: ID,
    purpose: 'building',
    purposeLabel: '楼栋码',
    does: '加入本楼，成为楼里的居民',
    unit: { id: 'b1', name: '1号楼', kind: 'building', path: '/s1/c1/p1/b1/' },
    trail: TRAIL,
    personName: null,
    validUntil: null,
    usesLeft: null,
    ...overrides,
  };
}

function view(overrides: Partial<RegistrationView> = {}): RegistrationView {
  return {
    id: 'reg_1',
    status: 'pending',
    statusLabel: '等待审核',
    building: { id: 'b1', name: '1号楼', kind: 'building', path: '/s1/c1/p1/b1/' },
    trail: TRAIL,
    codeId: null,
    door: { entrance: '2', floor: 5, room: '502' },
    doorLabel: '2单元 5层 502室',
    name: '张秀英',
    phone: '139****6666',
    phoneVerified: false,
    autoApproved: null,
    rejectReason: null,
    createdAt: Date.now(),
    decidedAt: null,
    version: 1,
    ...overrides,
  };
}

const submitted = (overrides: Partial<Submitted> = {}) => ({ ok: true as const, data: { registration: view(), created: true, key: null, me: null, ...overrides } });

/** Opens the join page the way the landing page or a scan does. */
function open(params: Record<string, string>) {
  taro.useRouter.mockImplementation(() => ({ params, path: '/register/join/index' }));
  return render(<Join />);
}

const box = (placeholder: string) => screen.getByPlaceholderText(placeholder);
const type = (placeholder: string, value: string) => fireEvent.input(box(placeholder), { target: { value }, detail: { value } });
const tap = (words: string) => fireEvent.click(screen.getByText(words));

/** Fills the name and the door and arrives at the phone step. */
async function fillNameAndDoor() {
  await screen.findByText('您叫什么名字？');
  type('例如：张秀英', ' 张秀英 ');
  tap('下一步');
  await screen.findByText('您住在哪一户？');
  type('例如：2', '2');
  type('例如：5', '5');
  type('例如：502', '502');
  tap('下一步');
  await screen.findByText('您的手机号');
}

/** As the mini-program: WeChat identifies the caller. */
function inWechat() {
  transport.usesToken = false;
  taro.getEnv.mockImplementation(() => 'WEAPP');
}

beforeEach(() => {
  resetFake();
  answer('codes.resolve', { ok: true, data: resolved() });
});

describe('join page: where, then one task a screen', () => {
  it('resolves the code it was opened with and shows where the person is registering', async () => {
    open({ code: ID });

    expect(await screen.findByText('您叫什么名字？')).toBeInTheDocument();
    expect(sentTo('codes.resolve').map((c) => c.data)).toEqual([{ id: ID }]);
    expect(screen.getByText('登记入住')).toBeInTheDocument();
    expect(screen.getByText(TRAIL)).toBeInTheDocument();
    expect(screen.getByText('第 1 步，共 4 步')).toBeInTheDocument();
  });

  it('decodes a scene once, as the landing page does, when a code opens it straight away', async () => {
    open({ scene: encodeURIComponent('ABCD 2345 WXYZ') });

    await screen.findByText('您叫什么名字？');
    expect(sentTo('codes.resolve').map((c) => c.data)).toEqual([{ id: ID }]);
  });

  it('names whom a personal code was printed for', async () => {
    answer('codes.resolve', { ok: true, data: resolved({ purpose: 'personal', purposeLabel: '个人码', personName: '张*英' }) });
    open({ code: ID });

    expect(await screen.findByText('用个人码登记到')).toBeInTheDocument();
    expect(screen.getByText('为 张*英 准备，只能本人使用')).toBeInTheDocument();
  });

  it('says what is missing on each screen before going on, and sends nothing', async () => {
    open({ code: ID });
    await screen.findByText('您叫什么名字？');

    tap('下一步');
    expect(screen.getByText('请填写姓名')).toBeInTheDocument();
    type('例如：张秀英', '张秀英');
    expect(screen.queryByText('请填写姓名')).not.toBeInTheDocument();
    tap('下一步');

    await screen.findByText('您住在哪一户？');
    type('例如：5', '300');
    tap('下一步');
    expect(screen.getByText('请填写门牌号')).toBeInTheDocument();
    expect(screen.getByText('楼层不正确')).toBeInTheDocument();
    type('例如：5', '');
    type('例如：502', '502');
    tap('下一步');

    await screen.findByText('您的手机号');
    type('11 位手机号', '1390000');
    tap('下一步');
    expect(screen.getByText('手机号应为 11 位数字，以 1 开头')).toBeInTheDocument();
    expect(sentTo('registration.submit')).toHaveLength(0);
  });

  it('goes back a screen with what was typed kept', async () => {
    open({ code: ID });
    await fillNameAndDoor();

    tap('‹ 上一步');
    expect(await screen.findByText('您住在哪一户？')).toBeInTheDocument();
    expect(box('例如：502')).toHaveValue('502');
  });
});

describe('join page in a browser without an account: a web account', () => {
  it('asks for a password twice, sends it with the typed phone, keeps the key and opens the status page', async () => {
    answer('registration.submit', submitted({ key: 'k'.repeat(43) }));
    open({ code: ID });
    await fillNameAndDoor();

    expect(screen.getByText('自己填写的手机号，要由楼栋长核对后才能通过。')).toBeInTheDocument();
    type('11 位手机号', '13900006666');
    tap('下一步');
    expect(await screen.findByText('设置登录密码')).toBeInTheDocument();
    expect(screen.getByText(/用手机号 13900006666 和这个密码登录/)).toBeInTheDocument();
    type('至少 8 位', 'mima1234');
    type('和上面一样', 'mima1243');
    tap('提交登记');
    expect(screen.getByText('两次输入的密码不一样，请再输一次')).toBeInTheDocument();
    type('和上面一样', 'mima1234');
    tap('提交登记');

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/register/status/index?code=${ID}` }));
    expect(sentTo('registration.submit').map((c) => c.data)).toEqual([
      { codeId: ID, name: '张秀英', door: { entrance: '2', floor: 5, room: '502' }, phone: '13900006666', password: 'mima1234' },
    ]);
    expect(Taro.getStorageSync('jinlin.registrationKey')).toBe('k'.repeat(43));
  });

  it('sends the kept key again when the same browser registers again', async () => {
    Taro.setStorageSync('jinlin.registrationKey', 'kept-key-0123456789');
    answer('registration.submit', submitted());
    open({ code: ID });
    await fillNameAndDoor();
    type('11 位手机号', '13900006666');
    tap('下一步');
    type('至少 8 位', 'mima1234');
    type('和上面一样', 'mima1234');
    tap('提交登记');

    await waitFor(() => expect(sentTo('registration.submit')).toHaveLength(1));
    expect(sentTo('registration.submit')[0].data).toMatchObject({ key: 'kept-key-0123456789' });
  });

  it('says a phone that has an account already should sign in, on the phone screen', async () => {
    answer('registration.submit', { ok: false, code: 'REGISTRATION.ACCOUNT_EXISTS', message: ERRORS['REGISTRATION.ACCOUNT_EXISTS'], field: 'phone' });
    open({ code: ID });
    await fillNameAndDoor();
    type('11 位手机号', '13900006666');
    tap('下一步');
    type('至少 8 位', 'mima1234');
    type('和上面一样', 'mima1234');
    tap('提交登记');

    expect(await screen.findByText(ERRORS['REGISTRATION.ACCOUNT_EXISTS'])).toBeInTheDocument();
    expect(screen.getByPlaceholderText('11 位手机号')).toBeInTheDocument();
    tap('已有账号？去登录');
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });
});

describe('join page for someone already identified', () => {
  it('in a browser standing in for a WeChat user: the phone typed, no password', async () => {
    transport.usesToken = false;
    answer('registration.submit', submitted({ created: false }));
    open({ code: ID });

    await screen.findByText('第 1 步，共 3 步');
    await fillNameAndDoor();
    type('11 位手机号', '13900006666');
    tap('提交登记');

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(sentTo('registration.submit')[0].data).toEqual({ codeId: ID, name: '张秀英', door: { entrance: '2', floor: 5, room: '502' }, phone: '13900006666' });
    expect(sentTo('registration.submit')[0].token).toBeNull();
    // A pending registration was answered instead of a new one: said so.
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '您已登记过，正在审核' }));
  });

  it('signed in as a person (a member adding their home): no password either', async () => {
    saveSession('tok_member', Date.now() + 3_600_000);
    answer('registration.submit', submitted());
    open({ code: ID });
    await fillNameAndDoor();
    type('11 位手机号', '13900006666');
    tap('提交登记');

    await waitFor(() => expect(sentTo('registration.submit')).toHaveLength(1));
    expect(sentTo('registration.submit')[0].data).not.toHaveProperty('password');
    expect(sentTo('registration.submit')[0].token).toBe('tok_member');
  });
});

describe('join page in the mini-program: the phone from WeChat', () => {
  it('offers WeChat\'s phone button and sends its one-time code, not a number', async () => {
    inWechat();
    answer('registration.submit', submitted({ registration: view({ phoneVerified: true }) }));
    open({ code: ID });
    await fillNameAndDoor();

    const button = screen.getByText('用微信手机号登记');
    expect(openTypeOf(button)).toBe('getPhoneNumber');
    expect(screen.queryByText('提交登记')).not.toBeInTheDocument();
    fireWechat(button, 'onGetPhoneNumber', { errMsg: 'getPhoneNumber:ok', code: 'wx-phone-code-1' });

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/register/status/index?code=${ID}` }));
    expect(sentTo('registration.submit')[0].data).toEqual({ codeId: ID, name: '张秀英', door: { entrance: '2', floor: 5, room: '502' }, phoneCode: 'wx-phone-code-1' });
  });

  it.each([
    ['refused', { errMsg: 'getPhoneNumber:fail user deny' }, '没有使用微信手机号，请直接填写手机号'],
    ['out of quota (errno 1400001)', { errMsg: 'getPhoneNumber:fail no permission', errno: 1400001 }, '微信手机号今天取不到了，请直接填写手机号'],
    ['not given for another reason', { errMsg: 'getPhoneNumber:fail' }, '微信手机号暂时取不到，请直接填写手机号'],
  ])('lets the person type the number when WeChat gives none (%s), and says it will be checked', async (_why, detail, note) => {
    inWechat();
    answer('registration.submit', submitted());
    open({ code: ID });
    await fillNameAndDoor();

    fireWechat(screen.getByText('用微信手机号登记'), 'onGetPhoneNumber', detail);

    expect(await screen.findByText(note)).toBeInTheDocument();
    expect(screen.getByText('自己填写的手机号，要由楼栋长核对后才能通过。')).toBeInTheDocument();
    type('11 位手机号', '13900006666');
    tap('提交登记');
    await waitFor(() => expect(sentTo('registration.submit')).toHaveLength(1));
    expect(sentTo('registration.submit')[0].data).toMatchObject({ phone: '13900006666' });
    expect(sentTo('registration.submit')[0].data).not.toHaveProperty('phoneCode');
  });

  it('types the number when the person would rather not use WeChat\'s', async () => {
    inWechat();
    open({ code: ID });
    await fillNameAndDoor();

    tap('填写其他手机号');
    expect(box('11 位手机号')).toBeInTheDocument();
    expect(screen.getByText('提交登记')).toBeInTheDocument();
  });

  it('falls back to typing when the server could not use WeChat\'s code', async () => {
    inWechat();
    answer('registration.submit', { ok: false, code: 'PHONE.CODE_USED', message: ERRORS['PHONE.CODE_USED'], field: 'phoneCode' });
    open({ code: ID });
    await fillNameAndDoor();

    fireWechat(screen.getByText('用微信手机号登记'), 'onGetPhoneNumber', { errMsg: 'getPhoneNumber:ok', code: 'spent' });

    expect(await screen.findByText(ERRORS['PHONE.CODE_USED'])).toBeInTheDocument();
    expect(box('11 位手机号')).toBeInTheDocument();
  });

  it('shows its own privacy popup when WeChat asks, and agrees only through the agree button', async () => {
    inWechat();
    open({ code: ID });
    await fillNameAndDoor();

    let answered!: ReturnType<typeof needPrivacy>;
    act(() => {
      answered = needPrivacy();
    });
    const agree = await screen.findByText('同意');
    expect(screen.getByText('用户隐私保护提示')).toBeInTheDocument();
    expect(openTypeOf(agree)).toBe('agreePrivacyAuthorization');
    fireWechat(agree, 'onAgreePrivacyAuthorization');
    expect(await answered).toEqual([{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: 'agree-privacy' }]);
    await waitFor(() => expect(screen.queryByText('用户隐私保护提示')).not.toBeInTheDocument());

    act(() => {
      answered = needPrivacy();
    });
    fireEvent.click(await screen.findByText('不同意'));
    expect(await answered).toEqual([{ event: 'exposureAuthorization' }, { event: 'disagree' }]);
  });
});

describe('join page when the code cannot be used', () => {
  it('says why a code cannot be used, with the status in words, and offers another scan', async () => {
    answer('codes.resolve', { ok: false, code: 'CODE.EXPIRED', message: ERRORS['CODE.EXPIRED'] });
    open({ code: ID });

    expect(await screen.findByText(ERRORS['CODE.EXPIRED'])).toBeInTheDocument();
    expect(screen.getByText('✕ 已过期')).toBeInTheDocument();
    tap('扫码登记');
    // In a browser there is no camera: the landing page's form to type a code.
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/code/index' });
  });

  it('does not register with a code made for something else', async () => {
    answer('codes.resolve', { ok: true, data: resolved({ purpose: 'member', purposeLabel: '党员报到码' }) });
    open({ code: ID });

    expect(await screen.findByText('这个码不是用来登记的')).toBeInTheDocument();
    expect(screen.queryByText('您叫什么名字？')).not.toBeInTheDocument();
  });

  it('asks for a code when opened without one', async () => {
    open({});

    expect(await screen.findByText('请先扫楼栋码')).toBeInTheDocument();
    expect(sentTo('codes.resolve')).toHaveLength(0);
  });

  it('stops the form when the code is revoked while it is being filled', async () => {
    transport.usesToken = false;
    answer('registration.submit', { ok: false, code: 'CODE.REVOKED', message: ERRORS['CODE.REVOKED'], field: 'codeId' });
    open({ code: ID });
    await fillNameAndDoor();
    type('11 位手机号', '13900006666');
    tap('提交登记');

    expect(await screen.findByText(ERRORS['CODE.REVOKED'])).toBeInTheDocument();
    expect(screen.getByText('✕ 已作废')).toBeInTheDocument();
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  it('takes the person back to the screen of a field the server refused', async () => {
    transport.usesToken = false;
    answer('registration.submit', { ok: false, code: 'INPUT.INVALID', message: '门牌号最多 20 个字', field: 'door.room' });
    open({ code: ID });
    await fillNameAndDoor();
    type('11 位手机号', '13900006666');
    tap('提交登记');

    expect(await screen.findByText('门牌号最多 20 个字')).toBeInTheDocument();
    expect(screen.getByText('您住在哪一户？')).toBeInTheDocument();
  });

  it('sends a person who lives there already home', async () => {
    transport.usesToken = false;
    answer('registration.submit', { ok: false, code: 'REGISTRATION.ALREADY_RESIDENT', message: ERRORS['REGISTRATION.ALREADY_RESIDENT'], field: 'codeId' });
    open({ code: ID });
    await fillNameAndDoor();
    type('11 位手机号', '13900006666');
    tap('提交登记');

    expect(await screen.findByText('您已经是这栋楼的居民了')).toBeInTheDocument();
    tap('回到首页');
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });
});
