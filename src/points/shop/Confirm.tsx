/**
 * The step before spending: what, for how many points, what is left after, and that the points go at
 * once and the goods are collected at the community. One main action (确认兑换), and a way back.
 */
import { Text, View } from '@tarojs/components';
import type { GoodsView } from '../../core/api';
import { Button } from '../../components/nut';
import { Screen } from '../../components/Screen';
import { StatusRow as Row } from '../../components/StatusCard';

interface Props {
  goods: GoodsView;
  balance: number;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onBack: () => void;
}

export function Confirm({ goods, balance, busy, error, onConfirm, onBack }: Props) {
  return (
    <Screen className='points'>
      <Text className='points__title page-title'>确认兑换</Text>
      {error && <Text className='message message--error'>{error}</Text>}
      <View className='card'>
        <Text className='goods__name'>{goods.name}</Text>
        <Row label='需要积分' value={`${goods.price} 分`} />
        <Row label='现有积分' value={`${balance} 分`} />
        <Row label='兑换后还剩' value={`${balance - goods.price} 分`} />
      </View>
      <Text className='message message--info'>兑换后积分立即扣除，请到社区领取。</Text>
      <Button className='points__action' type='primary' size='large' block disabled={busy} onClick={onConfirm}>
        {busy ? '正在兑换…' : error ? '再试一次' : '确认兑换'}
      </Button>
      <Button className='points__plain' size='large' block disabled={busy} onClick={onBack}>
        返回
      </Button>
    </Screen>
  );
}
