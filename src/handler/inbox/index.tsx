/**
 * 待办: the handler's reports in lists by urgency, the counts showing where the work is; for a building
 * lead also 关注, the urgent reports in their building that others handle (read, not handled). Only
 * for handlers (HandlersOnly): anyone else is told so before any list.
 */
import { useCallback, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { WATCHES_URGENT_IN_BUILDING } from '../../core/access';
import type { InboxCounts, Me, ReportSummary } from '../../core/api';
import { Button } from '../../components/nut';
import { HandlersOnly } from '../../components/HandlersOnly';
import { Failed } from '../../components/PageStatus';
import { ReportCard } from '../../components/ReportCard';
import { Screen } from '../../components/Screen';
import { hasSession, isSessionLost } from '../../services/api';
import { inbox } from '../../services/reports';
import { goToLogin, handlerReportUrl, open, PAGES, reportUrl } from '../../utils/nav';
import './index.scss';

type View_ = 'assigned' | 'dueSoon' | 'overdue' | 'all' | 'watching';

interface Tab {
  view: View_;
  label: string;
  empty: string;
  /** Said above the list: what the list is, when its label alone does not say. */
  lead?: string;
}

const TABS: Tab[] = [
  { view: 'assigned', label: '分派给我', empty: '现在没有分派给您的反映' },
  { view: 'dueSoon', label: '即将到期', empty: '没有快到期的反映' },
  { view: 'overdue', label: '已超时', empty: '没有超时的反映' },
  { view: 'all', label: '全部', empty: '您负责的范围里还没有反映' },
];

/** Only for those who watch a building's urgent reports (WATCHES_URGENT_IN_BUILDING): for anyone else it is always empty. */
const WATCHING: Tab = {
  view: 'watching',
  label: '关注',
  empty: '您的楼里现在没有由别人办理的紧急反映',
  lead: '您楼里的紧急反映（电梯、消防等）由物业或小区办理。您可以查看进展，不用您办理，也不算您的待办。',
};

const watches = (me: Me) => me.bindings.some((b) => b.unit.kind === 'building' && WATCHES_URGENT_IN_BUILDING.includes(b.role));
const tabsFor = (me: Me): Tab[] => (watches(me) ? [...TABS, WATCHING] : TABS);

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

  // An older server answers no `watching` count: no badge rather than a wrong one.
  const countOf = (v: View_): number | null => (counts && v !== 'all' ? (counts[v] ?? null) : null);

  const body = (me: Me) => {
    const tabs = tabsFor(me);
    const tab = tabs.find((t) => t.view === view) ?? tabs[0];
    return (
      <Screen className='inbox'>
        <View className='inbox__tabs' role='tablist'>
          {tabs.map((t, i) => {
            const n = countOf(t.view);
            // Two tabs a row: an odd last one takes the whole row.
            const wide = i === tabs.length - 1 && tabs.length % 2 === 1;
            return (
              <View
                key={t.view}
                role='tab'
                aria-selected={t.view === view}
                className={`inbox__tab${wide ? ' inbox__tab--wide' : ''}${t.view === view ? ' inbox__tab--on' : ''}${t.view === 'overdue' && n ? ' inbox__tab--alarm' : ''}`}
                onClick={() => pick(t.view)}
              >
                {/* The tab shown is ticked, not only filled. */}
                <Text className='inbox__tab-label'>{t.view === view ? `✓ ${t.label}` : t.label}</Text>
                {n !== null && n > 0 && <Text className='inbox__badge'>{n}</Text>}
              </View>
            );
          })}
        </View>

        {tab.lead && <Text className='inbox__lead'>{tab.lead}</Text>}
        {state.status === 'loading' && <Text className='loading'>正在加载…</Text>}
        {state.status === 'failed' && <Failed message={state.message} onRetry={() => void load(view)} />}
        {state.status === 'ready' &&
          (state.reports.length === 0 ? (
            <View className='card'>
              <Text className='inbox__empty'>{tab.empty}</Text>
            </View>
          ) : (
            state.reports.map((r) =>
              // A watched report is read where its resident reads it (as the watch notice opens it): no deadline of theirs to meet.
              view === 'watching' ? (
                <ReportCard key={r.id} report={r} audience='resident' onOpen={() => open(reportUrl(r.id))} />
              ) : (
                <ReportCard key={r.id} report={r} audience='handler' onOpen={() => open(handlerReportUrl(r.id))} />
              ),
            )
          ))}

        <View className='inbox__record'>
          <Button size='large' block onClick={() => open(PAGES.handlerRecord)}>
            替居民登记反映
          </Button>
        </View>
      </Screen>
    );
  };

  return <HandlersOnly>{body}</HandlersOnly>;
}
