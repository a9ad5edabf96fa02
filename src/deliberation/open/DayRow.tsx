/**
 * A day to pick (征求意见截止, 投票开始, 投票截止): the day written the one way (今天 / 明天 / 12月20日) and
 * WeChat's date picker to change it. The whole row is the tap target; the problem is said under it.
 */
import { Picker, Text, View } from '@tarojs/components';
import { dayWords } from '../words';

interface Props {
  label: string;
  hint?: string;
  value: string;
  start: string;
  end: string;
  onChange: (day: string) => void;
  error?: string;
}

export function DayRow({ label, hint, value, start, end, onChange, error }: Props) {
  return (
    <View className={`field${error ? ' field--error' : ''}`}>
      <View className='field__head'>
        <Text className='field__label'>{label}</Text>
        {hint && <Text className='field__hint'>{hint}</Text>}
      </View>
      <Picker mode='date' value={value || start} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
        <View className='dform__row' role='button' aria-label={`${label}：${value ? dayWords(value) : '未选'}，点一下改日期`} hoverClass='dform__row--pressed'>
          <Text className='dform__row-value'>{value ? dayWords(value) : '请选择日期'}</Text>
          <Text className='dform__row-change'>改日期 ›</Text>
        </View>
      </Picker>
      {error && <Text className='field__error'>{error}</Text>}
    </View>
  );
}
