import { Text } from '@tarojs/components';
import type { WishPublicView } from '../core/api';
import { chipOf } from './words';

/** A wish's status in words with its icon on a tint (never told by colour alone). */
export function WishChip({ wish }: { wish: Pick<WishPublicView, 'status' | 'statusLabel'> }) {
  const { tone, label } = chipOf(wish);
  return <Text className={`wchip wchip--${tone}`}>{label}</Text>;
}
