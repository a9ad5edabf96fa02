import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { GroupEntered } from '../../src/core/api';
import BindGroup from '../../src/group/bind/index';
import Home from '../../src/pages/index/index';
import { answer, resetFake, sentTo, transport } from './support/fake-transport';
import { binding, buildingLead, me, resident } from './support/fixtures';
import { ok } from './support/reports';
import { shared } from './support/taro';
import { openTypeOf } from './support/wechat';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

const taro = Taro as unknown as {
  getEnv: jest.Mock;
  useRouter: jest.Mock;
  getGroupEnterInfo: jest.Mock;
  showShareMenu: jest.Mock;
  updateShareMenu: jest.Mock;
  showModal: jest.Mock;
  showToast: jest.Mock;
  navigateTo: jest.Mock;
};

const B1 = { id: 'b1', name: '1号楼', kind: 'building' as const, path: '/s1/c1/p1/b1/', trail: '阳光社区 幸福里小区 1号楼' };
const B2 = { id: 'b2', name: '2号楼', kind: 'building' as const, path: '/s1/c1/p1/b2/', trail: '阳光社区 幸福里小区 2号楼' };

/** As the mini-program: WeChat identifies the caller. */
function inWechat() {
  transport.usesToken = false;
  taro.getEnv.mockImplementation(() => 'WEAPP');
}

/** Opened in a group: each getGroupEnterInfo answers a new cloudID, as WeChat's are. */
function inGroup() {
  let n = 0;
  taro.getGroupEnterInfo.mockImplementation(async () => ({ errMsg: 'getGroupEnterInfo:ok', encryptedData: 'x', iv: 'y', cloudID: `cloud-${++n}` }));
}

function openBind(building = 'b1') {
  taro.useRouter.mockImplementation(() => ({ params: { building }, path: '/group/bind/index' }));
  return render(<BindGroup />);
}

const entered = (e: Partial<GroupEntered> = {}) => ok<GroupEntered>({ building: null, mayBindTo: [], ...e });

