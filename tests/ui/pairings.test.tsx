/**
 * 联户 in the member's mini-program pages: 我的联户 lists the paired households; the visit form refuses
 * what is missing in words before anything is sent, files the household's report (channel 走访, naming
 * the pairing) before it records the visit with that report's id, and a retried tap files it once.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MyPairings from '../../src/pairings/mine/index';
import RecordVisit from '../../src/pairings/visit/index';
import { MyPairingsEntry } from '../../src/pairings/MyPairingsEntry';
import { dayKey } from '../../src/core/time';
import { saveSession } from '../../src/services/session';
import { answer, resetFake, sent, sentTo } from './support/fake-transport';
import { binding, me } from './support/fixtures';
import { pairing, visit } from './support/pairings';
import { categories, detail, ok } from './support/reports';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

const DAY = 24 * 3600_000;
const P = pairing();
const mine = (...pairings: ReturnType<typeof pairing>[]) => answer('pairings.mine', ok({ pairings }));
const DONE = '上门问候，帮忙换了厨房的灯泡';
const PROBLEM = '楼道灯坏了一个月，老人晚上下楼看不见';

beforeEach(() => {
  resetFake();
  saveSession('tok_member', Date.now() + 3_600_000);
});

/** The visit form for P, loaded. */
async function openForm() {
  (Taro.useRouter as jest.Mock).mockImplementation(() => ({ params: { id: encodeURIComponent(P.id) }, path: '' }));
  mine(P);
  answer('reports.categories', categories());
  render(<RecordVisit />);
  await screen.findByText('这次做了什么');
}

const typeInto = (placeholder: string, value: string) => fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });
const helpOn = () => fireEvent.click(screen.getByRole('switch', { name: '有需要社区或物业解决的问题' }));

