import { Text, View } from '@tarojs/components';

/** 同行人数: how many come along with the resident, 0 to what the lecture allows, with − and + a finger hits. */
export function Companions({ value, max, onChange }: { value: number; max: number; onChange: (n: number) => void }) {
  const step = (delta: number, label: string, enabled: boolean) => (
    <View
      className={`companions__step${enabled ? '' : ' companions__step--off'}`}
      role='button'
      aria-label={label}
      aria-disabled={!enabled}
      hoverClass={enabled ? 'companions__step--pressed' : 'none'}
      onClick={() => enabled && onChange(value + delta)}
    >
      {delta < 0 ? '−' : '+'}
    </View>
  );
  return (
    <View className='companions'>
      <Text className='companions__label'>带几位同行？</Text>
      <Text className='companions__hint'>{`这场讲座每人最多带 ${max} 位（家人、朋友），每位占一个座位`}</Text>
      <View className='companions__row'>
        {step(-1, '少一位同行', value > 0)}
        <Text className='companions__count' aria-live='polite'>{value === 0 ? '不带' : `${value} 位`}</Text>
        {step(1, '多一位同行', value < max)}
      </View>
    </View>
  );
}
