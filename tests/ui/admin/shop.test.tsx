/**
 * 积分超市 on the management page: the goods with price, stock and shelf; 添加物品 and 补货 refuse bad
 * numbers in words before sending; an edit someone else saved first reloads with a word why; orders by
 * status, 标记已领取, and 取消 with a reason.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import ShopPage from '../../../admin/src/pages/Shop';
import { ApiError, answer, resetApi, sentTo } from './support/api';
import { goods, order, WANG } from './support/fixtures';
import { COMMUNITY, renderPage } from './support/render';
import { currentSearch, resetRouter } from './support/router';

jest.mock('../../../admin/src/api', () => jest.requireActual('./support/api'));
jest.mock('../../../admin/src/router', () => jest.requireActual('./support/router'));

beforeEach(() => {
  resetApi();
  resetRouter();
  answer('units.tree', { units: [{ ...COMMUNITY, parentId: 'u_street', archived: false }] });
});

const soap = goods();
const rice = goods({ id: 'g2', name: '大米 5kg', description: null, price: 50, stock: 0, status: 'off', statusLabel: '已下架' });
const shelf = () => answer('points.goods', { community: COMMUNITY, goods: [soap, rice], balance: 0 });

describe('积分超市 · 物品', () => {
  it('lists the goods on and off the shelf with their price and stock', async () => {
    shelf();
    renderPage(<ShopPage />);
    expect(await screen.findByText('洗衣液 2kg')).toBeInTheDocument();
    expect(screen.getByText('每周三下午到社区服务中心领取')).toBeInTheDocument();
    expect(screen.getByText('20 分')).toBeInTheDocument();
    expect(screen.getByText('8 件')).toBeInTheDocument();
    expect(screen.getByText('无货')).toBeInTheDocument();
    expect(screen.getByText('已下架')).toBeInTheDocument();
    expect(screen.getByTestId('goods-total')).toHaveTextContent('共 2 件物品，上架 1 件');
    expect(sentTo('points.goods')).toEqual([{ communityId: COMMUNITY.id, includeOff: true }]);
  });

  it('添加物品 refuses a missing name and price in words, then sends the stock on creation', async () => {
    shelf();
    answer('points.saveGoods', (d: { name: string; price: number; stock: number }) => goods({ id: 'g3', name: d.name, price: d.price, stock: d.stock }));
    renderPage(<ShopPage />);
    await screen.findByText('洗衣液 2kg');
    fireEvent.click(screen.getByRole('button', { name: /添加物品/ }));
    const d = screen.getByRole('dialog');
    fireEvent.click(within(d).getByRole('button', { name: '保 存' }));
    expect(await within(d).findByText('请填写物品名称')).toBeInTheDocument();
    expect(within(d).getByText('请填写兑换所需的积分')).toBeInTheDocument();
    expect(within(d).getByText('请填写库存数量')).toBeInTheDocument();
    expect(sentTo('points.saveGoods')).toHaveLength(0);

    fireEvent.change(within(d).getByPlaceholderText('如：洗衣液 2kg'), { target: { value: '  毛巾两条 ' } });
    fireEvent.change(within(d).getByPlaceholderText('如 20'), { target: { value: '15' } });
    fireEvent.change(within(d).getByPlaceholderText('如 50'), { target: { value: '30' } });
    fireEvent.click(within(d).getByRole('button', { name: '保 存' }));
    expect(await screen.findByText('已添加「毛巾两条」，库存 30 件')).toBeInTheDocument();
    expect(sentTo('points.saveGoods')).toEqual([{ communityId: COMMUNITY.id, name: '毛巾两条', description: null, price: 15, status: 'on', stock: 30 }]);
  });

  it('补货 refuses taking more than the stock, then sends the change', async () => {
    shelf();
    answer('points.restock', goods({ stock: 28 }));
    renderPage(<ShopPage />);
    await screen.findByText('洗衣液 2kg');
    fireEvent.click(screen.getAllByRole('button', { name: '补货' })[0]);
    const d = screen.getByRole('dialog');
    fireEvent.change(within(d).getByPlaceholderText('如 20 或 -2'), { target: { value: '-9' } });
    fireEvent.click(within(d).getByRole('button', { name: '保 存' }));
    expect(await within(d).findByText('现有库存 8 件，最多减少 8 件')).toBeInTheDocument();
    expect(sentTo('points.restock')).toHaveLength(0);

    fireEvent.change(within(d).getByPlaceholderText('如 20 或 -2'), { target: { value: '20' } });
    expect(await within(d).findByText('保存后库存为 28 件')).toBeInTheDocument();
    fireEvent.click(within(d).getByRole('button', { name: '保 存' }));
    expect(await screen.findByText('「洗衣液 2kg」现有库存 28 件')).toBeInTheDocument();
    expect(sentTo('points.restock')).toEqual([{ id: 'g1', delta: 20 }]);
  });

  it('an edit someone else saved first reloads the goods with a word why', async () => {
    shelf();
    answer('points.saveGoods', new ApiError('CONFLICT.VERSION', '内容已被其他人修改，请刷新后重试'));
    renderPage(<ShopPage />);
    await screen.findByText('洗衣液 2kg');
    fireEvent.click(screen.getAllByRole('button', { name: '编辑' })[0]);
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '保 存' }));
    expect(await screen.findByText('这件物品刚刚被其他人修改过，已为您刷新，请再核对一次')).toBeInTheDocument();
    expect(sentTo('points.saveGoods')[0]).toMatchObject({ id: 'g1', version: 1, name: '洗衣液 2kg', price: 20 });
    expect(sentTo('points.saveGoods')[0]).not.toHaveProperty('stock');
    await waitFor(() => expect(sentTo('points.goods')).toHaveLength(2));
  });
});

describe('积分超市 · 兑换订单', () => {
  it('lists orders to collect, marks one collected and cancels another with a reason', async () => {
    shelf();
    const other = order({ id: 'p_zhao:r2', person: { id: 'p_zhao', name: '赵建国' }, goodsName: '毛巾两条', price: 15 });
    answer('points.orders', { redemptions: [order(), other], total: 2 });
    answer('points.collect', order({ status: 'collected', statusLabel: '已领取', collectedAt: Date.now() }));
    answer('points.cancelOrder', { ...other, status: 'cancelled', statusLabel: '已取消', cancelledAt: Date.now(), cancelReason: '物品已无货' });
    resetRouter('tab=orders');
    renderPage(<ShopPage />);
    expect(await screen.findByText('毛巾两条')).toBeInTheDocument();
    expect(screen.getByTestId('orders-total')).toHaveTextContent('共 2 个订单');
    expect(sentTo('points.orders')[0]).toMatchObject({ communityId: COMMUNITY.id, status: 'ordered' });

    fireEvent.click(screen.getAllByRole('button', { name: '标记已领取' })[0]);
    fireEvent.click(within(document.querySelector('.ant-popconfirm') as HTMLElement).getByRole('button', { name: '已领取' }));
    expect(await screen.findByText(`${WANG.name}已领取「洗衣液 2kg」`)).toBeInTheDocument();
    expect(sentTo('points.collect')).toEqual([{ id: 'p_wang:r1' }]);

    fireEvent.click(screen.getAllByRole('button', { name: '取 消' })[1]);
    const d = screen.getByRole('dialog');
    expect(within(d).getByText('取消后 15 分退回赵建国的账户，物品库存加回 1 件。')).toBeInTheDocument();
    fireEvent.click(within(d).getByRole('button', { name: '取消兑换' }));
    expect(await within(d).findByText('请填写取消原因')).toBeInTheDocument();
    fireEvent.click(within(d).getByText('物品已无货'));
    fireEvent.click(within(d).getByRole('button', { name: '取消兑换' }));
    expect(await screen.findByText('已取消，15 分已退回赵建国')).toBeInTheDocument();
    expect(sentTo('points.cancelOrder')).toEqual([{ id: 'p_zhao:r2', reason: '物品已无货' }]);
  });

  it('switches status with the tab kept in the address', async () => {
    shelf();
    answer('points.orders', (d: { status: string }) => ({ redemptions: d.status === 'collected' ? [order({ status: 'collected', statusLabel: '已领取', collectedAt: Date.now() })] : [], total: d.status === 'collected' ? 1 : 0 }));
    resetRouter('tab=orders');
    renderPage(<ShopPage />);
    expect(await screen.findByText('没有待领取的订单')).toBeInTheDocument();
    fireEvent.click(screen.getByText('已领取'));
    expect(await screen.findByText('洗衣液 2kg')).toBeInTheDocument();
    expect(currentSearch()).toBe('tab=orders&status=collected');
  });
});
