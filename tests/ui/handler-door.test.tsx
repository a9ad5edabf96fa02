/**
 * The handler pages' door (HandlersOnly): someone a page is not for reads whose page it is and what
 * to do instead, with a way home, in place of the page — before any form, list or button of it.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { NOT_A_HANDLER } from '../../src/core/access';
import Approvals from '../../src/handler/approvals/index';
import Inbox from '../../src/handler/inbox/index';
import RecordForResident from '../../src/handler/record/index';
import HandlerReport from '../../src/handler/report/index';
import { saveSession } from '../../src/services/session';
import { answer, resetFake } from './support/fake-transport';
import { binding, buildingLead, me, notRegistered, resident } from './support/fixtures';
import { categories, detail, ok, summary } from './support/reports';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

const APPROVALS_REFUSAL = '入住审核是给楼栋长、小区党支部书记和社区工作人员用的；您要反映问题，可以回首页点「随手拍」';

beforeEach(() => {
  resetFake();
  saveSession('tok_1', Date.now() + 3_600_000);
  (Taro.useRouter as jest.Mock).mockImplementation(() => ({ params: { id: 'r1' }, path: '' }));
  // What each page would show a handler: none of it may reach someone the page is not for.
  answer('reports.inbox', ok({ reports: [summary()], counts: { assigned: 1, dueSoon: 0, overdue: 0, watching: 0 } }));
  answer('reports.detail', ok(detail({ can: ['respond'] })));
  answer('reports.categories', categories());
  answer('registration.pending', ok({ registrations: [] }));
});

/** Each handler page and something only its form or list shows. */
const PAGES = [
  { name: '待办', Page: Inbox, form: () => screen.queryAllByRole('tab')[0] ?? null },
  { name: 'a report to handle', Page: HandlerReport, form: () => screen.queryByText('我要办理') },
  { name: '替居民登记', Page: RecordForResident, form: () => screen.queryByText('登记这条反映') },
] as const;

describe('a handler page opened by a resident', () => {
  it.each(PAGES)('$name: says whose page it is and what to do instead, with a way home, and shows none of the page', async ({ Page, form }) => {
    answer('auth.whoAmI', ok(resident()));
    render(<Page />);

    expect(await screen.findByText(NOT_A_HANDLER)).toBeInTheDocument();
    expect(screen.getByText('这是办理反映的页面')).toBeInTheDocument();
    expect(form()).toBeNull();

    fireEvent.click(screen.getByText('回首页'));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it('入住审核: tells a resident it is for approvers, before any queue', async () => {
    answer('auth.whoAmI', ok(resident()));
    render(<Approvals />);

    expect(await screen.findByText(APPROVALS_REFUSAL)).toBeInTheDocument();
    expect(screen.queryByText('入住审核', { selector: '.approvals__title' })).toBeNull();
  });

  it('入住审核: refuses a property manager too, who handles reports but approves no one', async () => {
    answer('auth.whoAmI', ok(me({ name: '陈强', bindings: [binding('property_manager', '小区')], isHandler: true })));
    render(<Approvals />);

    expect(await screen.findByText(APPROVALS_REFUSAL)).toBeInTheDocument();
  });

  it('tells a WeChat user nobody registered yet how to register, instead of the page', async () => {
    answer('auth.whoAmI', ok(notRegistered()));
    render(<RecordForResident />);

    expect(await screen.findByText('您还没有登记')).toBeInTheDocument();
    expect(screen.getByText(notRegistered().howToRegister)).toBeInTheDocument();
    expect(screen.queryByText('登记这条反映')).toBeNull();
  });

  it('shows nothing of the page while it asks, and offers to ask again when the question fails', async () => {
    answer('auth.whoAmI', { ok: false, code: 'NETWORK.OFFLINE', message: '手机没有联网：请打开 Wi-Fi 或手机流量，连上后再试一次' });
    render(<Inbox />);

    expect(screen.getByText('正在加载…')).toBeInTheDocument();
    expect(await screen.findByText('手机没有联网：请打开 Wi-Fi 或手机流量，连上后再试一次')).toBeInTheDocument();
    expect(screen.queryAllByRole('tab')).toHaveLength(0);

    answer('auth.whoAmI', ok(buildingLead()));
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('电梯故障')).toBeInTheDocument();
  });
});

describe('a handler page opened by a handler', () => {
  it.each(PAGES)('$name: opens as before', async ({ Page, form }) => {
    answer('auth.whoAmI', ok(buildingLead()));
    render(<Page />);

    await screen.findAllByText(/电梯故障|登记这条反映|我要办理/);
    expect(form()).not.toBeNull();
    expect(screen.queryByText(NOT_A_HANDLER)).toBeNull();
  });
});
