import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ResolvedCode } from '../../src/core/api';
import { ERRORS } from '../../src/core/errors';
import CodePage from '../../src/pages/code/index';
import { NEXT_PAGE } from '../../src/pages/code/next';
import { answer, resetFake, sentTo } from './support/fake-transport';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

const ID = 'abcd2345wxyz';
const NOW = Date.now();
const DAY = 86_400_000;

function resolved(overrides: Partial<ResolvedCode> = {}): ResolvedCode {
  return {
    id: ID,
    purpose: 'building',
    purposeLabel: '楼栋码',
    does: '加入本楼，成为楼里的居民',
    unit: { id: 'b1', name: '1号楼', kind: 'building', path: '/s1/c1/p1/b1/' },
    trail: '阳光社区 幸福里小区 1号楼',
    personName: null,
    validUntil: null,
    usesLeft: null,
    ...overrides,
  };
}

/** Opens the page the way a scan does: with `scene` as the router hands it over (still encoded). */
function openWithScene(scene: string | undefined) {
  (Taro.useRouter as jest.Mock).mockImplementation(() => ({ params: scene === undefined ? {} : { scene }, path: '/pages/code/index' }));
  return render(<CodePage />);
}

const input = () => screen.getByPlaceholderText('请输入 12 位编号');
const typeCode = (value: string) => fireEvent.input(input(), { target: { value }, detail: { value } });

beforeEach(() => resetFake());

