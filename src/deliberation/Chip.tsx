import { Text } from '@tarojs/components';
import type { TopicCard } from '../core/api';
import { phaseChip } from './words';

/** A topic's phase in words with its icon on a tint (never told by colour alone). */
export function PhaseChip({ topic }: { topic: Pick<TopicCard, 'phase' | 'phaseLabel'> }) {
  const { tone, label } = phaseChip(topic);
  return <Text className={`dchip dchip--${tone}`}>{label}</Text>;
}
