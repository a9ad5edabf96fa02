/** The figures behind a month's flag (评分依据): each with what it counts, as the notice board prints them. */
import { Text, View } from '@tarojs/components';
import type { AssessmentView } from '../../core/api';
import { figureRows } from '../words';

export function Figures({ assessment }: { assessment: AssessmentView }) {
  return (
    <View className='card'>
      <Text className='section-title'>评分依据</Text>
      {figureRows(assessment).map((r) => (
        <View key={r.label} className='figure'>
          <View className='figure__name'>
            <Text className='figure__label'>{r.label}</Text>
            <Text className='figure__hint'>{r.hint}</Text>
          </View>
          <Text className='figure__value'>{r.value}</Text>
        </View>
      ))}
    </View>
  );
}
