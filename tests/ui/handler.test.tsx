import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import HandlerReport from '../../src/handler/report/index';
import RecordForResident from '../../src/handler/record/index';
import { saveSession } from '../../src/services/session';
import { askForNotices } from '../../src/services/subscribe';
import { answer, resetFake, sentTo } from './support/fake-transport';
import { buildingLead, me, binding } from './support/fixtures';
import { categories, detail, ok, summary } from './support/reports';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));
// WeChat's subscribe panel: what the page asks for, and when (services/subscribe.ts does the asking).
jest.mock('../../src/services/subscribe', () => ({ askForNotices: jest.fn(async () => ({ status: 'skipped', reason: 'notWeapp' })) }));

beforeEach(() => {
  resetFake();
  saveSession('tok_lead', Date.now() + 3_600_000);
  answer('auth.whoAmI', ok(buildingLead()));
  (Taro.useRouter as jest.Mock).mockImplementation(() => ({ params: { id: 'r1' }, path: '/handler/report/index' }));
});

const submitted = (can: string[], overrides = {}) => detail({ status: 'submitted', statusLabel: '待响应', version: 4, can, ...overrides });
const actionBar = () => screen.getByLabelText('我要办理');

describe('handler report page', () => {
  it('offers exactly the actions the server allows, with who reported it', async () => {
    answer('reports.detail', ok(submitted(['respond', 'escalate', 'comment'])));
    render(<HandlerReport />);

    await screen.findByText('我要办理');
    const labels = Array.from(actionBar().querySelectorAll('.hr__action-label')).map((n) => n.textContent);
    expect(labels).toEqual(['响应', '上报', '备注']);
    expect(screen.getByText('孙福贵')).toBeInTheDocument();
    expect(screen.getByText('📞 13812345678')).toBeInTheDocument();
    // 下一步 tells the handler what is asked of them and by when, not the resident's sentence.
    expect(within(screen.getByLabelText('下一步')).getByText(/^请在 .* 前响应，.* 前办结。$/)).toBeInTheDocument();
    expect(screen.queryByText(detail().nextStep)).toBeNull();
  });

  it('responds with the version it read and shows the new state', async () => {
    answer('reports.detail', ok(submitted(['respond'])));
    answer('reports.respond', ok(detail({ version: 5, status: 'responded', statusLabel: '办理中', can: ['resolve'] })));
    render(<HandlerReport />);

    fireEvent.click(await within(await screen.findByLabelText('我要办理')).findByText('响应'));
    fireEvent.change(screen.getByPlaceholderText('例如：已联系物业，明天上午来修'), { target: { value: '马上去看' } });
    fireEvent.click(screen.getByText('确定响应'));

    expect(await screen.findByText('办理中')).toBeInTheDocument();
    expect(sentTo('reports.respond')[0].data).toEqual({ id: 'r1', version: 4, note: '马上去看' });
    expect(screen.getByText('已响应', { selector: '.message' })).toBeInTheDocument();
    expect(within(actionBar()).getByText('办结')).toBeInTheDocument();
  });

  it('asks WeChat for the notices of a taken report from the 确定响应 tap itself, before sending it', async () => {
    answer('reports.detail', ok(submitted(['respond', 'comment'])));
    answer('reports.respond', ok(detail({ version: 5, status: 'responded', statusLabel: '办理中', can: ['resolve'] })));
    render(<HandlerReport />);

    fireEvent.click(await within(await screen.findByLabelText('我要办理')).findByText('响应'));
    expect(askForNotices).not.toHaveBeenCalled();
    let sentBeforeAsking: number | null = null;
    (askForNotices as jest.Mock).mockImplementationOnce(async () => {
      sentBeforeAsking = sentTo('reports.respond').length;
      return { status: 'skipped', reason: 'notWeapp' };
    });
    fireEvent.click(screen.getByText('确定响应'));

    // Within the tap's own call stack (WeChat shows its panel only there), ahead of the call.
    expect(askForNotices).toHaveBeenCalledTimes(1);
    expect(askForNotices).toHaveBeenCalledWith('reportTaken');
    expect(sentBeforeAsking).toBe(0);
    expect(await screen.findByText('办理中')).toBeInTheDocument();
    expect(sentTo('reports.respond')).toHaveLength(1);
  });

  it('asks for no notices on the other actions', async () => {
    answer('reports.detail', ok(submitted(['respond', 'comment'])));
    answer('reports.comment', ok(detail({ version: 5, can: ['respond', 'comment'] })));
    render(<HandlerReport />);

    fireEvent.click(await within(await screen.findByLabelText('我要办理')).findByText('备注'));
    fireEvent.change(screen.getByPlaceholderText('例如：已电话联系居民'), { target: { value: '已电话联系居民' } });
    fireEvent.click(screen.getByText('确定备注'));

    await waitFor(() => expect(sentTo('reports.comment')).toHaveLength(1));
    expect(askForNotices).not.toHaveBeenCalled();
  });

  it('needs a result before resolving, and sends the note and photos', async () => {
    answer('reports.detail', ok(submitted(['resolve'])));
    answer('photos.upload', ok({ id: 'ph1', url: '/files/ph1' }));
    answer('reports.resolve', ok(detail({ status: 'resolved', statusLabel: '已办结待评价', can: [] })));
    render(<HandlerReport />);

    fireEvent.click(await screen.findByText('办结'));
    fireEvent.click(screen.getByText('确定办结'));
    expect(await screen.findByText('请填写办理结果')).toBeInTheDocument();
    expect(sentTo('reports.resolve')).toHaveLength(0);

    (await import('./support/taro')).pickPhotos(1);
    fireEvent.click(screen.getByText('拍照/选照片'));
    await waitFor(() => expect(sentTo('photos.upload')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByText('上传中…')).not.toBeInTheDocument());
    fireEvent.change(screen.getByPlaceholderText(/例如：电梯已修好/), { target: { value: '已更换主板' } });
    fireEvent.click(screen.getByText('确定办结'));

    await waitFor(() => expect(sentTo('reports.resolve')).toHaveLength(1));
    expect(sentTo('reports.resolve')[0].data).toEqual({ id: 'r1', version: 4, note: '已更换主板', photos: ['ph1'] });
  });

  it('transfers to a department picked from the list, or one written in', async () => {
    answer('reports.detail', ok(submitted(['transfer'])));
    answer('reports.transfer', ok(detail({ status: 'transferred', statusLabel: '已转交部门', transferredTo: '环保局' })));
    render(<HandlerReport />);

    fireEvent.click(await screen.findByText('转办'));
    for (const d of ['城管', '派出所', '住建']) expect(screen.getByText(d)).toBeInTheDocument();
    fireEvent.click(screen.getByText('确定转办'));
    expect(await screen.findByText('请选择转办的部门')).toBeInTheDocument();

    fireEvent.click(screen.getByText('其他'));
    fireEvent.input(screen.getByPlaceholderText('例如：环保局'), { target: { value: '环保局' } });
    fireEvent.click(screen.getByText('确定转办'));

    await waitFor(() => expect(sentTo('reports.transfer')).toHaveLength(1));
    expect(sentTo('reports.transfer')[0].data).toEqual({ id: 'r1', version: 4, department: '环保局' });
  });

  it('asks for more time with a number of working days and a reason', async () => {
    answer('reports.detail', ok(submitted(['requestExtension'])));
    answer('reports.requestExtension', ok(submitted([])));
    render(<HandlerReport />);

    fireEvent.click(await screen.findByText('申请延期'));
    fireEvent.click(screen.getByText('3 天'));
    fireEvent.change(screen.getByPlaceholderText('例如：配件要从厂家调货'), { target: { value: '配件要调货' } });
    fireEvent.click(screen.getByText('确定申请延期'));

    await waitFor(() => expect(sentTo('reports.requestExtension')).toHaveLength(1));
    expect(sentTo('reports.requestExtension')[0].data).toEqual({ id: 'r1', version: 4, days: 3, reason: '配件要调货' });
  });

  it('decides an extension: shows what was asked, sends approve true or false', async () => {
    const ext = { requestedBy: 'p1', requestedAt: 0, days: 5, reason: '等厂家配件', deciderLevel: 'community' as const };
    answer('reports.detail', ok(submitted(['decideExtension'], { extension: ext })));
    answer('reports.decideExtension', ok(submitted([])));
    render(<HandlerReport />);

    fireEvent.click(await screen.findByText('审批延期'));
    expect(screen.getByText('申请延期 5 个工作日。理由：等厂家配件')).toBeInTheDocument();
    fireEvent.click(screen.getByText('不同意'));
    fireEvent.click(screen.getByText('确定审批延期'));

    await waitFor(() => expect(sentTo('reports.decideExtension')).toHaveLength(1));
    expect(sentTo('reports.decideExtension')[0].data).toEqual({ id: 'r1', version: 4, approve: false });
  });

  it('rejects as a duplicate with a reason and the other report, picked by its words from the open ones of the same kind and place', async () => {
    answer('reports.detail', ok(submitted(['reject'])));
    answer('reports.reject', ok(detail({ status: 'rejected', statusLabel: '未受理' })));
    answer(
      'reports.inbox',
      ok({
        reports: [
          summary({ id: 'r1' }),
          summary({ id: 'r0', description: '5楼电梯不动了', statusLabel: '办理中' }),
          summary({ id: 'noise', category: 'noise', categoryName: '噪音扰民', description: '楼上装修太吵' }),
          summary({ id: 'done', description: '电梯又坏了', status: 'closed', statusLabel: '已关闭' }),
        ],
        counts: { assigned: 1, dueSoon: 0, overdue: 0 },
      }),
    );
    render(<HandlerReport />);

    fireEvent.click(await screen.findByText('不予受理'));
    fireEvent.click(screen.getByText('确定不予受理'));
    expect(await screen.findByText('请选择不受理的原因')).toBeInTheDocument();
    fireEvent.click(screen.getByText('重复反映'));
    expect(await screen.findByText('和哪一条重复（可不选）')).toBeInTheDocument();
    expect(sentTo('reports.inbox')[0].data).toEqual({ view: 'all', limit: 100 });
    // Only the other open lift report in the same place: not itself, not another kind, not a closed one.
    expect(screen.queryByText('楼上装修太吵')).toBeNull();
    expect(screen.queryByText('电梯又坏了')).toBeNull();
    fireEvent.click(screen.getByText('5楼电梯不动了'));
    fireEvent.change(screen.getByPlaceholderText(/例如：这个问题已有邻居反映/), { target: { value: '同一部电梯，已在办' } });
    fireEvent.click(screen.getByText('确定不予受理'));

    await waitFor(() => expect(sentTo('reports.reject')).toHaveLength(1));
    expect(sentTo('reports.reject')[0].data).toEqual({ id: 'r1', version: 4, kind: 'duplicate', reason: '同一部电梯，已在办', duplicateOf: 'r0' });
  });

  it('says someone else changed the report, and reloads it instead of overwriting', async () => {
    let reads = 0;
    answer('reports.detail', () =>
      ok(++reads === 1 ? submitted(['respond', 'escalate']) : detail({ version: 6, status: 'responded', statusLabel: '办理中', can: ['resolve'] })),
    );
    answer('reports.escalate', { ok: false, code: 'CONFLICT.VERSION', message: '内容已被其他人修改，请刷新后重试' });
    render(<HandlerReport />);

    fireEvent.click(await screen.findByText('上报'));
    fireEvent.change(screen.getByPlaceholderText(/楼栋解决不了/), { target: { value: '需要物业出面' } });
    fireEvent.click(screen.getByText('确定上报'));

    expect(await screen.findByText('内容已被其他人修改，已为您刷新，请再看一下')).toBeInTheDocument();
    await waitFor(() => expect(sentTo('reports.detail')).toHaveLength(2));
    expect(sentTo('reports.escalate')[0].data).toEqual({ id: 'r1', version: 4, reason: '需要物业出面' });
    await waitFor(() => expect(within(actionBar()).getByText('办结')).toBeInTheDocument());
    expect(within(actionBar()).queryByText('上报')).not.toBeInTheDocument();
  });

  it('keeps the form open with the server message on other refusals', async () => {
    answer('reports.detail', ok(submitted(['escalate'])));
    answer('reports.escalate', { ok: false, code: 'REPORT.TOP_LEVEL', message: '街道是最高一级，不能再上报' });
    render(<HandlerReport />);

    fireEvent.click(await screen.findByText('上报'));
    fireEvent.change(screen.getByPlaceholderText(/楼栋解决不了/), { target: { value: '解决不了' } });
    fireEvent.click(screen.getByText('确定上报'));

    expect(await screen.findByText('街道是最高一级，不能再上报')).toBeInTheDocument();
    expect(screen.getByText('确定上报')).toBeInTheDocument();
  });
});

