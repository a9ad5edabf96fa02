/**
 * 哪天走访的: today picked already; yesterday and the day before one tap away, and earlier days (60 days
 * back at most) from WeChat's date picker. Each day is written the one way (今天 / 昨天 / 11月21日).
 */
import { Picker, Text, View } from '@tarojs/components';
import { Choices } from '../../components/Choices';
import { dayWords } from '../words';

interface Props {
  value: string;
  earliest: string;
  today: string;
  offered: string[];
  onChange: (day: string) => void;
  error?: string | null;
}

export function VisitDay({ value, earliest, today, offered, onChange, error }: Props) {
  const days = offered.includes(value) ? offered : [...offered, value];
  return (
    <View className='pfield'>
      <Choices label='哪天走访的' options={days.map((d) => ({ value: d, label: dayWords(d) }))} columns={days.length > 3 ? 2 : 3} value={value} onChange={onChange} error={error} />
      <Picker mode='date' value={value} start={earliest} end={today} onChange={(e) => onChange(String(e.detail.value))}>
        <View className='partners__link' role='button' hoverClass='partners__link--pressed'>
          <Text>选更早的日期 ›</Text>
        </View>
      </Picker>
    </View>
  );
}
