/** 我的反映: the resident's reports, newest first; a tap opens one. */
import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ReportSummary } from '../../core/api';
import { Button } from '../../components/nut';
import { Failed, Loading } from '../../components/PageStatus';
import { ReportCard } from '../../components/ReportCard';
import { Screen } from '../../components/Screen';
import { hasSession, isSessionLost } from '../../services/api';
import { myReports } from '../../services/reports';
import { goToLogin, open, PAGES, reportUrl } from '../../utils/nav';
import './mine.scss';

const PAGE_SIZE = 20;

type State = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; reports: ReportSummary[]; more: boolean };

export default function MyReports() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [loadingMore, setLoadingMore] = useState(false);

  const load = useCallback(async () => {
    if (!hasSession()) return goToLogin();
    const result = await myReports({ limit: PAGE_SIZE });
    if (result.ok) setState({ status: 'ready', reports: result.data, more: result.data.length === PAGE_SIZE });
    else if (isSessionLost(result)) goToLogin(result.message);
    else setState({ status: 'failed', message: result.message });
  }, []);

  useDidShow(() => {
    void load();
  });

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const loadMore = async () => {
    if (state.status !== 'ready' || loadingMore) return;
    const last = state.reports[state.reports.length - 1];
    setLoadingMore(true);
    const result = await myReports({ limit: PAGE_SIZE, before: last.createdAt });
    setLoadingMore(false);
    if (result.ok) setState({ status: 'ready', reports: [...state.reports, ...result.data], more: result.data.length === PAGE_SIZE });
    else void Taro.showToast({ title: result.message, icon: 'none', duration: 2500 });
  };

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed message={state.message} onRetry={() => void load()} />;

  return (
    <Screen className='mine'>
      {state.reports.length === 0 ? (
        <View className='card mine__empty'>
          <Text className='mine__empty-text'>您还没有反映过问题。</Text>
          <Text className='muted'>看到楼里有什么问题，拍张照片告诉我们。</Text>
        </View>
      ) : (
        state.reports.map((r) => <ReportCard key={r.id} report={r} audience='resident' onOpen={() => open(reportUrl(r.id))} />)
      )}
      {state.status === 'ready' && state.more && (
        <Button size='large' block disabled={loadingMore} onClick={() => void loadMore()}>
          {loadingMore ? '正在加载…' : '看更早的'}
        </Button>
      )}
      <View className='mine__new'>
        <Button type='primary' size='large' block onClick={() => open(PAGES.reportNew)}>
          我要反映新问题
        </Button>
      </View>
    </Screen>
  );
}
