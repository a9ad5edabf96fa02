/**
 * Filing a report on a weak network (#18): a filing the network dropped is kept, said so, and sent
 * again with the same client request id when the network returns, when the form is reopened, or on
 * 现在重试; what the server refused is never retried. And the tap that files asks WeChat for the
 * notices first (services/subscribe.ts).
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import App from '../../src/app';
import NewReport from '../../src/pages/report/new';
import { __resetFilingQueue, queuedFor } from '../../src/services/filing-queue';
import { readDraft } from '../../src/services/report-draft';
import { saveSession } from '../../src/services/session';
import { askForNotices } from '../../src/services/subscribe';
import type { ClientResult } from '../../src/services/types';
import { answer, resetFake, sent, sentTo } from './support/fake-transport';
import { resident } from './support/fixtures';
import { categories, detail, ok } from './support/reports';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));
jest.mock('../../src/services/subscribe', () => ({
  askForNotices: jest.fn(() => Promise.resolve({ status: 'skipped', reason: 'notWeapp' })),
  loadNoticeTemplates: jest.fn(() => Promise.resolve()),
}));

/** WeChat's network events: the listeners the app registered, and a way to play the network returning. */
const networkListeners: Array<(res: { isConnected: boolean; networkType: string }) => void> = [];
(Taro as unknown as Record<string, unknown>).onNetworkStatusChange = jest.fn((l: (typeof networkListeners)[number]) => networkListeners.push(l));
const networkReturns = () => act(async () => networkListeners.forEach((l) => l({ isConnected: true, networkType: 'wifi' })));

const created = (id: string) => ok({ report: detail({ id, status: 'submitted', statusLabel: '待响应' }), created: true });
// Codes a transport gives when no answer came back (transport.weapp.ts tells no network from a timeout).
const offline = { ok: false, code: 'NETWORK.UNREACHABLE', message: '网络连接不上，请检查网络后再试' } as ClientResult<never>;
const timedOut = { ok: false, code: 'NETWORK.TIMEOUT', message: '网络太慢，没有等到回应' } as unknown as ClientResult<never>;

/** The server's side: the network is down until `up()`, then it files one report per client request id. */
function server() {
  let up = false;
  let calls = 0;
  const byRequest = new Map<string, string>();
  answer('reports.create', (data: { clientRequestId: string }) => {
    // Down: no network on odd tries, a timeout on even ones.
    if (!up) return ++calls % 2 === 0 ? timedOut : offline;
    if (!byRequest.has(data.clientRequestId)) byRequest.set(data.clientRequestId, `r${byRequest.size + 1}`);
    return created(byRequest.get(data.clientRequestId)!);
  });
  return { up: () => (up = true), reports: () => byRequest.size };
}

const describeProblem = (text: string) => fireEvent.change(screen.getByPlaceholderText(/例如：3单元电梯/), { target: { value: text } });
const requestIds = () => sentTo('reports.create').map((c) => (c.data as { clientRequestId: string }).clientRequestId);

beforeEach(() => {
  resetFake();
  networkListeners.length = 0;
  saveSession('tok_resident', Date.now() + 3_600_000);
  answer('auth.whoAmI', ok(resident()));
  answer('reports.categories', categories());
  answer('reports.similar', offline);
});

afterEach(() => __resetFilingQueue());

async function fileNoise() {
  fireEvent.click(await screen.findByLabelText('噪音扰民'));
  await screen.findByText('第 2 步，共 2 步');
  describeProblem('楼上每天半夜拖椅子');
  fireEvent.click(screen.getByText('提交反映'));
}

