/**
 * A report shared to its building's WeChat group, as whoever opens the card reads it
 * (REPORT_CARD_PAGE, `?id=<reportId>`). The group is read afresh each time the page shows (the
 * cloudID lasts 5 minutes) and the function decides: inside the group bound to the report's
 * building, the report's public view (what, where, how it stands, what happens next; never a name)
 * with 我也遇到了 for a neighbour who may follow it, or 登记入住 for someone not registered yet;
 * anywhere else (forwarded out of the group, another group, no group at all) only that a report of
 * this kind exists, and where its details can be read.
 */
import { useCallback, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ReportCard } from '../../core/api';
import { Button } from '../../components/nut';
import { Failed, Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import { groupCloudId, reportCard } from '../../services/groups';
import { followReport } from '../../services/reports';
import { goHome, joinFromGroupUrl, open, readParam } from '../../utils/nav';
import { cardNextStep } from './next';
import '../group.scss';

type State = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; card: ReportCard };
type InGroup = Extract<ReportCard, { inGroup: true }>;

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <View className='grp__row'>
      <Text className='grp__row-label'>{label}</Text>
      <Text className='grp__row-value'>{children}</Text>
    </View>
  );
}

/** Outside the report's group: that it exists, and kindly where to read more. */
function OnlyThatItExists({ categoryName }: { categoryName: string }) {
  return (
    <Screen className='grp'>
      <View className='card'>
        <Text className='grp__chip grp__chip--info'>只能在本楼群里查看</Text>
        <Text className='grp__title page-title'>这里有一条反映</Text>
        <Row label='反映的是'>{categoryName}</Row>
        <Text className='grp__text grp__text--after-row'>为了保护反映人的隐私，反映的详细情况只在这栋楼的微信群里打开时才能看到。</Text>
        <Text className='grp__text'>如果您住在这栋楼，请回到本楼的微信群，在群里点开这张卡片。</Text>
      </View>
      <Button className='grp__action grp__action--plain' size='large' block onClick={goHome}>
        打开近邻首页
      </Button>
    </Screen>
  );
}

export default function GroupReportCard() {
  const router = useRouter();
  const id = readParam(router.params?.id) ?? '';
  const [state, setState] = useState<State>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Only the latest look settles the page (the page shown again while an earlier answer is on its way).
  const latest = useRef(0);

  const load = useCallback(async () => {
    const turn = ++latest.current;
    if (!id) return setState({ status: 'failed', message: '这张卡片缺少反映的编号，请回到群里重新点开' });
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    const cloudID = await groupCloudId();
    const result = await reportCard(id, cloudID);
    if (turn !== latest.current) return;
    if (result.ok) setState({ status: 'ready', card: result.data });
    else setState({ status: 'failed', message: result.message });
  }, [id]);

  useDidShow(() => {
    void load();
  });

  if (state.status === 'loading') return <Loading text='正在打开这条反映…' />;
  if (state.status === 'failed') return <Failed message={state.message} onRetry={() => void load()} />;
  if (!state.card.inGroup) return <OnlyThatItExists categoryName={state.card.categoryName} />;

  const card: InGroup = state.card;
  const { report, building } = card;

  const follow = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await followReport(report.id);
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setState({ status: 'ready', card: { ...card, mayFollow: false, following: true, report: { ...report, followers: result.data.followers } } });
    setNotice('已跟进，办理人会知道又有一户遇到了');
    void Taro.showToast({ title: '已跟进', icon: 'success', duration: 1500 });
  };

  return (
    <Screen className='grp'>
      <View className='grp__where'>
        <Text className='grp__where-label'>{`${building.name} 楼栋群里的反映`}</Text>
        <Text className='grp__where-trail trail'>{building.trail}</Text>
      </View>

      {notice && <Text className='message message--info grp__note'>{notice}</Text>}
      {error && <Text className='message message--error grp__note'>{error}</Text>}

      <View className='card'>
        <Text className='grp__title page-title'>{`${report.icon} ${report.categoryName}`}</Text>
        {report.urgent && <Text className='grp__chip grp__chip--stopped'>紧急</Text>}
        <Text className='grp__desc'>{report.description}</Text>
        <Row label='地点'>
          <Text className='trail'>{report.place}</Text>
        </Row>
        <Row label='现在'>{report.overdue ? `⚠ ${report.statusLabel}，已超时` : report.statusLabel}</Row>
        <Row label='接下来'>{cardNextStep(report)}</Row>
        {report.followers > 0 && <Row label='邻居'>{`已有 ${report.followers} 户也遇到了`}</Row>}
      </View>

      {card.mayFollow && (
        <Button className='grp__action' type='primary' size='large' block disabled={busy} onClick={() => void follow()}>
          {busy ? '正在提交…' : '我也遇到了（+1）'}
        </Button>
      )}
      {card.following && <Text className='grp__text'>您已跟进这条反映，有进展时近邻会通知您。</Text>}
      {!card.registered && (
        <>
          <Text className='grp__text'>{`您还没有登记。登记为${building.name}的居民后，就能跟进这条反映，也能反映自己遇到的问题。`}</Text>
          <Button className='grp__action' type='primary' size='large' block onClick={() => open(joinFromGroupUrl())}>
            登记入住
          </Button>
        </>
      )}
    </Screen>
  );
}
