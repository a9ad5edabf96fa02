import { Text, View } from '@tarojs/components';
import type { WishPublicView } from '../core/api';
import { WishChip } from './Chip';
import { byDateLine } from './words';

/**
 * A wish in a list: what is wished (big), for whom, by when, the compound, and its status when the
 * list mixes them (我的心愿). The whole card is the tap target and opens the wish.
 */
export function WishCard({ wish, onOpen, showStatus = false }: { wish: WishPublicView; onOpen: () => void; showStatus?: boolean }) {
  return (
    <View className={`wcard wcard--${wish.status}`} role='link' hoverClass='wcard--pressed' onClick={onOpen}>
      {showStatus && <WishChip wish={wish} />}
      <Text className='wcard__what'>{wish.what}</Text>
      <Text className='wcard__line'>{`为谁：${wish.forWhom}`}</Text>
      <Text className='wcard__line'>{byDateLine(wish)}</Text>
      <Text className='wcard__line wcard__place'>{wish.place}</Text>
      <Text className='wcard__more'>查看 ›</Text>
    </View>
  );
}
