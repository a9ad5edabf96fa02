/**
 * 入住审核: the approver's queue (building leads for their building, staff above it), oldest first.
 * Each applicant is approved — as a resident the community already registered with the same phone,
 * or as a new one — or turned away with a reason on a screen of its own. A decision someone else made
 * first is said, and the queue read again. Only for approvers: anyone else is told so before the queue.
 */
import { Text } from '@tarojs/components';
import type { RegistrationQueueItem } from '../../core/api';
import { APPROVES_REGISTRATIONS } from '../../core/registrations';
import { HandlersOnly, type Door } from '../../components/HandlersOnly';
import { Failed, Loading } from '../../components/PageStatus';
import { useDecisionQueue, type DecisionQueue } from '../../components/useDecisionQueue';
import { approveRegistration, pendingRegistrations, rejectRegistration } from '../../services/registration';
import { ApplicantCard, NEW_RESIDENT, needsChoice } from './ApplicantCard';
import { checkReason, RejectScreen } from './RejectScreen';
import { Screen } from '../../components/Screen';
import './index.scss';

/** Who approves new neighbours: the roles of APPROVES_REGISTRATIONS (a property manager handles reports but approves no one). */
const APPROVERS: Door = {
  allow: (me) => me.bindings.some((b) => APPROVES_REGISTRATIONS.includes(b.role)),
  title: '这是审核新邻居的页面',
  refusal: '入住审核是给楼栋长、小区党支部书记和社区工作人员用的；您要反映问题，可以回首页点「随手拍」',
};

const QUEUE: DecisionQueue<RegistrationQueueItem> = {
  read: async () => {
    const result = await pendingRegistrations();
    return result.ok ? { ok: true, data: result.data.registrations } : result;
  },
  // Someone else decided it first: the queue is read again.
  decided: new Set(['REGISTRATION.ALREADY_DECIDED', 'REGISTRATION.NOT_FOUND', 'CONFLICT.VERSION']),
  needsChoice,
  newChoice: NEW_RESIDENT,
  chooseFirst: '请先选：是社区已登记的哪一位，还是新居民',
  confirmation: (item, personId) => {
    const as = personId ? `，就是社区登记的 ${item.matches.find((m) => m.id === personId)?.name ?? ''}` : item.applicant ? '' : '，作为新居民';
    return `${item.name}：${item.building.name} ${item.doorLabel}${as}。通过后 ta 就能使用近邻。`;
  },
  approve: (item, personId) => approveRegistration(item.id, item.version, personId),
  decline: (item, reason) => rejectRegistration(item.id, item.version, reason),
  declined: '已告知申请人',
  checkReason,
};

export default function Approvals() {
  const { state, load, declining, startDecline, reasonProps, cardProps } = useDecisionQueue(QUEUE);

  // The queue loads alongside the door's question (an approver waits once); it shows only behind the door.
  const page = () => {
    if (declining) return <RejectScreen item={declining} {...reasonProps} />;

    if (state.status === 'loading') return <Loading />;
    if (state.status === 'failed') return <Failed message={state.message} onRetry={() => void load()} />;

    const { items } = state;
    return (
      <Screen className='approvals'>
        <Text className='approvals__title page-title'>入住审核</Text>
        <Text className='approvals__lead'>
          {items.length === 0 ? '现在没有等待审核的登记。有新邻居登记时，会发消息告诉您。' : `${items.length} 户等待审核。核对姓名、门牌和电话后再通过；自己填写的号码请先打电话核对。`}
        </Text>
        {items.map((item) => (
          <ApplicantCard key={item.id} {...cardProps(item)} onReject={() => startDecline(item)} />
        ))}
      </Screen>
    );
  };

  return <HandlersOnly door={APPROVERS}>{page}</HandlersOnly>;
}
