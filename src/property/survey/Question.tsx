/**
 * One question of the survey: its name, what it asks, and its three answers as big tiles, each a face
 * and a word (😊 满意 / 🙂 基本满意 / 😞 不满意); the picked one is filled and ticked, so it is told
 * by more than its colour. The error, when the question was left out, is said under it.
 */
import { Text, View } from '@tarojs/components';
import type { SurveyQuestionView, SurveyView } from '../../core/api';
import type { SurveyAnswerValue } from '../../core/assessment';
import { ANSWER_ICON } from '../words';

interface Props {
  index: number;
  question: SurveyQuestionView;
  choices: SurveyView['choices'];
  value: SurveyAnswerValue | null;
  onChange: (v: SurveyAnswerValue) => void;
  error?: string | null;
}

export function Question({ index, question, choices, value, onChange, error }: Props) {
  return (
    <View className='question'>
      <Text className='question__label'>{`${index + 1}. ${question.label}`}</Text>
      <Text className='question__text'>{question.text}</Text>
      <View className='answers' role='radiogroup' aria-label={question.label}>
        {choices.map((c) => {
          const on = c.value === value;
          return (
            <View
              key={c.value}
              className={`answer${on ? ' answer--on' : ''}`}
              role='radio'
              aria-checked={on}
              aria-label={`${question.label}：${c.label}`}
              hoverClass='answer--pressed'
              onClick={() => onChange(c.value)}
            >
              {/* The tick beside the face, so the word keeps its one line. */}
              <Text className='answer__icon'>{`${on ? '✓ ' : ''}${ANSWER_ICON[c.value]}`}</Text>
              <Text className='answer__word'>{c.label}</Text>
            </View>
          );
        })}
      </View>
      {error && <Text className='question__error'>{error}</Text>}
    </View>
  );
}
