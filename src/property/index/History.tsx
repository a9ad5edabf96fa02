/** 历次测评: the published months, newest first, each its flag in words and its score. */
import { Text, View } from '@tarojs/components';
import type { AssessmentView } from '../../core/api';
import { FlagChip } from '../FlagCard';
import { scoreWords } from '../words';

export function History({ months }: { months: AssessmentView[] }) {
  if (months.length === 0) return null;
  return (
    <>
      <Text className='property__section'>历次测评</Text>
      <View className='card'>
        {months.map((m) => (
          <View key={m.id} className='month-row'>
            <View>
              <Text className='month-row__month'>{m.monthLabel}</Text>
              <Text className='month-row__line'>{[scoreWords(m.result.score) ?? '没有得分', m.company.name].join('，')}</Text>
            </View>
            <FlagChip assessment={m} />
          </View>
        ))}
      </View>
    </>
  );
}
