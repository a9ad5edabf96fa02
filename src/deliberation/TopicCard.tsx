/**
 * A topic in 小区议事: its phase (words and an icon), the title, the place, its days, the share of
 * households that voted and whether the reader's household did. The whole card is the tap target.
 */
import { Text, View } from '@tarojs/components';
import type { TopicCard as Card } from '../core/api';
import { PhaseChip } from './Chip';
import { daysLine, turnoutLine, votedLine } from './words';

export function TopicCard({ topic, onOpen }: { topic: Card; onOpen: () => void }) {
  const voted = votedLine(topic);
  return (
    <View className={`dcard dcard--${topic.status}`} role='link' hoverClass='dcard--pressed' onClick={onOpen}>
      <PhaseChip topic={topic} />
      <Text className='dcard__title'>{topic.title}</Text>
      <Text className='dcard__line dcard__place trail'>{topic.trail}</Text>
      <Text className='dcard__line'>{daysLine(topic)}</Text>
      {topic.hasVote && <Text className='dcard__line'>{turnoutLine(topic.turnout)}</Text>}
      {voted && <Text className={`dcard__voted${topic.myHouseholdVoted ? '' : ' dcard__voted--not'}`}>{voted}</Text>}
      {topic.opinions > 0 && <Text className='dcard__line'>{`${topic.opinions} 条意见`}</Text>}
      <Text className='dcard__more'>查看 ›</Text>
    </View>
  );
}
