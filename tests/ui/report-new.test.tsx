import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import NewReport from '../../src/pages/report/new';
import { saveSession } from '../../src/services/session';
import { answer, resetFake, sentTo } from './support/fake-transport';
import { binding, me, notRegistered, resident } from './support/fixtures';
import { ERRORS } from '../../src/core/errors';
import { HOW_TO_REGISTER } from '../../src/core/registrations';
import { categories, detail, ok, summary } from './support/reports';
import { pickPhotos } from './support/taro';
import { __resetFilingQueue } from '../../src/services/filing-queue';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

const created = (id = 'r9') => ok({ report: detail({ id, status: 'submitted', statusLabel: '待响应' }), created: true });
const describeProblem = (text: string) =>
  fireEvent.change(screen.getByPlaceholderText(/例如：3单元电梯/), { target: { value: text } });

beforeEach(() => {
  resetFake();
  saveSession('tok_resident', Date.now() + 3_600_000);
  answer('auth.whoAmI', ok(resident()));
  answer('reports.categories', categories());
  answer('reports.similar', ok([]));
});

// A filing queued by one test must not wait in the next one's app.
afterEach(() => __resetFilingQueue());

async function pick(name: string) {
  fireEvent.click(await screen.findByLabelText(name));
  await screen.findByText('第 2 步，共 2 步');
}

