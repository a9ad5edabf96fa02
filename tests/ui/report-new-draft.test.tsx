/**
 * The report form keeps what was written (#18): a description counted while it is typed and never
 * cut, and a draft on the phone that outlives going back and a closed app, until it is filed,
 * followed or discarded.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import NewReport from '../../src/pages/report/new';
import { __resetFilingQueue } from '../../src/services/filing-queue';
import { readDraft } from '../../src/services/report-draft';
import { saveSession } from '../../src/services/session';
import { answer, resetFake, sentTo } from './support/fake-transport';
import { me, resident } from './support/fixtures';
import { categories, detail, ok, summary } from './support/reports';
import { pickPhotos } from './support/taro';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

const created = (id = 'r9') => ok({ report: detail({ id, status: 'submitted', statusLabel: '待响应' }), created: true });
const box = () => screen.getByPlaceholderText(/例如：3单元电梯/) as HTMLTextAreaElement;
const describeProblem = (text: string) => fireEvent.change(box(), { target: { value: text } });
const place = (text: string) => fireEvent.input(screen.getByPlaceholderText('例如：3单元 电梯'), { target: { value: text } });
const requestIdOf = (i: number) => (sentTo('reports.create')[i].data as { clientRequestId: string }).clientRequestId;

beforeEach(() => {
  resetFake();
  saveSession('tok_resident', Date.now() + 3_600_000);
  answer('auth.whoAmI', ok(resident()));
  answer('reports.categories', categories());
  answer('reports.similar', ok([]));
  let n = 0;
  answer('photos.upload', () => ok({ id: `ph${++n}`, url: `/files/ph${n}` }));
});

afterEach(() => __resetFilingQueue());

async function pick(name: string) {
  fireEvent.click(await screen.findByLabelText(name));
  await screen.findByText('第 2 步，共 2 步');
}

/** Category, words, place and two uploaded photos, then back out of the page. */
async function writeHalfAndLeave() {
  const view = render(<NewReport />);
  await pick('消防通道与安全隐患');
  describeProblem('楼道里堆满了纸箱，挡住了消防通道');
  place('2单元 3楼');
  pickPhotos(2);
  fireEvent.click(screen.getByText('拍照/选照片'));
  await screen.findByText('已选 2 张');
  await waitFor(() => expect(screen.queryByText('上传中…')).not.toBeInTheDocument());
  view.unmount();
}

describe('report form: the description', () => {
  it('counts down while the person types', async () => {
    render(<NewReport />);
    await pick('噪音扰民');

    expect(screen.getByText('还可以写 500 字')).toBeInTheDocument();
    describeProblem('楼上每天半夜拖椅子');
    expect(screen.getByText('还可以写 491 字')).toBeInTheDocument();
  });

  it('never cuts a long text: says how much is over while typing, refuses to file it, and files it once shortened', async () => {
    answer('reports.create', created('r5'));
    render(<NewReport />);
    await pick('噪音扰民');

    // The box sets no limit of its own: nothing typed or pasted is dropped without a word.
    expect(Number(box().getAttribute('maxlength') ?? -1)).toBeLessThan(0);
    describeProblem('吵'.repeat(512));
    expect(box().value).toHaveLength(512);
    expect(screen.getByText('已超出 12 字')).toBeInTheDocument();
    expect(screen.getByText('最多写 500 字，请删掉 12 字再提交')).toBeInTheDocument();

    fireEvent.click(screen.getByText('提交反映'));
    await act(async () => undefined);
    expect(sentTo('reports.similar')).toHaveLength(0);
    expect(sentTo('reports.create')).toHaveLength(0);
    expect(box().value).toHaveLength(512);

    describeProblem('吵'.repeat(500));
    expect(screen.queryByText(/请删掉/)).not.toBeInTheDocument();
    expect(screen.getByText('还可以写 0 字')).toBeInTheDocument();
    fireEvent.click(screen.getByText('提交反映'));
    await waitFor(() => expect(sentTo('reports.create')).toHaveLength(1));
    expect((sentTo('reports.create')[0].data as { description: string }).description).toHaveLength(500);
  });
});

