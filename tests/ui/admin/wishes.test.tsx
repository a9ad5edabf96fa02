/**
 * 微心愿 on the management page: 心愿审核 queues the wishes waiting for approval (oldest first); 通过
 * sends the version read and takes the wish off the queue; 不通过 needs a reason; a wish withdrawn
 * meanwhile reloads the queue with a word why. 全部心愿 lists by status and opens a wish's detail:
 * the claimer, how to reach the wisher, the fulfilment note and photos, and who confirmed it.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import WishQueuePage from '../../../admin/src/pages/Wishes';
import AllWishesPage from '../../../admin/src/pages/Wishes/All';
import { ApiError, answer, resetApi, sentTo } from './support/api';
import { wish, ZHAO } from './support/fixtures';
import { COMMUNITY, renderPage } from './support/render';
import { currentSearch, resetRouter } from './support/router';

jest.mock('../../../admin/src/api', () => jest.requireActual('./support/api'));
jest.mock('../../../admin/src/router', () => jest.requireActual('./support/router'));

beforeEach(() => {
  resetApi();
  resetRouter();
  answer('units.tree', { units: [{ ...COMMUNITY, parentId: 'u_street', archived: false }] });
});

const older = wish({ id: 'w0', what: '希望有人陪老人去理发', createdAt: wish().createdAt - 86_400_000, postedVia: 'self', postedBy: { id: 'p_sun', name: '孙桂英' } });
const popconfirm = () => document.querySelector('.ant-popconfirm') as HTMLElement;

describe('心愿审核', () => {
  it('queues the wishes waiting for approval, oldest first, with who posted them', async () => {
    answer('wishes.list', { wishes: [wish(), older], total: 2 });
    renderPage(<WishQueuePage />);
    expect(await screen.findByText('想要一根带凳子的拐杖')).toBeInTheDocument();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('希望有人陪老人去理发');
    expect(rows[1]).toHaveTextContent('孙楼长（代居民提交）');
    expect(rows[1]).toHaveTextContent('幸福里小区 · 3号楼');
    expect(screen.getByTestId('wishes-waiting')).toHaveTextContent('共 2 份');
    expect(sentTo('wishes.list')[0]).toMatchObject({ status: 'pending' });
  });

  it('通过 sends the version read and takes the wish off the queue', async () => {
    answer('wishes.list', { wishes: [wish()], total: 1 });
    answer('wishes.approve', wish({ status: 'open', statusLabel: '待认领', version: 2 }));
    renderPage(<WishQueuePage />);
    await screen.findByText('想要一根带凳子的拐杖');
    fireEvent.click(screen.getByRole('button', { name: '通 过' }));
    fireEvent.click(within(popconfirm()).getByRole('button', { name: '通 过' }));
    expect(await screen.findByText('已通过心愿「想要一根带凳子的拐杖」，党员和志愿者现在可以认领')).toBeInTheDocument();
    expect(sentTo('wishes.approve')).toEqual([{ id: 'w1', version: 1 }]);
    expect(await screen.findByText('没有等待审核的心愿')).toBeInTheDocument();
  });

  it('不通过 refuses an empty reason in words, then sends the reason', async () => {
    answer('wishes.list', { wishes: [wish()], total: 1 });
    answer('wishes.reject', wish({ status: 'rejected', statusLabel: '未通过审核', rejectReason: '含有姓名、门牌等个人信息' }));
    renderPage(<WishQueuePage />);
    await screen.findByText('想要一根带凳子的拐杖');
    fireEvent.click(screen.getByRole('button', { name: '不通过' }));
    const d = screen.getByRole('dialog');
    fireEvent.click(within(d).getByRole('button', { name: '不通过' }));
    expect(await within(d).findByText('请填写不通过的原因')).toBeInTheDocument();
    expect(sentTo('wishes.reject')).toHaveLength(0);
    fireEvent.change(within(d).getByRole('textbox'), { target: { value: '  含有姓名、门牌等个人信息 ' } });
    fireEvent.click(within(d).getByRole('button', { name: '不通过' }));
    expect(await screen.findByText('心愿「想要一根带凳子的拐杖」未通过，许愿人会看到原因')).toBeInTheDocument();
    expect(sentTo('wishes.reject')).toEqual([{ id: 'w1', version: 1, reason: '含有姓名、门牌等个人信息' }]);
  });

  it('reloads with a word why when the wish was withdrawn meanwhile', async () => {
    answer('wishes.list', { wishes: [wish()], total: 1 });
    answer('wishes.approve', new ApiError('WISH.NOT_ALLOWED', '这个心愿现在不能这样处理'));
    renderPage(<WishQueuePage />);
    await screen.findByText('想要一根带凳子的拐杖');
    fireEvent.click(screen.getByRole('button', { name: '通 过' }));
    fireEvent.click(within(popconfirm()).getByRole('button', { name: '通 过' }));
    expect(await screen.findByText('心愿「想要一根带凳子的拐杖」已经处理过或被撤回了，已为您刷新列表')).toBeInTheDocument();
    await waitFor(() => expect(sentTo('wishes.list')).toHaveLength(2));
  });
});

describe('全部心愿', () => {
  const done = wish({
    id: 'w9',
    status: 'confirmed',
    statusLabel: '已确认',
    claimer: ZHAO,
    claimedAt: Date.parse('2026-11-21T02:00:00Z'),
    contact: { lead: { id: 'p_lead', name: '孙楼长', phone: '13900001111', roleLabel: '楼栋长' }, phone: null, place: '幸福里小区 3号楼 2单元 502室' },
    fulfilNote: '买了拐杖送到家里，教老人怎么用',
    fulfilPhotos: ['/uploads/w9-1.jpg', '/uploads/w9-2.jpg'],
    fulfilledAt: Date.parse('2026-11-22T02:00:00Z'),
    confirmedAt: Date.parse('2026-11-29T02:00:00Z'),
    confirmedByTimer: true,
    points: 5,
  });

  it('lists by status and opens the detail: claimer, contact, note, photos and the confirmation', async () => {
    answer('wishes.list', (d: { status: string }) => (d.status === 'confirmed' ? { wishes: [done], total: 1 } : { wishes: [], total: 0 }));
    renderPage(<AllWishesPage />);
    expect(await screen.findByText('没有待认领的心愿')).toBeInTheDocument();
    fireEvent.click(screen.getByText('已确认'));
    expect(await screen.findByText('赵建国')).toBeInTheDocument();
    expect(currentSearch()).toBe('status=confirmed');
    expect(screen.getByText(/系统自动确认 · 5 分/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '详情' }));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('幸福里小区 3号楼 2单元 502室')).toBeInTheDocument();
    expect(within(drawer).getByText('楼栋长 孙楼长 · 13900001111')).toBeInTheDocument();
    expect(within(drawer).getByText('许愿人未公开电话')).toBeInTheDocument();
    expect(within(drawer).getByText(/赵建国 · 2026\/11\/21 10:00 认领/)).toBeInTheDocument();
    expect(within(drawer).getByText(/买了拐杖送到家里，教老人怎么用/)).toBeInTheDocument();
    expect(within(drawer).getAllByAltText('实现心愿的照片').map((i) => i.getAttribute('src'))).toEqual(['/uploads/w9-1.jpg', '/uploads/w9-2.jpg']);
    expect(within(drawer).getByText('2026/11/29 10:00 由系统确认（7 天内无人确认）')).toBeInTheDocument();
    expect(within(drawer).getByText('认领人获得 5 分')).toBeInTheDocument();
  });
});