describe('report form: choosing what the problem is', () => {
  it('shows every category as a tile with its picture and name, urgent ones marked 紧急', async () => {
    render(<NewReport />);

    const grid = await screen.findByLabelText('反映类别');
    expect(within(grid).getByText('电梯故障')).toBeInTheDocument();
    expect(within(grid).getByText('🛗')).toBeInTheDocument();
    expect(within(screen.getByLabelText('电梯故障')).getByText('紧急')).toBeInTheDocument();
    expect(within(screen.getByLabelText('噪音扰民')).queryByText('紧急')).not.toBeInTheDocument();
    expect(within(grid).getAllByText('紧急')).toHaveLength(2);
    expect(screen.getByText('反映 幸福里小区 1号楼 的问题')).toBeInTheDocument();
    expect(sentTo('reports.categories')[0].data).toEqual({ unitId: 'b1' });
  });

  it('moves to the second step with the picked category, and back with 换一个', async () => {
    render(<NewReport />);
    await pick('噪音扰民');

    expect(screen.getByText('噪音扰民')).toBeInTheDocument();
    expect(screen.getByText('请说说是什么问题')).toBeInTheDocument();
    fireEvent.click(screen.getByText('换一个'));
    expect(await screen.findByText('遇到了什么问题？')).toBeInTheDocument();
  });

  it('lets a resident of two buildings say which one', async () => {
    const two = binding('resident', '1号楼');
    const other = { ...two, id: 'bind_2', unit: { ...two.unit, id: 'b2', name: '2号楼', path: '/s1/c1/p1/b2/' }, trail: '幸福街道 / 阳光社区 / 幸福里小区 / 2号楼' };
    answer('auth.whoAmI', ok(me({ bindings: [two, other] })));
    answer('reports.create', created());
    render(<NewReport />);

    fireEvent.click(await screen.findByText('幸福里小区 2号楼'));
    await pick('噪音扰民');
    describeProblem('楼上每天半夜拖椅子');
    fireEvent.click(screen.getByText('提交反映'));

    await waitFor(() => expect(sentTo('reports.create')).toHaveLength(1));
    expect(sentTo('reports.create')[0].data).toMatchObject({ unitId: 'b2' });
    expect(sentTo('reports.similar')[0].data).toEqual({ unitId: 'b2', category: 'noise' });
  });

  it('offers a member who lives in no building here yet the way in, instead of the form', async () => {
    answer('auth.whoAmI', ok(me({ bindings: [binding('member', '小区')] })));
    render(<NewReport />);

    expect(await screen.findByText(/您还没有登记所住的楼栋/)).toBeInTheDocument();
    expect(screen.queryByLabelText('反映类别')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('扫码登记入住'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/code/index' });
  });

  it('tells a WeChat user nobody registered how to get in', async () => {
    answer('auth.whoAmI', ok(notRegistered()));
    render(<NewReport />);

    expect(await screen.findByText(HOW_TO_REGISTER)).toBeInTheDocument();
    expect(screen.getByText('扫码登记入住')).toBeInTheDocument();
  });

  it('offers the way in when the server says the person is not a resident of the building', async () => {
    answer('reports.create', { ok: false, code: 'REPORT.NOT_RESIDENT', message: ERRORS['REPORT.NOT_RESIDENT'] });
    render(<NewReport />);
    await pick('噪音扰民');
    describeProblem('楼上每天半夜拖椅子');
    fireEvent.click(screen.getByText('提交反映'));

    expect(await screen.findByText(ERRORS['REPORT.NOT_RESIDENT'])).toBeInTheDocument();
    fireEvent.click(screen.getByText('扫楼栋码登记为本楼居民 ›'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/code/index' });
  });
});

describe('report form: checking what was written', () => {
  it('asks for a description before sending anything', async () => {
    render(<NewReport />);
    await pick('噪音扰民');

    fireEvent.click(screen.getByText('提交反映'));
    expect(await screen.findByText('请说说遇到了什么问题')).toBeInTheDocument();

    describeProblem('太吵');
    fireEvent.click(screen.getByText('提交反映'));
    expect(await screen.findByText('请多写几个字，至少 5 个字')).toBeInTheDocument();
    expect(screen.getByText('至少 5 字 · 还可以写 498 字')).toBeInTheDocument();

    expect(sentTo('reports.similar')).toHaveLength(0);
    expect(sentTo('reports.create')).toHaveLength(0);
  });

  it('sends what was filled in — place, privacy, category, building — and opens the new report', async () => {
    answer('reports.create', created('r42'));
    render(<NewReport />);
    await pick('电梯故障');

    describeProblem('  3单元电梯停在5楼，按了没反应  ');
    fireEvent.input(screen.getByPlaceholderText('例如：3单元 电梯'), { target: { value: '3单元' } });
    fireEvent.click(screen.getByRole('switch', { name: '不公开我的姓名' }));
    expect(screen.getByRole('switch', { name: '不公开我的姓名' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByText('提交反映'));

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/report/detail?id=r42' }));
    const sent = sentTo('reports.create')[0].data as Record<string, unknown>;
    expect(sent).toMatchObject({ unitId: 'b1', category: 'lift', description: '3单元电梯停在5楼，按了没反应', location: '3单元', anonymous: true });
    expect(sent.photos).toBeUndefined();
  });

  it('shows the server message next to the description when the server refuses it', async () => {
    answer('reports.create', { ok: false, code: 'INPUT.INVALID', message: '请多写几个字，至少 5 个字', field: 'description' });
    render(<NewReport />);
    await pick('其他');
    describeProblem('     有问题啊');
    fireEvent.click(screen.getByText('提交反映'));

    expect(await screen.findByText('请多写几个字，至少 5 个字')).toBeInTheDocument();
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });
});

describe('report form: a neighbour already reported it', () => {
  const theirs = summary({ id: 'r7', status: 'responded', statusLabel: '办理中', description: '电梯坏了两天了', followers: 2 });

  it('shows the open report and follows it (+1) with what was typed, instead of filing another', async () => {
    answer('reports.similar', ok([theirs]));
    answer('reports.follow', ok(detail({ id: 'r7', followers: 3 })));
    render(<NewReport />);
    await pick('电梯故障');
    describeProblem('电梯又不动了，老人下不了楼');
    fireEvent.click(screen.getByText('提交反映'));

    expect(await screen.findByText('邻居已经反映过这个问题')).toBeInTheDocument();
    expect(screen.getByText('电梯坏了两天了')).toBeInTheDocument();
    expect(sentTo('reports.similar')[0].data).toEqual({ unitId: 'b1', category: 'lift' });

    fireEvent.click(screen.getByText('跟进这条（+1）'));
    expect(await screen.findByText('已跟进这条反映')).toBeInTheDocument();
    // The count the server answered, this household included, and the words kept with it.
    expect(screen.getByText(/现在共有 4 户反映了这个问题（含您）/)).toHaveTextContent('您写的情况已补充在这条反映里');
    expect(sentTo('reports.follow')[0].data).toEqual({ id: 'r7', note: '电梯又不动了，老人下不了楼' });
    expect(sentTo('reports.create')).toHaveLength(0);
    fireEvent.click(screen.getByText('查看这条反映'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/report/detail?id=r7' });
  });

  it('says a +1 carries the words but not the photos, so none is dropped without a word', async () => {
    answer('reports.similar', ok([theirs]));
    answer('photos.upload', () => ok({ id: 'ph1', url: '/files/ph1' }));
    render(<NewReport />);
    await pick('电梯故障');
    pickPhotos(1);
    fireEvent.click(screen.getByText('拍照/选照片'));
    await waitFor(() => expect(screen.getByText('已选 1 张')).toBeInTheDocument());
    await waitFor(() => expect(screen.queryByText('上传中…')).not.toBeInTheDocument());
    describeProblem('电梯又不动了，老人下不了楼');
    fireEvent.click(screen.getByText('提交反映'));

    expect(await screen.findByText(/跟进只带上文字，您加的 1 张照片不会附上/)).toHaveTextContent('您写的情况会一起补充到这条反映里');
  });

  it('still files it when the person says it is a different problem', async () => {
    answer('reports.similar', ok([theirs]));
    answer('reports.create', created('r8'));
    render(<NewReport />);
    await pick('电梯故障');
    describeProblem('2单元电梯门关不上');
    fireEvent.click(screen.getByText('提交反映'));

    fireEvent.click(await screen.findByText('不是同一个问题，仍然提交'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/report/detail?id=r8' }));
    expect(sentTo('reports.create')).toHaveLength(1);
  });

  it('ignores reports that are already closed', async () => {
    answer('reports.similar', ok([summary({ id: 'old', status: 'closed', statusLabel: '已关闭' })]));
    answer('reports.create', created('r10'));
    render(<NewReport />);
    await pick('电梯故障');
    describeProblem('2单元电梯门关不上');
    fireEvent.click(screen.getByText('提交反映'));

    await waitFor(() => expect(sentTo('reports.create')).toHaveLength(1));
    expect(screen.queryByText('邻居已经反映过这个问题')).not.toBeInTheDocument();
  });
});

describe('report form: a flaky network', () => {
  it('keeps the filing when the network fails, and sends the same client request id again on 现在重试, so only one report is made', async () => {
    let calls = 0;
    answer('reports.create', () =>
      ++calls === 1 ? { ok: false, code: 'NETWORK.UNREACHABLE', message: '网络连接不上，请检查网络后再试' } : created('r11'),
    );
    render(<NewReport />);
    await pick('噪音扰民');
    describeProblem('楼上每天半夜拖椅子');

    fireEvent.click(screen.getByText('提交反映'));
    expect(await screen.findByText('网络不好，已保存，联网后自动提交')).toBeInTheDocument();
    fireEvent.click(screen.getByText('现在重试'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/report/detail?id=r11' }));

    const [first, second] = sentTo('reports.create').map((c) => (c.data as { clientRequestId: string }).clientRequestId);
    expect(first).toMatch(/^[a-z0-9]{16,64}$/);
    expect(second).toBe(first);
  });

  it('gives a new form a new request id', async () => {
    answer('reports.create', created());
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const view = render(<NewReport />);
      await pick('噪音扰民');
      describeProblem('楼上每天半夜拖椅子');
      fireEvent.click(screen.getByText('提交反映'));
      await waitFor(() => expect(sentTo('reports.create')).toHaveLength(i + 1));
      ids.push((sentTo('reports.create')[i].data as { clientRequestId: string }).clientRequestId);
      view.unmount();
    }
    expect(ids[0]).not.toBe(ids[1]);
  });
});

describe('report form: photos', () => {
  it('uploads each picked photo and sends their ids with the report', async () => {
    let n = 0;
    answer('photos.upload', () => ok({ id: `ph${++n}`, url: `/files/ph${n}` }));
    answer('reports.create', created());
    render(<NewReport />);
    await pick('噪音扰民');

    pickPhotos(2);
    fireEvent.click(screen.getByText('拍照/选照片'));
    await waitFor(() => expect(screen.getByText('已选 2 张')).toBeInTheDocument());
    await waitFor(() => expect(screen.queryByText('上传中…')).not.toBeInTheDocument());
    describeProblem('楼道里堆满了杂物');
    fireEvent.click(screen.getByText('提交反映'));

    await waitFor(() => expect(sentTo('reports.create')).toHaveLength(1));
    expect((sentTo('reports.create')[0].data as { photos: string[] }).photos).toEqual(['ph1', 'ph2']);
  });

  it('keeps to 9 photos: extra picks are left out and said so, and the add tile goes away', async () => {
    let n = 0;
    answer('photos.upload', () => ok({ id: `ph${++n}`, url: `/files/ph${n}` }));
    render(<NewReport />);
    await pick('噪音扰民');

    pickPhotos(10);
    fireEvent.click(screen.getByText('拍照/选照片'));

    expect(await screen.findByText('最多上传 9 张照片，多选的 1 张没有加上')).toBeInTheDocument();
    await waitFor(() => expect(sentTo('photos.upload')).toHaveLength(9));
    expect(screen.getByText('已选 9 张，已到 9 张上限')).toBeInTheDocument();
    expect(screen.queryByText('拍照/选照片')).not.toBeInTheDocument();
    expect((Taro.chooseImage as jest.Mock).mock.calls[0][0]).toMatchObject({ count: 9 });
  });

  it('asks the picker only for the room that is left', async () => {
    let n = 0;
    answer('photos.upload', () => ok({ id: `ph${++n}`, url: `/files/ph${n}` }));
    render(<NewReport />);
    await pick('噪音扰民');

    pickPhotos(7);
    fireEvent.click(screen.getByText('拍照/选照片'));
    await waitFor(() => expect(screen.getByText('已选 7 张')).toBeInTheDocument());
    fireEvent.click(screen.getByText('拍照/选照片'));
    await waitFor(() => expect(Taro.chooseImage).toHaveBeenCalledTimes(2));
    expect((Taro.chooseImage as jest.Mock).mock.calls[1][0]).toMatchObject({ count: 2 });
  });

  it('drops a photo the server refuses and says why', async () => {
    answer('photos.upload', { ok: false, code: 'PHOTO.TOO_LARGE', message: '照片太大了，每张不能超过 5 MB' });
    render(<NewReport />);
    await pick('噪音扰民');

    pickPhotos(1);
    fireEvent.click(screen.getByText('拍照/选照片'));

    expect(await screen.findByText('照片太大了，每张不能超过 5 MB')).toBeInTheDocument();
    expect(screen.getByText('已选 0 张')).toBeInTheDocument();
  });
});
