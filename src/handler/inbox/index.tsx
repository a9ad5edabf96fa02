/** 待办: the handler's reports, in four lists; the counts show where the work is. */
import { useCallback, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { InboxCounts, ReportSummary } from '../../core/api';
import { Button } from '../../components/nut';
import { Failed } from '../../components/PageStatus';
import { ReportCard } from '../../components/ReportCard';
import { Screen } from '../../components/Screen';
import { hasSession, isSessionLost } from '../../services/api';
import { inbox } from '../../services/reports';
import { goToLogin, handlerReportUrl, open, PAGES } from '../../utils/nav';
import './index.scss';

type View_ = 'assigned' | 'dueSoon' | 'overdue' | 'all';

const TABS: { view: View_; label: string; empty: string }[] = [
  { view: 'assigned', label: '分派给我', empty: '现在没有分派给您的反映' },
  { view: 'dueSoon', label: '即将到期', empty: '没有快到期的反映' },
  { view: 'overdue', label: '已超时', empty: '没有超时的反映' },
  { view: 'all', label: '全部', empty: '您负责的范围里还没有反映' },
];

type State = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; reports: ReportSummary[] };

export default function Inbox() {
  const [view, setView] = useState<View_>('assigned');
  const [state, setState] = useState<State>({ status: 'loading' });
  const [counts, setCounts] = useState<InboxCounts | null>(null);
  // Answers can come back out of order when tabs are tapped quickly: only the latest counts.
  const latest = useRef(0);

  const load = useCallback(async (which: View_) => {
    if (!hasSession()) return goToLogin();
    const ticket = ++latest.current;
    setState({ status: 'loading' });
    const result = await inbox({ view: which, limit: 100 });
    if (ticket !== latest.current) return;
    if (result.ok) {
      setState({ status: 'ready', reports: result.data.reports });
      setCounts(result.data.counts);
    } else if (isSessionLost(result)) goToLogin(result.message);
    else setState({ status: 'failed', message: result.message });
  }, []);

  useDidShow(() => {
    void load(view);
  });

  usePullDownRefresh(() => {
    void load(view).finally(() => Taro.stopPullDownRefresh());
  });

  const pick = (v: View_) => {
    setView(v);
    void load(v);
  };

  const countOf = (v: View_): number | null => (counts && v !== 'all' ? counts[v] : null);
  const tab = TABS.find((t) => t.view === view)!;

  return (
    <Screen className='inbox'>
      <View className='inbox__tabs' role='tablist'>
        {TABS.map((t) => {
          const n = countOf(t.view);
          return (
            <View
              key={t.view}
              role='tab'
              aria-selected={t.view === view}
              className={`inbox__tab${t.view === view ? ' inbox__tab--on' : ''}${t.view === 'overdue' && n ? ' inbox__tab--alarm' : ''}`}
              onClick={() => pick(t.view)}
            >
              {/* The tab shown is ticked, not only filled. */}
              <Text className='inbox__tab-label'>{t.view === view ? `✓ ${t.label}` : t.label}</Text>
              {n !== null && n > 0 && <Text className='inbox__badge'>{n}</Text>}
            </View>
          );
        })}
      </View>

      {state.status === 'loading' && <Text className='loading'>正在加载…</Text>}
      {state.status === 'failed' && <Failed message={state.message} onRetry={() => void load(view)} />}
      {state.status === 'ready' &&
        (state.reports.length === 0 ? (
          <View className='card'>
            <Text className='inbox__empty'>{tab.empty}</Text>
          </View>
        ) : (
          state.reports.map((r) => <ReportCard key={r.id} report={r} audience='handler' onOpen={() => open(handlerReportUrl(r.id))} />)
        ))}

      <View className='inbox__record'>
        <Button size='large' block onClick={() => open(PAGES.handlerRecord)}>
          替居民登记反映
        </Button>
      </View>
    </Screen>
  );
}
