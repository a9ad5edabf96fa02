import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ReportCard } from '../../src/core/api';
import GroupReportCard from '../../src/group/card/index';
import { answer, resetFake, sentTo, transport } from './support/fake-transport';
import { detail, ok, summary } from './support/reports';
import { openedInGroup } from './support/taro';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

const taro = Taro as unknown as { getEnv: jest.Mock; useRouter: jest.Mock; getGroupEnterInfo: jest.Mock; navigateTo: jest.Mock; setStorageSync: jest.Mock };

const BUILDING = { id: 'b1', name: '1号楼', kind: 'building' as const, path: '/s1/c1/p1/b1/', trail: '阳光社区 幸福里小区 1号楼' };

function inGroup(overrides: Partial<Extract<ReportCard, { inGroup: true }>> = {}): ReportCard {
  return {
    inGroup: true,
    report: summary({ category: 'noise', categoryName: '噪音扰民', icon: '🔊', urgent: false, description: '楼上每晚十一点后还在拖椅子', status: 'submitted', statusLabel: '待响应', level: 'building', levelLabel: '楼栋' }),
    building: BUILDING,
    mayFollow: true,
    following: false,
    registered: true,
    ...overrides,
  };
}

const OUTSIDE: ReportCard = { inGroup: false, exists: true, categoryName: '噪音扰民' };

/** As the mini-program: WeChat identifies the caller and answers getGroupEnterInfo. */
function inWechat() {
  transport.usesToken = false;
  taro.getEnv.mockImplementation(() => 'WEAPP');
}

function openCard(id = 'r1') {
  taro.useRouter.mockImplementation(() => ({ params: { id }, path: '/group/card/index' }));
  return render(<GroupReportCard />);
}

