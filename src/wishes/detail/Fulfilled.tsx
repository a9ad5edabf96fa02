import { Text, View } from '@tarojs/components';
import type { WishView } from '../../core/api';
import { PhotoGrid } from '../../components/Photos';
import { formatWhen } from '../../utils/time';

/** 怎么实现的: the claimer's note and photos, for the wisher to confirm by and for everyone after. */
export function Fulfilled({ wish }: { wish: WishView }) {
  if (wish.fulfilledAt === null) return null;
  return (
    <View className='card'>
      <Text className='section-title'>怎么实现的</Text>
      <Text className='wdetail__meta'>{`${wish.claimer?.name ?? '认领人'} · ${formatWhen(wish.fulfilledAt)}`}</Text>
      {wish.fulfilNote && <Text className='wdetail__text'>{wish.fulfilNote}</Text>}
      <PhotoGrid photos={wish.fulfilPhotos} label='实现心愿的照片' />
    </View>
  );
}