describe('report form: the draft', () => {
  it('keeps category, words, place and photos when the person goes back, and offers them when the form is opened again', async () => {
    await writeHalfAndLeave();

    render(<NewReport />);
    expect(await screen.findByText('您有一份没写完的反映')).toBeInTheDocument();
    expect(screen.getByText('楼道里堆满了纸箱，挡住了消防通道')).toBeInTheDocument();
    expect(screen.getByText('照片 2 张')).toBeInTheDocument();
    expect(screen.getByText('放弃草稿')).toBeInTheDocument();
    fireEvent.click(screen.getByText('继续上次的草稿'));

    expect(await screen.findByText('第 2 步，共 2 步')).toBeInTheDocument();
    expect(screen.getByText('消防通道与安全隐患')).toBeInTheDocument();
    expect(box().value).toBe('楼道里堆满了纸箱，挡住了消防通道');
    expect((screen.getByPlaceholderText('例如：3单元 电梯') as HTMLInputElement).value).toBe('2单元 3楼');
    expect(screen.getByText('已选 2 张')).toBeInTheDocument();
    // h5 shows a restored photo from the server: its blob: URL died with the page.
    expect(screen.getByLabelText('照片 1').querySelector('img')?.getAttribute('src')).toBe('/files/ph1');
  });

  it('files the continued draft with its photos and its own request id, and keeps no draft after', async () => {
    answer('reports.create', created('r21'));
    await writeHalfAndLeave();
    const kept = readDraft('person_1');

    render(<NewReport />);
    fireEvent.click(await screen.findByText('继续上次的草稿'));
    await screen.findByText('第 2 步，共 2 步');
    fireEvent.click(screen.getByText('提交反映'));

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/report/detail?id=r21' }));
    expect(sentTo('reports.create')[0].data).toMatchObject({
      clientRequestId: kept?.requestId,
      category: 'fire_safety',
      description: '楼道里堆满了纸箱，挡住了消防通道',
      location: '2单元 3楼',
      photos: ['ph1', 'ph2'],
    });
    expect(readDraft('person_1')).toBeNull();
  });

  it('discards the draft when the person says so, and starts a new form with a new request id', async () => {
    answer('reports.create', created('r22'));
    await writeHalfAndLeave();
    const old = readDraft('person_1')?.requestId;

    render(<NewReport />);
    fireEvent.click(await screen.findByText('放弃草稿'));
    expect(await screen.findByText('遇到了什么问题？')).toBeInTheDocument();
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '放弃草稿？' }));
    expect(readDraft('person_1')).toBeNull();

    await pick('噪音扰民');
    expect(box().value).toBe('');
    describeProblem('楼上每天半夜拖椅子');
    fireEvent.click(screen.getByText('提交反映'));
    await waitFor(() => expect(sentTo('reports.create')).toHaveLength(1));
    expect(requestIdOf(0)).not.toBe(old);
  });

  it('keeps the draft when the person thinks better of discarding it', async () => {
    await writeHalfAndLeave();
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });

    render(<NewReport />);
    fireEvent.click(await screen.findByText('放弃草稿'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(screen.getByText('您有一份没写完的反映')).toBeInTheDocument();
    expect(readDraft('person_1')?.description).toBe('楼道里堆满了纸箱，挡住了消防通道');
  });

  it('offers nothing of one person\'s draft to another on the same phone', async () => {
    await writeHalfAndLeave();
    answer('auth.whoAmI', ok(me({ person: { id: 'person_2', name: '王秀英', phone: null, username: null, wechatBound: false }, bindings: resident().bindings })));
    render(<NewReport />);
    expect(await screen.findByText('遇到了什么问题？')).toBeInTheDocument();
    expect(screen.queryByText('您有一份没写完的反映')).not.toBeInTheDocument();
  });

  it('ends the draft when the person follows a neighbour\'s report instead', async () => {
    answer('reports.similar', ok([summary({ id: 'r7', followers: 1 })]));
    answer('reports.follow', ok(detail({ id: 'r7', followers: 2 })));
    const view = render(<NewReport />);
    await pick('电梯故障');
    describeProblem('电梯又不动了，老人下不了楼');
    fireEvent.click(screen.getByText('提交反映'));
    fireEvent.click(await screen.findByText('跟进这条（+1）'));
    await screen.findByText('已跟进这条反映');
    view.unmount();

    expect(readDraft('person_1')).toBeNull();
    render(<NewReport />);
    expect(await screen.findByText('遇到了什么问题？')).toBeInTheDocument();
  });
});
