import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MyBinding, MyGrid } from '../../src/core/api';
import GridPage from '../../src/handler/grid/index';
import Home from '../../src/pages/index/index';
import { saveSession } from '../../src/services/session';
import { answer, resetFake, sentTo } from './support/fake-transport';
import { me } from './support/fixtures';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

const GRID = { id: 'g1', name: '第1网格', kind: 'grid' as const, path: '/s1/c1/p1/g1/' };
const leadOf = (role: 'grid_lead' | 'steward' = 'grid_lead'): MyBinding => ({
  id: `bind_${role}_g1`,
  role,
  roleLabel: role === 'grid_lead' ? '网格长（家长）' : '管家',
  unit: GRID,
  trail: '幸福街道 / 阳光社区 / 和平新村 / 第1网格',
});

const GRID_ANSWER: MyGrid = {
  grid: GRID,
  trail: '阳光社区 和平新村 第1网格',
  buildings: [
    {
      building: { id: 'b1', name: '1号楼', kind: 'building', path: '/s1/c1/p1/g1/b1/' },
      doors: [{ door: '2单元 5层 502室', residents: ['王大爷', '王奶奶'] }],
      withoutDoor: ['李四'],
    },
  ],
  members: [{ id: 'p1', name: '郑党员', memberType: '离退休' }],
  volunteers: [{ id: 'p2', name: '韩志愿者' }],
  counts: { buildings: 1, households: 1, residents: 3, members: 1, volunteers: 1 },
};

beforeEach(() => {
  resetFake();
  saveSession('tok_lead', Date.now() + 3_600_000);
  (Taro.useRouter as jest.Mock).mockImplementation(() => ({ params: { unitId: 'g1' }, path: '/handler/grid/index' }));
});

describe('我的网格', () => {
  it("shows the lead their grid's households by door, its members and volunteers, and opens 待办", async () => {
    answer('auth.whoAmI', { ok: true, data: me({ name: '郑家长', bindings: [leadOf()], isHandler: true }) });
    answer('units.myGrid', { ok: true, data: GRID_ANSWER });
    render(<GridPage />);

    expect(await screen.findByText('第1网格')).toBeInTheDocument();
    expect(sentTo('units.myGrid')[0].data).toEqual({ unitId: 'g1' });
    expect(screen.getByText('1 栋楼，1 户，3 位居民；党员 1 位，志愿者 1 位')).toBeInTheDocument();
    expect(screen.getByText('2单元 5层 502室')).toBeInTheDocument();
    expect(screen.getByText('王大爷、王奶奶')).toBeInTheDocument();
    expect(screen.getByText('没有登记门牌：李四')).toBeInTheDocument();
    expect(screen.getByText('郑党员（离退休党员）')).toBeInTheDocument();
    expect(screen.getByText('韩志愿者')).toBeInTheDocument();

    fireEvent.click(screen.getByText('待办：本网格的反映'));
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/handler/inbox/index' }));
  });

  it("tells a lead of another grid the server's words, with the way home", async () => {
    answer('auth.whoAmI', { ok: true, data: me({ name: '另一家长', bindings: [{ ...leadOf(), unit: { ...GRID, id: 'g2' } }], isHandler: true }) });
    answer('units.myGrid', { ok: false, code: 'AUTH.FORBIDDEN', message: '这是网格长（家长）和管家的页面：只有绑定在这个网格的家长或管家能看' });
    render(<GridPage />);
    expect(await screen.findByText('这是网格长（家长）和管家的页面：只有绑定在这个网格的家长或管家能看')).toBeInTheDocument();
    expect(screen.getByText('回到首页')).toBeInTheDocument();
    expect(screen.queryByText('住户')).toBeNull();
  });

  it('tells a resident whose page it is, and shows nothing of the grid', async () => {
    answer('auth.whoAmI', { ok: true, data: me() });
    answer('units.myGrid', { ok: true, data: GRID_ANSWER });
    render(<GridPage />);
    expect(await screen.findByText('这是网格长（家长）和管家的页面')).toBeInTheDocument();
    expect(screen.queryByText('王大爷、王奶奶')).toBeNull();
  });

  it('hides 待办 from a steward who handles no reports', async () => {
    answer('auth.whoAmI', { ok: true, data: me({ name: '钱管家', bindings: [leadOf('steward')], isHandler: false }) });
    answer('units.myGrid', { ok: true, data: GRID_ANSWER });
    render(<GridPage />);
    await screen.findByText('王大爷、王奶奶');
    expect(screen.queryByText('待办：本网格的反映')).toBeNull();
  });
});

describe('首页', () => {
  it('gives a grid lead 我的网格, opening their grid', async () => {
    answer('auth.whoAmI', { ok: true, data: me({ name: '郑家长', bindings: [leadOf(), leadOf('steward')] }) });
    answer('messages.list', { ok: true, data: { messages: [], unread: 0 } });
    render(<Home />);
    const entries = await screen.findAllByText('我的网格');
    expect(entries).toHaveLength(1);
    fireEvent.click(entries[0]);
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/handler/grid/index?unitId=g1' }));
  });

  it('gives a resident no 我的网格', async () => {
    answer('auth.whoAmI', { ok: true, data: me() });
    answer('messages.list', { ok: true, data: { messages: [], unread: 0 } });
    render(<Home />);
    await screen.findByText('随手拍');
    expect(screen.queryByText('我的网格')).toBeNull();
  });
});