describe('我的联户', () => {
  it('lists each household with its kinds, whom to ask for and its visits, and opens the visit form from 记录走访', async () => {
    mine(
      pairing({ visits: 3, lastVisitOn: dayKey(Date.now() - DAY) }),
      pairing({ id: 'p_ended', status: 'ended', statusLabel: '已解除', endReason: '住户搬走了', household: { ...P.household, doorLabel: '1单元 2层 201室' }, kinds: [], contactName: null, contactPhone: null }),
    );
    render(<MyPairings />);

    expect(await screen.findByText('2单元 5层 502室')).toBeInTheDocument();
    expect(screen.getByText(/您结对联系 1 户/)).toBeInTheDocument();
    expect(screen.getByText('独居老人')).toBeInTheDocument();
    expect(screen.getByText('高龄')).toBeInTheDocument();
    expect(screen.getByText('联系人：孙桂英 13900002233')).toBeInTheDocument();
    expect(screen.getByText('已走访 3 次，最近一次是昨天')).toBeInTheDocument();
    // The ended one below, said in words, with nothing to tap.
    expect(screen.getByText('已解除的结对')).toBeInTheDocument();
    expect(screen.getByText('✕ 已解除：住户搬走了')).toBeInTheDocument();
    expect(screen.getAllByText('记录走访')).toHaveLength(1);

    fireEvent.click(screen.getByText('记录走访'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pairings/visit/index?id=${encodeURIComponent(P.id)}` });
  });

  it('tells a member with no households who pairs them', async () => {
    mine();
    render(<MyPairings />);
    expect(await screen.findByText(/您现在没有结对的住户。结对由小区党支部书记、社区或网格长（家长）安排/)).toBeInTheDocument();
  });
});

describe('我的联户 on 我的', () => {
  it('shows the entry to a member with households and opens 我的联户', async () => {
    mine(P, pairing({ id: 'p2' }));
    render(<MyPairingsEntry me={me({ name: '周敏', bindings: [binding('member', '小区')] })} />);
    expect(await screen.findByText('联户走访：您结对联系 2 户')).toBeInTheDocument();
    fireEvent.click(screen.getByText('我的联户'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pairings/mine/index' });
  });

  it('shows nothing to a member with no households paired now, and asks nothing for a resident', async () => {
    mine(pairing({ status: 'ended', statusLabel: '已解除' }));
    const { container } = render(<MyPairingsEntry me={me({ bindings: [binding('member', '小区')] })} />);
    await waitFor(() => expect(sentTo('pairings.mine')).toHaveLength(1));
    expect(container).toBeEmptyDOMElement();

    resetFake();
    const { container: resident } = render(<MyPairingsEntry me={me()} />);
    expect(resident).toBeEmptyDOMElement();
    expect(sentTo('pairings.mine')).toHaveLength(0);
  });
});

describe('记录走访', () => {
  it('shows whose door, with today picked', async () => {
    await openForm();
    expect(screen.getByText('幸福里小区 1号楼')).toBeInTheDocument();
    expect(screen.getByText('2单元 5层 502室')).toBeInTheDocument();
    expect(screen.getByText('独居老人、高龄')).toBeInTheDocument();
    expect(screen.getByText('✓ 今天')).toBeInTheDocument();
    expect(screen.getByText('昨天')).toBeInTheDocument();
  });

  it('refuses a visit with nothing written in what was done, in words, and sends nothing', async () => {
    await openForm();
    fireEvent.click(screen.getByText('保存走访记录'));

    expect(await screen.findByText('请写一写这次走访做了什么')).toBeInTheDocument();
    expect(screen.getByText('还有内容没有填好，请看红字提示')).toBeInTheDocument();
    expect(sentTo('pairings.recordVisit')).toHaveLength(0);
  });

  it('refuses 帮他反映 without a category or with too short a description, and files nothing', async () => {
    await openForm();
    typeInto('例如：上门问候，帮忙换了厨房的灯泡', DONE);
    helpOn();
    expect(screen.getByText('反映并记录走访')).toBeInTheDocument();
    typeInto('例如：楼道灯坏了一个月，老人晚上下楼看不见', '灯坏');
    fireEvent.click(screen.getByText('反映并记录走访'));

    expect(await screen.findByText('请选择要反映的是什么问题')).toBeInTheDocument();
    expect(screen.getByText('请多写几个字，至少 5 个字')).toBeInTheDocument();
    expect(sentTo('reports.create')).toHaveLength(0);
    expect(sentTo('pairings.recordVisit')).toHaveLength(0);
  });

  it('records a visit without a report: the day, what was done, what is needed', async () => {
    answer('pairings.recordVisit', (d) => ok({ visit: visit({ date: d.date, done: d.done, needs: d.needs }), created: true }));
    await openForm();
    fireEvent.click(screen.getByText('昨天'));
    typeInto('例如：上门问候，帮忙换了厨房的灯泡', DONE);
    typeInto('例如：希望每周有人来陪老人说说话', '希望有人陪老人说说话');
    fireEvent.click(screen.getByText('保存走访记录'));

    expect(await screen.findByText('✓ 走访已记录')).toBeInTheDocument();
    expect(sentTo('reports.create')).toHaveLength(0);
    const [call] = sentTo('pairings.recordVisit');
    expect(call.data).toMatchObject({ pairingId: P.id, date: dayKey(Date.now() - DAY), done: DONE, needs: '希望有人陪老人说说话', reportId: null });
    expect(screen.getByText('昨天走访')).toBeInTheDocument();
  });

  it('files the report for the household first, then records the visit with its id', async () => {
    answer('reports.create', ok({ report: detail({ id: 'r_visit', category: 'public_facility', categoryName: '路灯道路管道', icon: '💡', handlerName: '赵桂兰', levelLabel: '楼栋', status: 'submitted' }), created: true }));
    answer('pairings.recordVisit', (d) => ok({ visit: visit({ reportId: d.reportId, done: d.done }), created: true }));
    await openForm();
    typeInto('例如：上门问候，帮忙换了厨房的灯泡', DONE);
    helpOn();
    fireEvent.click(screen.getByLabelText('路灯道路管道'));
    typeInto('例如：楼道灯坏了一个月，老人晚上下楼看不见', PROBLEM);
    fireEvent.click(screen.getByText('反映并记录走访'));

    expect(await screen.findByText('✓ 走访已记录')).toBeInTheDocument();
    // The order: the report, then the visit naming it.
    expect(sent.filter((c) => ['reports.create', 'pairings.recordVisit'].includes(`${c.fn}.${c.action}`)).map((c) => `${c.fn}.${c.action}`)).toEqual(['reports.create', 'pairings.recordVisit']);
    const report = sentTo('reports.create')[0].data as Record<string, unknown>;
    expect(report).toMatchObject({ channel: 'visit', pairingId: P.id, unitId: 'b1', category: 'public_facility', description: PROBLEM });
    expect(report).not.toHaveProperty('contactName');
    expect(sentTo('pairings.recordVisit')[0].data).toMatchObject({ pairingId: P.id, reportId: 'r_visit', date: dayKey(Date.now()) });
    expect(screen.getByText(/交赵桂兰（楼栋）办理/)).toBeInTheDocument();

    fireEvent.click(screen.getByText('查看这条反映'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/report/detail?id=r_visit' });
  });

  it('files the report once when the visit fails and the member taps again', async () => {
    answer('reports.create', ok({ report: detail({ id: 'r_visit', handlerName: '赵桂兰', levelLabel: '楼栋' }), created: true }));
    let tries = 0;
    answer('pairings.recordVisit', (d) =>
      ++tries === 1 ? { ok: false, code: 'NETWORK.UNREACHABLE', message: '网络不通，请检查网络后重试' } : ok({ visit: visit({ reportId: d.reportId }), created: true }),
    );
    await openForm();
    typeInto('例如：上门问候，帮忙换了厨房的灯泡', DONE);
    helpOn();
    fireEvent.click(screen.getByLabelText('电梯故障'));
    typeInto('例如：楼道灯坏了一个月，老人晚上下楼看不见', PROBLEM);
    fireEvent.click(screen.getByText('反映并记录走访'));

    expect(await screen.findByText('反映已经提交了，但走访还没有记录上：网络不通，请检查网络后重试')).toBeInTheDocument();
    // The filed report shows, the switch is gone, and the button now records the visit only.
    expect(screen.getByText('✓ 已帮他反映')).toBeInTheDocument();
    expect(screen.queryByRole('switch', { name: '有需要社区或物业解决的问题' })).toBeNull();
    fireEvent.click(screen.getByText('保存走访记录'));

    expect(await screen.findByText('✓ 走访已记录')).toBeInTheDocument();
    expect(sentTo('reports.create')).toHaveLength(1);
    const visits = sentTo('pairings.recordVisit').map((c) => c.data as Record<string, unknown>);
    expect(visits).toHaveLength(2);
    expect(visits[1]).toMatchObject({ reportId: 'r_visit', clientRequestId: visits[0].clientRequestId });
  });

  it('sends a report that failed again with the same request id, so the server files it once', async () => {
    let tries = 0;
    answer('reports.create', () =>
      ++tries === 1 ? { ok: false, code: 'NETWORK.UNREACHABLE', message: '网络不通，请检查网络后重试' } : ok({ report: detail({ id: 'r_visit' }), created: false }),
    );
    answer('pairings.recordVisit', (d) => ok({ visit: visit({ reportId: d.reportId }), created: true }));
    await openForm();
    typeInto('例如：上门问候，帮忙换了厨房的灯泡', DONE);
    helpOn();
    fireEvent.click(screen.getByLabelText('电梯故障'));
    typeInto('例如：楼道灯坏了一个月，老人晚上下楼看不见', PROBLEM);
    fireEvent.click(screen.getByText('反映并记录走访'));
    expect(await screen.findByText('反映没有提交，走访也还没有记录：网络不通，请检查网络后重试')).toBeInTheDocument();
    expect(sentTo('pairings.recordVisit')).toHaveLength(0);

    fireEvent.click(screen.getByText('反映并记录走访'));
    expect(await screen.findByText('✓ 走访已记录')).toBeInTheDocument();
    const reports = sentTo('reports.create').map((c) => c.data as Record<string, unknown>);
    expect(reports).toHaveLength(2);
    expect(reports[1].clientRequestId).toBe(reports[0].clientRequestId);
    expect(sentTo('pairings.recordVisit')[0].data).toMatchObject({ reportId: 'r_visit' });
  });

  it('puts the server\'s refusal of the day beside the day', async () => {
    answer('pairings.recordVisit', { ok: false, code: 'VISIT.BAD_DATE', message: '走访日期不能早于结对的那天（2026-11-01）', field: 'date' });
    await openForm();
    typeInto('例如：上门问候，帮忙换了厨房的灯泡', DONE);
    fireEvent.click(screen.getByText('保存走访记录'));
    expect(await screen.findAllByText(/走访日期不能早于结对的那天（2026-11-01）/)).toHaveLength(2);
  });

  it('refuses a pairing that is not the member\'s, with the way back', async () => {
    (Taro.useRouter as jest.Mock).mockImplementation(() => ({ params: { id: 'someone_else' }, path: '' }));
    mine(P);
    render(<RecordVisit />);
    expect(await screen.findByText('找不到这条结对：只能记录您自己结对住户的走访。')).toBeInTheDocument();
    fireEvent.click(screen.getByText('回到我的联户'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pairings/mine/index' });
  });

  it('refuses a pairing that has ended, naming the household', async () => {
    (Taro.useRouter as jest.Mock).mockImplementation(() => ({ params: { id: P.id }, path: '' }));
    mine(pairing({ status: 'ended', statusLabel: '已解除' }));
    render(<RecordVisit />);
    expect(await screen.findByText('这一户的结对已经解除（幸福里小区 1号楼 2单元 5层 502室），不能再记录走访。')).toBeInTheDocument();
    expect(screen.queryByText('这次做了什么')).toBeNull();
    expect(sentTo('reports.categories')).toHaveLength(0);
  });
});