let warn: jest.SpyInstance;
beforeEach(() => {
  resetFake();
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('a report card opened in its building group', () => {
  it('sends the group\'s cloudID as it is and shows the public view: what, where, status in words, what happens next, and no name', async () => {
    inWechat();
    openedInGroup('cloud-id-1');
    answer('groups.card', ok(inGroup()));
    openCard();

    expect(await screen.findByText('🔊 噪音扰民')).toBeInTheDocument();
    expect(sentTo('groups.card').map((c) => c.data)).toEqual([{ reportId: 'r1', cloudID: 'cloud-id-1' }]);
    expect(screen.getByText('1号楼 楼栋群里的反映')).toBeInTheDocument();
    expect(screen.getByText('阳光社区 幸福里小区 1号楼')).toBeInTheDocument();
    expect(screen.getByText('楼上每晚十一点后还在拖椅子')).toBeInTheDocument();
    expect(screen.getByText('幸福里小区 1号楼')).toBeInTheDocument();
    expect(screen.getAllByText('待响应').length).toBeGreaterThan(0);
    expect(screen.getByText(/^已交给楼栋，.+前响应，.+前办好。$/)).toBeInTheDocument();
    // The summary carries the handler's name; the card, read by the whole group, never shows a name.
    expect(document.body.textContent).not.toContain('陈强');
    expect(screen.getByText('我也遇到了（+1）')).toBeInTheDocument();
  });

  it('follows the report through the reports service and says so', async () => {
    inWechat();
    openedInGroup('cloud-id-1');
    answer('groups.card', ok(inGroup()));
    answer('reports.follow', ok(detail({ followers: 1 })));
    openCard();

    fireEvent.click(await screen.findByText('我也遇到了（+1）'));

    expect(await screen.findByText('已跟进，办理人会知道又有一户遇到了')).toBeInTheDocument();
    expect(sentTo('reports.follow').map((c) => c.data)).toEqual([{ id: 'r1' }]);
    expect(screen.queryByText('我也遇到了（+1）')).not.toBeInTheDocument();
    expect(screen.getByText('已有 1 户也遇到了')).toBeInTheDocument();
    expect(screen.getByText('您已跟进这条反映，有进展时近邻会通知您。')).toBeInTheDocument();
  });

  it('says why a follow was refused, and keeps the button', async () => {
    inWechat();
    openedInGroup('cloud-id-1');
    answer('groups.card', ok(inGroup()));
    answer('reports.follow', { ok: false, code: 'AUTH.FORBIDDEN', message: '只有本楼居民能跟进这条反映' });
    openCard();

    fireEvent.click(await screen.findByText('我也遇到了（+1）'));

    expect(await screen.findByText('只有本楼居民能跟进这条反映')).toBeInTheDocument();
    expect(screen.getByText('我也遇到了（+1）')).toBeInTheDocument();
  });

  it('offers 登记入住 from the group to someone not registered yet, and no +1', async () => {
    inWechat();
    openedInGroup('cloud-id-1');
    answer('groups.card', ok(inGroup({ registered: false, mayFollow: false })));
    openCard();

    fireEvent.click(await screen.findByText('登记入住'));

    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/register/join/index?group=1' });
    expect(screen.getByText('您还没有登记。登记为1号楼的居民后，就能跟进这条反映，也能反映自己遇到的问题。')).toBeInTheDocument();
    expect(screen.queryByText('我也遇到了（+1）')).not.toBeInTheDocument();
  });

  it('says the caller follows it already instead of offering +1 again', async () => {
    inWechat();
    openedInGroup('cloud-id-1');
    answer('groups.card', ok(inGroup({ mayFollow: false, following: true })));
    openCard();

    expect(await screen.findByText('您已跟进这条反映，有进展时近邻会通知您。')).toBeInTheDocument();
    expect(screen.queryByText('我也遇到了（+1）')).not.toBeInTheDocument();
  });
});

describe('a report card opened anywhere else', () => {
  it('outside any group: asks with no cloudID, logs why, and shows only that such a report exists', async () => {
    inWechat();
    answer('groups.card', ok(OUTSIDE));
    openCard();

    expect(await screen.findByText('这里有一条反映')).toBeInTheDocument();
    expect(screen.getByText('噪音扰民')).toBeInTheDocument();
    expect(sentTo('groups.card').map((c) => c.data)).toEqual([{ reportId: 'r1', cloudID: null }]);
    expect(warn).toHaveBeenCalledWith('[groups] no group: getGroupEnterInfo failed', { errMsg: 'getGroupEnterInfo:fail not in group' });
    expect(screen.getByText('如果您住在这栋楼，请回到本楼的微信群，在群里点开这张卡片。')).toBeInTheDocument();
    expect(screen.queryByText('我也遇到了（+1）')).not.toBeInTheDocument();
    expect(screen.queryByText('登记入住')).not.toBeInTheDocument();
  });

  it('in another group: the function decides, the page shows what it answered', async () => {
    inWechat();
    openedInGroup('cloud-id-of-another-group');
    answer('groups.card', ok(OUTSIDE));
    openCard();

    expect(await screen.findByText('只能在本楼群里查看')).toBeInTheDocument();
    expect(sentTo('groups.card')[0].data).toEqual({ reportId: 'r1', cloudID: 'cloud-id-of-another-group' });
    expect(document.body.textContent).not.toContain('楼上每晚十一点后还在拖椅子');
  });

  it('treats a WeChat answer without a cloudID as no group (never decodes encryptedData)', async () => {
    inWechat();
    taro.getGroupEnterInfo.mockImplementation(async () => ({ errMsg: 'getGroupEnterInfo:ok', encryptedData: 'secret', iv: 'iv' }));
    answer('groups.card', ok(OUTSIDE));
    openCard();

    await screen.findByText('这里有一条反映');
    expect(sentTo('groups.card')[0].data).toEqual({ reportId: 'r1', cloudID: null });
    expect(warn).toHaveBeenCalledWith('[groups] no group: getGroupEnterInfo gave no cloudID', 'getGroupEnterInfo:ok');
  });

  it('in a browser standing in for WeChat: the stand-in group becomes a dev-group cloudID, never getGroupEnterInfo', async () => {
    taro.setStorageSync('jinlin.devOpenid', 'dev-openid-1');
    taro.setStorageSync('jinlin.devGroup', 'g-3hao');
    answer('groups.card', ok(inGroup()));
    openCard();

    await screen.findByText('🔊 噪音扰民');
    expect(sentTo('groups.card')[0].data).toEqual({ reportId: 'r1', cloudID: expect.stringMatching(/^dev-group:g-3hao:[a-z0-9]+$/) });
    expect(taro.getGroupEnterInfo).not.toHaveBeenCalled();
  });

  it('a browser without the stand-in user has no group, whatever storage says', async () => {
    taro.setStorageSync('jinlin.devGroup', 'g-3hao');
    answer('groups.card', ok(OUTSIDE));
    openCard();

    await screen.findByText('这里有一条反映');
    expect(sentTo('groups.card')[0].data).toEqual({ reportId: 'r1', cloudID: null });
  });

  it('says a report that is not there, with a way to look again', async () => {
    inWechat();
    answer('groups.card', { ok: false, code: 'REPORT.NOT_FOUND', message: '找不到这条反映' });
    openCard();

    expect(await screen.findByText('找不到这条反映')).toBeInTheDocument();
    answer('groups.card', ok(OUTSIDE));
    fireEvent.click(screen.getByText('重新加载'));
    await waitFor(() => expect(sentTo('groups.card')).toHaveLength(2));
    expect(await screen.findByText('这里有一条反映')).toBeInTheDocument();
  });
});
