/** Redeemed: what, the points it took and the balance now, where to collect it; then 我的兑换 or back to the shop. */
import { Text, View } from '@tarojs/components';
import type { RedemptionView } from '../../core/api';
import { Button } from '../../components/nut';
import { Screen } from '../../components/Screen';
import { StatusRow as Row } from '../../components/StatusCard';
import { COLLECT_AT } from '../words';

export function Redeemed({ order, balance, onOrders, onShop }: { order: RedemptionView; balance: number; onOrders: () => void; onShop: () => void }) {
  return (
    <Screen className='points'>
      <Text className='points__title page-title'>✓ 兑换成功</Text>
      <View className='card'>
        <Text className='goods__name'>{order.goodsName}</Text>
        <Row label='扣除积分' value={`${order.price} 分`} />
        <Row label='现有积分' value={`${balance} 分`} />
        <Row label='状态' value={order.statusLabel} />
        <Text className='points__say points__say--top'>{COLLECT_AT}</Text>
      </View>
      <Button className='points__action' type='primary' size='large' block onClick={onOrders}>
        查看我的兑换
      </Button>
      <Button className='points__plain' size='large' block onClick={onShop}>
        继续逛积分超市
      </Button>
    </Screen>
  );
}
