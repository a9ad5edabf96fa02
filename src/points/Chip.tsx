import { Text } from '@tarojs/components';
import type { Tone } from './words';

/** A state in words with its icon on a tint (never told by colour alone). */
export function Chip({ tone, label }: { tone: Tone; label: string }) {
  return <Text className={`pchip pchip--${tone}`}>{label}</Text>;
}
