/**
 * 服务日期: today picked already; yesterday and the day before one tap away, earlier days from the date
 * picker. Each day is written the one way (今天 / 昨天 / 11月21日).
 */
import { Picker, Text, View } from '@tarojs/components';
import { Choices } from '../../components/Choices';
import { dayWords } from '../words';

export function ServiceDay({ value, from, today, offered, onChange, error }: { value: string; from: string; today: string; offered: string[]; onChange: (day: string) => void; error?: string | null }) {
  const days = offered.includes(value) ? offered : [...offered, value];
  return (
    <View className='service-day'>
      <Choices label='哪天服务的' options={days.map((d) => ({ value: d, label: dayWords(d) }))} columns={3} value={value} onChange={onChange} error={error} />
      <Picker mode='date' value={value} start={from} end={today} onChange={(e) => onChange(String(e.detail.value))}>
        <View className='points__link' hoverClass='points__link--pressed'>
          <Text>选更早的日期 ›</Text>
        </View>
      </Picker>
    </View>
  );
}