describe('code landing page, opened by a scan', () => {
  it('decodes the scene once and shows what the code is, where, and what scanning it does', async () => {
    answer('codes.resolve', { ok: true, data: resolved() });
    // A wxacode's scene arrives URL-encoded; a code read out with spaces and capitals still works.
    openWithScene(encodeURIComponent('ABCD 2345 WXYZ'));

    expect(await screen.findByText('楼栋码')).toBeInTheDocument();
    expect(sentTo('codes.resolve').map((c) => c.data)).toEqual([{ id: ID }]);
    expect(screen.getByText('✓ 可以使用')).toBeInTheDocument();
    expect(screen.getByText('阳光社区 幸福里小区 1号楼')).toBeInTheDocument();
    expect(screen.getByText('加入本楼，成为楼里的居民')).toBeInTheDocument();
  });

  it('carries a compound\'s public code on to its echo wall (回音壁), which opens without registering', async () => {
    answer('codes.resolve', { ok: true, data: resolved({ purpose: 'public', purposeLabel: '公开码', does: '查看本小区的公开信息' }) });
    openWithScene(ID);

    fireEvent.click(await screen.findByText('查看回音壁'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/echo/wall/index?code=${ID}` });
    expect(screen.queryByText('这一步还没有开放')).not.toBeInTheDocument();
  });

  it('tells whom a personal code is for, until when it works and how many uses are left', async () => {
    const until = NOW + 14 * DAY;
    answer('codes.resolve', {
      ok: true,
      data: resolved({ purpose: 'personal', purposeLabel: '个人码', does: '本人加入近邻（只能用一次）', personName: '张*华', validUntil: until, usesLeft: 1 }),
    });
    openWithScene(ID);

    expect(await screen.findByText('个人码')).toBeInTheDocument();
    expect(screen.getByText('为谁准备')).toBeInTheDocument();
    expect(screen.getByText('张*华（只能本人使用）')).toBeInTheDocument();
    expect(screen.getByText(/^请在 .+ 前使用$/)).toBeInTheDocument();
    expect(screen.getByText('1 次')).toBeInTheDocument();
    fireEvent.click(screen.getByText('本人登记'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/register/join/index?code=${ID}` });
  });

  it('carries a building\'s code on to the join page', async () => {
    expect(NEXT_PAGE.building).toBe('/register/join/index');
    answer('codes.resolve', { ok: true, data: resolved() });
    openWithScene(ID);

    fireEvent.click(await screen.findByText('登记入住本楼'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/register/join/index?code=${ID}` });
    expect(screen.queryByText('这一步还没有开放')).not.toBeInTheDocument();
  });

  it('does not send a scene that cannot be a code, and offers to type the number', async () => {
    openWithScene(encodeURIComponent('hello world!'));

    expect(await screen.findByText('没有找到这个码')).toBeInTheDocument();
    expect(screen.getByText(ERRORS['CODE.NOT_FOUND'])).toBeInTheDocument();
    expect(sentTo('codes.resolve')).toHaveLength(0);
    expect(input()).toBeInTheDocument();
  });
});

describe('code landing page, refusals', () => {
  const cases: { code: string; status: string; title: string; forward: string | null; form: boolean }[] = [
    { code: 'CODE.NOT_FOUND', status: '✕ 找不到', title: '没有找到这个码', forward: null, form: true },
    { code: 'CODE.NOT_YET_VALID', status: '✕ 未到启用时间', title: '这个码还不能用', forward: '再查一次', form: false },
    { code: 'CODE.EXPIRED', status: '✕ 已过期', title: '这个码不能再用了', forward: '输入别的码', form: false },
    { code: 'CODE.REVOKED', status: '✕ 已作废', title: '这个码不能再用了', forward: '输入别的码', form: false },
    { code: 'CODE.USED_UP', status: '✕ 次数已用完', title: '这个码不能再用了', forward: '输入别的码', form: false },
    { code: 'CODE.TOO_MANY_TRIES', status: '✕ 查看次数太多', title: '现在查不到这个码', forward: '再查一次', form: false },
  ];

  it.each(cases)('$code: the server\'s message, the status in words, and a way forward', async ({ code, status, title, forward, form }) => {
    const message = ERRORS[code as keyof typeof ERRORS];
    answer('codes.resolve', { ok: false, code: code as never, message });
    const { container } = openWithScene(ID);

    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(screen.getByText(status)).toBeInTheDocument();
    expect(screen.getByText(title)).toBeInTheDocument();
    expect(screen.getByText('码的编号：abcd 2345 wxyz')).toBeInTheDocument();
    const buttons = Array.from(container.querySelectorAll('.nut-button'), (b) => b.textContent);
    expect(buttons).toEqual([...(forward ? [forward] : []), ...(form ? ['查看'] : [])]);
    expect(screen.queryByPlaceholderText('请输入 12 位编号') !== null).toBe(form);
  });

  it('tries again after the network failed, and shows the code once it answers', async () => {
    answer('codes.resolve', { ok: false, code: 'NETWORK.UNREACHABLE', message: '网络连接不上，请检查网络后再试' });
    openWithScene(ID);

    expect(await screen.findByText('网络连接不上，请检查网络后再试')).toBeInTheDocument();
    expect(screen.getByText('✕ 网络没有连上')).toBeInTheDocument();
    answer('codes.resolve', { ok: true, data: resolved() });
    fireEvent.click(screen.getByText('再查一次'));

    expect(await screen.findByText('楼栋码')).toBeInTheDocument();
    expect(sentTo('codes.resolve').map((c) => c.data)).toEqual([{ id: ID }, { id: ID }]);
  });

  it.each([
    ['NETWORK.OFFLINE' as const, '✕ 手机没有联网'],
    ['NETWORK.TIMEOUT' as const, '✕ 网络太慢'],
    ['NETWORK.FUNCTION_ERROR' as const, '✕ 服务出了故障'],
  ])('names a %s failure for what it is and offers to look again', async (code, status) => {
    answer('codes.resolve', { ok: false, code, message: '请稍后再试' });
    openWithScene(ID);

    expect(await screen.findByText(status)).toBeInTheDocument();
    expect(screen.getByText('再查一次')).toBeInTheDocument();
  });

  it('lets a person whose code has expired type another one', async () => {
    answer('codes.resolve', (data: { id: string }) =>
      data.id === ID ? { ok: false, code: 'CODE.EXPIRED', message: ERRORS['CODE.EXPIRED'] } : { ok: true, data: resolved({ id: data.id, purpose: 'member', purposeLabel: '党员报到码', does: '党员到本小区党支部报到', trail: '阳光社区 幸福里小区' }) },
    );
    openWithScene(ID);

    fireEvent.click(await screen.findByText('输入别的码'));
    typeCode('mnpq rstv 6789');
    fireEvent.click(screen.getByText('查看'));

    expect(await screen.findByText('党员报到码')).toBeInTheDocument();
    expect(sentTo('codes.resolve').map((c) => c.data)).toEqual([{ id: ID }, { id: 'mnpqrstv6789' }]);
    // A member code goes on to the check-in form.
    expect(screen.getByText('党员报到')).toBeInTheDocument();
  });
});

describe('code landing page, opened without a code', () => {
  it('asks for the code\'s number and sends nothing until one is typed', async () => {
    openWithScene(undefined);

    expect(screen.getByText('查看一个码')).toBeInTheDocument();
    fireEvent.click(screen.getByText('查看'));
    expect(screen.getByText('请先输入码的编号')).toBeInTheDocument();
    expect(sentTo('codes.resolve')).toHaveLength(0);
  });

  it('says what is wrong with a mistyped number before sending it', async () => {
    openWithScene(undefined);

    typeCode('abcd2345');
    fireEvent.click(screen.getByText('查看'));
    expect(screen.getByText('码的编号是 12 位字母和数字，您输入了 8 位，请对照再输一次')).toBeInTheDocument();
    typeCode('abcd2345wxyu');
    fireEvent.click(screen.getByText('查看'));
    expect(screen.getByText('码的编号里没有“U”，请对照再输一次')).toBeInTheDocument();
    expect(sentTo('codes.resolve')).toHaveLength(0);
  });

  it('looks up a typed number, reading O as 0 and I or L as 1 the way posters are misread', async () => {
    answer('codes.resolve', (data: { id: string }) => ({ ok: true, data: resolved({ id: data.id }) }));
    openWithScene(undefined);

    typeCode('AB0D-2345-WX1Z'.replace('0', 'O').replace('1', 'I'));
    fireEvent.click(screen.getByText('查看'));

    const card = (await screen.findByText('楼栋码')).parentElement!;
    expect(within(card).getByText('加入本楼，成为楼里的居民')).toBeInTheDocument();
    expect(sentTo('codes.resolve').map((c) => c.data)).toEqual([{ id: 'ab0d2345wx1z' }]);
  });

  it('shows a refusal for a typed number the same way as for a scanned one', async () => {
    answer('codes.resolve', { ok: false, code: 'CODE.REVOKED', message: ERRORS['CODE.REVOKED'] });
    openWithScene(undefined);

    typeCode(ID);
    fireEvent.click(screen.getByText('查看'));

    expect(await screen.findByText(ERRORS['CODE.REVOKED'])).toBeInTheDocument();
    expect(screen.getByText('✕ 已作废')).toBeInTheDocument();
  });
});
