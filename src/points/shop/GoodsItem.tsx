/**
 * One goods in 积分超市: its name in big letters, what it is, the price and how many are left, and one
 * button — 兑换 — when the balance covers it and some are left; otherwise why not, in words.
 */
import { Text, View } from '@tarojs/components';
import type { GoodsView } from '../../core/api';
import { Button } from '../../components/nut';

export function GoodsItem({ goods: g, balance, onRedeem }: { goods: GoodsView; balance: number; onRedeem: () => void }) {
  const short = g.price - balance;
  const why = g.stock <= 0 ? '已经兑完了，社区补货后可以再兑换' : short > 0 ? `积分不够，还差 ${short} 分` : null;
  return (
    <View className={`card goods${why ? ' goods--off' : ''}`}>
      <Text className='goods__name'>{g.name}</Text>
      {g.description && <Text className='goods__say'>{g.description}</Text>}
      <View className='goods__figures'>
        <Text className='goods__price'>{`${g.price} 积分`}</Text>
        <Text className='goods__stock'>{g.stock > 0 ? `还剩 ${g.stock} 件` : '已兑完'}</Text>
      </View>
      {why ? (
        <Text className='goods__why'>{why}</Text>
      ) : (
        <Button className='points__plain' type='primary' size='large' block onClick={onRedeem}>
          兑换
        </Button>
      )}
    </View>
  );
}
