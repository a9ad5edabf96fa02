/** A resident shares their report to the building's group from its page: the card carries what, where and how it stands, never who. */
import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ReportDetailPage from '../../src/pages/report/detail';
import { answer, resetFake, transport } from './support/fake-transport';
import { detail, ok } from './support/reports';
import { shared } from './support/taro';
import { openTypeOf } from './support/wechat';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

const taro = Taro as unknown as { getEnv: jest.Mock; useRouter: jest.Mock; showShareMenu: jest.Mock; updateShareMenu: jest.Mock };

beforeEach(() => {
  resetFake();
  transport.usesToken = false;
  taro.getEnv.mockImplementation(() => 'WEAPP');
  taro.useRouter.mockImplementation(() => ({ params: { id: 'r1' }, path: '/pages/report/detail' }));
});

describe('分享到楼栋群 on a report\'s page', () => {
  it('offers the resident a share button and sends the card with a shareTicket', async () => {
    answer('reports.detail', ok(detail()));
    render(<ReportDetailPage />);

    const button = await screen.findByText('分享到楼栋群');
    expect(openTypeOf(button)).toBe('share');
    expect(screen.getByText('群里的邻居能看到问题和进展，看不到您的名字。')).toBeInTheDocument();
    expect(taro.showShareMenu).toHaveBeenCalledWith({ withShareTicket: true });
    expect(taro.updateShareMenu).toHaveBeenCalledWith({ withShareTicket: true });
  });

  it('shares the report\'s card page with its category, place and status as the title, never the resident\'s name', async () => {
    answer('reports.detail', ok(detail({ anonymous: false, resident: { name: '孙福贵', phone: '13812345678' } })));
    render(<ReportDetailPage />);
    await screen.findByText('分享到楼栋群');

    const card = shared.handler!({ from: 'button' });
    expect(card).toEqual({ title: '电梯故障 · 幸福里小区 1号楼 · 办理中', path: '/group/card/index?id=r1' });
    expect(JSON.stringify(card)).not.toContain('孙福贵');
  });

  it('is not offered to a neighbour reading a report they follow', async () => {
    answer('reports.detail', ok(detail({ resident: null, can: [] })));
    render(<ReportDetailPage />);

    await screen.findByText('电梯故障');
    expect(screen.queryByText('分享到楼栋群')).not.toBeInTheDocument();
    expect(taro.showShareMenu).not.toHaveBeenCalled();
  });

  it('in a browser, where WeChat shares nothing, leaves the share menu alone', async () => {
    taro.getEnv.mockImplementation(() => 'WEB');
    answer('reports.detail', ok(detail()));
    render(<ReportDetailPage />);

    await screen.findByText('分享到楼栋群');
    expect(taro.showShareMenu).not.toHaveBeenCalled();
  });
});
