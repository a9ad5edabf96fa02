/** The household's answers as given (only to the one who gave them): a question and its answer a line. */
import { Text, View } from '@tarojs/components';
import type { SurveyView } from '../../core/api';
import type { SurveyAnswers } from '../../core/assessment';
import { ANSWER_ICON } from '../words';

export function Given({ survey, answers }: { survey: SurveyView; answers: SurveyAnswers }) {
  const label = (v: SurveyAnswers[keyof SurveyAnswers]) => survey.choices.find((c) => c.value === v)?.label ?? '';
  return (
    <View className='card'>
      <Text className='section-title'>您的评价</Text>
      {survey.questions.map((q) => (
        <View key={q.id} className='given'>
          <Text>{q.label}</Text>
          <Text className='given__answer'>{`${ANSWER_ICON[answers[q.id]]} ${label(answers[q.id])}`}</Text>
        </View>
      ))}
    </View>
  );
}
