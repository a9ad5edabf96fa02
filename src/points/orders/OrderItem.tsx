/** One order in 我的兑换: what, for how many points, when, its state in words, and 取消兑换 while it waits to be collected. */
import { Text, View } from '@tarojs/components';
import type { RedemptionView } from '../../core/api';
import { Button } from '../../components/nut';
import { formatDay } from '../../utils/time';
import { Chip } from '../Chip';
import { COLLECT_AT, orderChip } from '../words';

export function OrderItem({ order: o, onCancel, now = Date.now() }: { order: RedemptionView; onCancel: () => void; now?: number }) {
  return (
    <View className={`card order${o.status === 'ordered' ? '' : ' order--past'}`}>
      <Text className='goods__name'>{o.goodsName}</Text>
      <Text className='points__line'>{`${formatDay(o.orderedAt, now)}兑换，${o.price} 积分`}</Text>
      <View className='points__chips'>
        <Chip {...orderChip(o)} />
      </View>
      {o.status === 'ordered' && <Text className='points__say'>{COLLECT_AT}</Text>}
      {o.status === 'collected' && o.collectedAt !== null && <Text className='points__line'>{`${formatDay(o.collectedAt, now)}领取`}</Text>}
      {o.status === 'cancelled' && (
        <Text className='points__line'>{`${o.cancelledAt !== null ? `${formatDay(o.cancelledAt, now)}取消，` : ''}${o.price} 积分已退回${o.cancelReason ? `。原因：${o.cancelReason}` : ''}`}</Text>
      )}
      {o.status === 'ordered' && (
        <Button className='points__plain' size='large' block onClick={onCancel}>
          取消兑换
        </Button>
      )}
    </View>
  );
}