describe('report form: no network when filing', () => {
  it('keeps the filing, says so, and files it once when the network returns', async () => {
    const s = server();
    render(<NewReport />);
    await fileNoise();

    expect(await screen.findByText('网络不好，已保存，联网后自动提交')).toBeInTheDocument();
    expect(queuedFor('person_1')?.input).toMatchObject({ category: 'noise', description: '楼上每天半夜拖椅子' });
    expect(Taro.redirectTo).not.toHaveBeenCalled();

    s.up();
    await networkReturns();
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/report/detail?id=r1' }));
    expect(s.reports()).toBe(1);
    expect(new Set(requestIds()).size).toBe(1);
    expect(queuedFor('person_1')).toBeNull();
    expect(readDraft('person_1')).toBeNull();
  });

  it('says it again and keeps waiting when 现在重试 finds no network either (a timeout is no answer too)', async () => {
    const s = server();
    render(<NewReport />);
    await fileNoise();
    fireEvent.click(await screen.findByText('现在重试'));

    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '还是连不上网络，联网后会自动提交' })));
    expect(sentTo('reports.create')).toHaveLength(2);
    expect(screen.getByText('网络不好，已保存，联网后自动提交')).toBeInTheDocument();

    s.up();
    fireEvent.click(screen.getByText('现在重试'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/report/detail?id=r1' }));
    expect(new Set(requestIds()).size).toBe(1);
  });

  it('files it when the form is opened again after the app was closed, with the same request id', async () => {
    const s = server();
    const view = render(<NewReport />);
    await fileNoise();
    await screen.findByText('网络不好，已保存，联网后自动提交');
    view.unmount();
    // A closed app: nothing in memory survives, only what is on the phone.
    __resetFilingQueue();
    networkListeners.length = 0;

    s.up();
    render(<NewReport />);
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/report/detail?id=r1' }));
    expect(requestIds()).toHaveLength(2);
    expect(new Set(requestIds()).size).toBe(1);
    expect(s.reports()).toBe(1);
  });

  it('files it when the app comes back to the front after it was closed, before the form is opened', async () => {
    const s = server();
    const view = render(<NewReport />);
    await fileNoise();
    await screen.findByText('网络不好，已保存，联网后自动提交');
    view.unmount();
    __resetFilingQueue();
    networkListeners.length = 0;

    s.up();
    render(
      <App>
        <span>首页</span>
      </App>,
    );
    await waitFor(() => expect(s.reports()).toBe(1));
    expect(new Set(requestIds()).size).toBe(1);
    await waitFor(() => expect(queuedFor('person_1')).toBeNull());
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '反映已提交' }));
  });

  it('files it in the background once the network returns after the person left the form, and says so', async () => {
    const s = server();
    const view = render(<NewReport />);
    await fileNoise();
    await screen.findByText('网络不好，已保存，联网后自动提交');
    view.unmount();

    s.up();
    await networkReturns();
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '反映已提交' })));
    expect(s.reports()).toBe(1);
    expect(readDraft('person_1')).toBeNull();
    expect(queuedFor('person_1')).toBeNull();
  });

  it('lets the person take a waiting filing back to change it, keeping what they wrote', async () => {
    server();
    render(<NewReport />);
    await fileNoise();
    fireEvent.click(await screen.findByText('先不提交，返回修改'));

    expect(await screen.findByText('第 2 步，共 2 步')).toBeInTheDocument();
    expect((screen.getByPlaceholderText(/例如：3单元电梯/) as HTMLTextAreaElement).value).toBe('楼上每天半夜拖椅子');
    expect(queuedFor('person_1')).toBeNull();
  });

  it('says when it was the function, not the network, that failed, with what the transport advises, and keeps it all the same', async () => {
    const advice = '服务出了故障，这次没有办成：请过几分钟再试；一直不行，请告诉楼栋长或社区工作人员';
    answer('reports.create', { ok: false, code: 'NETWORK.FUNCTION_ERROR', message: advice } as unknown as ClientResult<never>);
    render(<NewReport />);
    await fileNoise();

    expect(await screen.findByText('服务暂时出了故障，已保存，稍后自动提交')).toBeInTheDocument();
    expect(screen.getByText(advice)).toBeInTheDocument();
    expect(screen.queryByText('网络不好，已保存，联网后自动提交')).not.toBeInTheDocument();
    expect(queuedFor('person_1')?.failure?.code).toBe('NETWORK.FUNCTION_ERROR');
  });

  it('does not keep a filing the server refused: it says why, and nothing is retried', async () => {
    answer('reports.create', { ok: false, code: 'INTERNAL', message: '服务出了点问题，请稍后再试' });
    render(<NewReport />);
    await fileNoise();

    expect(await screen.findByText('服务出了点问题，请稍后再试')).toBeInTheDocument();
    expect(queuedFor('person_1')).toBeNull();
    await networkReturns();
    expect(sentTo('reports.create')).toHaveLength(1);
  });

  it('notes on the draft why a retried filing was refused, and shows it when the form is reopened', async () => {
    server();
    const view = render(<NewReport />);
    await fileNoise();
    await screen.findByText('网络不好，已保存，联网后自动提交');
    view.unmount();

    answer('reports.create', { ok: false, code: 'REPORT.NOT_RESIDENT', message: '您还不是这栋楼登记的居民' });
    await networkReturns();
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '反映没能提交，请打开“我要反映”看看' })));

    render(<NewReport />);
    expect(await screen.findByText('上次没能提交：您还不是这栋楼登记的居民')).toBeInTheDocument();
    expect(screen.getByText('继续上次的草稿')).toBeInTheDocument();
  });
});

describe('report form: asking for notices', () => {
  it('asks WeChat for the filing notices from the tap itself, before anything is sent', async () => {
    answer('reports.create', created('r3'));
    render(<NewReport />);
    fireEvent.click(await screen.findByLabelText('噪音扰民'));
    await screen.findByText('第 2 步，共 2 步');
    describeProblem('楼上每天半夜拖椅子');
    const before = sent.length;
    let sentWhenAsked = -1;
    (askForNotices as jest.Mock).mockImplementationOnce(() => {
      sentWhenAsked = sent.length;
      return Promise.resolve({ status: 'skipped', reason: 'notWeapp' });
    });

    fireEvent.click(screen.getByText('提交反映'));
    // In the tap itself, before anything went out (the look for a neighbour's report is the first call).
    expect(askForNotices).toHaveBeenCalledWith('reportFiled');
    expect(sentWhenAsked).toBe(before);
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/report/detail?id=r3' }));
  });

  it('asks nothing when the tap is refused for the form itself (a text over 500 characters)', async () => {
    render(<NewReport />);
    fireEvent.click(await screen.findByLabelText('噪音扰民'));
    await screen.findByText('第 2 步，共 2 步');
    describeProblem('吵'.repeat(501));
    (askForNotices as jest.Mock).mockClear();

    fireEvent.click(screen.getByText('提交反映'));
    expect(await screen.findByText(/请删掉 1 字再提交/)).toBeInTheDocument();
    expect(askForNotices).not.toHaveBeenCalled();
    expect(sentTo('reports.create')).toHaveLength(0);
  });
});
