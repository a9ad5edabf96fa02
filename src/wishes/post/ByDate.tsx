/**
 * 希望在哪天前: the day, written the one way (今天 / 明天 / 12月20日), and WeChat's date picker to
 * change it, from today to half a year ahead. The whole row is the tap target.
 */
import { Picker, Text, View } from '@tarojs/components';
import { dayWords } from '../words';

export function ByDate({ value, start, end, onChange, error }: { value: string; start: string; end: string; onChange: (day: string) => void; error?: string }) {
  return (
    <View className={`field${error ? ' field--error' : ''}`}>
      <View className='field__head'>
        <Text className='field__label'>希望在哪天前实现</Text>
        <Text className='field__hint'>到了这天还没有人认领，心愿会过期</Text>
      </View>
      <Picker mode='date' value={value || start} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
        <View className='wpost__date' role='button' aria-label='选择日期' hoverClass='wpost__date--pressed'>
          <Text className='wpost__date-value'>{value ? `${dayWords(value)}前` : '请选择日期'}</Text>
          <Text className='wpost__date-change'>改日期 ›</Text>
        </View>
      </Picker>
      {error && <Text className='field__error'>{error}</Text>}
    </View>
  );
}
