import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import type { InboxCounts, Me, NotRegistered } from '../../core/api';
import { BINDS_GROUPS } from '../../core/groups';
import { APPROVES_REGISTRATIONS } from '../../core/registrations';
import { Button } from '../../components/nut';
import { RoleChips } from '../../components/RoleChips';
import { Screen } from '../../components/Screen';
import { WayIn } from '../../components/WayIn';
import { hasSession, isSessionLost, whoAmI } from '../../services/api';
import { listMessages } from '../../services/messages';
import { pendingRegistrations } from '../../services/registration';
import { inbox } from '../../services/reports';
import { buildingsOf, placesOf, roleLabelsOf } from '../../utils/me';
import { goToLogin, groupBindUrl, open, PAGES } from '../../utils/nav';
import { LECTURE_PAGES } from '../../lectures/urls';
import { MEMBER_PAGES } from '../../members/urls';
import { POINTS_PAGES } from '../../points/urls';
import { EARNS_POINTS } from '../../core/points';
import { WISH_PAGES } from '../../wishes/urls';
import { PROPERTY_PAGES } from '../../property/urls';
import { ECHO_PAGES } from '../../echo/urls';
import { DELIBERATION_PAGES } from '../../deliberation/urls';
import { ANSWERS_SURVEY } from '../../core/assessment-access';
import { DECIDES_CHECKINS } from '../../core/checkins';
import { pendingCheckins } from '../../services/members';
import './index.scss';

type State =
  | { status: 'loading' }
  | { status: 'ready'; me: Me }
  /** A WeChat user nobody has registered yet: the way in instead of the entries. */
  | { status: 'outsider'; who: NotRegistered }
  | { status: 'failed'; message: string };

interface Entry {
  key: string;
  /** Tells apart entries of one kind (one per building). */
  id?: string;
  title: string;
  hint: string;
  /** The page it opens. */
  page: string;
}

const ENTRIES: Entry[] = [
  { key: 'report', title: '随手拍', hint: '我要反映问题', page: PAGES.reportNew },
  { key: 'mine', title: '我的反映', hint: '看看办得怎么样', page: PAGES.reportMine },
  { key: 'messages', title: '消息', hint: '办理进展通知', page: PAGES.messages },
  { key: 'lectures', title: '社区讲堂', hint: '报名听讲座', page: LECTURE_PAGES.list },
  { key: 'checkin', title: '党员报到', hint: '扫码报到，看报到情况', page: MEMBER_PAGES.mine },
  { key: 'wishes', title: '微心愿', hint: '许个心愿，帮邻居圆梦', page: WISH_PAGES.index },
  // The resident's own compound (the action finds it from their binding).
  { key: 'echo', title: '回音壁', hint: '大家反映的问题办得怎么样', page: ECHO_PAGES.wall },
  // The topics of the person's buildings, compound and community: vote, opinions, decisions, 公约.
  { key: 'deliberation', title: '小区议事', hint: '议题、投票、小区公约', page: DELIBERATION_PAGES.index },
];

/** Handlers see their queue first: it is the one thing they open the app for. */
const TODO: Entry = { key: 'todo', title: '待办', hint: '等我处理的反映', page: PAGES.handlerInbox };

/** Building leads and staff above them: new neighbours waiting to be let in. */
const APPROVALS: Entry = { key: 'approvals', title: '入住审核', hint: '新邻居的入住登记', page: PAGES.handlerApprovals };

const approves = (me: Me) => me.bindings.some((b) => APPROVES_REGISTRATIONS.includes(b.role));

/** Branch and community secretaries: party members checking in, waiting for them. */
const CHECKIN_QUEUE: Entry = { key: 'checkins', title: '党员报到审核', hint: '党员扫码报到的审核', page: PAGES.handlerCheckins };

const decidesCheckins = (me: Me) => me.bindings.some((b) => DECIDES_CHECKINS.approve.includes(b.role));

/** Members and volunteers: their points, the shop and the board (积分). */
const POINTS: Entry = { key: 'points', title: '我的积分', hint: '积分、兑换、公示栏', page: POINTS_PAGES.index };

const earnsPoints = (me: Me) => me.bindings.some((b) => EARNS_POINTS.includes(b.role));

/** Residents: their compound's property company — this month's survey and the flags (物业测评). */
const PROPERTY: Entry = { key: 'property', title: '物业测评', hint: '评价物业，看红旗黄旗', page: PROPERTY_PAGES.index };

const answersSurvey = (me: Me) => me.bindings.some((b) => ANSWERS_SURVEY.includes(b.role));

/** "2 位党员等待审核". */
function checkinsHint(waiting: number): string {
  return waiting === 0 ? '现在没有等待审核的报到' : `${waiting} 位党员等待审核`;
}

/** Building leads: 绑定楼栋群, one entry per building they lead (a lead of two buildings has two groups). */
const groupEntries = (me: Me): Entry[] =>
  buildingsOf(me, BINDS_GROUPS).map((b) => ({ key: 'group', id: b.unitId, title: '绑定楼栋群', hint: `${b.label}的微信群`, page: groupBindUrl(b.unitId) }));

