/**
 * 绑定楼栋群 (`?building=<id>`): a building's lead binds the building's WeChat group. Outside a group
 * the page is three steps and a button that shares this very page into the group as a card (with a
 * shareTicket); opened from that card inside the group, it reads the group (groups.enter) and offers
 * what fits: bound here already (解绑, confirmed), 绑定本群到 3号楼, bound to another building (whose
 * lead must unbind it first), or, for a neighbour who taps the lead's card, that it is the lead's to
 * do. A group that cannot be read is said, with what to do about it.
 */
import { useCallback, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { GroupEntered } from '../../core/api';
import { BINDS_GROUPS } from '../../core/groups';
import { Button } from '../../components/nut';
import { Failed, Loading } from '../../components/PageStatus';
import { whoAmI } from '../../services/api';
import { bindGroup, enterGroup, groupCloudId, shareWithTicket, unbindGroup } from '../../services/groups';
import { buildingsOf, type BuildingChoice } from '../../utils/me';
import { groupBindUrl, readParam } from '../../utils/nav';
import { ShareSteps } from './ShareSteps';
import { Screen } from '../../components/Screen';
import '../group.scss';

type State =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  /** Not opened in a group: the steps to get there (a lead), or whom this is for. */
  | { status: 'outside' }
  /** In a group WeChat would not tell us about. */
  | { status: 'unreadable'; message: string }
  | { status: 'inside'; entered: GroupEntered };

type Chip = 'ok' | 'stopped' | 'info';

function Head({ chip, tone, title, children }: { chip: string; tone: Chip; title: string; children?: React.ReactNode }) {
  return (
    <View className='card'>
      <Text className={`grp__chip grp__chip--${tone}`}>{chip}</Text>
      <Text className='grp__title page-title'>{title}</Text>
      {children}
    </View>
  );
}

export default function BindGroup() {
  const router = useRouter();
  const buildingId = readParam(router.params?.building) ?? '';
  const [state, setState] = useState<State>({ status: 'loading' });
  /** The building as its lead's bindings name it; null when the reader does not lead it. */
  const [lead, setLead] = useState<BuildingChoice | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const load = useCallback(async () => {
    const turn = ++latest.current;
    if (!buildingId) return setState({ status: 'failed', message: '请从首页的“绑定楼栋群”打开这一页' });
    const me = await whoAmI();
    if (turn !== latest.current) return;
    if (!me.ok) return setState({ status: 'failed', message: me.message });
    const led = me.data.registered ? (buildingsOf(me.data, BINDS_GROUPS).find((b) => b.unitId === buildingId) ?? null) : null;
    setLead(led);
    // Asked afresh each time: a cloudID lasts 5 minutes.
    const cloudID = await groupCloudId();
    if (turn !== latest.current) return;
    if (!cloudID) return setState({ status: 'outside' });
    const entered = await enterGroup(cloudID);
    if (turn !== latest.current) return;
    if (entered.ok) setState({ status: 'inside', entered: entered.data });
    else if (entered.code.startsWith('GROUP.')) setState({ status: 'unreadable', message: entered.message });
    else setState({ status: 'failed', message: entered.message });
  }, [buildingId]);

  useDidShow(() => {
    shareWithTicket();
    void load();
  });

  // The card this page sends into the group opens this page again, there.
  useShareAppMessage(() => ({
    title: `请${lead?.name ?? '本楼'}的楼栋长点开：绑定本楼微信群`,
    path: groupBindUrl(buildingId),
  }));

  /**
   * One change (bind, unbind): a toast, a note when the page read again does not say it by itself,
   * then the group read again to show where it stands.
   */
  const change = async (task: () => Promise<{ ok: true } | { ok: false; message: string }>, done: string, note: string | null) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    const result = await task();
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setNotice(note);
    void Taro.showToast({ title: done, icon: 'success', duration: 1500 });
    await load();
  };

  const bind = () =>
    void change(async () => {
      const cloudID = await groupCloudId();
      if (!cloudID) return { ok: false, message: '没能读到这个微信群：请回到楼栋群，重新点开卡片再绑定' };
      return bindGroup(buildingId, cloudID);
    }, '已绑定', null);

  const unbind = async () => {
    const name = lead?.name ?? '本楼';
    const asked = await Taro.showModal({
      title: '解绑本群？',
      content: `解绑后，在本群点开近邻的卡片就看不到${name}反映的详情，新邻居也不能从群里登记。`,
      confirmText: '解绑',
      confirmColor: '#c62f2f',
      cancelText: '不解绑',
    });
    if (asked.confirm) void change(() => unbindGroup(buildingId), '已解绑', `已解绑。在本群点开近邻的卡片，不再能看到${name}反映的详情。`);
  };

  if (state.status === 'loading') return <Loading text='正在查看这个群…' />;
  if (state.status === 'failed') return <Failed message={state.message} onRetry={() => void load()} />;

  const name = lead?.name ?? (state.status === 'inside' && state.entered.building?.id === buildingId ? state.entered.building.name : '这栋楼');
  const said = (
    <>
      {notice && <Text className='message message--info grp__note'>{notice}</Text>}
      {error && <Text className='message message--error grp__note'>{error}</Text>}
    </>
  );
  const where = lead && (
    <View className='grp__where'>
      <Text className='grp__where-label'>绑定楼栋群</Text>
      <Text className='grp__where-trail trail'>{lead.trail}</Text>
    </View>
  );
  const notForYou = <Text className='grp__text'>{`这张卡片是给${name}的楼栋长绑定微信群用的，您不用操作。`}</Text>;

  if (state.status === 'outside') {
    return (
      <Screen className='grp'>
        {where}
        {said}
        {lead ? (
          <ShareSteps buildingName={lead.name} />
        ) : (
          <Head chip='只有楼栋长能绑定' tone='info' title='绑定楼栋群'>
            {notForYou}
          </Head>
        )}
      </Screen>
    );
  }

  if (state.status === 'unreadable') {
    return (
      <Screen className='grp'>
        {where}
        {said}
        <Head chip='✕ 读不到群' tone='stopped' title='没能读到这个微信群'>
          <Text className='grp__text'>{state.message}</Text>
          <Text className='grp__text'>请确认您还在这个群里，回到群里重新点开卡片；还是不行，可以把卡片重新发到群里再点开。</Text>
        </Head>
        <Button className='grp__action' type='primary' size='large' block onClick={() => void load()}>
          再试一次
        </Button>
        {lead && <ShareSteps buildingName={lead.name} primary={false} />}
      </Screen>
    );
  }

  const { building, mayBindTo } = state.entered;
  const boundHere = building?.id === buildingId;
  const mayBind = mayBindTo.some((b) => b.id === buildingId);

  return (
    <Screen className='grp'>
      {where}
      {said}
      {boundHere && (
        <>
          <Head chip='✓ 已绑定' tone='ok' title={`本群已绑定到${building!.name}`}>
            <Text className='grp__text'>在本群点开近邻的卡片，邻居能看到本楼反映的详情、跟进反映；新邻居可以直接从群里登记入住。</Text>
            {!lead && notForYou}
          </Head>
          {lead && (
            <Button className='grp__action grp__action--plain' size='large' block disabled={busy} onClick={() => void unbind()}>
              {busy ? '正在解绑…' : '解绑本群'}
            </Button>
          )}
        </>
      )}
      {!building && mayBind && (
        <>
          <Head chip='未绑定' tone='info' title={`把本群绑定到${name}？`}>
            <Text className='grp__text'>绑定后，邻居在本群点开近邻的卡片能看到本楼反映的详情，新邻居可以直接从群里登记入住（仍要您审核）。</Text>
          </Head>
          <Button className='grp__action' type='primary' size='large' block disabled={busy} onClick={bind}>
            {busy ? '正在绑定…' : `绑定本群到${name}`}
          </Button>
        </>
      )}
      {building && !boundHere && (
        // A group belongs to one building at a time: the other building's lead lets it go first.
        <Head chip='已绑定其他楼栋' tone='stopped' title={`本群已绑定到${building.name}`}>
          <Text className='grp__text trail'>{building.trail}</Text>
          <Text className='grp__text'>{`一个群只能绑定一栋楼。如果绑错了，请${building.name}的楼栋长先解绑，再回到这里绑定。`}</Text>
        </Head>
      )}
      {!building && !mayBind && (
        <Head chip='未绑定' tone='info' title='本群还没有绑定楼栋'>
          {notForYou}
        </Head>
      )}
    </Screen>
  );
}
