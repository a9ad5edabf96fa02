/**
 * 走访日期: today picked already; yesterday and the day before one tap away, and earlier days (back to
 * the day the pairing began) from the date picker. Each day is written the one way (今天 / 昨天 / 11月21日).
 */
import { Picker, Text, View } from '@tarojs/components';
import { Choices } from '../../components/Choices';
import { dayWords } from '../words';

interface Props {
  value: string;
  /** The first day a visit may be on (the pairing's), and today. */
  from: string;
  today: string;
  offered: string[];
  onChange: (day: string) => void;
  error?: string | null;
}

export function VisitDay({ value, from, today, offered, onChange, error }: Props) {
  const days = offered.includes(value) ? offered : [...offered, value];
  const earlier = offered.length > 0 && from < offered[offered.length - 1];
  return (
    <View className='visit-day'>
      <Choices label='哪天走访的' options={days.map((d) => ({ value: d, label: dayWords(d) }))} columns={3} value={value} onChange={onChange} error={error} />
      {earlier && (
        <Picker mode='date' value={value} start={from} end={today} onChange={(e) => onChange(String(e.detail.value))}>
          <View className='pairings__link' hoverClass='pairings__link--pressed'>
            <Text>选更早的日期 ›</Text>
          </View>
        </Picker>
      )}
    </View>
  );
}
