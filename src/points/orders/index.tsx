/**
 * 我的兑换: one's orders from the shop, newest first, each with its state in words (⏳ 待领取, ✓ 已领取,
 * ✕ 已取消). An order waiting to be collected can be cancelled, with a reason: the points and the goods
 * come back. Opened from 积分超市, 我的积分 and a redemption just made.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RedemptionView } from '../../core/api';
import { Button } from '../../components/nut';
import { Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import { isSessionLost } from '../../services/api';
import { cancelOrder, myOrders } from '../../services/points';
import { goToLogin, open } from '../../utils/nav';
import { Failed } from '../Failed';
import { POINTS_PAGES } from '../urls';
import { useRead } from '../useRead';
import { CancelOrder, checkCancelReason } from './CancelOrder';
import { OrderItem } from './OrderItem';
import '../points.scss';

type Note = { tone: 'error' | 'info'; text: string } | null;

export default function MyOrders() {
  const { state, load } = useRead(myOrders);
  const [cancelling, setCancelling] = useState<RedemptionView | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed code={state.code} message={state.message} onRetry={() => void load()} />;

  const confirmCancel = async (o: RedemptionView) => {
    if (busy) return;
    const problem = checkCancelReason(reason);
    setError(problem);
    if (problem) return;
    setBusy(true);
    const result = await cancelOrder(o.id, reason.trim());
    setBusy(false);
    if (!result.ok) {
      if (isSessionLost(result)) return goToLogin(result.message);
      // A box's own problem stays beside it; anything else (collected meanwhile, offline) too, so it is read.
      return setError(result.message);
    }
    setCancelling(null);
    setNote({ tone: 'info', text: `已取消兑换${o.goodsName}，${o.price} 积分已退回。` });
    await load();
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
  };

  if (cancelling) {
    return (
      <CancelOrder
        order={cancelling}
        reason={reason}
        onReason={(r) => {
          setReason(r);
          setError(null);
        }}
        error={error}
        busy={busy}
        onConfirm={() => void confirmCancel(cancelling)}
        onBack={() => {
          setCancelling(null);
          // Collected or cancelled meanwhile (the refusal said so): the list shows it as it is now.
          void load();
        }}
      />
    );
  }

  const { redemptions } = state.data;
  return (
    <Screen className='points'>
      {note && <Text className={`message message--${note.tone}`}>{note.text}</Text>}
      <Text className='points__title page-title'>我的兑换</Text>
      {redemptions.length === 0 ? (
        <>
          <View className='card'>
            <Text className='points__say'>您还没有兑换过物品。</Text>
          </View>
          <Button className='points__action' type='primary' size='large' block onClick={() => open(POINTS_PAGES.shop)}>
            去积分超市看看
          </Button>
        </>
      ) : (
        redemptions.map((o) => (
          <OrderItem
            key={o.id}
            order={o}
            onCancel={() => {
              setReason('');
              setError(null);
              setNote(null);
              setCancelling(o);
            }}
          />
        ))
      )}
    </Screen>
  );
}
