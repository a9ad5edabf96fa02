/**
 * Cancelling an order before it is collected: the reason (staff read it; a common one fills the box in
 * one tap), what comes back — the points and the goods to the shelf — and one button that does it.
 */
import { Text, View } from '@tarojs/components';
import type { RedemptionView } from '../../core/api';
import { Button } from '../../components/nut';
import { TextBox } from '../../components/Field';
import { Screen } from '../../components/Screen';

export const CANCEL_REASON_MAX = 100;
const COMMON = ['不需要了', '选错了物品', '没时间去领取'] as const;

interface Props {
  order: RedemptionView;
  reason: string;
  onReason: (reason: string) => void;
  error: string | null;
  busy: boolean;
  onConfirm: () => void;
  onBack: () => void;
}

/** The reason as the function accepts it, said before anything is sent. */
export function checkCancelReason(reason: string): string | null {
  const r = reason.trim();
  if (!r) return '请写一写为什么取消，社区工作人员会看到';
  return r.length > CANCEL_REASON_MAX ? `取消原因最多 ${CANCEL_REASON_MAX} 个字` : null;
}

export function CancelOrder({ order, reason, onReason, error, busy, onConfirm, onBack }: Props) {
  return (
    <Screen className='points'>
      <Text className='points__title page-title'>取消兑换</Text>
      <Text className='points__lead'>{`${order.goodsName}：取消后 ${order.price} 积分退回给您，物品放回积分超市。`}</Text>
      <View className='card'>
        <TextBox label='为什么取消' hint='社区工作人员会看到这句话' value={reason} onChange={onReason} placeholder='例如：不需要了' maxLength={CANCEL_REASON_MAX} error={error} />
        <Text className='points__quick-label'>常用原因（点一下填入）</Text>
        <View className='points__quick'>
          {COMMON.map((r) => (
            <View key={r} className='points__quick-item' role='button' hoverClass='points__link--pressed' onClick={() => onReason(r)}>
              <Text>{r}</Text>
            </View>
          ))}
        </View>
      </View>
      <Button className='points__action' type='primary' size='large' block disabled={busy} onClick={onConfirm}>
        {busy ? '正在取消…' : '确认取消兑换'}
      </Button>
      <Button className='points__plain' size='large' block disabled={busy} onClick={onBack}>
        不取消了
      </Button>
    </Screen>
  );
}
