/**
 * 党员报到审核: the queue of party members checking in, for the compound's branch secretary (their
 * compound) and the community secretary (the community, with its 直管 members, and every compound in
 * it), oldest first. Each is approved — as someone already registered with the same phone, or as whoever
 * they are — or returned with a reason on a screen of its own. Someone who does not decide check-ins is
 * told who does, and nothing else; a decision someone else made first is said and the queue read again.
 */
import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import type { CheckinQueueItem } from '../../core/api';
import { Button } from '../../components/nut';
import { Failed, Loading } from '../../components/PageStatus';
import { checkReasonOf, ReasonScreen } from '../../components/ReasonScreen';
import { Screen } from '../../components/Screen';
import { hasSession, isSessionLost, type ClientFailure } from '../../services/api';
import { approveCheckin, pendingCheckins, returnCheckin } from '../../services/checkins';
import { goHome, goToLogin } from '../../utils/nav';
import { CheckinCard, NEW_MEMBER, needsChoice } from './CheckinCard';
import '../../components/applicant.scss';

type State = { status: 'loading' } | { status: 'forbidden'; message: string } | { status: 'failed'; message: string } | { status: 'ready'; items: CheckinQueueItem[] };

/** Someone else decided it first: the queue is read again. */
const DECIDED = new Set(['CHECKIN.ALREADY_DECIDED', 'CHECKIN.NOT_FOUND', 'CONFLICT.VERSION']);

const COMMON_REASONS = ['组织关系所在党支部没写清楚', '电话打不通，请联系党支部书记', '请扫本小区的报到码', '直管党员请到社区报到'];

const checkReason = (reason: string): string | null => checkReasonOf(reason, '退回');

export default function CheckinApprovals() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState<CheckinQueueItem | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!hasSession()) return goToLogin();
    const result = await pendingCheckins();
    if (result.ok) setState({ status: 'ready', items: result.data.checkins });
    else if (isSessionLost(result)) goToLogin(result.message);
    else if (result.code === 'AUTH.FORBIDDEN') setState({ status: 'forbidden', message: result.message });
    else setState({ status: 'failed', message: result.message });
  }, []);

  useDidShow(() => {
    void load();
  });

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const settle = (item: CheckinQueueItem, done: string) => {
    setState((s) => (s.status === 'ready' ? { ...s, items: s.items.filter((i) => i.id !== item.id) } : s));
    void Taro.showToast({ title: done, icon: 'success', duration: 1500 });
  };

  /** A refusal: said on the member's card, or, when someone decided first, said and the queue reloaded. */
  const refused = (item: CheckinQueueItem, failure: ClientFailure) => {
    if (isSessionLost(failure)) return goToLogin(failure.message);
    if (DECIDED.has(failure.code)) {
      void Taro.showToast({ title: failure.message, icon: 'none', duration: 2500 });
      void load();
      return;
    }
    setErrors((e) => ({ ...e, [item.id]: failure.message }));
  };

  const approve = async (item: CheckinQueueItem) => {
    if (busy) return;
    const picked = choices[item.id];
    if (needsChoice(item) && !picked) {
      setErrors((e) => ({ ...e, [item.id]: '请先选：是已登记的哪一位，还是新登记一人' }));
      return;
    }
    const personId = needsChoice(item) && picked !== NEW_MEMBER ? picked : null;
    const as = personId ? `，就是已登记的 ${item.matches.find((m) => m.id === personId)?.name ?? ''}` : '';
    const answer = await Taro.showModal({
      title: '确认通过',
      content: `${item.name}（${item.memberTypeLabel}党员）报到到 ${item.unit.name}${as}。通过后 ta 就是这里的报到党员。`,
      confirmText: '通过',
      cancelText: '再看看',
      confirmColor: '#c62f2f',
    });
    if (!answer.confirm) return;
    setBusy(true);
    setErrors((e) => ({ ...e, [item.id]: null }));
    const result = await approveCheckin(item.id, item.version, personId);
    setBusy(false);
    if (result.ok) settle(item, '已通过');
    else refused(item, result);
  };

  const startReturn = (item: CheckinQueueItem) => {
    setReturning(item);
    setReason('');
    setReasonError(null);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };

  const sendBack = async () => {
    if (busy || !returning) return;
    const problem = checkReason(reason);
    setReasonError(problem);
    if (problem) return;
    setBusy(true);
    const result = await returnCheckin(returning.id, returning.version, reason.trim());
    setBusy(false);
    if (result.ok) {
      settle(returning, '已退回');
      setReturning(null);
    } else if (result.field === 'reason') setReasonError(result.message);
    else {
      setReturning(null);
      refused(returning, result);
    }
  };

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
        reason={reason}
        onReason={(r) => {
          setReason(r);
          if (reasonError) setReasonError(checkReason(r));
        }}
        error={reasonError}
        busy={busy}
        onConfirm={() => void sendBack()}
        onCancel={() => setReturning(null)}
      />
    );
  }

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed message={state.message} onRetry={() => void load()} />;
  if (state.status === 'forbidden') {
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

  const { items } = state;
  return (
    <Screen className='checkins'>
      <Text className='queue__title page-title'>党员报到审核</Text>
      <Text className='queue__lead'>
        {items.length === 0 ? '现在没有等待审核的报到。有党员报到时，会发消息告诉您。' : `${items.length} 位党员等待审核。核对组织关系和电话后再通过；自己填写的号码请先打电话核对。`}
      </Text>
      {items.map((item) => (
        <CheckinCard
          key={item.id}
          item={item}
          choice={choices[item.id]}
          onChoose={(v) => {
            setChoices((c) => ({ ...c, [item.id]: v }));
            setErrors((e) => ({ ...e, [item.id]: null }));
          }}
          onApprove={() => void approve(item)}
          onReturn={() => startReturn(item)}
          busy={busy}
          error={errors[item.id] ?? null}
        />
      ))}
    </Screen>
  );
}