let warn: jest.SpyInstance;
beforeEach(() => {
  resetFake();
  inWechat();
  answer('auth.whoAmI', ok(buildingLead()));
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('绑定楼栋群 outside a group', () => {
  it('shows the three steps in large type and a share button, and turns on the shareTicket', async () => {
    openBind();

    expect(await screen.findByText('点下面的按钮，把卡片发到本楼的微信群')).toBeInTheDocument();
    expect(screen.getByText('在群里点开这张卡片')).toBeInTheDocument();
    expect(screen.getByText('点“绑定本群”')).toBeInTheDocument();
    expect(screen.getByText('幸福街道 / 阳光社区 / 幸福里小区 / 1号楼')).toBeInTheDocument();
    expect(openTypeOf(screen.getByText('发送卡片到楼栋群'))).toBe('share');
    expect(taro.showShareMenu).toHaveBeenCalledWith({ withShareTicket: true });
    expect(taro.updateShareMenu).toHaveBeenCalledWith({ withShareTicket: true });
    expect(sentTo('groups.enter')).toHaveLength(0);
  });

  it('shares this very page for the building, so the card opens it inside the group', async () => {
    openBind();
    await screen.findByText('发送卡片到楼栋群');

    expect(shared.handler!({ from: 'button' })).toEqual({ title: '请1号楼的楼栋长点开：绑定本楼微信群', path: '/group/bind/index?building=b1' });
  });

  it('tells someone who does not lead the building that it is not theirs to do', async () => {
    answer('auth.whoAmI', ok(resident()));
    openBind();

    expect(await screen.findByText('只有楼栋长能绑定')).toBeInTheDocument();
    expect(screen.getByText('这张卡片是给这栋楼的楼栋长绑定微信群用的，您不用操作。')).toBeInTheDocument();
    expect(screen.queryByText('发送卡片到楼栋群')).not.toBeInTheDocument();
  });
});

describe('绑定楼栋群 inside a group', () => {
  it('binds a group bound nowhere to the lead\'s building, with a fresh cloudID, and shows it bound', async () => {
    inGroup();
    let bound = false;
    answer('groups.enter', () => (bound ? entered({ building: B1 }) : entered({ mayBindTo: [B1] })));
    answer('groups.bind', () => ((bound = true), ok({ building: B1 })));
    openBind();

    fireEvent.click(await screen.findByText('绑定本群到1号楼'));

    expect(await screen.findByText('本群已绑定到1号楼')).toBeInTheDocument();
    expect(screen.getByText('✓ 已绑定')).toBeInTheDocument();
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已绑定' }));
    expect(sentTo('groups.enter')[0].data).toEqual({ cloudID: 'cloud-1' });
    // Asked afresh for the bind: the first may be past its 5 minutes.
    expect(sentTo('groups.bind').map((c) => c.data)).toEqual([{ buildingId: 'b1', cloudID: 'cloud-2' }]);
    expect(screen.getByText('解绑本群')).toBeInTheDocument();
  });

  it('unbinds only after the lead confirms, then offers binding again', async () => {
    inGroup();
    let bound = true;
    answer('groups.enter', () => (bound ? entered({ building: B1 }) : entered({ mayBindTo: [B1] })));
    answer('groups.unbind', () => ((bound = false), ok({ building: B1 })));
    taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    openBind();

    fireEvent.click(await screen.findByText('解绑本群'));
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1));
    expect(taro.showModal.mock.calls[0][0]).toMatchObject({ title: '解绑本群？', confirmText: '解绑' });
    expect(sentTo('groups.unbind')).toHaveLength(0);

    fireEvent.click(screen.getByText('解绑本群'));
    expect(await screen.findByText('绑定本群到1号楼')).toBeInTheDocument();
    expect(sentTo('groups.unbind').map((c) => c.data)).toEqual([{ buildingId: 'b1' }]);
    expect(screen.getByText('已解绑。在本群点开近邻的卡片，不再能看到1号楼反映的详情。')).toBeInTheDocument();
  });

  it('says the group is bound to another building, and whose lead must unbind it', async () => {
    inGroup();
    answer('groups.enter', entered({ building: B2, mayBindTo: [B1] }));
    openBind();

    expect(await screen.findByText('本群已绑定到2号楼')).toBeInTheDocument();
    expect(screen.getByText('一个群只能绑定一栋楼。如果绑错了，请2号楼的楼栋长先解绑，再回到这里绑定。')).toBeInTheDocument();
    expect(screen.queryByText('绑定本群到1号楼')).not.toBeInTheDocument();
  });

  it('shows a refused bind in the server\'s words', async () => {
    inGroup();
    answer('groups.enter', entered({ mayBindTo: [B1] }));
    answer('groups.bind', { ok: false, code: 'GROUP.BOUND_ELSEWHERE', message: '这个群已经绑定到阳光社区 幸福里小区 2号楼了；如果绑错了，请那栋楼的楼栋长先解绑' });
    openBind();

    fireEvent.click(await screen.findByText('绑定本群到1号楼'));

    expect(await screen.findByText('这个群已经绑定到阳光社区 幸福里小区 2号楼了；如果绑错了，请那栋楼的楼栋长先解绑')).toBeInTheDocument();
  });

  it('says a group that cannot be read, what to do, and lets the lead try again or send the card again', async () => {
    inGroup();
    answer('groups.enter', { ok: false, code: 'GROUP.UNREADABLE', message: '没能读到这个微信群：请在楼栋群里点开近邻的卡片再试；也可以扫楼栋长给的楼栋码登记' });
    openBind();

    expect(await screen.findByText('没能读到这个微信群')).toBeInTheDocument();
    expect(screen.getByText('✕ 读不到群')).toBeInTheDocument();
    expect(screen.getByText('请确认您还在这个群里，回到群里重新点开卡片；还是不行，可以把卡片重新发到群里再点开。')).toBeInTheDocument();
    expect(screen.getByText('发送卡片到楼栋群')).toBeInTheDocument();

    answer('groups.enter', entered({ mayBindTo: [B1] }));
    fireEvent.click(screen.getByText('再试一次'));
    expect(await screen.findByText('绑定本群到1号楼')).toBeInTheDocument();
  });

  it('tells a neighbour who taps the lead\'s card in the group that there is nothing for them to do', async () => {
    inGroup();
    answer('auth.whoAmI', ok(resident()));
    answer('groups.enter', entered({ building: B1 }));
    openBind();

    expect(await screen.findByText('本群已绑定到1号楼')).toBeInTheDocument();
    expect(screen.getByText('这张卡片是给1号楼的楼栋长绑定微信群用的，您不用操作。')).toBeInTheDocument();
    expect(screen.queryByText('解绑本群')).not.toBeInTheDocument();
  });
});

describe('绑定楼栋群 on the lead\'s home page', () => {
  it('offers one entry per building the person leads, opening its bind page', async () => {
    const lead = me({ name: '赵桂兰', bindings: [binding('building_lead', '1号楼'), { ...binding('building_lead', '1号楼'), id: 'x', unit: { ...B2, kind: 'building' }, trail: '幸福街道 / 阳光社区 / 幸福里小区 / 2号楼' }], isHandler: true });
    answer('auth.whoAmI', ok(lead));
    answer('reports.inbox', ok({ reports: [], counts: { assigned: 0, dueSoon: 0, overdue: 0 } }));
    render(<Home />);

    await screen.findByText('您好，赵桂兰');
    expect(screen.getAllByText('绑定楼栋群')).toHaveLength(2);
    expect(screen.getByText('幸福里小区 1号楼的微信群')).toBeInTheDocument();
    fireEvent.click(screen.getByText('幸福里小区 2号楼的微信群'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/group/bind/index?building=b2' });
  });

  it('offers none to a resident', async () => {
    answer('auth.whoAmI', ok(resident()));
    render(<Home />);

    await screen.findByText('您好，孙福贵');
    expect(screen.queryByText('绑定楼栋群')).not.toBeInTheDocument();
  });
});