describe('recording a report for a resident', () => {
  beforeEach(() => {
    answer('auth.whoAmI', ok(buildingLead()));
    answer('reports.categories', categories());
  });

  const fillIn = () => {
    fireEvent.input(screen.getByPlaceholderText('例如：孙福贵'), { target: { value: '钱大妈' } });
    fireEvent.input(screen.getByPlaceholderText('方便回访'), { target: { value: '13700001111' } });
    fireEvent.click(screen.getByLabelText('噪音扰民'));
    fireEvent.change(screen.getByPlaceholderText('可以把群里的话粘贴过来'), { target: { value: '楼上每天夜里十二点还在跳绳' } });
  };

  it("files it from the group chat for the lead's building, with the resident's name and phone", async () => {
    answer('reports.create', ok({ report: detail({ id: 'r20' }), created: true }));
    render(<RecordForResident />);

    expect(await screen.findByText('来源：楼栋群')).toBeInTheDocument();
    expect(screen.getByText('幸福里小区 1号楼')).toBeInTheDocument();
    fillIn();
    fireEvent.click(screen.getByText('登记这条反映'));

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/handler/report/index?id=r20' }));
    const sent = sentTo('reports.create')[0].data as Record<string, unknown>;
    expect(sent).toMatchObject({
      unitId: 'b1',
      category: 'noise',
      channel: 'group_chat',
      contactName: '钱大妈',
      contactPhone: '13700001111',
      description: '楼上每天夜里十二点还在跳绳',
    });
    expect(String(sent.clientRequestId).length).toBeGreaterThanOrEqual(16);
  });

  it('says what is missing next to each box', async () => {
    render(<RecordForResident />);
    await screen.findByText('来源：楼栋群');

    fireEvent.input(screen.getByPlaceholderText('方便回访'), { target: { value: '1370000' } });
    fireEvent.click(screen.getByText('登记这条反映'));

    expect(await screen.findByText('请填写居民的姓名')).toBeInTheDocument();
    expect(screen.getByText('手机号应为 11 位数字')).toBeInTheDocument();
    expect(screen.getByText('请选择反映的类别')).toBeInTheDocument();
    expect(screen.getByText('请说说遇到了什么问题')).toBeInTheDocument();
    expect(sentTo('reports.create')).toHaveLength(0);
  });

  it('lets staff above the building pick the building and how it was reported', async () => {
    answer('auth.whoAmI', ok(me({ name: '陈强', bindings: [binding('property_manager', '小区')], isHandler: true })));
    const unit = (id: string, kind: string, name: string, path: string) => ({ id, kind, name, path, parentId: null, archived: false, version: 1, createdAt: 0, updatedAt: 0 });
    answer(
      'units.tree',
      ok({ units: [unit('p1', 'compound', '幸福里小区', '/s1/c1/p1/'), unit('b1', 'building', '1号楼', '/s1/c1/p1/b1/'), unit('b2', 'building', '2号楼', '/s1/c1/p1/b2/')] }),
    );
    answer('reports.create', ok({ report: detail({ id: 'r21' }), created: true }));
    render(<RecordForResident />);

    fireEvent.click(await screen.findByText('幸福里小区 2号楼'));
    fireEvent.click(screen.getByText('上门走访'));
    fillIn();
    fireEvent.click(screen.getByText('登记这条反映'));

    await waitFor(() => expect(sentTo('reports.create')).toHaveLength(1));
    expect(sentTo('reports.create')[0].data).toMatchObject({ unitId: 'b2', channel: 'visit' });
  });
});
