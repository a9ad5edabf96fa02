/**
 * A month's flag on the compound's public page: the month, the flag as an icon and a word (🚩 红旗 /
 * ⚠️ 黄旗, or 不评旗 and why), what it means, the company it is for and the score. The tint only
 * repeats what the words say.
 */
import { Text, View } from '@tarojs/components';
import type { AssessmentView } from '../core/api';
import { flagWords, scoreWords } from './words';

export function FlagCard({ assessment: a }: { assessment: AssessmentView }) {
  const f = flagWords(a);
  const score = scoreWords(a.result.score);
  return (
    <View className={`flag flag--${f.tone}`}>
      <Text className='flag__month'>{`${a.monthLabel}物业测评`}</Text>
      <View className='flag__head'>
        <Text className='flag__icon'>{f.icon}</Text>
        <Text className='flag__word'>{f.word}</Text>
      </View>
      <Text className='flag__meaning'>{f.meaning}</Text>
      <Text className='flag__line'>{`物业公司：${a.company.name}`}</Text>
      {score && <Text className='flag__line'>{score}</Text>}
    </View>
  );
}

/** A flag in a line (history by month): its icon and word on a tint. */
export function FlagChip({ assessment }: { assessment: Pick<AssessmentView, 'flag' | 'noFlagText'> }) {
  const f = flagWords(assessment);
  return <Text className={`fchip fchip--${f.tone}`}>{`${f.icon} ${f.word}`}</Text>;
}
