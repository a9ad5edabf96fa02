/**
 * 入住审核: the approver's queue (building leads for their building, staff above it), oldest first.
 * Each applicant is approved — as a resident the community already registered with the same phone,
 * or as a new one — or turned away with a reason on a screen of its own. A decision someone else made
 * first is said, and the queue read again. Only for approvers: anyone else is told so before the queue.
 */
import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import type { RegistrationQueueItem } from '../../core/api';
import { APPROVES_REGISTRATIONS } from '../../core/registrations';
import { HandlersOnly, type Door } from '../../components/HandlersOnly';
import { Failed, Loading } from '../../components/PageStatus';
import { hasSession, isSessionLost, type ClientFailure } from '../../services/api';
import { approveRegistration, pendingRegistrations, rejectRegistration } from '../../services/registration';
import { goToLogin } from '../../utils/nav';
import { ApplicantCard, NEW_RESIDENT, needsChoice } from './ApplicantCard';
import { checkReason, RejectScreen } from './RejectScreen';
import { Screen } from '../../components/Screen';
import './index.scss';

type State = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; items: RegistrationQueueItem[] };

/** Who approves new neighbours: the roles of APPROVES_REGISTRATIONS (a property manager handles reports but approves no one). */
const APPROVERS: Door = {
  allow: (me) => me.bindings.some((b) => APPROVES_REGISTRATIONS.includes(b.role)),
  title: '这是审核新邻居的页面',
  refusal: '入住审核是给楼栋长、小区党支部书记和社区工作人员用的；您要反映问题，可以回首页点「随手拍」',
};

/** Someone else decided it first: the queue is read again. */
const DECIDED = new Set(['REGISTRATION.ALREADY_DECIDED', 'REGISTRATION.NOT_FOUND', 'CONFLICT.VERSION']);

export default function Approvals() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState<RegistrationQueueItem | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!hasSession()) return goToLogin();
    const result = await pendingRegistrations();
    if (result.ok) setState({ status: 'ready', items: result.data.registrations });
    else if (isSessionLost(result)) goToLogin(result.message);
    else setState({ status: 'failed', message: result.message });
  }, []);

  useDidShow(() => {
    void load();
  });

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const settle = (item: RegistrationQueueItem, done: string) => {
    setState((s) => (s.status === 'ready' ? { ...s, items: s.items.filter((i) => i.id !== item.id) } : s));
    void Taro.showToast({ title: done, icon: 'success', duration: 1500 });
  };

  /** A refusal: said on the applicant's card, or, when someone decided first, said and the queue reloaded. */
  const refused = (item: RegistrationQueueItem, failure: ClientFailure) => {
    if (isSessionLost(failure)) return goToLogin(failure.message);
    if (DECIDED.has(failure.code)) {
      void Taro.showToast({ title: failure.message, icon: 'none', duration: 2500 });
      void load();
      return;
    }
    setErrors((e) => ({ ...e, [item.id]: failure.message }));
  };

  const approve = async (item: RegistrationQueueItem) => {
    if (busy) return;
    const picked = choices[item.id];
    if (needsChoice(item) && !picked) {
      setErrors((e) => ({ ...e, [item.id]: '请先选：是社区已登记的哪一位，还是新居民' }));
      return;
    }
    const personId = needsChoice(item) && picked !== NEW_RESIDENT ? picked : null;
    const as = personId ? `，就是社区登记的 ${item.matches.find((m) => m.id === personId)?.name ?? ''}` : item.applicant ? '' : '，作为新居民';
    const answer = await Taro.showModal({
      title: '确认通过',
      content: `${item.name}：${item.building.name} ${item.doorLabel}${as}。通过后 ta 就能使用近邻。`,
      confirmText: '通过',
      cancelText: '再看看',
      confirmColor: '#c62f2f',
    });
    if (!answer.confirm) return;
    setBusy(true);
    setErrors((e) => ({ ...e, [item.id]: null }));
    const result = await approveRegistration(item.id, item.version, personId);
    setBusy(false);
    if (result.ok) settle(item, '已通过');
    else refused(item, result);
  };

  const startReject = (item: RegistrationQueueItem) => {
    setRejecting(item);
    setReason('');
    setReasonError(null);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };

  const reject = async () => {
    if (busy || !rejecting) return;
    const problem = checkReason(reason);
    setReasonError(problem);
    if (problem) return;
    setBusy(true);
    const result = await rejectRegistration(rejecting.id, rejecting.version, reason.trim());
    setBusy(false);
    if (result.ok) {
      settle(rejecting, '已告知申请人');
      setRejecting(null);
    } else if (result.field === 'reason') setReasonError(result.message);
    else {
      setRejecting(null);
      refused(rejecting, result);
    }
  };

  // The queue loads alongside the door's question (an approver waits once); it shows only behind the door.
  const page = () => {
    if (rejecting) {
      return (
        <RejectScreen
          item={rejecting}
          reason={reason}
          onReason={(r) => {
            setReason(r);
            if (reasonError) setReasonError(checkReason(r));
          }}
          error={reasonError}
          busy={busy}
          onConfirm={() => void reject()}
          onCancel={() => setRejecting(null)}
        />
      );
    }

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
          <ApplicantCard
            key={item.id}
            item={item}
            choice={choices[item.id]}
            onChoose={(v) => {
              setChoices((c) => ({ ...c, [item.id]: v }));
              setErrors((e) => ({ ...e, [item.id]: null }));
            }}
            onApprove={() => void approve(item)}
            onReject={() => startReject(item)}
            busy={busy}
            error={errors[item.id] ?? null}
          />
        ))}
      </Screen>
    );
  };

  return <HandlersOnly door={APPROVERS}>{page}</HandlersOnly>;
}
