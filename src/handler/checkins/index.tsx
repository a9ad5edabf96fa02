/**
 * 党员报到审核: the queue of party members checking in, for the compound's branch secretary (their
 * compound) and the community secretary (the community, with its 直管 members, and every compound in
 * it), oldest first. Each is approved — as someone already registered with the same phone, or as whoever
 * they are — or returned with a reason on a screen of its own. Someone who does not decide check-ins is
 * told who does, and nothing else; a decision someone else made first is said and the queue read again.
 */
import { Text } from '@tarojs/components';
import type { CheckinQueueItem } from '../../core/api';
import { DECIDES_CHECKINS, memberActionRefusal } from '../../core/checkins';
import { Button } from '../../components/nut';
import { Failed, Loading } from '../../components/PageStatus';
import { HandlersOnly, type Door } from '../../components/HandlersOnly';
import { checkReasonOf, ReasonScreen } from '../../components/ReasonScreen';
import { Screen } from '../../components/Screen';
import { useDecisionQueue, type DecisionQueue } from '../../components/useDecisionQueue';
import { approveCheckin, pendingCheckins, returnCheckin } from '../../services/checkins';
import { goHome } from '../../utils/nav';
import { CheckinCard, NEW_MEMBER, needsChoice } from './CheckinCard';
import '../../components/applicant.scss';

const COMMON_REASONS = ['组织关系所在党支部没写清楚', '电话打不通，请联系党支部书记', '请扫本小区的报到码', '直管党员请到社区报到'];

const checkReason = (reason: string): string | null => checkReasonOf(reason, '退回');

/** Who decides check-ins: the branch and community secretaries (DECIDES_CHECKINS); the server refuses anyone else too. */
const SECRETARIES: Door = {
  allow: (me) => me.bindings.some((b) => DECIDES_CHECKINS.approve.includes(b.role)),
  title: '这是审核党员报到的页面',
  // The server's wording for the same refusal (for someone who is not a member yet).
  refusal: memberActionRefusal([], 'decide'),
};

const QUEUE: DecisionQueue<CheckinQueueItem> = {
  read: async () => {
    const result = await pendingCheckins();
    return result.ok ? { ok: true, data: result.data.checkins } : result;
  },
  // Someone else decided it first: the queue is read again.
  decided: new Set(['CHECKIN.ALREADY_DECIDED', 'CHECKIN.NOT_FOUND', 'CONFLICT.VERSION']),
  needsChoice,
  newChoice: NEW_MEMBER,
  chooseFirst: '请先选：是已登记的哪一位，还是新登记一人',
  confirmation: (item, personId) => {
    const as = personId ? `，就是已登记的 ${item.matches.find((m) => m.id === personId)?.name ?? ''}` : '';
    return `${item.name}（${item.memberTypeLabel}党员）报到到 ${item.unit.name}${as}。通过后 ta 就是这里的报到党员。`;
  },
  approve: (item, personId) => approveCheckin(item.id, item.version, personId),
  decline: (item, reason) => returnCheckin(item.id, item.version, reason),
  declined: '已退回',
  checkReason,
};

export default function CheckinApprovals() {
  const { state, load, declining: returning, startDecline, reasonProps, cardProps } = useDecisionQueue(QUEUE);

  const page = () => {
    if (returning) {
      return (
        <ReasonScreen
          className='checkins'
          title={`退回：${returning.name}`}
          trail={returning.trail}
          label='退回的原因'
          placeholder='例如：请写明组织关系所在的党支部全称'
          common={COMMON_REASONS}
          confirm='确认退回'
          {...reasonProps}
        />
      );
    }

    if (state.status === 'loading') return <Loading />;
    // A secretary whom the server refuses all the same (their binding moved meanwhile): said, with the way home.
    if (state.status === 'failed' && state.code === 'AUTH.FORBIDDEN') {
      return (
        <Screen className='checkins'>
          <Text className='queue__title page-title'>党员报到审核</Text>
          <Text className='message message--error'>{state.message}</Text>
          <Button className='block-button' type='primary' size='large' block onClick={goHome}>
            回到首页
          </Button>
        </Screen>
      );
    }

    if (state.status === 'failed') return <Failed message={state.message} onRetry={() => void load()} />;

    const { items } = state;
    return (
      <Screen className='checkins'>
        <Text className='queue__title page-title'>党员报到审核</Text>
        <Text className='queue__lead'>
          {items.length === 0 ? '现在没有等待审核的报到。有党员报到时，会发消息告诉您。' : `${items.length} 位党员等待审核。核对组织关系和电话后再通过；自己填写的号码请先打电话核对。`}
        </Text>
        {items.map((item) => (
          <CheckinCard key={item.id} {...cardProps(item)} onReturn={() => startDecline(item)} />
        ))}
      </Screen>
    );
  };

  return <HandlersOnly door={SECRETARIES}>{page}</HandlersOnly>;
}
