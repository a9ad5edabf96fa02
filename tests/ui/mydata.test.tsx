/**
 * 我的信息 in the mini-program pages: each kind of the person's data shown with who can see it;
 * 注销 needs two confirms, sends the token from the first and signs out to the start; a refusal is
 * shown in its own words; a correction that meets a change in between says to refresh.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MyData from '../../src/mydata/index/index';
import CorrectMine from '../../src/mydata/correct/index';
import Leave from '../../src/mydata/leave/index';
import MePage from '../../src/pages/me/index';
import { CONSENT_INFO, OWN_DATA_KIND_INFO } from '../../src/core/own-data';
import type { OwnData, OwnDataSection } from '../../src/core/outputs/own-data';
import { getToken, saveSession } from '../../src/services/session';
import { answer, resetFake, sentTo } from './support/fake-transport';
import { me } from './support/fixtures';
import { ok } from './support/reports';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

const T = Date.UTC(2026, 10, 20, 2, 0);
const TOKEN = 'a'.repeat(32);

function section<K extends keyof Omit<OwnData, 'takenAt'>>(kind: K, items: OwnData[K]['items'], truncated = false): OwnDataSection<OwnData[K]['items'][number]> {
  return { kind, ...OWN_DATA_KIND_INFO[kind], items, truncated } as never;
}

function ownData(): OwnData {
  return {
    takenAt: T,
    account: section('account', [{ id: 'person_1', name: '孙福贵', phone: '13812345678', username: 'jumin', wechatBound: true, createdAt: T, version: 4, consent: { board: false, photos: true } }]),
    households: section('households', [{ role: 'resident', roleLabel: '居民', unitId: 'b1', trail: '幸福里小区 / 1号楼', door: { entrance: 2, floor: 5, room: '502' } as never, doorLabel: '2单元 5层 502室', since: T }]),
    reports: section('reports', [], true),
    registrations: section('registrations', []),
    checkins: section('checkins', []),
    signups: section('signups', []),
    pairings: section('pairings', []),
    points: section('points', [{ id: 'grant:x', at: T, points: 5, reason: '社区奖励：义务巡逻', kindLabel: '社区奖励', balanceAfter: 5 }]),
    services: section('services', []),
    orders: section('orders', []),
    wishes: section('wishes', [
      { id: 'wish_1', role: 'wisher', what: '想要一根带凳子的拐杖', forWhom: '独居老人', byDate: '2026-12-20', statusLabel: '待认领', door: null, phone: null, phoneShared: false, fulfilNote: null, points: null, createdAt: T },
    ]),
    deliberation: section('deliberation', []),
    partners: section('partners', []),
    codes: section('codes', []),
    messages: section('messages', [{ total: 7, unread: 2 }]),
  } as OwnData;
}

beforeEach(() => {
  resetFake();
  saveSession('tok_me', Date.now() + 3_600_000);
});

describe('我的信息', () => {
  it('shows every kind with who can see it and its items, and a copy to download', async () => {
    answer('people.ownData', ok(ownData()));
    answer('people.copyOwnData', ok({ via: 'file', fileName: '我的信息.json', mimeType: 'application/json', base64: btoa('{}') }));
    render(<MyData />);

    expect(await screen.findByText('账号')).toBeInTheDocument();
    for (const info of Object.values(OWN_DATA_KIND_INFO)) {
      expect(screen.getByText(info.label)).toBeInTheDocument();
      expect(screen.getByText(`谁能看到：${info.seenBy}`)).toBeInTheDocument();
    }
    expect(screen.getByText('手机号：13812345678')).toBeInTheDocument();
    expect(screen.getByText('幸福里小区 / 1号楼')).toBeInTheDocument();
    expect(screen.getByText('门牌：2单元 5层 502室')).toBeInTheDocument();
    expect(screen.getByText('未读 2 条')).toBeInTheDocument();
    expect(screen.getByText(/条数太多，这里只列出最近的一部分/)).toBeInTheDocument();

    fireEvent.click(screen.getByText('下载一份'));
    expect(await screen.findByText('已下载：我的信息.json')).toBeInTheDocument();
    expect(sentTo('people.copyOwnData')[0].data).toEqual({ via: 'file' });
  });

  it('sends the copy to 消息 in the mini-program', async () => {
    (Taro.getEnv as jest.Mock).mockImplementation(() => 'WEAPP');
    answer('people.ownData', ok(ownData()));
    answer('people.copyOwnData', ok({ via: 'message', fileName: '我的信息.json', url: 'https://x/y', expiresAt: T + 86_400_000 }));
    render(<MyData />);

    fireEvent.click(await screen.findByText('发一份到消息'));
    expect(await screen.findByText(/已发到“消息”里/)).toBeInTheDocument();
    expect(sentTo('people.copyOwnData')[0].data).toEqual({ via: 'message' });
  });

  it('turns a consent switch with its meaning beside it, and turns it back when the server refuses', async () => {
    answer('people.ownData', ok(ownData()));
    answer('people.setConsent', ok({ board: false, photos: false }));
    render(<MyData />);

    const photos = await screen.findByRole('switch', { name: CONSENT_INFO.photos.label });
    expect(photos.getAttribute('aria-checked')).toBe('true');
    expect(screen.getByRole('switch', { name: CONSENT_INFO.board.label }).getAttribute('aria-checked')).toBe('false');
    expect(screen.getByText(CONSENT_INFO.photos.explain)).toBeInTheDocument();
    expect(screen.getByText(CONSENT_INFO.board.explain)).toBeInTheDocument();
    fireEvent.click(photos);
    expect(await screen.findByText('已保存，随时可以再改')).toBeInTheDocument();
    expect(sentTo('people.setConsent')[0].data).toEqual({ photos: false });
    expect(screen.getByRole('switch', { name: CONSENT_INFO.photos.label }).getAttribute('aria-checked')).toBe('false');

    answer('people.setConsent', { ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' });
    fireEvent.click(screen.getByRole('switch', { name: CONSENT_INFO.board.label }));
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: CONSENT_INFO.board.label }).getAttribute('aria-checked')).toBe('false');
  });

  it('is opened from 我的', async () => {
    answer('auth.whoAmI', ok(me()));
    render(<MePage />);
    fireEvent.click(await screen.findByText('我的信息'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/mydata/index/index' });
  });
});

describe('更正姓名', () => {
  it('sends the version read and says to refresh when the account changed in between', async () => {
    answer('people.ownData', ok(ownData()));
    answer('people.correctName', { ok: false, code: 'CONFLICT.VERSION', message: '数据已被修改' });
    render(<CorrectMine />);

    const box = await screen.findByPlaceholderText('您的姓名');
    fireEvent.input(box, { target: { value: '孙福贵新' }, detail: { value: '孙福贵新' } });
    fireEvent.click(screen.getByText('保存姓名'));

    expect(await screen.findByText('信息刚刚有变化，请刷新再改')).toBeInTheDocument();
    expect(sentTo('people.correctName')[0].data).toEqual({ name: '孙福贵新', version: 4 });
  });
});

describe('改门牌', () => {
  const HOME = { id: 'b1', name: '1号楼', kind: 'building', path: '/s/c/p/b1/' } as const;
  const OTHER = { id: 'b2', name: '2号楼', kind: 'building', path: '/s/c/p/b2/' } as const;
  const choices = (pending: unknown = null) =>
    ok({
      homes: [{ building: HOME, trail: '幸福里小区 1号楼', door: null, doorLabel: null }],
      buildings: [
        { ...HOME, trail: '幸福里小区 1号楼' },
        { ...OTHER, trail: '幸福里小区 2号楼' },
      ],
      pending,
    });
  const waiting = { id: 'reg_1', status: 'pending', statusLabel: '等待审核', building: OTHER, trail: '幸福里小区 2号楼', doorLabel: '2单元 5层 502室', createdAt: T, version: 1 };

  it('asks for a new door in another building, says where a problem is, then shows the move waiting', async () => {
    answer('people.ownData', ok(ownData()));
    answer('registration.moveChoices', choices());
    answer('registration.move', (input: { door: { room: string } }) =>
      input.door.room === '502' ? ok(waiting) : { ok: false, code: 'REGISTRATION.SAME_DOOR', message: '新门牌和现在登记的一样，不用更正', field: 'door' },
    );
    render(<CorrectMine />);

    expect(await screen.findByText('现在登记的：幸福里小区 1号楼 门牌未登记')).toBeInTheDocument();
    fireEvent.click(screen.getByText('改门牌'));
    fireEvent.click(screen.getByText('提交给楼栋长审核'));
    expect(await screen.findByText('请填写门牌号，例如 502')).toBeInTheDocument();
    expect(sentTo('registration.move')).toHaveLength(0);

    fireEvent.click(screen.getByText('2号楼'));
    const type = (placeholder: string, value: string) => fireEvent.input(screen.getByPlaceholderText(placeholder), { target: { value }, detail: { value } });
    type('例如：502', '501');
    fireEvent.click(screen.getByText('提交给楼栋长审核'));
    expect(await screen.findByText('新门牌和现在登记的一样，不用更正')).toBeInTheDocument();

    type('例如：2', '2');
    type('例如：5', '5');
    type('例如：502', '502');
    fireEvent.click(screen.getByText('提交给楼栋长审核'));
    expect(await screen.findByText('⏳ 等待审核：搬到 幸福里小区 2号楼 2单元 5层 502室')).toBeInTheDocument();
    expect(sentTo('registration.move')[1].data).toEqual({ buildingId: 'b2', door: { entrance: '2', floor: 5, room: '502' } });
  });

  it('shows a move already waiting instead of the form', async () => {
    answer('people.ownData', ok(ownData()));
    answer('registration.moveChoices', choices(waiting));
    render(<CorrectMine />);
    expect(await screen.findByText('⏳ 等待审核：搬到 幸福里小区 2号楼 2单元 5层 502室')).toBeInTheDocument();
    expect(screen.queryByText(/可以在这里申请改/)).toBeNull();
    expect(screen.queryByText('提交给楼栋长审核')).toBeNull();
  });
});

describe('注销', () => {
  it('lists what leaving does, needs two confirms, sends the token, then signs out to the start', async () => {
    answer('people.askToLeave', ok({ token: TOKEN, expiresAt: T + 600_000, consequences: ['您的姓名和手机号会被删除', '您的反映会保留，显示为“已注销居民”'] }));
    answer('people.leave', ok({ left: true }));
    answer('auth.signOut', ok({ signedOut: true }));
    render(<Leave />);

    expect(await screen.findByText('· 您的姓名和手机号会被删除')).toBeInTheDocument();
    expect(screen.getByText('· 您的反映会保留，显示为“已注销居民”')).toBeInTheDocument();
    fireEvent.click(screen.getByText('我已了解，继续注销'));
    // The first confirm sends nothing yet.
    expect(sentTo('people.leave')).toHaveLength(0);

    expect(await screen.findByText('确定注销吗？')).toBeInTheDocument();
    fireEvent.click(screen.getByText('确定注销'));

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    expect(sentTo('people.leave')[0].data).toEqual({ token: TOKEN });
    expect(sentTo('auth.signOut')).toHaveLength(1);
    expect(getToken()).toBeNull();
  });

  it('shows a refusal in its own words and stays signed in', async () => {
    const holds = '您还担任楼栋长、书记或工作人员等职务，请先请社区工作人员解除职务，再注销账号';
    answer('people.askToLeave', ok({ token: TOKEN, expiresAt: T + 600_000, consequences: ['您的姓名和手机号会被删除'] }));
    answer('people.leave', { ok: false, code: 'PERSON.HOLDS_ROLES', message: holds });
    render(<Leave />);

    fireEvent.click(await screen.findByText('我已了解，继续注销'));
    fireEvent.click(await screen.findByText('确定注销'));

    expect(await screen.findByText(holds)).toBeInTheDocument();
    expect(sentTo('auth.signOut')).toHaveLength(0);
    expect(Taro.reLaunch).not.toHaveBeenCalled();
    expect(getToken()).toBe('tok_me');
  });
});