/** Grid leads (家长) and stewards (管家): 我的网格, one entry per grid (once if they are both on it). */
const gridEntries = (me: Me): Entry[] =>
  [...new Map(me.bindings.filter((b) => b.role === 'grid_lead' || b.role === 'steward').map((b) => [b.unit.id, b.unit.name])).entries()].map(([id, name]) => ({
    key: 'grid',
    id: `grid:${id}`,
    title: '我的网格',
    hint: `${name}的住户和党员`,
    page: `/handler/grid/index?unitId=${encodeURIComponent(id)}`,
  }));

/** "2 户等待审核" — what the 入住审核 entry says once the queue is counted. */
function approvalsHint(waiting: number): string {
  return waiting === 0 ? '现在没有等待审核的登记' : `${waiting} 户等待审核`;
}

/** "3 件待办，1 件已超时" — what the 待办 entry says when there is work. */
function todoHint(c: InboxCounts): string {
  if (c.assigned === 0) return '现在没有等我处理的反映';
  const parts = [`${c.assigned} 件等我处理`];
  if (c.overdue > 0) parts.push(`${c.overdue} 件已超时`);
  else if (c.dueSoon > 0) parts.push(`${c.dueSoon} 件快到期`);
  return parts.join('，');
}

export default function Home() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [unread, setUnread] = useState(0);
  const [counts, setCounts] = useState<InboxCounts | null>(null);
  const [waiting, setWaiting] = useState<number | null>(null);
  const [checkinsWaiting, setCheckinsWaiting] = useState<number | null>(null);

  const load = useCallback(async () => {
    if (!hasSession()) {
      goToLogin();
      return;
    }
    const result = await whoAmI();
    if (result.ok) {
      const me = result.data;
      if (!me.registered) return setState({ status: 'outsider', who: me });
      setState({ status: 'ready', me });
      // The badges are extras: when they cannot be fetched the entries still work.
      void listMessages(undefined, 1).then((m) => m.ok && setUnread(m.data.unread));
      if (me.isHandler) void inbox({ view: 'assigned', limit: 1 }).then((r) => r.ok && setCounts(r.data.counts));
      if (approves(me)) void pendingRegistrations().then((r) => r.ok && setWaiting(r.data.registrations.length));
      if (decidesCheckins(me)) void pendingCheckins().then((r) => r.ok && setCheckinsWaiting(r.data.checkins.length));
    } else if (isSessionLost(result)) goToLogin(result.message);
    else setState({ status: 'failed', message: result.message });
  }, []);

  useDidShow(() => {
    void load();
  });

  if (state.status === 'loading') {
    return (
      <Screen>
        <Text className='loading'>正在加载…</Text>
      </Screen>
    );
  }

  if (state.status === 'failed') {
    return (
      <Screen>
        <Text className='message message--error'>{state.message}</Text>
        <Button type='primary' size='large' block onClick={() => void load()}>
          重新加载
        </Button>
      </Screen>
    );
  }

  if (state.status === 'outsider') {
    return (
      <Screen className='home'>
        <WayIn title='欢迎使用近邻' howTo={state.who.howToRegister} registration={state.who.registration} />
      </Screen>
    );
  }

  const { me } = state;
  const places = placesOf(me);
  const roles = roleLabelsOf(me);
  const entries = [...(me.isHandler ? [TODO] : []), ...(approves(me) ? [APPROVALS] : []), ...(decidesCheckins(me) ? [CHECKIN_QUEUE] : []), ...groupEntries(me), ...gridEntries(me), ...ENTRIES, ...(answersSurvey(me) ? [PROPERTY] : []), ...(earnsPoints(me) ? [POINTS] : [])];
  const allBuildings = places.length > 0 && places.every((p) => p.kind === 'building');

  return (
    <Screen className='home'>
      <View className='card home__hello'>
        <Text className='home__name page-title'>您好，{me.person.name}</Text>
        {roles.length > 0 && <RoleChips roles={roles} />}
      </View>

      <View className='card'>
        <Text className='section-title'>{allBuildings ? '我的楼栋' : '我的单位'}</Text>
        {places.length === 0 ? (
          <Text className='muted'>还没有登记楼栋，请联系楼栋长或社区。</Text>
        ) : (
          places.map((p) => (
            <View key={p.unitId} className='home__place'>
              <Text className='home__trail trail'>{p.trail}</Text>
              <Text className='muted home__place-roles'>{p.roles.join('、')}</Text>
            </View>
          ))
        )}
      </View>

      <Text className='section-title home__entries-title'>我要办事</Text>
      <View className='home__entries'>
        {entries.map((e) => (
          <View
            key={e.id ?? e.key}
            className={`home__entry home__entry--${e.key}`}
            hoverClass='home__entry--pressed'
            onClick={() => open(e.page)}
          >
            <View className='home__entry-head'>
              <Text className='home__entry-title'>{e.title}</Text>
              {e.key === 'messages' && unread > 0 && (
                <Text className='home__badge' aria-label={`${unread} 条未读消息`}>
                  {unread > 99 ? '99+' : unread}
                </Text>
              )}
            </View>
            <Text className='home__entry-hint'>
              {e.key === 'messages' && unread > 0
                ? `${unread} 条新消息`
                : e.key === 'todo' && counts
                  ? todoHint(counts)
                  : e.key === 'approvals' && waiting !== null
                    ? approvalsHint(waiting)
                    : e.key === 'checkins' && checkinsWaiting !== null
                      ? checkinsHint(checkinsWaiting)
                      : e.hint}
            </Text>
          </View>
        ))}
      </View>
    </Screen>
  );
}
